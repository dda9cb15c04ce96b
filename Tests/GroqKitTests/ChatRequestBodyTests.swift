import Foundation
import Testing

@testable import GroqKit

/// The hand-written request body must be the JSON JSONEncoder writes, and step aside for what it does not write.
struct ChatRequestBodyTests {
  static var requests: [ChatCompletionRequest] {
    var plain = ChatCompletionRequest(model: "openai/gpt-oss-20b", messages: [.user("hi")])
    plain.stream = true
    var full = ChatCompletionRequest(
      model: "qwen/qwen3.8-27b",
      messages: [
        .system("You review code / be brief"),
        .user("quote \" backslash \\ nl \n tab \t ctl \u{1} é 🎉 \u{2028}"),
        ChatMessage(role: .assistant, content: .text("ok"), reasoning: "thought"),
        ChatMessage(role: .assistant, content: nil),
      ])
    full.stream = false
    full.temperature = 0.7
    full.topP = 1
    full.maxCompletionTokens = 20
    full.maxTokens = 20
    full.stop = ["END", "\n\n"]
    full.seed = -42
    full.reasoningFormat = .hidden
    full.includeReasoning = false
    full.reasoningEffort = .high
    full.serviceTier = .onDemand
    var small = ChatCompletionRequest(model: "m", messages: [])
    small.temperature = 1e-7
    small.topP = 0.123456789012345
    return [plain, full, small]
  }

  @Test("agrees with JSONEncoder", arguments: requests)
  func agrees(request: ChatCompletionRequest) throws {
    let fast = try #require(request.scalarMembersJSON())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    let reference = try encoder.encode(request)
    let fastObject = try JSONSerialization.jsonObject(with: Data(fast.utf8)) as? NSDictionary
    let referenceObject = try JSONSerialization.jsonObject(with: reference) as? NSDictionary
    #expect(fastObject != nil && fastObject == referenceObject)
  }

  @Test("leaves images, tool calls, tool results and non-finite numbers to JSONEncoder")
  func declines() {
    let image = ChatMessage(role: .user, content: .parts([.text("what is this?"), .image(url: "https://x/y.png")]))
    let call = ChatMessage(
      role: .assistant, content: nil,
      toolCalls: [ToolCall(id: "c", type: "function", function: .init(name: "f", arguments: "{}"))])
    let result = ChatMessage(role: .tool, content: .text("42"), toolCallID: "c")
    for message in [image, call, result] {
      #expect(ChatCompletionRequest(model: "m", messages: [message]).scalarMembersJSON() == nil)
    }
    var infinite = ChatCompletionRequest(model: "m", messages: [.user("hi")])
    infinite.temperature = .infinity
    #expect(infinite.scalarMembersJSON() == nil)
    #expect(throws: EncodingError.self) { try infinite.body() }
  }
}
