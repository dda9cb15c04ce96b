/// The two limits on a request, told apart so a message can name the one that fired.
public enum TimeLimit: Sendable, Equatable {
  /// The server sent nothing, not even a keep-alive comment, for this many seconds.
  case idle(seconds: Double)
  /// The request as a whole took longer than this, however steadily bytes arrived.
  case deadline(seconds: Double)

  /// "60 s", "1.5 s".
  static func words(_ seconds: Double) -> String {
    seconds == seconds.rounded() && seconds < 1e9 ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}

extension GroqError {
  /// The server sent nothing for `seconds`.
  static func idleTimeout(_ seconds: Double) -> GroqError {
    var error = GroqError(kind: .timeout, message: "no data from the server for \(TimeLimit.words(seconds))")
    error.timeLimit = .idle(seconds: seconds)
    return error
  }

  /// The request as a whole took longer than `seconds`.
  static func deadlineExceeded(_ seconds: Double) -> GroqError {
    var error = GroqError(
      kind: .timeout, message: "the request took longer than its deadline of \(TimeLimit.words(seconds))")
    error.timeLimit = .deadline(seconds: seconds)
    return error
  }
}
