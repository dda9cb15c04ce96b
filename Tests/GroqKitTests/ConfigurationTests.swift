import Foundation
import Testing

@testable import GroqKit

private func configuration(_ environment: [String: String]) throws(ConfigurationError) -> Configuration {
  try Configuration(environment: environment, userAgent: "groq/9.9.9")
}

private func baseURL(_ value: String?) throws -> String {
  var environment = ["GROQ_API_KEY": "gsk_test_key"]
  environment["GROQ_BASE_URL"] = value
  return try configuration(environment).baseURL.absoluteString
}

/// The error `Configuration(environment:)` throws for this environment, or nil when it succeeds.
private func configurationError(_ environment: [String: String]) -> ConfigurationError? {
  do {
    _ = try configuration(environment)
    return nil
  } catch {
    return error
  }
}

@Suite struct ConfigurationTests {
  @Test("GROQ_BASE_URL unset means Groq's API")
  func defaultBaseURL() throws {
    #expect(try baseURL(nil) == "https://api.groq.com/openai/v1")
  }

  @Test("an empty GROQ_BASE_URL means Groq's API")
  func emptyBaseURL() throws {
    #expect(try baseURL("  ") == "https://api.groq.com/openai/v1")
  }

  @Test("a host gets /openai/v1, as the SDKs do", arguments: ["https://api.groq.com", "https://api.groq.com/"])
  func hostGetsAPIPath(_ value: String) throws {
    #expect(try baseURL(value) == "https://api.groq.com/openai/v1")
  }

  @Test("a URL with a path is used as given")
  func pathUsedAsGiven() throws {
    #expect(try baseURL("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1")
  }

  @Test("trailing slashes are trimmed from the path")
  func trailingSlashTrimmed() throws {
    #expect(try baseURL("http://localhost:9/openai/v1/") == "http://localhost:9/openai/v1")
  }

  @Test("the scheme is lower-cased")
  func schemeLowerCased() throws {
    #expect(try baseURL("HTTPS://api.groq.com") == "https://api.groq.com/openai/v1")
  }

