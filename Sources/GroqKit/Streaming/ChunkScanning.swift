/// The fast path for the one object decoded per token: `JSONScanner` instead of `JSONDecoder`.
///
/// It reads exactly the fields `ChatCompletionChunk` has and skips the ones it does not (logprobs, created,
/// system_fingerprint...). Anything it does not model, such as tool calls or an error object, makes it answer nil so
/// that `JSONDecoder` decodes the chunk instead: the slow path stays the reference, and tests check the two agree.
extension ChatCompletionChunk {
  /// Strings every chunk of a stream repeats, kept from one chunk to the next.
  struct ScanCache: Sendable {
    var id = CachedString()
    var model = CachedString()
  }

  static func scan(_ bytes: UnsafeRawBufferPointer) -> ChatCompletionChunk? {
    var cache = ScanCache()
    return scan(bytes, cache: &cache)
  }

  static func scan(_ bytes: UnsafeRawBufferPointer, cache: inout ScanCache) -> ChatCompletionChunk? {
    var scanner = JSONScanner(bytes)
    var chunk = ChatCompletionChunk()
    var choices: [Choice]? = nil
    let complete = scanner.fields { scanner, key in
      switch key {
      case "id": return scanner.nullable(into: &chunk.id) { $0.string(cached: &cache.id) }
      case "model": return scanner.nullable(into: &chunk.model) { $0.string(cached: &cache.model) }
      case "choices": return scanner.nullable(into: &choices) { Choice.scanList(&$0) }
      case "usage": return scanner.nullable(into: &chunk.usage) { Usage.scan(&$0) }
      case "x_groq": return scanner.nullable(into: &chunk.xGroq) { XGroq.scan(&$0) }
      case "error": return false  // rare and important: let JSONDecoder read it whole
      default: return scanner.skipValue()
      }
    }
    chunk.choices = choices ?? []
    return complete && scanner.atEnd ? chunk : nil
  }
}

extension ChatCompletionChunk.Choice {
  static func scanList(_ scanner: inout JSONScanner) -> [Self]? { scanner.list { scan(&$0) } }

  static func scan(_ scanner: inout JSONScanner) -> Self? {
    var choice = Self(
      index: nil, delta: .init(role: nil, content: nil, reasoning: nil, toolCalls: nil), finishReason: nil)
    let complete = scanner.fields { scanner, key in
      switch key {
      case "index": return scanner.nullable(into: &choice.index) { $0.int() }
      case "finish_reason": return scanner.nullable(into: &choice.finishReason) { $0.string() }
      case "delta":
        guard let delta = AssistantMessage.scan(&scanner) else { return false }
        choice.delta = delta
        return true
      default: return scanner.skipValue()
      }
    }
    return complete ? choice : nil
  }
}

extension AssistantMessage {
  static func scan(_ scanner: inout JSONScanner) -> Self? {
    var delta = Self(role: nil, content: nil, reasoning: nil, toolCalls: nil)
    let complete = scanner.fields { scanner, key in
      switch key {
      case "role": return scanner.nullable(into: &delta.role) { $0.string() }
      case "content": return scanner.nullable(into: &delta.content) { $0.string() }
      case "reasoning": return scanner.nullable(into: &delta.reasoning) { $0.string() }
      default: return false  // tool calls, executed tools, anything new: JSONDecoder's job
      }
    }
    return complete ? delta : nil
  }
}

extension Usage {
  static func scan(_ scanner: inout JSONScanner) -> Usage? {
    var usage = Usage()
    let complete = scanner.fields { scanner, key in
      switch key {
      case "prompt_tokens": return scanner.nullable(into: &usage.promptTokens) { $0.int() }
      case "completion_tokens": return scanner.nullable(into: &usage.completionTokens) { $0.int() }
      case "total_tokens": return scanner.nullable(into: &usage.totalTokens) { $0.int() }
      case "queue_time": return scanner.nullable(into: &usage.queueTime) { $0.double() }
      case "prompt_time": return scanner.nullable(into: &usage.promptTime) { $0.double() }
      case "completion_time": return scanner.nullable(into: &usage.completionTime) { $0.double() }
      case "total_time": return scanner.nullable(into: &usage.totalTime) { $0.double() }
      default: return scanner.skipValue()
      }
    }
    return complete ? usage : nil
  }
}

extension XGroq {
  static func scan(_ scanner: inout JSONScanner) -> XGroq? {
    var xGroq = XGroq(id: nil, usage: nil, error: nil)
    let complete = scanner.fields { scanner, key in
      switch key {
      case "id": return scanner.nullable(into: &xGroq.id) { $0.string() }
      case "usage": return scanner.nullable(into: &xGroq.usage) { Usage.scan(&$0) }
      case "error": return scanner.nullable(into: &xGroq.error) { $0.string() }
      default: return scanner.skipValue()
      }
    }
    return complete ? xGroq : nil
  }
}
