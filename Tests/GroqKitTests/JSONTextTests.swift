import Foundation
import Testing

@testable import GroqKit

/// `JSONText` writes what JSONEncoder would, byte for byte: the request body that goes out with every chat, and the
/// pretty form a saved conversation uses.
@Suite struct JSONTextTests {
  /// The body as JSONEncoder wrote it before `JSONText`: the typed fields, then the user's JSON appended.
  private func reference(_ request: ChatCompletionRequest) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    var data = try encoder.encode(request)
    var members: [JSONValue.Member] = []
    if let format = request.responseFormat { members.append(.init("response_format", format.json)) }
    if let tools = request.tools { members.append(.init("tools", .array(tools))) }
    if let choice = request.toolChoice { members.append(.init("tool_choice", choice.json)) }
    guard !members.isEmpty else { return data }
    data.removeLast()
    for member in members {
      data.append(contentsOf: ("," + JSONValue.string(member.key).serialized + ":" + member.value.serialized).utf8)
    }
    data.append(UInt8(ascii: "}"))
    return data
  }

  private static let awkward =
    "quote \" backslash \\ slash / tab \t nl \n cr \r bell \u{7} bs \u{8} ff \u{c} del \u{7f} é 日本 🎉 \u{2028}"

  static let requests: [ChatCompletionRequest] = {
    var minimal = ChatCompletionRequest(model: "openai/gpt-oss-20b", messages: [.user("hi")])
    minimal.stream = true
    var full = ChatCompletionRequest(
      model: "qwen/qwen3.8-27b",
      messages: [
        .system(awkward), .user("look"),
        ChatMessage(
          role: .user,
          content: .parts([
            .text("what is this?"), .image(url: "data:image/png;base64,iVBORw0KGgo="),
            ContentPart(type: "image_url", text: nil, imageURL: .init(url: "https://x.test/a.png", detail: "low")),
          ])),
        ChatMessage(
          role: .assistant, content: nil, reasoning: "thinking \"hard\"",
          toolCalls: [
            ToolCall(index: 0, id: "call_1", function: .init(name: "get_weather", arguments: "{\"city\":\"Paris\"}")),
            ToolCall(id: "call_2", type: nil, function: .init(name: "noop")),
          ]),
        ChatMessage(role: .tool, content: .text("{\"temp\":21.5}"), toolCallID: "call_1"),
        .assistant(""),
      ])
    full.stream = false
    full.temperature = 0.7
    full.topP = 1.0
    full.maxCompletionTokens = 5000
    full.maxTokens = 5000
    full.stop = ["\n\n", "END"]
    full.seed = -42
    full.reasoningFormat = .parsed
    full.reasoningEffort = .default
    full.serviceTier = .onDemand
    var numbers = ChatCompletionRequest(model: "m", messages: [.user("")])
    numbers.temperature = 1e-7
    numbers.topP = 0.1 + 0.2
    numbers.includeReasoning = false
    var user = ChatCompletionRequest(model: "m", messages: [.user("tools")])
    user.responseFormat = .jsonSchema(
      name: "answer", description: "an answer", schema: .object([.init("z", .number("1.0")), .init("a", .null)]),
      strict: true)
    user.tools = [.object([.init("type", .string("function"))])]
    user.toolChoice = .function("get_weather")
    var object = ChatCompletionRequest(model: "m", messages: [])
    object.responseFormat = .jsonObject
    object.toolChoice = .required
    return [minimal, full, numbers, user, object]
  }()

  @Test("the request body is JSONEncoder's, byte for byte", arguments: requests.indices)
  func requestBody(_ index: Int) throws {
    let request = Self.requests[index]
    let ours = try request.body()
    let theirs = try reference(request)
    #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
  }

  private struct Sample: Encodable {
    var empty: [Int] = []
    var emptyObject: [String: Int] = [:]
    var list = [1, 2]
    var nested = [[String: [Int]]]([["a": []], ["b": [3]]])
    var text = awkward
    var whole = 1.0
    var negativeZero = -0.0
    var big = 1e21
    var flag = true
    var least = Int.min
  }

  @Test("pretty output has .prettyPrinted's layout, empty containers included")
  func pretty() throws {
    var json = JSONText(pretty: true)
    let sample = Sample()
    json.object { json in
      json.key("big")
      json.double(sample.big)
      json.key("empty")
      json.array(sample.empty) { json, value in json.int(value) }
      json.key("emptyObject")
      json.object { _ in }
      json.member("flag", sample.flag)
      json.member("least", sample.least)
      json.key("list")
      json.array(sample.list) { json, value in json.int(value) }
      json.member("negativeZero", sample.negativeZero)
      json.key("nested")
      json.array(sample.nested) { json, map in
        json.object { json in
          for (key, values) in map {
            json.key(key)
            json.array(values) { json, value in json.int(value) }
          }
        }
      }
      json.member("text", sample.text)
      json.member("whole", sample.whole)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    #expect(json.text == String(decoding: try encoder.encode(sample), as: UTF8.self))
  }

  @Test func usageAsJSONEncoderWritesIt() throws {
    let usage = Usage(
      promptTokens: 12, completionTokens: 5000, totalTokens: 5012, queueTime: 0.01, promptTime: 0.002,
      completionTime: 1.5, totalTime: 1.502)
    var json = JSONText()
    usage.write(to: &json)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(json.text == String(decoding: try encoder.encode(usage), as: UTF8.self))
  }
}
