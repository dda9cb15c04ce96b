/// Parsed reasoning on stderr as it arrives, dimmed on a terminal, ended by a line break before the answer begins,
/// so `groq reason ... > answer.txt` keeps only the answer.
struct ReasoningPrinter {
  let terminal: Terminal
  let enabled: Bool
  private var open = false
  private var endsWithNewline = true

  init(terminal: Terminal, enabled: Bool) {
    self.terminal = terminal
    self.enabled = enabled
  }

  mutating func write(_ text: String) {
    guard enabled else { return }
    // Models often begin their reasoning with line breaks; they would only push the text down.
    let text = open ? text : String(text.drop { $0.isNewline })
    guard !text.isEmpty else { return }
    open = true
    terminal.err(terminal.style(text, .dim))
    endsWithNewline = text.hasSuffix("\n")
  }

  /// Closes the reasoning block: a line break, and a blank line on a terminal to set the answer apart.
  mutating func finish() {
    guard open else { return }
    open = false
    terminal.err((endsWithNewline ? "" : "\n") + (terminal.stderrIsTTY ? "\n" : ""))
  }
}
