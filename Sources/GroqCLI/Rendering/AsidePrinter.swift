/// What goes to stderr beside the answer: parsed reasoning and a compound model's tool runs, in the order they
/// arrive, dimmed on a terminal. One writer for both, so a tool run never starts on the line reasoning left open and
/// the answer is set apart once, by a line break (and a blank line on a terminal): `groq reason ... > answer.txt`
/// keeps only the answer.
struct AsidePrinter {
  let terminal: Terminal
  let display: ReplyDisplay
  /// Something was printed that the answer has not yet been set apart from.
  private var open = false
  private var endsWithNewline = true
  /// On a terminal the server's text cannot move the cursor or retitle the window: control characters show.
  private var visible = VisibleControlStream()

  init(terminal: Terminal, display: ReplyDisplay) {
    self.terminal = terminal
    self.display = display
  }

  mutating func reasoning(_ text: String) {
    guard display.reasoning else { return }
    // Models often begin their reasoning with line breaks; they would only push the text down.
    write(open ? text : String(text.drop { $0.isNewline }))
  }

  /// Whole lines about the tools a compound model ran, on lines of their own.
  mutating func toolRuns(_ lines: String) {
    guard display.executedTools, !lines.isEmpty else { return }
    write((endsWithNewline ? "" : "\n") + lines)
  }

  /// Ends what was printed before the answer begins.
  mutating func finish() {
    guard open else { return }
    open = false
    terminal.err((endsWithNewline ? "" : "\n") + (terminal.stderrIsTTY ? "\n" : ""))
    endsWithNewline = true
  }

  private mutating func write(_ text: String) {
    guard !text.isEmpty else { return }
    open = true
    terminal.err(terminal.style(terminal.stderrIsTTY ? visible.escape(text) : text, .dim))
    endsWithNewline = text.hasSuffix("\n")
  }
}
