/// Whether answers on standard output are rendered as Markdown, and how.
struct AnswerRendering: Sendable, Equatable {
  /// OSC 8 hyperlinks for links; other terminals would print their bytes.
  var hyperlinks: Bool

  /// Rendering only on a terminal, and never with `--raw`, `NO_COLOR` or `TERM=dumb`: everywhere else the answer is
  /// the model's text, byte for byte. `configured` is the config file's `render` setting, when it has one.
  static func choose(
    stdoutIsTTY: Bool, raw: Bool, environment: [String: String], configured: Bool? = nil
  ) -> AnswerRendering? {
    guard stdoutIsTTY, !raw, (environment["NO_COLOR"] ?? "").isEmpty, environment["TERM"] != "dumb",
      configured ?? true
    else { return nil }
    return AnswerRendering(hyperlinks: supportsHyperlinks(environment))
  }

  /// Terminals known to show OSC 8 links; there is no way to ask one, so this follows what they set.
  static func supportsHyperlinks(_ environment: [String: String]) -> Bool {
    if environment["TMUX"] != nil || environment["STY"] != nil { return false }
    if let program = environment["TERM_PROGRAM"],
      ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].contains(program)
    {
      return true
    }
    if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
    let term = environment["TERM"] ?? ""
    return environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil || term.contains("kitty")
      || term.contains("foot") || term.contains("alacritty")
  }
}

/// The answer on its way to standard output: into a pipe exactly as received; on a terminal with control characters
/// made visible, and rendered as Markdown when that was chosen.
struct AnswerOutput {
  private enum Mode {
    case raw
    case visible(VisibleControlStream)
    case markdown(MarkdownRenderer)
  }

  private let terminal: Terminal
  private var mode: Mode

  init(terminal: Terminal, rendering: AnswerRendering?) {
    self.terminal = terminal
    if let rendering {
      let size = terminal.windowSize
      mode = .markdown(MarkdownRenderer(columns: size.columns, rows: size.rows, hyperlinks: rendering.hyperlinks))
    } else {
      mode = terminal.stdoutIsTTY ? .visible(VisibleControlStream()) : .raw
    }
  }

  mutating func write(_ text: String) throws(OutputClosed) {
    switch mode {
    case .raw:
      try terminal.out(text)
    case .visible(var stream):
      let shown = stream.escape(text)
      mode = .visible(stream)
      try terminal.out(shown)
    case .markdown(var renderer):
      let shown = renderer.feed(text)
      mode = .markdown(renderer)
      if !shown.isEmpty { try terminal.out(shown) }
    }
  }

  /// Ends the answer's last line. `text` is the whole answer; an empty one still gets its line unless it was only
  /// tool calls.
  mutating func finish(_ text: String, onlyToolCalls: Bool) throws(OutputClosed) {
    var tail = ""
    switch mode {
    case .raw:
      break
    case .visible(var stream):
      tail = stream.finish()
      mode = .visible(stream)
    case .markdown(var renderer):
      tail = renderer.finish()
      mode = .markdown(renderer)
      if !text.isEmpty {
        try terminal.out(tail)
        return
      }
    }
    if !text.hasSuffix("\n") && !(text.isEmpty && onlyToolCalls) { tail += "\n" }
    if !tail.isEmpty { try terminal.out(tail) }
  }
}
