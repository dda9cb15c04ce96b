import Foundation

/// Everything a `GroqClient` needs to reach a server, read once from the environment.
public struct Configuration: Sendable {
  /// The host the official SDKs use; `/openai/v1` is appended, as they do.
  public static let defaultHost = "https://api.groq.com"
  public static let apiPath = "/openai/v1"

  public var apiKey: String
  /// The API root including its path, e.g. `https://api.groq.com/openai/v1`.
  public var baseURL: URL
  /// Seconds without a single byte from the server before the request fails.
  public var idleTimeout: Double
  /// Seconds one attempt may take in all, however steadily bytes arrive.
  public var deadline: Double
  public var maxRetries: Int
  public var userAgent: String
  /// Extra headers from `GROQ_CUSTOM_HEADERS`, as the SDKs read it.
  public var customHeaders: [(name: String, value: String)]

  public init(
    apiKey: String,
    baseURL: URL,
    idleTimeout: Double = 60,
    deadline: Double = 600,
    maxRetries: Int = 2,
    userAgent: String,
    customHeaders: [(name: String, value: String)] = []
  ) {
    self.apiKey = apiKey
    self.baseURL = baseURL
    self.idleTimeout = idleTimeout
    self.deadline = deadline
    self.maxRetries = maxRetries
    self.userAgent = userAgent
    self.customHeaders = customHeaders
  }

  /// Whether the server is Groq's own: other OpenAI-compatible servers (llama.cpp) read older field names.
  public var isGroq: Bool {
    guard let host = Self.host(of: baseURL)?.lowercased() else { return false }
    return host == "groq.com" || host.hasSuffix(".groq.com")
  }

  /// Reads `GROQ_API_KEY`, `GROQ_BASE_URL` and `GROQ_CUSTOM_HEADERS`.
  /// The base URL is checked before the key so that a typo in it is reported even when the key is missing too.
  public init(environment: [String: String], userAgent: String) throws(ConfigurationError) {
    let baseURL = try Self.resolveBaseURL(environment["GROQ_BASE_URL"])
    guard let key = environment["GROQ_API_KEY"].map({ Self.trimmed($0) }), !key.isEmpty else { throw .missingAPIKey }
    // A key with a control character or a space would split or corrupt the Authorization header.
    guard key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { throw .malformedAPIKey }
    try Self.checkKeyTransport(baseURL)
    self.init(
      apiKey: key, baseURL: baseURL, userAgent: userAgent,
      customHeaders: Self.parseCustomHeaders(environment["GROQ_CUSTOM_HEADERS"]))
  }

  /// `GROQ_BASE_URL` as the SDKs read it (a host, `/openai/v1` appended), or, when it already has a path, as given,
  /// so that any OpenAI-compatible server (`http://127.0.0.1:8080/v1`) works.
  public static func resolveBaseURL(_ value: String?) throws(ConfigurationError) -> URL {
    let raw = trimmed(value ?? "")
    let text = raw.isEmpty ? defaultHost : raw
    guard let parts = BaseURLParts(text), let url = URL(string: parts.scheme + "://" + parts.authority + parts.path)
    else { throw .invalidBaseURL(text) }
    return url
  }

  /// The URL's host without brackets, read from its text. `URL.host` and `URLComponents.host` load ICU's IDNA
  /// tables on first use (0.5 ms of every command's start) for what is here a plain split.
  /// Any request URL's: its query and fragment are cut off first (a base URL has none, `/files?after=…` does).
  public static func host(of url: URL) -> String? {
    let text = url.absoluteString
    let end = text.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? text.endIndex
    return BaseURLParts(String(text[..<end]))?.bareHost
  }

  /// The key is a secret: plain http is allowed only to this machine.
  static func checkKeyTransport(_ url: URL) throws(ConfigurationError) {
    guard url.scheme == "http" else { return }
    let host = (host(of: url) ?? "").lowercased()
    if isLoopback(host) { return }
    throw .insecureBaseURL(host: host)
  }

  static func isLoopback(_ host: String) -> Bool {
    if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
  }

  /// Without the whitespace around it. Pure Swift: Foundation's `trimmingCharacters(in:)` goes through NSString
  /// and CFCharacterSet on Linux, a measurable part of every command's start. Index walking, not `drop(while:)`
  /// and `reversed()`: their wrapper types are instantiated at run time on first use, each a search of the static
  /// binary's conformance tables (0.3 ms of `groq models`).
  public static func trimmed(_ text: Substring) -> String {
    var start = text.startIndex
    var end = text.endIndex
    while start < end, text[start].isWhitespace { start = text.index(after: start) }
    while start < end {
      let last = text.index(before: end)
      guard text[last].isWhitespace else { break }
      end = last
    }
    return String(text[start..<end])
  }

  public static func trimmed(_ text: String) -> String { trimmed(text[...]) }

  static func parseCustomHeaders(_ value: String?) -> [(name: String, value: String)] {
    guard let value else { return [] }
    return value.split(whereSeparator: \.isNewline).compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let name = trimmed(line[..<colon])
      let value = trimmed(line[line.index(after: colon)...])
      return name.isEmpty ? nil : (name, value)
    }
  }
}

/// A configuration problem found before any request is made.
public enum ConfigurationError: Error, Sendable, Equatable {
  case missingAPIKey
  case malformedAPIKey
  case invalidBaseURL(String)
  case insecureBaseURL(host: String)
}
