/// Complete lines of Markdown turned into terminal rows: headings, lists, quotes, rules, fenced code and tables.
///
/// Works a line at a time, keeping only the state a line cannot show by itself: an open code fence, and a table's
/// rows, held back until the table ends so that it can be aligned.
struct MarkdownBlocks {
  let columns: Int
  let hyperlinks: Bool
  private var fence: (marker: Character, length: Int, highlighter: CodeHighlighter)?
  /// Rows of a table not yet complete, as the model wrote them.
  private(set) var held: [String] = []
  /// A table that grew too tall to redraw: its remaining rows pass through as written.
  private var passingTable = false

  init(columns: Int, hyperlinks: Bool) {
    self.columns = max(columns, 10)
    self.hyperlinks = hyperlinks
  }

  /// What a complete line (without its line feed) prints: rows that each end in a line feed, or nothing while a
  /// table is held.
  mutating func complete(_ raw: String) -> String {
    let line = VisibleControls.escape(raw)
    if fence != nil { return code(line) }
    let isTableRow = Self.leadingSpaces(line) < 4 && line.trimmingSpaces.hasPrefix("|")
    if passingTable {
      if isTableRow { return line + "\n" }
      passingTable = false
    }
    if held.isEmpty {
      if isTableRow {
        held = [line]
        return ""
      }
      return single(line)
    }
    if held.count == 1 && !MarkdownTable.isDelimiterRow(line) {
      // Not a table after all: the first line is prose, and this one may start a table.
      let first = single(held[0])
      held = []
      return first + complete(raw)
    }
    if isTableRow || held.count == 1 {
      held.append(line)
      return ""
    }
    return flush() + single(line)
  }

  /// Takes note of a line that is not printed (it was shown as written): only whether it opens or closes a fence.
  mutating func pass(_ raw: String) {
    let trimmed = raw.trimmingSpaces
    if let open = fence {
      if Self.leadingSpaces(raw) < 4, trimmed.count >= open.length, trimmed.allSatisfy({ $0 == open.marker }) {
        fence = nil
      }
    } else if Self.leadingSpaces(raw) < 4, let opened = Self.fenceOpening(trimmed) {
      fence = (opened.marker, opened.length, CodeHighlighter(name: opened.language))
    }
  }

  /// Ends what is held: a table is aligned, a lone row is prose.
  mutating func flush() -> String {
    defer { held = [] }
    switch held.count {
    case 0: return ""
    case 1: return single(held[0])
    default: return MarkdownTable.render(held, hyperlinks: hyperlinks)
    }
  }

  /// The held rows stay on screen as written (they could not be redrawn); the rest of the table follows them so.
  mutating func release() {
    if !held.isEmpty { passingTable = true }
    held = []
  }

  // MARK: One line

  private mutating func single(_ line: String) -> String {
    let indent = Self.leadingSpaces(line)
    let body = String(line.dropFirst(indent))
    if body.isEmpty { return "\n" }
    if indent < 4, let opened = Self.fenceOpening(body) {
      fence = (opened.marker, opened.length, CodeHighlighter(name: opened.language))
      let label = opened.language.isEmpty ? "" : " " + opened.language + " "
      return rule(label: label)
    }
    if indent < 4, let (level, text) = Self.heading(body) {
      var style = TextStyle(bold: true)
      style.underline = level == 1
      style.color = level <= 2 ? 35 : level == 3 ? 36 : nil
      return rows(InlineMarkdown.runs(text, style: style), first: [], rest: [])
    }
    if indent < 4, Self.isRule(body) { return rule(label: "") }
    if indent < 4, body.hasPrefix(">") {
      var depth = 0
      var text = Substring(body)
      while text.hasPrefix(">") {
        depth += 1
        text = text.dropFirst()
        if text.hasPrefix(" ") { text = text.dropFirst() }
      }
      let bar = [StyledRun(String(repeating: "│ ", count: depth), TextStyle(color: 90))]
      return rows(InlineMarkdown.runs(text, style: TextStyle(italic: true)), first: bar, rest: bar)
    }
    let pad = [StyledRun(String(repeating: " ", count: indent))]
    if let (marker, text) = Self.listItem(body) {
      let shown = marker == "-" || marker == "*" || marker == "+" ? (indent >= 2 ? "◦" : "•") : marker
      let first = pad + [StyledRun(shown, TextStyle(color: 36)), StyledRun(" ")]
      let hanging = [StyledRun(String(repeating: " ", count: indent + DisplayWidth.of(shown) + 1))]
      return rows(InlineMarkdown.runs(text), first: first, rest: hanging)
    }
    return rows(InlineMarkdown.runs(body), first: pad, rest: pad)
  }

