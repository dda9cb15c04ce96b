import FakeGroq
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A chat request body for the default model, with extra top-level JSON members spliced in.
func chatBody(_ extra: String = "", messages: String = #"[{"role":"user","content":"hi"}]"#) -> String {
  #"{"model":"allam-2-7b","messages":\#(messages)\#(extra.isEmpty ? "" : "," + extra)}"#
}

/// The `data:` payloads of an LF-framed SSE body, in order.
func dataPayloads(_ body: String) -> [String] {
  body.components(separatedBy: "\n\n").compactMap { event in
    event.split(separator: "\n").first { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
  }
}

func jsonObject(_ text: String) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// What the fake answers when nothing is scripted.
@Suite struct DefaultBehaviourTests {
  let server: FakeGroqServer
  let client: RawHTTPClient

  init() throws {
    server = try FakeGroqServer()
    client = try RawHTTPClient(port: server.port)
  }

  @Test func listsModelsWithGroqFieldsUnsorted() async throws {
    // Through URLSession too, since the real client is libcurl.
    var request = URLRequest(url: try #require(URL(string: server.baseURL + "/openai/v1/models")))
    request.setValue("Bearer gsk_test_key", forHTTPHeaderField: "Authorization")
    let (data, urlResponse) = try await URLSession.shared.data(for: request)
    let http = try #require(urlResponse as? HTTPURLResponse)
    #expect(http.statusCode == 200)
    #expect(http.value(forHTTPHeaderField: "x-request-id")?.hasPrefix("req_01") == true)
    #expect(http.value(forHTTPHeaderField: "x-ratelimit-reset-requests") == "2m59.56s")
    #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")

    let list = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(list["object"] as? String == "list")
    let models = try #require(list["data"] as? [[String: Any]])
    let ids = models.compactMap { $0["id"] as? String }
    #expect(ids.count >= 8)
    #expect(ids != ids.sorted())
    #expect(ids.contains("qwen/qwen3.8-27b"))
    #expect(models.allSatisfy { $0["context_window"] is Int && $0["active"] as? Bool == true })
    #expect(models.contains { $0["max_completion_tokens"] == nil })
    #expect(String(decoding: data, as: UTF8.self).hasPrefix(#"{"object":"list","data":[{"id":"#))
  }

  @Test(arguments: [
    "/openai/v1/models/qwen%2Fqwen3.8-27b",
    "/openai/v1/models/qwen/qwen3.8-27b",
  ])
  func findsModelByIDWithEncodedOrRawSlash(path: String) throws {
    let response = client.request("GET", path)
    #expect(response.status == 200)
    #expect(try response.json()["id"] as? String == "qwen/qwen3.8-27b")
    #expect(server.requests.last?.path == path)
  }

  @Test func unknownModelIs404() {
    let response = client.request("GET", "/openai/v1/models/gpt-5")
    #expect(response.status == 404)
    #expect(
      response.text
        == #"{"error":{"message":"The model `gpt-5` does not exist or you do not have access to it.","#
        + #""type":"invalid_request_error","code":"model_not_found"}}"#)
  }

  @Test(arguments: [nil, "gsk_wrong"])
  func rejectsMissingOrWrongKey(key: String?) {
    let response = client.request("GET", "/openai/v1/models", auth: key)
    #expect(response.status == 401)
    #expect(
      response.text
        == #"{"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}}"#)
  }

  @Test func unknownPathIs404() throws {
    let response = client.request("GET", "/x")
    #expect(response.status == 404)
    let error = try #require(try response.json()["error"] as? [String: Any])
    #expect((error["message"] as? String)?.hasPrefix("Unknown request URL: GET /x. Please check the URL") == true)
    #expect(error["code"] as? String == "unknown_url")
  }

  @Test(arguments: [
    (chatBody(#""temprature":0.5"#), "property 'temprature' is unsupported, did you mean 'temperature'?"),
    (chatBody(#""foo":1"#), "property 'foo' is unsupported"),
    (
      chatBody(messages: #"[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","x":1}]"#),
      "'messages.2' : property 'x' is unsupported"
    ),
    (chatBody(#""n":2"#), "'n' : number must be at most 1"),
    (chatBody(#""temperature":2.5"#), "'temperature' : number must be at most 2"),
    (chatBody(#""stop":["a","b","c","d","e"]"#), "'stop' : maximum number of items is 4"),
    (
      chatBody(#""stream":true,"response_format":{"type":"json_object"}"#),
      "`response_format` does not support streaming"
    ),
    (#"{"model":"openai/gpt-oss-120b","messages":[]}"#, "'messages' : minimum number of items is 1"),
  ])
  func validatesLikeGroq(body: String, message: String) throws {
    let response = client.request("POST", "/openai/v1/chat/completions", body: body)
    #expect(response.status == 400)
    let error = try #require(try response.json()["error"] as? [String: Any])
    #expect(error["message"] as? String == message)
    #expect(error["type"] as? String == "invalid_request_error")
  }

  @Test func unknownChatModelIs404() throws {
    let body = #"{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"#
    let response = client.request("POST", "/openai/v1/chat/completions", body: body)
    #expect(response.status == 404)
    #expect(try (response.json()["error"] as? [String: Any])?["code"] as? String == "model_not_found")
  }

  @Test func answersNonStreamedCompletionInGroqShape() throws {
    let response = client.request("POST", "/openai/v1/chat/completions", body: chatBody())
    #expect(response.status == 200)
    #expect(response.text.hasPrefix(#"{"id":"chatcmpl-"#))
    #expect(response.text.contains(#","object":"chat.completion","created":"#))
    #expect(response.text.contains(#""usage_breakdown":null,"system_fingerprint":"fp_"#))

    let completion = try response.json()
    let choice = try #require((completion["choices"] as? [[String: Any]])?.first)
    let message = try #require(choice["message"] as? [String: Any])
    #expect(message["role"] as? String == "assistant")
    #expect(
      message["content"] as? String == "Fast language models give you answers before you lose your train of thought.")
    #expect(choice["finish_reason"] as? String == "stop")
    #expect(choice["logprobs"] is NSNull)
    let usage = try #require(completion["usage"] as? [String: Any])
    #expect(usage["completion_tokens"] as? Int == 14)
    for key in ["queue_time", "prompt_time", "completion_time", "total_time"] { #expect(usage[key] is Double) }
    let requestID = (completion["x_groq"] as? [String: Any])?["id"] as? String
    #expect(requestID == response.header("x-request-id"))
  }

  @Test func streamsGroqSSEAndEndsTheBody() throws {
    let response = client.request("POST", "/openai/v1/chat/completions", body: chatBody(#""stream":true"#))
    #expect(response.status == 200)
    #expect(response.header("content-type") == "text/event-stream")
    #expect(response.header("transfer-encoding") == "chunked")
    #expect(response.complete)
    #expect(response.text.hasSuffix("}\n\ndata: [DONE]\n\n"))
    #expect(response.chunks.count == 17)  // role, 14 tokens, finish, [DONE]: one event per chunk

    let payloads = dataPayloads(response.text)
    #expect(payloads.last == "[DONE]")
    let chunks = try payloads.dropLast().map(jsonObject)
    let deltas = chunks.compactMap { ($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any] }
    #expect(deltas.first?["role"] as? String == "assistant")
    #expect(
      deltas.compactMap { $0["content"] as? String }.joined()
        == "Fast language models give you answers before you lose your train of thought.")
    let finish = try #require(chunks.last)
    #expect((finish["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String == "stop")
    let xGroq = try #require(finish["x_groq"] as? [String: Any])
    #expect(xGroq["id"] as? String == response.header("x-request-id"))
    #expect((xGroq["usage"] as? [String: Any])?["completion_tokens"] as? Int == 14)
    #expect(finish["usage"] == nil)

    // The connection is still usable: keep-alive after a chunked body.
    #expect(client.request("GET", "/openai/v1/models").status == 200)
    #expect(Set(server.requests.map(\.connection)).count == 1)
  }

  @Test func maxCompletionTokensGivesExactLength() throws {
    let body = chatBody(#""stream":true,"max_completion_tokens":4000"#)
    let response = client.request("POST", "/openai/v1/chat/completions", body: body)
    #expect(response.complete)
    let payloads = dataPayloads(response.text)
    #expect(payloads.count == 4003)
    #expect(payloads[1].contains(#""delta":{"content":"Lorem"}"#))
    #expect(payloads[4001].contains(#""finish_reason":"length""#))
    #expect(payloads[4001].contains(#""completion_tokens":4000"#))
  }

  @Test func includeUsageAddsChunkWithEmptyChoices() throws {
    let body = chatBody(#""stream":true,"stream_options":{"include_usage":true}"#)
    let payloads = dataPayloads(client.request("POST", "/openai/v1/chat/completions", body: body).text)
    let usageChunk = try jsonObject(payloads[payloads.count - 2])
    #expect((usageChunk["choices"] as? [Any])?.isEmpty == true)
    #expect((usageChunk["usage"] as? [String: Any])?["completion_tokens"] as? Int == 14)
  }

  @Test func tokenDelayHeaderSpacesTokens() {
    let clock = ContinuousClock()
    let start = clock.now
    let response = client.request(
      "POST", "/openai/v1/chat/completions", body: chatBody(#""stream":true,"max_tokens":5"#),
      headers: ["x-fake-token-delay-ms: 20"])
    #expect(response.complete)
    #expect(clock.now - start >= .milliseconds(100))
  }
}
