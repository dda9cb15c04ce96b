/// Markdown rendered for a terminal while it streams: fed pieces of text, it returns the bytes to write.
///
/// Complete lines are printed styled and never touched again. The line still being written is shown at once, as
/// written, and redrawn styled when its line feed arrives: the cursor goes back up over the rows it took (counted as
/// the terminal wraps them, wide characters included), the rest of the screen is cleared, and the new rows are
/// written, all in one write, so nothing flickers or repeats. A table's rows are held the same way until the table
/// ends and can be aligned. Text that only grows is written as its new part alone, so a plain stream costs no more
/// than printing it.
///
/// What cannot be redrawn (a line or table taller than the window, whose top has scrolled away) stays as written.
struct MarkdownRenderer {
  let columns: Int
  let rows: Int
  private var blocks: MarkdownBlocks
  /// The text after the last line feed, as the server sent it.
  private var partial = ""
  /// What the held table rows and the partial line show on screen now, below the last finished row.
  private var shown = ""
  /// The partial line grew taller than the window: it is printed as written, piece by piece, until it ends.
  private var frozen = false
  private var frozenText = VisibleControlStream()

  init(columns: Int, rows: Int, hyperlinks: Bool) {
    self.columns = max(columns, 10)
    self.rows = max(rows, 3)
    blocks = MarkdownBlocks(columns: self.columns, hyperlinks: hyperlinks)
  }

  mutating func feed(_ text: String) -> String {
    var text = text
    var out = ""
    if frozen {
      // Only the new piece is written, so a long line costs no more than printing it.
      guard let newline = text.unicodeScalars.firstIndex(of: "\n") else {
        partial += text
        return frozenText.escape(text)
      }
      var head = String(text.unicodeScalars[..<newline])
      text = String(text.unicodeScalars[text.unicodeScalars.index(after: newline)...])
      partial += head
      if head.unicodeScalars.last == "\r" { head.unicodeScalars.removeLast() }
      if partial.unicodeScalars.last == "\r" { partial.unicodeScalars.removeLast() }
      blocks.pass(partial)
      out += frozenText.escape(head) + frozenText.endLine() + "\n"
      partial = ""
      frozen = false
    }
    // The common case, a piece inside the line being written: it is only appended, so only it is made safe and
    // written, without going over the line again.
    if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) && !partial.hasSuffix("\r") {
      let piece = VisibleControls.escape(text)
      partial += text
      shown += piece
      freezeIfTooTall()
      return out + piece
    }
    partial += text
    var finished = ""
    while let newline = partial.unicodeScalars.firstIndex(of: "\n") {
      var line = String(partial.unicodeScalars[..<newline])
      partial = String(partial.unicodeScalars[partial.unicodeScalars.index(after: newline)...])
      if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
      finished += blocks.complete(line)
    }
    out += redraw(to: finished + live)
    shown = live
    freezeIfTooTall()
    return out
  }

  /// Ends the answer: the last line and any held table are printed styled, and the output ends with a line feed.
  mutating func finish() -> String {
    var out = partial.isEmpty ? "" : feed("\n")
    out += redraw(to: blocks.flush())
    shown = ""
    return out
  }

  /// Held table rows and the partial line, as written (made safe).
  private var live: String {
    blocks.held.map { $0 + "\n" }.joined() + livePartial
  }

  private var livePartial: String {
    var text = partial
    // A carriage return that may start a CRLF is not shown until the line feed decides.
    if text.unicodeScalars.last == "\r" { text.unicodeScalars.removeLast() }
    return VisibleControls.escape(text)
  }

  /// The bytes that turn what is shown into `target`: only the new part when it merely grows, or else back up to
  /// the first row shown, clear to the end of the screen, and write it all.
  private func redraw(to target: String) -> String {
    if target.utf8.starts(with: shown.utf8) { return Self.suffix(of: target, after: shown) }
    return Self.erase(shown, columns: columns) + target
  }

  /// The cursor back to the start of `text`'s first row, and everything from there down cleared.
  static func erase(_ text: String, columns: Int) -> String {
    let up = DisplayWidth.cursorRow(after: text, columns: columns)
    return "\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[J"
  }

  private static func suffix(of text: String, after prefix: String) -> String {
    guard text.utf8.starts(with: prefix.utf8) else { return text }
    return String(decoding: text.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
  }

  /// Moving up more rows than the window has would miss the top and leave copies, so a live part that tall stays
  /// as it is. Measured only once it could be that tall: the held rows take at most a row each beyond their
  /// bytes, and a row shows at least `columns` bytes before it wraps.
  private mutating func freezeIfTooTall() {
    guard blocks.held.count + shown.utf8.count / columns + 1 >= rows - 2,
      DisplayWidth.cursorRow(after: shown, columns: columns) >= rows - 2
    else { return }
    blocks.release()
    frozen = true
    frozenText = VisibleControlStream()
    shown = ""
  }
}
