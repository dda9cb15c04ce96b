/// Puts a streamed answer's tool calls together by `index`. Groq sends each call whole in one delta, but the OpenAI
/// shape allows a call in pieces: later pieces fill in the id and name and extend the arguments.
public struct ToolCallCollector: Sendable {
  private var byIndex: [Int: Int] = [:]
  private var collected: [ToolCall] = []

  public init() {}

  public mutating func add(_ pieces: [ToolCall]) {
    for piece in pieces {
      guard let index = piece.index, let position = byIndex[index] else {
        if let index = piece.index { byIndex[index] = collected.count }
        collected.append(piece)
        continue
      }
      var call = collected[position]
      call.id = call.id ?? piece.id
      call.type = call.type ?? piece.type
      var function = call.function ?? ToolCall.Function()
      function.name = function.name ?? piece.function?.name
      if let more = piece.function?.arguments { function.arguments = (function.arguments ?? "") + more }
      call.function = function
      collected[position] = call
    }
  }

  /// The calls in the order they began, without the stream's `index`, ready to go back in an assistant message.
  public var calls: [ToolCall] {
    collected.map { call in
      var call = call
      call.index = nil
      return call
    }
  }
}
