import FakeGroq
import Foundation
import Testing

/// The fake's answers and 400s for reasoning, images, JSON output and tools: what groq's own tests lean on.
@Suite struct FeatureBehaviourTests {
  let server: FakeGroqServer
  let client: RawHTTPClient

  init() throws {
    server = try FakeGroqServer()
    client = try RawHTTPClient(port: server.port)
  }

  static let vision = "qwen/qwen3.8-27b"

  static func body(model: String = "allam-2-7b", content: String = #""hi""#, _ extra: String = "")
    -> String
  {
    #"{"model":"\#(model)","messages":[{"role":"user","content":\#(content)}]\#(extra.isEmpty ? "" : "," + extra)}"#
  }

  static func image(_ url: String) -> String {
    #"[{"type":"text","text":"what?"},{"type":"image_url","image_url":{"url":"\#(url)"}}]"#
  }

  @Test(arguments: [
    (body(#""reasoning_format":"parsed""#), "`reasoning_format` is not supported with this model"),
    (body(model: "qwen/qwen3.8-27b", #""reasoning_format":"raw","response_format":{"type":"json_object"}"#), "raw"),
    (body(model: "qwen/qwen3.8-27b", #""reasoning_format":"thinking""#), "'reasoning_format' : value must be one of"),
    (body(#""response_format":{"type":"json_object","schema":{}}"#), "property 'schema' is unsupported"),
    (body(#""response_format":{"type":"json_schema","json_schema":{"name":"a b","schema":{}}}"#), "json_schema.name"),
    (body(#""tools":[{"type":"function","function":{"name":"f","cache":1}}]"#), "property 'cache' is unsupported"),
    (body(#""tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}}"#), "tool 'g'"),
    (body(content: image("https://example.com/a.png")), "image input is not supported"),
    (body(model: vision, content: image("ftp://example.com/a.png")), "must be http(s) or a base64 data URL"),
    (body(model: vision, content: image("data:image/bmp;base64,AAAA")), "must be http(s) or a base64 data URL"),
    (body(model: vision, content: image("data:image/png;base64,!!!")), "must be http(s) or a base64 data URL"),
    (body(#""service_tier":"fast""#), "'service_tier' : value must be one of"),
  ])
  func refuses(body: String, mentions: String) throws {
    let response = client.request("POST", "/openai/v1/chat/completions", body: body)
    #expect(response.status == 400)
    let message = try #require((try response.json()["error"] as? [String: Any])?["message"] as? String)
    #expect(message.contains(mentions))
  }

  @Test func base64ImagesOverFourMegabytesAre413() {
    let payload = String(repeating: "A", count: 4 * 1024 * 1024 + 4)
    let response = client.request(
      "POST", "/openai/v1/chat/completions",
      body: Self.body(model: Self.vision, content: Self.image("data:image/png;base64," + payload)))
    #expect(response.status == 413)
  }

  @Test func parsedReasoningStreamsWithRunsOfEmptyDeltas() throws {
    let response = client.request(
      "POST", "/openai/v1/chat/completions",
      body: Self.body(model: "qwen/qwen3.8-27b", #""stream":true,"reasoning_format":"parsed""#))
    let deltas = try dataPayloads(response.text).dropLast().map { payload in
      try #require((try jsonObject(payload)["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])
    }
    #expect(deltas.contains { $0.isEmpty })
    #expect(deltas.contains { $0["reasoning"] as? String == "" })
    #expect(deltas.contains { ($0["reasoning"] as? String)?.isEmpty == false })
    let reasoning = deltas.compactMap { $0["reasoning"] as? String }.joined()
    let content = deltas.compactMap { $0["content"] as? String }.joined()
    #expect(!reasoning.contains("<think>") && !content.contains("<think>"))
    #expect(content == "There are 3 r's in strawberry.")
  }

  @Test func toolCallArrivesWholeInOneDelta() throws {
    let response = client.request(
      "POST", "/openai/v1/chat/completions",
      body: Self.body(#""stream":true,"tools":[{"type":"function","function":{"name":"f"}}]"#))
    let payloads = dataPayloads(response.text)
    let calls = payloads.filter { $0.contains(#""tool_calls":["#) }
    #expect(calls.count == 1)
    #expect(calls.first?.contains(#""function":{"name":"f","arguments":"{}"}"#) == true)
    #expect(payloads.contains { $0.contains(#""finish_reason":"tool_calls""#) })
  }

  @Test func builtInToolsCarryExecutedTools() throws {
    let response = client.request(
      "POST", "/openai/v1/chat/completions",
      body: Self.body(
        model: "openai/gpt-oss-20b", #""tools":[{"type":"browser_search"},{"type":"code_interpreter"}]"#))
    let choice = try #require((try response.json()["choices"] as? [[String: Any]])?.first)
    let tools = try #require((choice["message"] as? [String: Any])?["executed_tools"] as? [[String: Any]])
    #expect(tools.count == 2)
    #expect(tools.allSatisfy { $0["arguments"] is String && $0["output"] is String })
    let refused = client.request(
      "POST", "/openai/v1/chat/completions", body: Self.body(model: Self.vision, #""tools":[{"type":"browser_search"}]"#))
    #expect(refused.status == 400)
  }

  @Test(arguments: [
    ("compound-beta", 404, "model_not_found"), ("llama-3.3-70b-versatile", 404, "model_not_found"),
    ("deepseek-r1-distill-llama-70b", 400, "model_decommissioned"), ("qwen-qwq-32b", 400, "model_decommissioned"),
  ])
  func retiredModelsAnswerAsTheRealAPIDoes(model: String, status: Int, code: String) throws {
    let response = client.request("POST", "/openai/v1/chat/completions", body: Self.body(model: model))
    #expect(response.status == status)
    let error = try #require(try response.json()["error"] as? [String: Any])
    #expect(error["code"] as? String == code)
  }

  @Test func gptOSSReasonsApartAndTakesIncludeReasoning() throws {
    let parsed = try response(Self.body(model: "openai/gpt-oss-120b"))
    #expect((parsed["reasoning"] as? String)?.isEmpty == false)
    let hidden = try response(Self.body(model: "openai/gpt-oss-120b", #""include_reasoning":false"#))
    #expect(hidden["reasoning"] == nil)
    let both = client.request(
      "POST", "/openai/v1/chat/completions",
      body: Self.body(model: "openai/gpt-oss-120b", #""include_reasoning":false,"reasoning_format":"hidden""#))
    #expect(both.status == 400)
    let effort = client.request(
      "POST", "/openai/v1/chat/completions",
      body: Self.body(model: "openai/gpt-oss-120b", #""reasoning_effort":"none""#))
    #expect(effort.status == 400)
  }

  private func response(_ body: String) throws -> [String: Any] {
    let response = client.request("POST", "/openai/v1/chat/completions", body: body)
    let choice = try #require((try response.json()["choices"] as? [[String: Any]])?.first)
    return try #require(choice["message"] as? [String: Any])
  }
}
