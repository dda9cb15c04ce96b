/// The chat types as JSONEncoder would write them with `.sortedKeys`, through `JSONText` (see there for why).
/// Each writes its members in sorted order and leaves out what is nil, as the synthesized `encode(to:)` does.
extension ChatMessage {
  public func write(to json: inout JSONText) {
    json.object { json in writeMembers(to: &json) }
  }

  /// The members JSONEncoder would write for this message, for a caller that adds its own beside them (a saved
  /// conversation's entry). Keys come sorted within this message only.
  public func writeMembers(to json: inout JSONText) {
    if let content {
      json.key("content")
      content.write(to: &json)
    }
    json.member("reasoning", reasoning)
    json.member("role", role.rawValue)
    json.member("tool_call_id", toolCallID)
    if let toolCalls {
      json.key("tool_calls")
      json.array(toolCalls) { json, call in call.write(to: &json) }
    }
  }
}

extension MessageContent {
  public func write(to json: inout JSONText) {
    switch self {
    case .text(let text): json.string(text)
    case .parts(let parts): json.array(parts) { json, part in part.write(to: &json) }
    }
  }
}

extension ContentPart {
  public func write(to json: inout JSONText) {
    json.object { json in
      if let imageURL {
        json.key("image_url")
        json.object { json in
          json.member("detail", imageURL.detail)
          json.member("url", imageURL.url)
        }
      }
      json.member("text", text)
      json.member("type", type)
    }
  }
}

extension ToolCall {
  public func write(to json: inout JSONText) {
    json.object { json in
      if let function {
        json.key("function")
        json.object { json in
          json.member("arguments", function.arguments)
          json.member("name", function.name)
        }
      }
      json.member("id", id)
      json.member("index", index)
      json.member("type", type)
    }
  }
}

extension Usage {
  public func write(to json: inout JSONText) {
    json.object { json in
      json.member("completion_time", completionTime)
      json.member("completion_tokens", completionTokens)
      json.member("prompt_time", promptTime)
      json.member("prompt_tokens", promptTokens)
      json.member("queue_time", queueTime)
      json.member("total_time", totalTime)
      json.member("total_tokens", totalTokens)
    }
  }
}

extension ChatCompletionRequest {
  /// The typed members, sorted; `body()` adds the user's JSON after them.
  func writeTypedMembers(to json: inout JSONText) {
    json.member("include_reasoning", includeReasoning)
    json.member("max_completion_tokens", maxCompletionTokens)
    json.member("max_tokens", maxTokens)
    json.key("messages")
    json.array(messages) { json, message in message.write(to: &json) }
    json.member("model", model)
    json.member("reasoning_effort", reasoningEffort?.rawValue)
    json.member("reasoning_format", reasoningFormat?.rawValue)
    json.member("seed", seed)
    json.member("service_tier", serviceTier?.rawValue)
    if let stop {
      json.key("stop")
      json.array(stop) { json, word in json.string(word) }
    }
    json.member("stream", stream)
    json.member("temperature", temperature)
    json.member("top_p", topP)
  }
}