  @Test(
    "plain http to another machine is refused, since the key would travel in clear",
    arguments: [
      ("http://api.groq.com", "api.groq.com"), ("http://10.0.0.1:8080/v1", "10.0.0.1"),
      ("http://127.0.0.1.example.com", "127.0.0.1.example.com"),
      ("http://localhost.example.com", "localhost.example.com"),
    ])
  func insecureRemote(_ value: String, _ host: String) {
    #expect(
      configurationError(["GROQ_API_KEY": "gsk_test_key", "GROQ_BASE_URL": value]) == .insecureBaseURL(host: host))
  }

  @Test(
    "plain http to this machine is allowed",
    arguments: ["http://127.0.0.5:8080", "http://localhost:8080", "http://[::1]:8080", "http://app.localhost"])
  func loopbackAllowed(_ value: String) throws {
    let url = try baseURL(value)
    #expect(url.hasPrefix("http://"))
    #expect(url.hasSuffix("/openai/v1"))
  }

  @Test("a URL that is not http or https is invalid", arguments: ["ftp://x", "not a url", "https://", "file:///tmp"])
  func invalidBaseURL(_ value: String) {
    #expect(configurationError(["GROQ_API_KEY": "gsk_test_key", "GROQ_BASE_URL": value]) == .invalidBaseURL(value))
  }

  @Test(
    "what URLComponents refused is still refused",
    arguments: [
      "http://x/v1?a=1", "http://x/v1#top", "http://x:80a", "http://[::1", "http://[]:8080", "http://user@", "http:/x",
      "http:", "https://exa mple.com",
    ])
  func stillInvalid(_ value: String) {
    #expect(configurationError(["GROQ_API_KEY": "gsk_test_key", "GROQ_BASE_URL": value]) == .invalidBaseURL(value))
  }

  @Test(
    "user info, ports and IPv6 hosts are kept; the host is read without its brackets and user",
    arguments: [
      ("http://user:pw@localhost:8080/v1/", "http://user:pw@localhost:8080/v1", "localhost"),
      ("http://[::1]:8080", "http://[::1]:8080/openai/v1", "::1"),
      ("https://API.groq.com:443", "https://API.groq.com:443/openai/v1", "API.groq.com"),
      ("http://127.0.0.1:/x", "http://127.0.0.1:/x", "127.0.0.1"),
    ])
  func parts(_ value: String, _ url: String, _ host: String) throws {
    let resolved = try Configuration.resolveBaseURL(value)
    #expect(resolved.absoluteString == url)
    #expect(Configuration.host(of: resolved) == host)
  }

  @Test("a request URL's host is read past its query and fragment, so loopback is still never proxied")
  func requestHosts() throws {
    let cases = [
      ("http://127.0.0.1:8080/openai/v1/files?after=file_1&limit=5", "127.0.0.1"),
      ("http://[::1]:9/openai/v1/batches?limit=1#x", "::1"),
      ("https://api.groq.com/openai/v1/models", "api.groq.com"),
    ]
    for (text, host) in cases {
      #expect(Configuration.host(of: try #require(URL(string: text))) == host)
    }
  }

  @Test("a Groq host is told apart from others by its name, in any case")
  func isGroq() throws {
    let groq = try configuration(["GROQ_API_KEY": "gsk_abc", "GROQ_BASE_URL": "https://API.Groq.com"])
    let other = try configuration(["GROQ_API_KEY": "gsk_abc", "GROQ_BASE_URL": "https://notgroq.com"])
    #expect(groq.isGroq)
    #expect(!other.isGroq)
  }

  @Test("a bad base URL is reported even when the key is missing")
  func baseURLCheckedFirst() {
    #expect(configurationError(["GROQ_BASE_URL": "ftp://x"]) == .invalidBaseURL("ftp://x"))
  }

  @Test("a missing, empty or blank key is missing", arguments: [nil, "", "   ", "\n\t"] as [String?])
  func missingKey(_ key: String?) {
    var environment: [String: String] = [:]
    environment["GROQ_API_KEY"] = key
    #expect(configurationError(environment) == .missingAPIKey)
  }

  @Test("a key with a space or control character inside is malformed", arguments: ["gsk_ab cd", "gsk_ab\ncd", "gsk_é"])
  func malformedKey(_ key: String) {
    #expect(configurationError(["GROQ_API_KEY": key]) == .malformedAPIKey)
  }

  @Test("whitespace around the key is trimmed")
  func keyTrimmed() throws {
    #expect(try configuration(["GROQ_API_KEY": "  gsk_abc \n"]).apiKey == "gsk_abc")
  }

  @Test("the defaults match the SDK's: two retries and a 60 s idle timeout")
  func defaults() throws {
    let value = try configuration(["GROQ_API_KEY": "gsk_abc"])
    #expect(value.maxRetries == 2)
    #expect(value.idleTimeout == 60)
    #expect(value.userAgent == "groq/9.9.9")
  }

  @Test("GROQ_CUSTOM_HEADERS is read as Name: value lines; lines without a name or colon are skipped")
  func customHeaders() throws {
    let value = try configuration([
      "GROQ_API_KEY": "gsk_abc",
      "GROQ_CUSTOM_HEADERS": "X-Team: blue\n\nno colon here\n: no name\r\nX-Empty:\nX-Url: http://a:b\n",
    ])
    let pairs = value.customHeaders.map { "\($0.name)=\($0.value)" }
    #expect(pairs == ["X-Team=blue", "X-Empty=", "X-Url=http://a:b"])
  }

  @Test("no GROQ_CUSTOM_HEADERS means no extra headers")
  func noCustomHeaders() throws {
    #expect(try configuration(["GROQ_API_KEY": "gsk_abc"]).customHeaders.isEmpty)
  }
}