  private func rows(_ runs: [StyledRun], first: [StyledRun], rest: [StyledRun]) -> String {
    StyledText.wrap(runs, width: columns, first: first, rest: rest)
      .map { StyledText.line($0, hyperlinks: hyperlinks) + "\n" }.joined()
  }

  private func rule(label: String) -> String {
    let width = min(columns, 80)
    let text = "──" + label + String(repeating: "─", count: max(0, width - 2 - DisplayWidth.of(label)))
    return StyledText.line([StyledRun(text, TextStyle(color: 90))], hyperlinks: false) + "\n"
  }

  /// A line inside a fence: highlighted, never wrapped; or the fence's end.
  private mutating func code(_ line: String) -> String {
    guard var open = fence else { return line + "\n" }
    let trimmed = line.trimmingSpaces
    if Self.leadingSpaces(line) < 4, trimmed.count >= open.length, trimmed.allSatisfy({ $0 == open.marker }) {
      fence = nil
      return rule(label: "")
    }
    let runs = open.highlighter.highlight(line)
    fence = open
    return StyledText.line(runs, hyperlinks: false) + "\n"
  }

  // MARK: Recognising blocks

  static func leadingSpaces(_ line: String) -> Int { line.prefix { $0 == " " }.count }

  /// ```` ```swift ```` or `~~~`: the marker, its length and the language named.
  static func fenceOpening(_ body: String) -> (marker: Character, length: Int, language: String)? {
    guard let marker = body.first, marker == "`" || marker == "~" else { return nil }
    let length = body.prefix { $0 == marker }.count
    guard length >= 3 else { return nil }
    let info = body.dropFirst(length).trimmingSpaces
    if marker == "`" && info.contains("`") { return nil }
    return (marker, length, String(info.prefix { $0 != " " && $0 != "{" }))
  }

  static func heading(_ body: String) -> (level: Int, text: String)? {
    let level = body.prefix { $0 == "#" }.count
    guard (1...6).contains(level) else { return nil }
    let rest = body.dropFirst(level)
    guard rest.isEmpty || rest.hasPrefix(" ") else { return nil }
    var text = rest.trimmingSpaces
    // A closing run of #s is decoration.
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing > 0 && (closing == text.count || text.dropLast(closing).hasSuffix(" ")) {
      text = String(text.dropLast(closing)).trimmingSpaces
    }
    return (level, text)
  }

  static func isRule(_ body: String) -> Bool {
    let marks = body.filter { $0 != " " }
    guard let first = marks.first, "-*_".contains(first), marks.count >= 3 else { return false }
    return marks.allSatisfy { $0 == first }
  }

  /// `- text`, `* text`, `1. text`: the marker and the text.
  static func listItem(_ body: String) -> (marker: String, text: String)? {
    if let first = body.first, "-*+".contains(first), body.dropFirst().hasPrefix(" ") {
      return (String(first), String(body.dropFirst(2)))
    }
    let digits = body.prefix { $0.isASCII && $0.isNumber }
    guard (1...9).contains(digits.count) else { return nil }
    let after = body.dropFirst(digits.count)
    guard let delimiter = after.first, delimiter == "." || delimiter == ")", after.dropFirst().hasPrefix(" ")
    else { return nil }
    return (String(digits) + String(delimiter), String(after.dropFirst(2)))
  }
}
