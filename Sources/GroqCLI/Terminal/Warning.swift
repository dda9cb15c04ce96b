extension Terminal {
  /// `groq: warning: ...` on stderr: something worth knowing that does not stop the command.
  func warning(_ message: String) {
    err(style("groq: warning:", .yellow) + " " + message + "\n")
  }
}
