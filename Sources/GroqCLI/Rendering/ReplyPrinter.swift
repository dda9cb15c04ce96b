import GroqKit

/// What an answer left behind, for the stats footer and, later, the conversation.
struct ChatReply: Sendable {
  var text = ""
  var usage: Usage?
  var requestID: String?
  var finishReason: String?
  /// From sending the request to the first token on stdout; nil when not streamed.
  var timeToFirstToken: Duration?
}

/// Prints an answer to stdout: streamed text the moment it arrives, one write per network read, and a final newline.
struct ReplyPrinter {
  var terminal: Terminal

  /// Prints a stream. A failure or Ctrl-C keeps what was printed, ends its line, and is rethrown as a `ReplyFailure`
  /// that carries the part shown, so a conversation can keep it.
  func stream(_ start: @autoclosure () async throws -> ChatCompletionStream) async throws -> ChatReply {
    let clock = ContinuousClock()
    let started = clock.now
    let stream = try await start()
    var reply = ChatReply(requestID: stream.requestID)
    do {
      for try await batch in stream {
        var piece = ""
        for chunk in batch {
          if let content = chunk.content { piece += content }
          if let usage = chunk.anyUsage { reply.usage = usage }
          if let id = chunk.xGroq?.id { reply.requestID = id }
          if let reason = chunk.choices.first?.finishReason { reply.finishReason = reason }
        }
        guard !piece.isEmpty else { continue }
        if reply.timeToFirstToken == nil { reply.timeToFirstToken = clock.now - started }
        try terminal.out(piece)
        reply.text += piece
      }
    } catch {
      if !reply.text.isEmpty && !reply.text.hasSuffix("\n") { try? terminal.out("\n") }
      throw ReplyFailure(partial: reply, underlying: error)
    }
    if !reply.text.hasSuffix("\n") { try terminal.out("\n") }
    return reply
  }

  func whole(_ completion: @autoclosure () async throws -> ChatCompletion) async throws -> ChatReply {
    let completion = try await completion()
    let choice = completion.choices.first
    let reply = ChatReply(
      text: choice?.message.content ?? "", usage: completion.usage, requestID: completion.requestID,
      finishReason: choice?.finishReason)
    try terminal.out(reply.text.hasSuffix("\n") ? reply.text : reply.text + "\n")
    return reply
  }
}

/// A stream that stopped after part of the answer was shown: the error, and what the user saw.
struct ReplyFailure: Error {
  var partial: ChatReply
  var underlying: any Error
}
