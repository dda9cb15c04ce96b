#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one line from the terminal without echoing it, for a key pasted by the user.
enum SecretInput {
  /// Prompts on stderr; nil at end of input.
  static func readLine(prompt: String, terminal: Terminal) -> String? {
    terminal.err(prompt)
    var saved = termios()
    let canHide = tcgetattr(0, &saved) == 0
    if canHide {
      var hidden = saved
      hidden.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(0, TCSAFLUSH, &hidden)
    }
    defer {
      if canHide { tcsetattr(0, TCSAFLUSH, &saved) }
      terminal.err("\n")
    }
    return Swift.readLine(strippingNewline: true)
  }
}
