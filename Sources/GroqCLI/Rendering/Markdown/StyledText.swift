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
    var bytes: [UInt8] = []
    appendSGR(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `sgr`'s bytes without building strings: this runs at each change of style in every row.
  func appendSGR(to bytes: inout [UInt8]) {
    let start = bytes.count
    func add(_ code: some Sequence<UInt8>) {
      if bytes.count == start {
        bytes.append(contentsOf: [0x1B, UInt8(ascii: "[")])
      } else {
        bytes.append(UInt8(ascii: ";"))
      }
      bytes.append(contentsOf: code)
    }
    if bold { add(CollectionOfOne(UInt8(ascii: "1"))) }
    if dim { add(CollectionOfOne(UInt8(ascii: "2"))) }
    if italic { add(CollectionOfOne(UInt8(ascii: "3"))) }
    if underline { add(CollectionOfOne(UInt8(ascii: "4"))) }
    if strike { add(CollectionOfOne(UInt8(ascii: "9"))) }
    if let color { add(String(color).utf8) }
    if bytes.count != start { bytes.append(UInt8(ascii: "m")) }
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

/// What a row of wrapped text starts with (a bullet, a quote bar, an indent) and how many columns it takes, known
/// by whoever made it rather than measured again for every line.
struct RowStart {
  var runs: [StyledRun]
  var width: Int

  static let none = RowStart(runs: [], width: 0)

  static func spaces(_ count: Int) -> RowStart {
    RowStart(runs: count > 0 ? [StyledRun(String(repeating: " ", count: count))] : [], width: count)
  }
}

/// Terminal bytes built a row at a time: text in a style, with SGR and OSC 8 sequences only where the style or the
/// link changes, and every row reset at its end so nothing leaks into the next row or the prompt.
struct TerminalRows {
  private(set) var bytes: [UInt8] = []
  let hyperlinks: Bool
  private var current = TextStyle.plain
  private var openLink: String?

  init(hyperlinks: Bool) {
    self.hyperlinks = hyperlinks
  }

  mutating func write(_ text: some Collection<UInt8>, _ style: TextStyle) {
    guard !text.isEmpty else { return }
    let link = hyperlinks ? style.link : nil
    if link != openLink {
      bytes.append(contentsOf: Self.linkStart)
      if let link { bytes.append(contentsOf: link.utf8) }
      bytes.append(contentsOf: Self.linkEnd)
      openLink = link
    }
    if style.link == nil {
      if style != current { switchStyle(to: style) }
    } else {
      var unlinked = style
      unlinked.link = nil
      if unlinked != current { switchStyle(to: unlinked) }
    }
    bytes.append(contentsOf: text)
  }

  private mutating func switchStyle(to style: TextStyle) {
    if current != .plain { bytes.append(contentsOf: Self.reset) }
    style.appendSGR(to: &bytes)
    current = style
  }

  mutating func write(_ runs: [StyledRun]) {
    for run in runs { write(run.text.utf8, run.style) }
  }

  /// Ends the row: the link closed, the style reset, a line feed.
  mutating func endRow() {
    if openLink != nil {
      bytes.append(contentsOf: Self.linkStart)
      bytes.append(contentsOf: Self.linkEnd)
    }
    if current != .plain { bytes.append(contentsOf: Self.reset) }
    openLink = nil
    current = .plain
    bytes.append(0x0A)
  }

  /// Appends rows rendered before, whole (each ends in a line feed, its style reset).
  mutating func append(rows: [UInt8]) {
    bytes.append(contentsOf: rows)
  }

  /// Moves the bytes out, leaving this empty.
  mutating func take() -> [UInt8] {
    defer { bytes = [] }
    return bytes
  }

  private static let reset = Array("\u{1B}[0m".utf8)
  /// OSC 8 opens a link with its target between these, and closes one with nothing between them.
  private static let linkStart = Array("\u{1B}]8;;".utf8)
  private static let linkEnd = Array("\u{1B}\\".utf8)
}

/// Styled runs as terminal bytes, and prose wrapped at word boundaries.
enum StyledText {
  /// One row: each run in its style, reset at the end so nothing leaks into the next row or the prompt.
  static func line(_ runs: [StyledRun], hyperlinks: Bool) -> String {
    var rows = TerminalRows(hyperlinks: hyperlinks)
    rows.write(runs)
    rows.endRow()
    return String(decoding: rows.bytes.dropLast(), as: UTF8.self)
  }

  /// Writes runs as rows no wider than `width` columns, broken at spaces; a word longer than a row is cut. The first
  /// row starts with `first` (a bullet, a quote bar) and the others with `rest`, so lists get hanging indents.
  ///
  /// Works on the runs' UTF-8 bytes: a space is one byte and one column, and a word of ASCII is as wide as it is
  /// long, so only words with other characters are measured character by character.
  static func wrap(
    _ runs: [StyledRun], width: Int, first: RowStart, rest: RowStart, into rows: inout TerminalRows
  ) {
    // All the runs' bytes in one array, and where each run ends in it.
    var text: [UInt8] = []
    var ends: [Int] = []
    ends.reserveCapacity(runs.count)
    for run in runs {
      text.append(contentsOf: run.text.utf8)
      ends.append(text.count)
    }
    var runIndex = 0
    // Writes text[range] in its runs' styles; ranges are written in order.
    func emit(_ range: Range<Int>) {
      var start = range.lowerBound
      while start < range.upperBound {
        while ends[runIndex] <= start { runIndex += 1 }
        let end = min(range.upperBound, ends[runIndex])
        rows.write(text[start..<end], runs[runIndex].style)
        start = end
      }
    }

    let restWidth = rest.width
    var column = first.width
    var rowHasWords = false
    // Spaces after a word, written only if another word follows on the same row.
    var spaces: Range<Int>?
    rows.write(first.runs)
    func newRow() {
      rows.endRow()
      rows.write(rest.runs)
      column = restWidth
      rowHasWords = false
      spaces = nil
    }

    let space = UInt8(ascii: " ")
    var index = 0
    while index < text.count {
      var end = index
      if text[index] == space {
        while end < text.count && text[end] == space { end += 1 }
        if rowHasWords { spaces = (spaces?.lowerBound ?? index)..<end }
        index = end
        continue
      }
      while end < text.count && text[end] != space { end += 1 }
      let word = index..<end
      let wordWidth = DisplayWidth.of(utf8: text[word])
      let spaceWidth = spaces?.count ?? 0
      if rowHasWords && column + spaceWidth + wordWidth > width { newRow() }
      if let pending = spaces {
        emit(pending)
        column += spaceWidth
      }
      spaces = nil
      if column + wordWidth <= width {
        emit(word)
        column += wordWidth
      } else {
        // Longer than a whole row: cut it where the row ends, character by character.
        var start = word.lowerBound
        while start < word.upperBound {
          while ends[runIndex] <= start { runIndex += 1 }
          let pieceEnd = min(word.upperBound, ends[runIndex])
          let style = runs[runIndex].style
          for character in String(decoding: text[start..<pieceEnd], as: UTF8.self) {
            let characterWidth = DisplayWidth.of(character)
            if column + characterWidth > width && column > restWidth { newRow() }
            rows.write(character.utf8, style)
            column += characterWidth
            rowHasWords = true
          }
          start = pieceEnd
        }
      }
      rowHasWords = true
      index = end
    }
    rows.endRow()
  }
}
