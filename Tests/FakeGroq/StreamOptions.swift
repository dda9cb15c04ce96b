import Foundation

/// How `FakeResponse.chatStream` shapes its SSE body: framing quirks, timing and failures.
public struct StreamOptions: Sendable {
  /// The line terminator used in every SSE line.
  public enum LineEnding: Sendable {
    case lf, crlf, cr

    var text: String {
      switch self {
      case .lf: "\n"
      case .crlf: "\r\n"
      case .cr: "\r"
      }
    }
  }

  public var lineEnding: LineEnding
  /// Inserts a `: keep-alive` comment (its own HTTP chunk) between events.
  public var comments: Bool
  /// Pause after each content chunk.
  public var tokenDelayMilliseconds: Int
  /// After this many content chunks the connection is cut: no finish chunk, no [DONE], no terminating chunk.
  public var cutAfterTokens: Int?
  /// After this many content chunks an `event: error` is sent and the body ends cleanly.
  public var errorAfterTokens: Int?
  public var errorMessage: String
  public var errorType: String
  public var errorCode: String?
  /// Byte offsets in the whole SSE body where it is broken into separately flushed HTTP chunks, 5 ms apart, so
  /// they arrive in separate reads (an offset may fall inside a multi-byte UTF-8 character).
  public var splitAt: [Int]
  /// Also puts `usage` at the top level of the finish chunk, as 2026 traces show.
  public var topLevelUsage: Bool
  /// Adds a chunk with `"choices":[]` and a top-level `usage` before [DONE] (stream_options.include_usage).
  public var includeUsageChunk: Bool
  public var model: String
  /// `x_groq.id` in the body and the `x-request-id` header (init makes a fresh `req_01…` when given nil).
  public var requestID: String
  public var finishReason: String
  /// `usage.prompt_tokens` on the finish chunk.
  public var promptTokens: Int

  public init(
    lineEnding: LineEnding = .lf, comments: Bool = false, tokenDelayMilliseconds: Int = 0,
    cutAfterTokens: Int? = nil, errorAfterTokens: Int? = nil,
    errorMessage: String =
      "Failed to call a function. Please adjust your prompt. See 'failed_generation' for more details.",
    errorType: String = "invalid_request_error", errorCode: String? = "tool_use_failed", splitAt: [Int] = [],
    topLevelUsage: Bool = false, includeUsageChunk: Bool = false, model: String = "openai/gpt-oss-120b",
    requestID: String? = nil, finishReason: String = "stop", promptTokens: Int = 18
  ) {
    self.lineEnding = lineEnding
    self.comments = comments
    self.tokenDelayMilliseconds = tokenDelayMilliseconds
    self.cutAfterTokens = cutAfterTokens
    self.errorAfterTokens = errorAfterTokens
    self.errorMessage = errorMessage
    self.errorType = errorType
    self.errorCode = errorCode
    self.splitAt = splitAt
    self.topLevelUsage = topLevelUsage
    self.includeUsageChunk = includeUsageChunk
    self.model = model
    self.requestID = requestID ?? GroqIDs.requestID()
    self.finishReason = finishReason
    self.promptTokens = promptTokens
  }
}

/// Turns content tokens into the step list of a Groq chat stream (groq-api.md 3.4).
struct ChatStreamBuilder {
  let options: StreamOptions

  func steps(tokens: [String]) -> [FakeStep] {
    steps(deltas: tokens.map(ChunkJSON.contentDelta))
  }

