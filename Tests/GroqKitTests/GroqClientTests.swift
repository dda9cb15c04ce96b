import FakeGroq
import Foundation
import Testing

@testable import GroqKit

private let modelsBody =
  #"{"object":"list","data":[{"id":"openai/gpt-oss-120b","object":"model","created":1733447754,"owned_by":"Meta","active":true,"context_window":131072,"public_apps":null,"max_completion_tokens":32768}]}"#

private let completionBody =
  #"{"id":"chatcmpl-1","object":"chat.completion","created":1747000000,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11},"x_groq":{"id":"req_01abc"}}"#

private let tokensLimitedBody =
  #"{"error":{"message":"Rate limit reached for model `m` on tokens per minute (TPM): Limit 6000, Used 5800, Requested 400.","type":"tokens","code":"rate_limit_exceeded"}}"#

/// A 429 whose hint makes the client's real sleep 1 ms.
private let rateLimited = ScriptedReply.response(
  status: 429, headers: ["retry-after-ms": "1", "content-type": "application/json"], body: tokensLimitedBody)

private let modelsOK = ScriptedReply.response(status: 200, headers: [:], body: modelsBody)

private let request = ChatCompletionRequest(model: "m", messages: [.user("hi")])

@Suite struct GroqClientRequestTests {
  @Test("every request carries the bearer key, the User-Agent and Accept")
  func commonHeaders() async throws {
    let transport = FakeTransport([modelsOK])
    _ = try await makeClient(transport).models()
    let sent = try #require(transport.requests.first)
    #expect(sent.header("Authorization") == "Bearer gsk_test_key")
    #expect(sent.header("User-Agent") == "groq/9.9.9")
    #expect(sent.header("Accept") == "application/json")
  }

  @Test("a GET has no Content-Type and no body")
  func getHasNoBody() async throws {
    let transport = FakeTransport([modelsOK])
    _ = try await makeClient(transport).models()
    let sent = try #require(transport.requests.first)
    #expect(sent.method == "GET")
    #expect(sent.header("Content-Type") == nil)
    #expect(try sent.jsonBody() == nil)
  }

  @Test("a POST says its body is JSON")
  func postHasContentType() async throws {
    let transport = FakeTransport([.response(status: 200, body: completionBody)])
    _ = try await makeClient(transport).chatCompletion(request)
    let sent = try #require(transport.requests.first)
    #expect(sent.method == "POST")
    #expect(sent.header("Content-Type") == "application/json")
  }

  @Test("a streamed chat accepts text/event-stream")
  func streamAccept() async throws {
    let transport = FakeTransport([.stream(["data: [DONE]\n\n"])])
    _ = try await makeClient(transport).streamChatCompletion(request)
    #expect(transport.requests.first?.header("Accept") == "text/event-stream")
  }

  @Test("Groq gets the token limit as max_completion_tokens only; another server also as max_tokens (llama.cpp)")
  func tokenLimitNames() async throws {
    var request = ChatCompletionRequest(model: "m", messages: [.user("hi")])
    request.maxCompletionTokens = 20
    for (base, names) in [
      ("https://api.groq.com", ["max_completion_tokens"]), ("http://127.0.0.1:8080/v1", ["max_completion_tokens", "max_tokens"]),
    ] {
      let configuration = try Configuration(
        environment: ["GROQ_API_KEY": "gsk_env", "GROQ_BASE_URL": base], userAgent: "groq/9.9.9")
      let transport = FakeTransport([.response(status: 200, body: completionBody)])
      _ = try await GroqClient(configuration: configuration, transport: transport).chatCompletion(request)
      let json = try #require(try transport.requests.first?.jsonBody())
      #expect(Set(json.keys).intersection(["max_completion_tokens", "max_tokens"]) == Set(names), "\(base)")
      #expect(names.allSatisfy { json[$0] as? Int == 20 })
    }
  }

  @Test("GROQ_CUSTOM_HEADERS are added to every request")
  func customHeaders() async throws {
    let configuration = try Configuration(
      environment: ["GROQ_API_KEY": "gsk_env", "GROQ_CUSTOM_HEADERS": "X-Team: blue\nX-Trace:  on "],
      userAgent: "groq/9.9.9")
    let transport = FakeTransport([modelsOK])
    _ = try await GroqClient(configuration: configuration, transport: transport).models()
    let sent = try #require(transport.requests.first)
    #expect(sent.header("X-Team") == "blue")
    #expect(sent.header("X-Trace") == "on")
    #expect(sent.header("Authorization") == "Bearer gsk_env")
  }

