import Foundation

/// Where a reasoning model puts its thinking (groq-api.md 3.1).
public enum ReasoningFormat: String, Sendable, CaseIterable, Codable {
  /// `<think>…</think>` inside the content.
  case raw
  /// In `message.reasoning` (a stream's `delta.reasoning`), apart from the answer.
  case parsed
  /// Left out.
  case hidden
}

/// How hard a reasoning model thinks. qwen3 models take none/default; gpt-oss models low/medium/high.
public enum ReasoningEffort: String, Sendable, CaseIterable, Codable {
  case none, `default`, low, medium, high
}

/// Which capacity a request runs on. Flex fails fast with 498 when Groq is busy.
public enum ServiceTier: String, Sendable, CaseIterable, Codable {
  case onDemand = "on_demand"
  case flex, auto, performance
}

/// `response_format`: JSON mode, or structured output checked against a schema.
public enum ResponseFormat: Sendable, Equatable {
  case jsonObject
  /// `name` is at most 64 characters of [A-Za-z0-9_-]; `schema` goes out exactly as written.
  case jsonSchema(name: String, description: String?, schema: JSONValue, strict: Bool?)

  public var json: JSONValue {
    switch self {
    case .jsonObject: return .object([.init("type", .string("json_object"))])
    case .jsonSchema(let name, let description, let schema, let strict):
      var members: [JSONValue.Member] = [.init("name", .string(name))]
      if let description { members.append(.init("description", .string(description))) }
      members.append(.init("schema", schema))
      if let strict { members.append(.init("strict", .bool(strict))) }
      return .object([.init("type", .string("json_schema")), .init("json_schema", .object(members))])
    }
  }
}

/// `tool_choice`: a mode, or one function by name.
public enum ToolChoice: Sendable, Equatable {
  case none, auto, required
  case function(String)

  public var json: JSONValue {
    switch self {
    case .none: return .string("none")
    case .auto: return .string("auto")
    case .required: return .string("required")
    case .function(let name):
      return .object([
        .init("type", .string("function")), .init("function", .object([.init("name", .string(name))])),
      ])
    }
  }
}

extension ChatCompletionRequest {
  /// The body as sent: the typed fields with sorted keys, as JSONEncoder's `.sortedKeys` writes them (`JSONText`;
  /// a test holds the two equal), then the members that carry a user's JSON (schema, tools) as written, in order:
  /// sorting would reorder their keys. Keys are sorted so the same request is always the same bytes: a prepared
  /// batch file diffs cleanly from one run to the next.
  public func body() throws -> Data {
    var json = JSONText()
    json.object { json in
      writeTypedMembers(to: &json)
      if let responseFormat {
        json.key("response_format")
        responseFormat.json.write(to: &json)
      }
      if let tools {
        json.key("tools")
        JSONValue.array(tools).write(to: &json)
      }
      if let toolChoice {
        json.key("tool_choice")
        toolChoice.json.write(to: &json)
      }
    }
    return Data(json.bytes)
  }
}
