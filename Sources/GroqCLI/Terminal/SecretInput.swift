#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one line from the terminal without echoing it, for a key pasted by the user.
enum SecretInput {
  /// Prompts on stderr; nil at end of input.
  static func readLine(prompt: String, terminal: Terminal) -> String? {
    // Echo goes off before the prompt shows, so a key pasted the moment it appears is not echoed; TCSANOW, not
    // TCSAFLUSH, so such a paste is not thrown away either.
    var saved = termios()
    let canHide = tcgetattr(0, &saved) == 0
    if canHide {
      var hidden = saved
      hidden.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(0, TCSANOW, &hidden)
    }
    defer {
      if canHide { tcsetattr(0, TCSANOW, &saved) }
      terminal.err("\n")
    }
    terminal.err(prompt)
    return Swift.readLine(strippingNewline: true)
  }
}