  @Test("the URL is the base URL followed by the path")
  func urlIsBasePlusPath() async throws {
    let transport = FakeTransport([modelsOK, .response(status: 200, body: completionBody)])
    let client = makeClient(transport, baseURL: "http://127.0.0.1:8080/v1")
    _ = try await client.models()
    _ = try await client.chatCompletion(request)
    #expect(
      transport.requests.map(\.url.absoluteString) == [
        "http://127.0.0.1:8080/v1/models", "http://127.0.0.1:8080/v1/chat/completions",
      ])
  }

  @Test("a model id with a slash goes as %2F")
  func modelIDWithSlash() async throws {
    let body = #"{"id":"qwen/qwen3.8-27b","object":"model","owned_by":"Meta"}"#
    let transport = FakeTransport([.response(status: 200, body: body)])
    let (model, _) = try await makeClient(transport).model(id: "qwen/qwen3.8-27b")
    #expect(
      transport.requests.first?.url.absoluteString
        == "https://api.groq.com/openai/v1/models/qwen%2Fqwen3.8-27b")
    #expect(model.id == "qwen/qwen3.8-27b")
  }

  @Test("a plain chat request sends only model and messages")
  func plainRequestHasNoNilFields() async throws {
    let transport = FakeTransport([.response(status: 200, body: completionBody)])
    _ = try await makeClient(transport).chatCompletion(request)
    let json = try #require(try transport.requests.first?.jsonBody())
    #expect(Set(json.keys) == ["model", "messages"])
    let messages = try #require(json["messages"] as? [[String: Any]])
    #expect(messages.count == 1)
    #expect(Set(messages[0].keys) == ["role", "content"])
    #expect(messages[0]["role"] as? String == "user")
    #expect(messages[0]["content"] as? String == "hi")
  }

  @Test("a streamed chat request sends only model, messages and stream")
  func streamRequestHasNoNilFields() async throws {
    let transport = FakeTransport([.stream(["data: [DONE]\n\n"])])
    _ = try await makeClient(transport).streamChatCompletion(request)
    let json = try #require(try transport.requests.first?.jsonBody())
    #expect(Set(json.keys) == ["model", "messages", "stream"])
    #expect(json["stream"] as? Bool == true)
  }

  @Test("sampling options go under their snake_case names")
  func samplingOptionNames() async throws {
    var full = request
    full.temperature = 0.5
    full.topP = 0.9
    full.maxCompletionTokens = 100
    full.stop = ["END"]
    full.seed = 7
    let transport = FakeTransport([.response(status: 200, body: completionBody)])
    _ = try await makeClient(transport).chatCompletion(full)
    let json = try #require(try transport.requests.first?.jsonBody())
    #expect(Set(json.keys) == ["model", "messages", "temperature", "top_p", "max_completion_tokens", "stop", "seed"])
    #expect(json["max_completion_tokens"] as? Int == 100)
    #expect(json["stop"] as? [String] == ["END"])
  }

  @Test("a whole answer is decoded, with its request id")
  func decodesCompletion() async throws {
    let transport = FakeTransport([.response(status: 200, body: completionBody)])
    let (completion, raw) = try await makeClient(transport).chatCompletion(request)
    #expect(completion.choices.first?.message.content == "Hi")
    #expect(completion.requestID == "req_01abc")
    #expect(completion.usage?.totalTokens == 11)
    #expect(String(decoding: raw, as: UTF8.self) == completionBody)
  }

  @Test("a 200 that is not the API's shape is an invalid response")
  func undecodableSuccess() async throws {
    let transport = FakeTransport([.response(status: 200, body: #"{"object":"list"}"#)])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport).models() }
    #expect(error?.kind == .invalidResponse)
    #expect(error?.message.contains("`data`") == true)
  }
}

@Suite struct GroqClientRetryTests {
  @Test("a 429 is retried and the next answer used")
  func rateLimitRetried() async throws {
    let transport = FakeTransport([rateLimited, modelsOK])
    let (models, _) = try await makeClient(transport).models()
    #expect(models.map(\.id) == ["openai/gpt-oss-120b"])
    #expect(transport.requests.count == 2)
  }

  @Test("the retry notice says the tokens budget ran out, and waits as retry-after-ms says")
  func retryNotice() async throws {
    let notices = Locked<[RetryNotice]>([])
    let transport = FakeTransport([rateLimited, modelsOK])
    _ = try await makeClient(transport, onRetry: { notice in notices.withValue { $0.append(notice) } }).models()
    let notice = try #require(notices.current.first)
    #expect(notices.current.count == 1)
    #expect(notice.reason == "rate limited (tokens)")
    #expect(notice.attempt == 1)
    #expect(abs(notice.delay - 0.001) < 1e-9)
  }

  @Test("a 400 is not retried")
  func badRequestNotRetried() async throws {
    let body = #"{"error":{"message":"bad","type":"invalid_request_error"}}"#
    let transport = FakeTransport([.response(status: 400, body: body), modelsOK])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport).models() }
    #expect(error?.status == 400)
    #expect(error?.attempts == 1)
    #expect(transport.requests.count == 1)
  }

  @Test("when retries run out the last error says how many attempts were made")
  func retriesExhausted() async throws {
    let transport = FakeTransport([rateLimited, rateLimited, rateLimited])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport, maxRetries: 2).models() }
    #expect(error?.status == 429)
    #expect(error?.attempts == 3)
    #expect(transport.requests.count == 3)
  }

  @Test("maxRetries 0 makes one attempt")
  func noRetries() async throws {
    let transport = FakeTransport([rateLimited])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport, maxRetries: 0).models() }
    #expect(error?.attempts == 1)
    #expect(transport.requests.count == 1)
  }

  @Test("a connection error is retried")
  func connectionErrorRetried() async throws {
    let notices = Locked<[RetryNotice]>([])
    let transport = FakeTransport([.error(GroqError(kind: .connection, message: "connection refused")), modelsOK])
    let client = makeClient(transport, onRetry: { notice in notices.withValue { $0.append(notice) } })
    _ = try await client.models()
    #expect(transport.requests.count == 2)
    #expect(notices.current.map(\.reason) == ["connection refused"])
  }

  @Test("x-should-retry: false on a 500 is obeyed")
  func shouldRetryFalse() async throws {
    let transport = FakeTransport([
      .response(
        status: 500, headers: ["x-should-retry": "false"], body: #"{"error":{"message":"oops","type":"internal"}}"#),
      modelsOK,
    ])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport).models() }
    #expect(error?.status == 500)
    #expect(transport.requests.count == 1)
  }

  @Test("a retried request is sent again unchanged")
  func retrySendsSameRequest() async throws {
    let transport = FakeTransport([rateLimited, .response(status: 200, body: completionBody)])
    _ = try await makeClient(transport).chatCompletion(request)
    let sent = transport.requests
    try #require(sent.count == 2)
    #expect(sent[0].url == sent[1].url)
    guard case .data(let first) = sent[0].body, case .data(let second) = sent[1].body else {
      Issue.record("both attempts should carry a JSON body")
      return
    }
    #expect(first == second)
  }
}

