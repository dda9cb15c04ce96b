/// Complete lines of Markdown turned into terminal rows: headings (`#` and setext), lists, quotes, rules, fenced
/// and indented code, and tables.
///
/// Works a line at a time, keeping only the state a line cannot show by itself: an open code fence, a table's
/// rows, held back until the table ends so that it can be aligned, the last prose line, which the next line may
/// underline into a heading, and whether an indented line can start code. Lines are UTF-8 bytes: every marker that
/// starts a block is ASCII, so recognising one never decodes a character.
struct MarkdownBlocks {
  let columns: Int
  let hyperlinks: Bool
  private var fence: OpenFence?
  /// Rows of a table not yet complete, as the model wrote them (made safe).
  private(set) var held: [[UInt8]] = []
  /// The last line of prose, rendered, until the next line says whether it underlines it (`===` or `---`) into a
  /// heading. Shown at once like this; redrawn only if it becomes a heading.
  private(set) var tentative: [UInt8] = [] {
    didSet { tentativeRows = tentative.count { $0 == 0x0A } }
  }
  /// How many rows the tentative line takes.
  private(set) var tentativeRows = 0
  /// The text of the tentative line, for its heading.
  private var tentativeText: [UInt8] = []
  /// A table that grew too tall to redraw: its remaining rows pass through as written.
  private var passingTable = false
  /// The last line was blank (or there was none): a line indented four spaces may start a code block.
  private var afterBlank = true
  /// Within a list, where indented lines continue an item rather than start code.
  private var inList = false
  /// Within an indented code block.
  private var inIndentedCode = false

  init(columns: Int, hyperlinks: Bool) {
    self.columns = max(columns, 10)
    self.hyperlinks = hyperlinks
  }

  private static let space = UInt8(ascii: " ")
  private static let pipe = UInt8(ascii: "|")

  /// Writes what a complete line (without its line feed) prints: rows that each end in a line feed, or nothing
  /// while a table is held.
  mutating func complete(_ raw: [UInt8], into rows: inout TerminalRows) {
    place(VisibleControls.escape(utf8: raw), into: &rows)
  }

  private mutating func place(_ line: [UInt8], into rows: inout TerminalRows) {
    let blank = line.allSatisfy { $0 == Self.space }
    defer { afterBlank = blank }
    if !tentative.isEmpty {
      if let level = Self.setextLevel(line) {
        tentative = []
        return heading(level: level, text: tentativeText, into: &rows)
      }
      rows.append(rows: tentative)
      tentative = []
    }
    if fence != nil { return code(line, into: &rows) }
    let isTableRow = Self.leadingSpaces(line) < 4 && Self.trimmed(line[...]).first == Self.pipe
    if passingTable {
      if isTableRow {
        rows.write(line, .plain)
        return rows.endRow()
      }
      passingTable = false
    }
    if held.isEmpty {
      if isTableRow {
        held = [line]
        return
      }
      return single(line, into: &rows)
    }
    if held.count == 1 && !MarkdownTable.isDelimiterRow(line) {
      // Not a table after all: the first line is prose, and this one may start a table.
      let first = held[0]
      held = []
      single(first, into: &rows)
      return place(line, into: &rows)
    }
    if isTableRow || held.count == 1 {
      held.append(line)
      return
    }
    flush(into: &rows)
    single(line, into: &rows)
  }

  /// Takes note of a line that is not printed (it was shown as written): only whether it opens or closes a fence.
  mutating func pass(_ raw: [UInt8]) {
    afterBlank = false
    if let open = fence {
      if Self.closes(open.marker, open.length, raw) { fence = nil }
    } else if Self.leadingSpaces(raw) < 4, let opened = Self.fenceOpening(Self.trimmed(raw[...])) {
      fence = OpenFence(
        marker: opened.marker, length: opened.length, highlighter: CodeHighlighter(name: opened.language))
    }
  }

  /// Ends what is held: the last prose line stays prose, a table is aligned, a lone row is prose.
  mutating func flush(into rows: inout TerminalRows) {
    rows.append(rows: tentative)
    tentative = []
    let lines = held
    held = []
    switch lines.count {
    case 0: return
    case 1: single(lines[0], into: &rows)
    default: MarkdownTable.render(lines, into: &rows)
    }
  }

