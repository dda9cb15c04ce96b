/// Markdown rendered for a terminal while it streams: fed pieces of text, it returns the bytes to write.
///
/// Complete lines are printed styled and never touched again, but for the last line of prose, which a setext
/// underline on the next line can still make a heading. The line still being written is shown at once, as
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
  /// The text after the last line feed, as the server sent it (UTF-8).
  private var partial: [UInt8] = []
  /// What may still change shows on screen now (the tentative prose line, held table rows, the partial line),
  /// below the last final row.
  private var shown: [UInt8] = []
  /// The partial line grew taller than the window: it is printed as written, piece by piece, until it ends.
  private var frozen = false
  private var frozenText = VisibleControlStream()

  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  init(columns: Int, rows: Int, hyperlinks: Bool) {
    self.columns = max(columns, 10)
    self.rows = max(rows, 3)
    blocks = MarkdownBlocks(columns: self.columns, hyperlinks: hyperlinks)
  }

  mutating func feed(_ text: String) -> String {
    String(decoding: feed(utf8: Array(text.utf8)), as: UTF8.self)
  }

  /// The bytes to write for the next piece of the answer, all of them for one write.
  mutating func feed(utf8 piece: [UInt8]) -> [UInt8] {
    var text = piece[...]
    var out: [UInt8] = []
    if frozen {
      // Only the new piece is written, so a long line costs no more than printing it.
      guard let newline = text.firstIndex(of: Self.lineFeed) else {
        partial.append(contentsOf: text)
        return Array(frozenText.escape(String(decoding: text, as: UTF8.self)).utf8)
      }
      var head = text[..<newline]
      text = text[(newline + 1)...]
      partial.append(contentsOf: head)
      if head.last == Self.carriageReturn { head = head.dropLast() }
      if partial.last == Self.carriageReturn { partial.removeLast() }
      blocks.pass(partial)
      out.append(contentsOf: frozenText.escape(String(decoding: head, as: UTF8.self)).utf8)
      out.append(contentsOf: frozenText.endLine().utf8)
      out.append(Self.lineFeed)
      partial = []
      frozen = false
    }
    // The common case, a piece inside the line being written: it is only appended, so only it is made safe and
    // written, without going over the line again.
    if !text.contains(where: { $0 == Self.lineFeed || $0 == Self.carriageReturn })
      && partial.last != Self.carriageReturn
    {
      let shownPiece = VisibleControls.escape(utf8: text)
      partial.append(contentsOf: text)
      shown.append(contentsOf: shownPiece)
      freezeIfTooTall()
      if out.isEmpty { return shownPiece }
      out.append(contentsOf: shownPiece)
      return out
    }
    partial.append(contentsOf: text)
    // Only the lines that end here are rendered; rows printed before are final and never looked at again.
    var finished = TerminalRows(hyperlinks: blocks.hyperlinks)
    var start = 0
    while let newline = partial[start...].firstIndex(of: Self.lineFeed) {
      var end = newline
      if end > start && partial[end - 1] == Self.carriageReturn { end -= 1 }
      blocks.complete(Array(partial[start..<end]), into: &finished)
      start = newline + 1
    }
    partial.removeFirst(start)
    let now = live
    var target = finished.take()
    target.append(contentsOf: now)
    redraw(to: target, into: &out)
    shown = now
    freezeIfTooTall()
    return out
  }

  /// Ends the answer: the last line and any held table are printed styled, and the output ends with a line feed.
  mutating func finish() -> String {
    var out = partial.isEmpty ? [] : feed(utf8: [Self.lineFeed])
    var rest = TerminalRows(hyperlinks: blocks.hyperlinks)
    blocks.flush(into: &rest)
    redraw(to: rest.take(), into: &out)
    shown = []
    return String(decoding: out, as: UTF8.self)
  }

  /// What may still change: the last prose line (rendered), held table rows and the partial line, as written
  /// (made safe).
  private var live: [UInt8] {
    var bytes = blocks.tentative
    for row in blocks.held {
      bytes.append(contentsOf: row)
      bytes.append(Self.lineFeed)
    }
    var text = partial[...]
    // A carriage return that may start a CRLF is not shown until the line feed decides.
    if text.last == Self.carriageReturn { text = text.dropLast() }
    bytes.append(contentsOf: VisibleControls.escape(utf8: text))
    return bytes
  }

  /// The bytes that turn what is shown into `target`: only the new part when it merely grows, or else back up to
  /// the first row that differs, clear to the end of the screen, and write the rest. Whole lines both begin with
  /// (a prose line that stays prose) are not written again.
  private func redraw(to target: [UInt8], into out: inout [UInt8]) {
    if target.starts(with: shown) {
      out.append(contentsOf: target[shown.count...])
      return
    }
    var same = 0
    while same < shown.count && same < target.count && shown[same] == target[same] { same += 1 }
    while same > 0 && shown[same - 1] != Self.lineFeed { same -= 1 }
    out.append(contentsOf: Self.erase(shown[same...], columns: columns))
    out.append(contentsOf: target[same...])
  }

  /// The cursor back to the start of `text`'s first row, and everything from there down cleared.
  static func erase(_ text: some Collection<UInt8>, columns: Int) -> [UInt8] {
    let up = DisplayWidth.cursorRow(after: text, columns: columns)
    return Array(("\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[J").utf8)
  }

  /// Moving up more rows than the window has would miss the top and leave copies, so a live part that tall stays
  /// as it is. Measured only once it could be that tall: the held rows take at most a row each beyond their
  /// bytes, and a row shows at least `columns` bytes before it wraps.
  private mutating func freezeIfTooTall() {
    guard blocks.held.count + blocks.tentativeRows + shown.count / columns + 1 >= rows - 2,
      DisplayWidth.cursorRow(after: shown, columns: columns) >= rows - 2
    else { return }
    if !blocks.tentative.isEmpty {
      // The last prose line goes first: it stays as shown, and what follows it may then fit.
      shown.removeFirst(blocks.tentative.count)
      blocks.settleTentative()
      return freezeIfTooTall()
    }
    blocks.release()
    frozen = true
    frozenText = VisibleControlStream()
    shown = []
  }
}