@Suite struct GroqClientErrorTests {
  @Test("an error body is decoded with the request id and rate limits from the headers")
  func decodesErrorBody() async throws {
    let body = #"""
      {"error":{"message":"Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.","type":"invalid_request_error","code":"json_validate_failed","param":"response_format","failed_generation":"{\"a\": 1,"}}
      """#
    let headers = [
      "x-request-id": "req_01xyz", "x-ratelimit-remaining-tokens": "17997", "x-ratelimit-reset-tokens": "7.66s",
    ]
    let transport = FakeTransport([.response(status: 400, headers: headers, body: body)])
    let thrown = await #expect(throws: GroqError.self) { try await makeClient(transport).chatCompletion(request) }
    let error = try #require(thrown)
    #expect(error.kind == .api(status: 400))
    #expect(
      error.message == "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.")
    #expect(error.type == "invalid_request_error")
    #expect(error.code == "json_validate_failed")
    #expect(error.param == "response_format")
    #expect(error.failedGeneration == #"{"a": 1,"#)
    #expect(error.requestID == "req_01xyz")
    #expect(error.rateLimit?.remainingTokens == 17997)
    #expect(error.rateLimit?.resetTokens == 7.66)
  }

  @Test("an HTML error page gives an HTTP status message")
  func htmlErrorBody() async throws {
    let body = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    let transport = FakeTransport([.response(status: 502, headers: ["content-type": "text/html"], body: body)])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport, maxRetries: 0).models() }
    #expect(error?.kind == .api(status: 502))
    #expect(error?.message == "HTTP 502")
    #expect(error?.type == nil)
  }

  @Test("an empty error body gives an HTTP status message")
  func emptyErrorBody() async throws {
    let transport = FakeTransport([.response(status: 503, body: "")])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport, maxRetries: 0).models() }
    #expect(error?.message == "HTTP 503")
  }

  @Test("a plain-text error body is the message")
  func plainTextErrorBody() async throws {
    let transport = FakeTransport([.response(status: 503, body: "upstream connect error\n")])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport, maxRetries: 0).models() }
    #expect(error?.message == "upstream connect error")
  }

  @Test("a numeric error code is kept as text")
  func numericCode() async throws {
    let body = #"{"error":{"message":"no such model","type":"invalid_request_error","code":404}}"#
    let transport = FakeTransport([.response(status: 404, body: body)])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport).models() }
    #expect(error?.code == "404")
    #expect(error?.message == "no such model")
  }
}
