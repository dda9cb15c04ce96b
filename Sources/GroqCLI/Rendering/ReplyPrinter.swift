import GroqKit

/// What an answer left behind, for the stats footer and the conversation.
struct ChatReply: Sendable {
  var text = ""
  var usage: Usage?
  var requestID: String?
  var finishReason: String?
  /// From sending the request to the first token on stdout; nil when not streamed.
  var timeToFirstToken: Duration?
  /// The functions the model asked to call, in order.
  var toolCalls: [ToolCall] = []
  /// What the response's headers said is left of the rate limits.
  var rateLimits: RateLimits?
}

extension ChatReply {
  /// The reply a whole response makes, without printing it.
  init(_ completion: ChatCompletion) {
    let choice = completion.choices.first
    self.init(
      text: choice?.message.content ?? "", usage: completion.usage, requestID: completion.requestID,
      finishReason: choice?.finishReason, toolCalls: choice?.message.toolCalls ?? [])
  }
}

/// What is shown on stderr besides the answer.
struct ReplyDisplay: Sendable, Equatable {
  /// Parsed reasoning, dimmed on a terminal.
  var reasoning: Bool
  /// A compound model's searches and code runs.
  var executedTools: Bool
}

/// Prints an answer to stdout: streamed text the moment it arrives, one write per network read, and a final newline.
/// Reasoning and a compound model's tool runs go to stderr; the model's tool calls follow the text as JSON lines.
struct ReplyPrinter {
  var terminal: Terminal
  var display: ReplyDisplay
  /// Markdown rendering on a terminal; nil prints the text as it comes.
  var rendering: AnswerRendering? = nil

  /// Prints a stream. A failure or Ctrl-C keeps what was printed, ends its line, and is rethrown as a `ReplyFailure`
  /// that carries the part shown, so a conversation can keep it.
  func stream(_ start: @autoclosure () async throws -> ChatCompletionStream) async throws -> ChatReply {
    let clock = ContinuousClock()
    let started = clock.now
    let stream = try await start()
    // Decoding and printing run on the thread that reads the network, as in the curl command (issue 10).
    return try await stream.withPreferredReader {
      try await printStream(stream, started: started, clock: clock)
    }
  }

  private func printStream(_ stream: ChatCompletionStream, started: ContinuousClock.Instant, clock: ContinuousClock)
    async throws -> ChatReply
  {
    var reply = ChatReply(requestID: stream.requestID, rateLimits: RateLimits(headers: stream.headers))
    var aside = AsidePrinter(terminal: terminal, display: display)
    var runs = ExecutedToolRuns()
    var toolCalls = ToolCallCollector()
    var output = AnswerOutput(terminal: terminal, rendering: rendering)
    // A write that failed for a reason other than EPIPE (a full disk): the rest of the answer is still read, so
    // the conversation keeps it whole, and the failure is reported at the end.
    var unwritten: OutputClosed?
    do {
      for try await batch in stream {
        // Reasoning is written once per read, but before any tool run that came after it in the same read.
        var thought = ""
        // Content is already in `batch.content`; only chunks that carry something else are here.
        for chunk in batch.chunks {
          if let delta = chunk.choices.first?.delta {
            if let text = delta.reasoning { thought += text }
            if let calls = delta.toolCalls { toolCalls.add(calls) }
            if let tools = delta.executedTools {
              aside.reasoning(thought)
              thought = ""
              aside.toolRuns(runs.add(tools))
            }
          }
          if let usage = chunk.anyUsage { reply.usage = usage }
          if let id = chunk.xGroq?.id { reply.requestID = id }
          if let reason = chunk.choices.first?.finishReason { reply.finishReason = reason }
        }
        aside.reasoning(thought)
        guard !batch.content.isEmpty else { continue }
        let piece = batch.text
        aside.finish()
        if reply.timeToFirstToken == nil { reply.timeToFirstToken = clock.now - started }
        if unwritten == nil {
          do { try output.write(piece) } catch { if error.isQuiet { throw error } else { unwritten = error } }
        }
        reply.text += piece
      }
    } catch {
      aside.finish()
      if !reply.text.isEmpty { try? output.finish(reply.text, onlyToolCalls: false) }
      throw ReplyFailure(partial: reply, underlying: error)
    }
    aside.finish()
    reply.toolCalls = toolCalls.calls
    if let unwritten { throw ReplyFailure(partial: reply, underlying: unwritten) }
    try finish(reply, output: &output)
    return reply
  }

  func whole(_ completion: @autoclosure () async throws -> ChatCompletion) async throws -> ChatReply {
    let completion = try await completion()
    let message = completion.choices.first?.message
    var aside = AsidePrinter(terminal: terminal, display: display)
    aside.reasoning(message?.reasoning ?? "")
    var runs = ExecutedToolRuns()
    aside.toolRuns(runs.add(message?.executedTools ?? []))
    aside.finish()
    let reply = ChatReply(completion)
    var output = AnswerOutput(terminal: terminal, rendering: rendering)
    do {
      if !reply.text.isEmpty { try output.write(reply.text) }
      try finish(reply, output: &output)
    } catch {
      if error.isQuiet { throw error }
      throw ReplyFailure(partial: reply, underlying: error)
    }
    return reply
  }

  /// Ends the text's line, then prints the tool calls. An answer that is only tool calls gets no empty line.
  private func finish(_ reply: ChatReply, output: inout AnswerOutput) throws(OutputClosed) {
    try output.finish(reply.text, onlyToolCalls: !reply.toolCalls.isEmpty)
    if !reply.toolCalls.isEmpty { try terminal.out(ToolCallPrinter.lines(reply.toolCalls)) }
  }
}

/// A stream that stopped after part of the answer was shown: the error, and what the user saw.
struct ReplyFailure: Error {
  var partial: ChatReply
  var underlying: any Error
}
