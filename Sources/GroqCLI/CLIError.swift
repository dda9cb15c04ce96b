/// How groq ends: every exit code in one place.
public enum ExitStatus: Int32, Sendable {
  case success = 0
  /// The API or the network failed.
  case failure = 1
  /// The command line or an input was wrong; nothing was sent.
  case usage = 2
  /// The API key is missing or the server rejected it.
  case auth = 4
  /// Ctrl-C.
  case interrupted = 130
  /// SIGHUP: the terminal went away. Handled like Ctrl-C, with the shell's status for it.
  case hangUp = 129
  /// SIGTERM: asked to stop. Handled like Ctrl-C, with the shell's status for it.
  case terminated = 143
}

/// A failure the user must see: one line, an optional hint, and the exit status it means.
struct CLIError: Error, Sendable {
  var message: String
  var hint: String?
  var status: ExitStatus

  init(_ message: String, hint: String? = nil, status: ExitStatus = .failure) {
    self.message = message
    self.hint = hint
    self.status = status
  }
}

/// A mistake on the command line, found before anything is sent.
struct UsageError: Error, Sendable, Equatable {
  var message: String
  var hint: String?
  /// The command whose help explains the mistake ("chat"), or nil for the root.
  var command: String?

  init(_ message: String, hint: String? = nil, command: String? = nil) {
    self.message = message
    self.hint = hint
    self.command = command
  }
}