  /// The same stream around any deltas (each a JSON object: reasoning, tool calls, executed tools…).
  func steps(deltas tokens: [String]) -> [FakeStep] {
    let newline = options.lineEnding.text
    let chunk = ChunkJSON(
      completionID: GroqIDs.completionID(), created: GroqIDs.now(), model: options.model,
      requestID: options.requestID)
    var steps: [FakeStep] = []
    steps.reserveCapacity(tokens.count * (options.tokenDelayMilliseconds > 0 ? 2 : 1) + 8)
    var events = 0

    func emit(_ text: String) {
      if options.comments && events > 0 { steps.append(.send(": keep-alive" + newline + newline)) }
      steps.append(.send(text))
      events += 1
    }
    func data(_ json: String) { emit("data: " + json + newline + newline) }

    data(chunk.first())
    let cutAt = options.cutAfterTokens.map { min($0, tokens.count) }
    let errorAt = options.errorAfterTokens.map { min($0, tokens.count) }
    for index in 0...tokens.count {
      if index == cutAt {
        steps.append(.cut)
        return split(steps)
      }
      if index == errorAt {
        let error = GroqJSON.error(
          message: options.errorMessage, type: options.errorType, code: options.errorCode, param: nil,
          failedGeneration: nil)
        emit("event: error" + newline + "data: " + error + newline + newline)
        return split(steps)
      }
      guard index < tokens.count else { break }
      data(chunk.delta(tokens[index]))
      if options.tokenDelayMilliseconds > 0 { steps.append(.pause(milliseconds: options.tokenDelayMilliseconds)) }
    }

    let usage = Usage(promptTokens: options.promptTokens, completionTokens: tokens.count)
    data(chunk.finish(reason: options.finishReason, usage: usage, topLevelUsage: options.topLevelUsage))
    if options.includeUsageChunk { data(chunk.usageOnly(usage)) }
    data("[DONE]")
    return split(steps)
  }

  /// Breaks `.send` steps at the `splitAt` body offsets, with a 5 ms pause at each break.
  private func split(_ steps: [FakeStep]) -> [FakeStep] {
    let cuts = Set(options.splitAt)
    guard !cuts.isEmpty else { return steps }
    var result: [FakeStep] = []
    var offset = 0
    for step in steps {
      guard case .send(let data) = step else {
        result.append(step)
        continue
      }
      let end = offset + data.count
      var start = offset
      for cut in cuts.sorted() where cut > offset && cut < end {
        result.append(.send(data.subdata(in: (start - offset)..<(cut - offset))))
        result.append(.pause(milliseconds: 5))
        start = cut
      }
      result.append(.send(data.subdata(in: (start - offset)..<data.count)))
      if cuts.contains(end) { result.append(.pause(milliseconds: 5)) }
      offset = end
    }
    return result
  }
}

/// Builds the JSON of each chunk by string concatenation around a fixed prefix, so a 5000-token stream costs
/// almost nothing and keys keep Groq's order.
struct ChunkJSON {
  private let prefix: String
  private let requestID: String

  init(completionID: String, created: Int, model: String, requestID: String) {
    prefix =
      "{\"id\":\(GroqJSON.string(completionID)),\"object\":\"chat.completion.chunk\",\"created\":\(created),"
      + "\"model\":\(GroqJSON.string(model)),\"system_fingerprint\":\(GroqJSON.string(GroqJSON.fingerprint)),"
      + "\"choices\":["
    self.requestID = GroqJSON.string(requestID)
  }

  func first() -> String {
    prefix + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
      + "\"finish_reason\":null}],\"x_groq\":{\"id\":\(requestID)}}"
  }

  static func contentDelta(_ token: String) -> String {
    "{\"content\":" + GroqJSON.string(token) + "}"
  }

  func delta(_ json: String) -> String {
    prefix + "{\"index\":0,\"delta\":" + json + ",\"logprobs\":null,\"finish_reason\":null}]}"
  }

  func finish(reason: String, usage: Usage, topLevelUsage: Bool) -> String {
    let usageJSON = usage.json
    return prefix + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\(GroqJSON.string(reason))}],"
      + (topLevelUsage ? "\"usage\":\(usageJSON)," : "")
      + "\"x_groq\":{\"id\":\(requestID),\"usage\":\(usageJSON)}}"
  }

  func usageOnly(_ usage: Usage) -> String {
    prefix + "],\"usage\":\(usage.json),\"x_groq\":{\"id\":\(requestID)}}"
  }
}