  /// The tentative line stays as it is shown, prose: too tall to redraw as a heading.
  mutating func settleTentative() {
    tentative = []
  }

  /// The held rows stay on screen as written (they could not be redrawn); the rest of the table follows them so.
  mutating func release() {
    if !held.isEmpty { passingTable = true }
    held = []
    tentative = []
  }

  // MARK: One line

  private mutating func single(_ line: [UInt8], into rows: inout TerminalRows) {
    let indent = Self.leadingSpaces(line)
    let body = Array(line[indent...])
    if body.isEmpty { return rows.endRow() }
    // Four spaces start code after a blank line, except where they continue a list item; code goes on until a
    // line indented less, and blank lines do not end it.
    if indent >= 4 && (inIndentedCode || afterBlank && !inList) {
      inIndentedCode = true
      rows.write(line, .plain)
      return rows.endRow()
    }
    inIndentedCode = false
    if indent == 0 { inList = false }
    if indent < 4, let opened = Self.fenceOpening(body[...]) {
      fence = OpenFence(
        marker: opened.marker, length: opened.length, highlighter: CodeHighlighter(name: opened.language))
      let label = opened.language.isEmpty ? "" : " " + opened.language + " "
      return rule(label: label, into: &rows)
    }
    if indent < 4, let (level, text) = Self.heading(body) { return heading(level: level, text: text, into: &rows) }
    if indent < 4, Self.isRule(body) { return rule(label: "", into: &rows) }
    if indent < 4, body.first == UInt8(ascii: ">") {
      var depth = 0
      var text = body[...]
      while text.first == UInt8(ascii: ">") {
        depth += 1
        text = text.dropFirst()
        if text.first == Self.space { text = text.dropFirst() }
      }
      let bar = RowStart(
        runs: [StyledRun(String(repeating: "│ ", count: depth), TextStyle(color: 90))], width: 2 * depth)
      let runs = InlineMarkdown.runs(utf8: Array(text), style: TextStyle(italic: true))
      return wrap(runs, first: bar, rest: bar, into: &rows)
    }
    let pad = RowStart.spaces(indent)
    if let (marker, text) = Self.listItem(body) {
      inList = true
      let bullet = marker == "-" || marker == "*" || marker == "+"
      let shown = bullet ? (indent >= 2 ? "◦" : "•") : marker
      // A bullet is one column, a number and its delimiter are ASCII.
      let width = indent + (bullet ? 1 : marker.utf8.count) + 1
      let first = RowStart(runs: pad.runs + [StyledRun(shown, TextStyle(color: 36)), StyledRun(" ")], width: width)
      return wrap(InlineMarkdown.runs(utf8: text), first: first, rest: .spaces(width), into: &rows)
    }
    guard indent < 4 else { return wrap(InlineMarkdown.runs(utf8: body), first: pad, rest: pad, into: &rows) }
    var prose = TerminalRows(hyperlinks: hyperlinks)
    wrap(InlineMarkdown.runs(utf8: body), first: pad, rest: pad, into: &prose)
    tentative = prose.take()
    tentativeText = body
  }

  private func heading(level: Int, text: [UInt8], into rows: inout TerminalRows) {
    var style = TextStyle(bold: true)
    style.underline = level == 1
    style.color = level <= 2 ? 35 : level == 3 ? 36 : nil
    wrap(InlineMarkdown.runs(utf8: text, style: style), first: .none, rest: .none, into: &rows)
  }

  private func wrap(_ runs: [StyledRun], first: RowStart, rest: RowStart, into rows: inout TerminalRows) {
    StyledText.wrap(runs, width: columns, first: first, rest: rest, into: &rows)
  }

  private func rule(label: String, into rows: inout TerminalRows) {
    let width = min(columns, 80)
    var text = Self.lines(2)
    text.append(contentsOf: label.utf8)
    text.append(contentsOf: Self.lines(max(0, width - 2 - DisplayWidth.of(label))))
    rows.write(text, Self.ruleStyle)
    rows.endRow()
  }

  private static let ruleStyle = TextStyle(color: 90)

