/// How a piece of rendered text looks: SGR attributes, a colour, and a link target.
struct TextStyle: Hashable, Sendable {
  var bold = false
  var italic = false
  var underline = false
  var strike = false
  var dim = false
  /// An SGR foreground colour: 31 red, 32 green, 33 yellow, 34 blue, 35 magenta, 36 cyan, 90 grey.
  var color: Int?
  /// Made an OSC 8 hyperlink when the terminal supports them.
  var link: String?

  static let plain = TextStyle()
  static let dimmed = TextStyle(dim: true)

  /// The SGR sequence that sets this style from a reset terminal; empty for plain text.
  var sgr: String {
    var codes: [String] = []
    if bold { codes.append("1") }
    if dim { codes.append("2") }
    if italic { codes.append("3") }
    if underline { codes.append("4") }
    if strike { codes.append("9") }
    if let color { codes.append(String(color)) }
    return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}

/// A run of text in one style.
struct StyledRun: Equatable, Sendable {
  var text: String
  var style: TextStyle

  init(_ text: String, _ style: TextStyle = .plain) {
    self.text = text
    self.style = style
  }
}

/// Styled runs as terminal bytes, and prose wrapped at word boundaries.
enum StyledText {
  /// One row: each run in its style, reset at the end so nothing leaks into the next row or the prompt.
  static func line(_ runs: [StyledRun], hyperlinks: Bool) -> String {
    var out = ""
    var current = TextStyle.plain
    var openLink: String?
    for run in runs where !run.text.isEmpty {
      let link = hyperlinks ? run.style.link : nil
      if link != openLink {
        out += "\u{1B}]8;;" + (link ?? "") + "\u{1B}\\"
        openLink = link
      }
      var style = run.style
      style.link = nil
      if style != current {
        out += current == .plain ? style.sgr : "\u{1B}[0m" + style.sgr
        current = style
      }
      out += run.text
    }
    if openLink != nil { out += "\u{1B}]8;;\u{1B}\\" }
    if current != .plain { out += "\u{1B}[0m" }
    return out
  }

  /// Breaks runs into rows no wider than `width` columns, at spaces; a word longer than a row is cut. The first row
  /// starts after `first` (a bullet, a quote bar) and the others after `rest`, so lists get hanging indents.
  static func wrap(_ runs: [StyledRun], width: Int, first: [StyledRun], rest: [StyledRun]) -> [[StyledRun]] {
    var rows: [[StyledRun]] = []
    var row = first
    var column = DisplayWidth.of(first.map(\.text).joined())
    let restWidth = DisplayWidth.of(rest.map(\.text).joined())
    var rowHasWords = false
    var spaces: [StyledRun] = []

    func append(_ run: StyledRun, to row: inout [StyledRun]) {
      if let last = row.last, last.style == run.style {
        row[row.count - 1].text += run.text
      } else {
        row.append(run)
      }
    }
    func newRow() {
      rows.append(row)
      row = rest
      column = restWidth
      rowHasWords = false
      spaces = []
    }

    for (word, isSpace) in words(runs) {
      if isSpace {
        if rowHasWords { spaces.append(contentsOf: word) }
        continue
      }
      let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
      let spaceWidth = spaces.reduce(0) { $0 + DisplayWidth.of($1.text) }
      if rowHasWords && column + spaceWidth + wordWidth > width { newRow() }
      for space in spaces { append(space, to: &row) }
      column += rowHasWords ? spaceWidth : 0
      spaces = []
      if column + wordWidth <= width {
        for piece in word { append(piece, to: &row) }
        column += wordWidth
      } else {
        // Longer than a whole row: cut it where the row ends.
        for piece in word {
          for character in piece.text {
            let characterWidth = DisplayWidth.of(character)
            if column + characterWidth > width && column > restWidth { newRow() }
            append(StyledRun(String(character), piece.style), to: &row)
            column += characterWidth
            rowHasWords = true
          }
        }
      }
      rowHasWords = true
    }
    rows.append(row)
    return rows
  }

  /// The runs cut into alternating words and runs of spaces, each a list of styled pieces.
  private static func words(_ runs: [StyledRun]) -> [(pieces: [StyledRun], isSpace: Bool)] {
    var result: [(pieces: [StyledRun], isSpace: Bool)] = []
    for run in runs {
      var piece = ""
      var pieceIsSpace = false
      func flush() {
        guard !piece.isEmpty else { return }
        let styled = StyledRun(piece, run.style)
        if let last = result.last, last.isSpace == pieceIsSpace {
          result[result.count - 1].pieces.append(styled)
        } else {
          result.append(([styled], pieceIsSpace))
        }
        piece = ""
      }
      for character in run.text {
        let isSpace = character == " "
        if isSpace != pieceIsSpace { flush() }
        pieceIsSpace = isSpace
        piece.append(character)
      }
      flush()
    }
    return result
  }
}
