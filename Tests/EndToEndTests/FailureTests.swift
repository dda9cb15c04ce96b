import FakeGroq
import Foundation
import Testing

@Suite("failures: one line on stderr, a distinct exit code, nothing printed lost")
struct FailureTests {
  @Test("a missing key is exit 4 with a hint, and nothing is sent")
  func missingKey() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "hi"], server: server, environment: ["GROQ_API_KEY": ""])
    #expect(result.status == 4)
    #expect(result.stderr.hasPrefix("groq: error: no API key: GROQ_API_KEY is not set and none is stored\nhint: "))
    #expect(server.requests.isEmpty)
  }

  @Test("a rejected key is exit 4, and the key itself is never printed, even when the server echoes it")
  func rejectedKey() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["models"], server: server, environment: ["GROQ_API_KEY": "gsk_wrong_secret"])
    #expect(result.status == 4)
    #expect(result.stderr.contains("Invalid API Key"))
    #expect(result.stderr.contains("hint: check GROQ_API_KEY"))
    #expect(server.requests.count == 1)
    server.enqueue(
      .groqError(status: 401, message: "Incorrect API key provided: gsk_wrong_secret", code: "invalid_api_key"))
    let echoed = try GroqProcess.run(["chat", "hi"], server: server, environment: ["GROQ_API_KEY": "gsk_wrong_secret"])
    #expect(echoed.status == 4)
    #expect(echoed.stderr.contains("Incorrect API key provided: gsk_***"))
    #expect(!echoed.stderr.contains("gsk_wrong_secret"))
  }

  @Test("the key is never sent over plain http to another machine")
  func insecureBaseURL() throws {
    let result = try GroqProcess.run(
      ["chat", "hi"], environment: ["GROQ_API_KEY": "gsk_secret", "GROQ_BASE_URL": "http://api.example.com"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: refusing to send the API key over plain http to api.example.com"))
    #expect(!result.stderr.contains("gsk_secret"))
  }

  @Test(
    "values are checked before any request",
    arguments: [
      (["chat", "--temperature", "3", "hi"], "--temperature"),
      (["chat", "--top-p", "-0.1", "hi"], "--top-p"),
      (["chat", "--max-tokens", "0", "hi"], "--max-tokens"),
      (["chat", "--seed", "x", "hi"], "--seed"),
      (["chat", "--stop", "a", "--stop", "b", "--stop", "c", "--stop", "d", "--stop", "e", "hi"], "--stop"),
      (["chat", "--timeout", "0", "hi"], "--timeout"),
      (["chat", "--max-retries", "-1", "hi"], "--max-retries"),
      (["chat", "--modle", "x", "hi"], "did you mean '--model'"),
      (["chat", "-m"], "needs a value"),
      (["models", "a", "b"], "at most one model id"),
    ])
  func badInput(arguments: [String], mentions: String) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(arguments, stdin: "", server: server)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: "))
    #expect(result.stderr.contains(mentions))
    #expect(result.stdout == "")
    #expect(server.requests.isEmpty)
  }

  @Test("an empty prompt is a usage error")
  func emptyPrompt() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat"], stdin: "  \n", server: server)
    #expect(result.status == 2)
    #expect(result.stderr.contains("the prompt is empty"))
    #expect(server.requests.isEmpty)
  }

  @Test("a 429 is retried after the server's retry-after, and says so when the wait is long")
  func rateLimitRetried() throws {
    let server = try FakeGroqServer()
    server.enqueue(.rateLimited(retryAfter: "1.2"))
    let result = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == ChatTests.answer + "\n")
    #expect(result.stderr == "waiting 1.2 s: rate limited (tokens)\n")
    #expect(server.requests.count == 2)
  }

  @Test("retries stop after --max-retries, and the last error is reported with its request id")
  func retriesExhausted() throws {
    let server = try FakeGroqServer()
    let fast = [("retry-after-ms", "1"), ("x-request-id", "req_01failing")]
    server.enqueue(
      .groqError(status: 503, message: "Service Unavailable", type: "internal_server_error", headers: fast),
      .groqError(status: 503, message: "Service Unavailable", type: "internal_server_error", headers: fast),
      .groqError(status: 503, message: "Service Unavailable", type: "internal_server_error", headers: fast))
    let result = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(result.status == 1)
    #expect(server.requests.count == 3)
    #expect(result.stderr.contains("groq: error: the server failed (HTTP 503): Service Unavailable (after 3 attempts)"))
    #expect(result.stderr.contains("req_01failing"))
    #expect(result.stdout == "")
  }

  @Test("x-should-retry: false is obeyed, and --max-retries 0 means one attempt")
  func shouldRetryHeader() throws {
    let server = try FakeGroqServer()
    server.enqueue(.groqError(status: 500, message: "boom", headers: [("x-should-retry", "false")]))
    _ = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(server.requests.count == 1)
    server.enqueue(.groqError(status: 500, message: "boom", headers: [("retry-after-ms", "1")]))
    let result = try GroqProcess.run(["chat", "--max-retries", "0", "hi"], server: server)
    #expect(server.requests.count == 2)
    #expect(result.status == 1)
  }

  @Test("a 400 is not retried and shows Groq's own message")
  func badRequest() throws {
    let server = try FakeGroqServer()
    server.enqueue(.groqError(status: 400, message: "'messages' : minimum number of items is 1"))
    let result = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(result.status == 1)
    #expect(server.requests.count == 1)
    #expect(result.stderr.hasPrefix("groq: error: 'messages' : minimum number of items is 1"))
  }

  @Test("an error event mid-stream keeps what was printed, is reported, and is never retried")
  func midStreamError() throws {
    let server = try FakeGroqServer()
    server.enqueue(
      .chatStream(
        tokens: ["Partial", " answer", " lost?"],
        options: StreamOptions(errorAfterTokens: 2, errorMessage: "Internal server error", errorCode: "internal_error"))
    )
    let result = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(result.status == 1)
    #expect(result.stdout == "Partial answer\n")
    #expect(result.stderr.hasPrefix("groq: error: the answer stopped: Internal server error"))
    #expect(server.requests.count == 1)
  }

  @Test("a stream cut before [DONE] keeps what was printed and fails")
  func cutStream() throws {
    let server = try FakeGroqServer()
    server.enqueue(.chatStream(tokens: ["One", " two", " three"], options: StreamOptions(cutAfterTokens: 2)))
    let result = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(result.status == 1)
    #expect(result.stdout == "One two\n")
    #expect(result.stderr.hasPrefix("groq: error: "))
    #expect(server.requests.count == 1)
  }

  @Test("a server that never answers times out after --timeout")
  func timeout() throws {
    let server = try FakeGroqServer()
    server.enqueue(.hang)
    let result = try GroqProcess.run(["chat", "--timeout", "1", "--max-retries", "0", "hi"], server: server)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: timed out"))
    #expect(result.stderr.contains("--timeout"))
  }

  @Test("a redirect is not followed, so the key never goes to the new address")
  func redirectRefused() throws {
    let server = try FakeGroqServer()
    let elsewhere = try FakeGroqServer()
    server.enqueue(.json("", status: 307, headers: [("location", elsewhere.baseURL + "/openai/v1/models")]))
    let result = try GroqProcess.run(["models"], server: server)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: the server redirected to \(elsewhere.baseURL)/openai/v1/models"))
    #expect(server.requests.count == 1)
    #expect(elsewhere.requests.isEmpty)
  }

  @Test(
    "a plain-http request to this machine never goes through a proxy, which would see the key",
    arguments: [
      "http_proxy", "ALL_PROXY",
    ])
  func proxyBypassedForLoopback(variable: String) throws {
    let server = try FakeGroqServer()
    let proxy = try FakeGroqServer()
    let result = try GroqProcess.run(["models"], server: server, environment: [variable: proxy.baseURL])
    #expect(result.status == 0)
    #expect(server.requests.count == 1)
    #expect(proxy.requests.isEmpty)
  }

  @Test("a refused connection is exit 1 with a network hint")
  func connectionRefused() throws {
    let port: Int
    do {
      let server = try FakeGroqServer()
      port = server.port
      server.stop()
    }
    let result = try GroqProcess.run(
      ["models", "--max-retries", "0"],
      environment: ["GROQ_API_KEY": "gsk_x", "GROQ_BASE_URL": "http://127.0.0.1:\(port)"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: could not connect"))
  }
}
