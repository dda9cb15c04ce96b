/// A chat request written as JSON by hand, for what nearly every request is: text messages and scalar options.
///
/// `JSONEncoder`'s first use in a run costs more than the rest of the work before the request leaves (its generic
/// Codable machinery is looked up in the static binary's conformance tables), and a one-shot `groq chat` encodes
/// one request. Messages with images or tool calls answer nil and go through `JSONEncoder`; tests check that both
/// give the same JSON.
extension ChatCompletionRequest {
  /// The object's members in `JSONEncoder`'s sorted order, without `response_format`, `tools` and `tool_choice`.
  func scalarMembersJSON() -> String? {
    var encoded: [JSONValue] = []
    for message in messages {
      guard message.toolCalls == nil, message.toolCallID == nil else { return nil }
      var members: [JSONValue.Member] = []
      switch message.content {
      case .none: break
      case .text(let text): members.append(.init("content", .string(text)))
      case .parts: return nil
      }
      if let reasoning = message.reasoning { members.append(.init("reasoning", .string(reasoning))) }
      members.append(.init("role", .string(message.role.rawValue)))
      encoded.append(.object(members))
    }
    var members: [JSONValue.Member] = []
    if let includeReasoning { members.append(.init("include_reasoning", .bool(includeReasoning))) }
    if let maxCompletionTokens { members.append(.init("max_completion_tokens", .number(String(maxCompletionTokens)))) }
    if let maxTokens { members.append(.init("max_tokens", .number(String(maxTokens)))) }
    members.append(.init("messages", .array(encoded)))
    members.append(.init("model", .string(model)))
    if let reasoningEffort { members.append(.init("reasoning_effort", .string(reasoningEffort.rawValue))) }
    if let reasoningFormat { members.append(.init("reasoning_format", .string(reasoningFormat.rawValue))) }
    if let seed { members.append(.init("seed", .number(String(seed)))) }
    if let serviceTier { members.append(.init("service_tier", .string(serviceTier.rawValue))) }
    if let stop { members.append(.init("stop", .array(stop.map(JSONValue.string)))) }
    if let stream { members.append(.init("stream", .bool(stream))) }
    if let temperature {
      guard let number = Self.number(temperature) else { return nil }
      members.append(.init("temperature", number))
    }
    if let topP {
      guard let number = Self.number(topP) else { return nil }
      members.append(.init("top_p", number))
    }
    return JSONValue.object(members).serialized
  }

  /// A finite Double as JSON writes it; nil for infinity and NaN, which JSONEncoder refuses with an error.
  private static func number(_ value: Double) -> JSONValue? {
    guard value.isFinite else { return nil }
    return .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
  }
}