  /// `count` box-drawing lines (─), as bytes.
  private static func lines(_ count: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 3)
    for _ in 0..<count { bytes.append(contentsOf: [0xE2, 0x94, 0x80]) }
    return bytes
  }

  /// A line inside a fence: highlighted, never wrapped; or the fence's end.
  private mutating func code(_ line: [UInt8], into rows: inout TerminalRows) {
    guard var open = fence else {
      rows.write(line, .plain)
      return rows.endRow()
    }
    if Self.closes(open.marker, open.length, line) {
      fence = nil
      return rule(label: "", into: &rows)
    }
    for span in open.highlighter.spans(line) { rows.write(line[span.start..<span.end], span.style) }
    rows.endRow()
    fence = open
  }

  /// A fence that is open: what closes it, and the highlighter of its language. (A struct, not a tuple: an
  /// optional tuple is handled through metadata made at run time, on every line.)
  private struct OpenFence {
    var marker: UInt8
    var length: Int
    var highlighter: CodeHighlighter
  }

  // MARK: Recognising blocks

  static func leadingSpaces(_ line: [UInt8]) -> Int { line.prefix { $0 == space }.count }

  static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var text = bytes
    while text.first == space { text = text.dropFirst() }
    while text.last == space { text = text.dropLast() }
    return text
  }

  /// Whether `line` closes a fence opened with `length` of `marker`.
  private static func closes(_ marker: UInt8, _ length: Int, _ line: [UInt8]) -> Bool {
    let trimmed = trimmed(line[...])
    return leadingSpaces(line) < 4 && trimmed.count >= length && trimmed.allSatisfy { $0 == marker }
  }

  /// ```` ```swift ```` or `~~~`: the marker, its length and the language named.
  static func fenceOpening(_ body: ArraySlice<UInt8>) -> (marker: UInt8, length: Int, language: String)? {
    guard let marker = body.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
    let length = body.prefix { $0 == marker }.count
    guard length >= 3 else { return nil }
    let info = trimmed(body.dropFirst(length))
    if marker == UInt8(ascii: "`") && info.contains(marker) { return nil }
    let language = info.prefix { $0 != space && $0 != UInt8(ascii: "{") }
    return (marker, length, String(decoding: language, as: UTF8.self))
  }

  static func heading(_ body: [UInt8]) -> (level: Int, text: [UInt8])? {
    let hash = UInt8(ascii: "#")
    let level = body.prefix { $0 == hash }.count
    guard (1...6).contains(level) else { return nil }
    let rest = body.dropFirst(level)
    guard rest.isEmpty || rest.first == space else { return nil }
    var text = trimmed(rest)
    // A closing run of #s is decoration.
    let closing = text.reversed().prefix { $0 == hash }.count
    if closing > 0 && (closing == text.count || text.dropLast(closing).last == space) {
      text = trimmed(text.dropLast(closing))
    }
    return (level, Array(text))
  }

  /// `===` under a line makes it a heading of level 1, `---` of level 2 (setext headings).
  static func setextLevel(_ line: [UInt8]) -> Int? {
    guard leadingSpaces(line) < 4 else { return nil }
    let marks = trimmed(line[...])
    guard let first = marks.first, marks.allSatisfy({ $0 == first }) else { return nil }
    switch first {
    case UInt8(ascii: "="): return 1
    case UInt8(ascii: "-"): return 2
    default: return nil
    }
  }

  static func isRule(_ body: [UInt8]) -> Bool {
    guard let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
    else { return false }
    var marks = 0
    for byte in body where byte != space {
      guard byte == first else { return false }
      marks += 1
    }
    return marks >= 3
  }

  /// `- text`, `* text`, `1. text`: the marker and the text.
  static func listItem(_ body: [UInt8]) -> (marker: String, text: [UInt8])? {
    if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"),
      body.count > 1, body[1] == space
    {
      return (String(UnicodeScalar(first)), Array(body.dropFirst(2)))
    }
    let digits = body.prefix { (0x30...0x39).contains($0) }
    guard (1...9).contains(digits.count) else { return nil }
    let after = body.dropFirst(digits.count)
    guard let delimiter = after.first, delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")"),
      after.dropFirst().first == space
    else { return nil }
    return (String(decoding: body.prefix(digits.count + 1), as: UTF8.self), Array(after.dropFirst(2)))
  }
}
