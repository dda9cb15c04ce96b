/// Markdown's inline syntax on one line: emphasis, `code`, ~~strike~~, links and backslash escapes, as styled runs.
///
/// A delimiter with no partner on the line stays as the model wrote it. Links become their text (a hyperlink where
/// the terminal has them) followed by the URL, dimmed.
struct InlineMarkdown {
  private let characters: [Character]
  private var runs: [StyledRun] = []

  static let codeColor = 33
  static let linkColor = 34

  static func runs(_ text: some StringProtocol, style: TextStyle = .plain) -> [StyledRun] {
    var parser = InlineMarkdown(characters: Array(text))
    parser.parse(0..<parser.characters.count, style)
    return parser.runs
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  private mutating func emit(_ text: String, _ style: TextStyle) {
    guard !text.isEmpty else { return }
    if let last = runs.last, last.style == style {
      runs[runs.count - 1].text += text
    } else {
      runs.append(StyledRun(text, style))
    }
  }

  private mutating func parse(_ range: Range<Int>, _ style: TextStyle) {
    var index = range.lowerBound
    var plain = ""
    func flush(_ parser: inout InlineMarkdown) {
      parser.emit(plain, style)
      plain = ""
    }
    while index < range.upperBound {
      let character = characters[index]
      switch character {
      case "\\" where index + 1 < range.upperBound && isPunctuation(characters[index + 1]):
        plain.append(characters[index + 1])
        index += 2
      case "`":
        let count = runLength(at: index, of: "`", limit: range.upperBound)
        guard let close = findRun(of: "`", count: count, from: index + count, limit: range.upperBound) else {
          plain += String(repeating: "`", count: count)
          index += count
          continue
        }
        flush(&self)
        var code = String(characters[(index + count)..<close])
        if code.count > 2 && code.hasPrefix(" ") && code.hasSuffix(" ") { code = String(code.dropFirst().dropLast()) }
        var codeStyle = style
        codeStyle.color = Self.codeColor
        emit(code, codeStyle)
        index = close + count
      case "*", "_", "~":
        guard let (end, inner, delimiter) = emphasis(at: index, limit: range.upperBound) else {
          let count = runLength(at: index, of: character, limit: range.upperBound)
          plain += String(repeating: character, count: count)
          index += count
          continue
        }
        flush(&self)
        var innerStyle = style
        switch (character, delimiter) {
        case ("~", _): innerStyle.strike = true
        case (_, 1): innerStyle.italic = true
        case (_, 2): innerStyle.bold = true
        default:
          innerStyle.bold = true
          innerStyle.italic = true
        }
        parse(inner, innerStyle)
        index = end
      case "[":
        guard let (end, text, url) = link(at: index, limit: range.upperBound) else {
          plain.append(character)
          index += 1
          continue
        }
        flush(&self)
        var linkStyle = style
        linkStyle.underline = true
        linkStyle.color = Self.linkColor
        linkStyle.link = url
        let before = runs.count
        parse(text, linkStyle)
        let shown = runs[before...].map(\.text).joined()
        if shown != url { emit(" (" + url + ")", TextStyle.dimmed) }
        index = end
      case "<":
        guard let close = autolinkEnd(at: index, limit: range.upperBound) else {
          plain.append(character)
          index += 1
          continue
        }
        flush(&self)
        let url = String(characters[(index + 1)..<close])
        var linkStyle = style
        linkStyle.underline = true
        linkStyle.color = Self.linkColor
        linkStyle.link = url
        emit(url, linkStyle)
        index = close + 1
      default:
        plain.append(character)
        index += 1
      }
    }
    flush(&self)
  }

  private func isPunctuation(_ character: Character) -> Bool {
    character.isASCII && (character.isPunctuation || character.isSymbol)
  }

  private func runLength(at index: Int, of character: Character, limit: Int) -> Int {
    var end = index
    while end < limit && characters[end] == character { end += 1 }
    return end - index
  }

  /// The start of the next run of exactly `count` of `character`.
  private func findRun(of character: Character, count: Int, from start: Int, limit: Int) -> Int? {
    var index = start
    while index < limit {
      if characters[index] == character {
        let length = runLength(at: index, of: character, limit: limit)
        if length == count { return index }
        index += length
      } else {
        index += 1
      }
    }
    return nil
  }

  /// An emphasis span opening at `index`: where it ends, what it holds, and its delimiter's length (1 italic,
  /// 2 bold, 3 both; `~~` strikes). `_` only counts at word boundaries, so snake_case stays as written.
  private func emphasis(at index: Int, limit: Int) -> (end: Int, inner: Range<Int>, delimiter: Int)? {
    let marker = characters[index]
    let count = runLength(at: index, of: marker, limit: limit)
    if marker == "~" && count != 2 { return nil }
    guard count <= 3, index + count < limit, !characters[index + count].isWhitespace else { return nil }
    if marker == "_" && index > 0 && isWordCharacter(characters[index - 1]) { return nil }
    var search = index + count
    while let close = findRun(of: marker, count: count, from: search, limit: limit) {
      let after = close + count
      let closes =
        !characters[close - 1].isWhitespace && close > index + count
        && !(marker == "_" && after < limit && isWordCharacter(characters[after]))
      if closes { return (after, (index + count)..<close, count) }
      search = after
    }
    return nil
  }

  private func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

  /// `[text](url)`: its end, the text's range and the URL.
  private func link(at index: Int, limit: Int) -> (end: Int, text: Range<Int>, url: String)? {
    var depth = 0
    var close: Int?
    for position in index..<limit {
      if characters[position] == "[" { depth += 1 }
      if characters[position] == "]" {
        depth -= 1
        if depth == 0 {
          close = position
          break
        }
      }
    }
    guard let close, close + 1 < limit, characters[close + 1] == "(" else { return nil }
    guard let end = characters[(close + 2)..<limit].firstIndex(of: ")") else { return nil }
    let url = String(characters[(close + 2)..<end]).trimmingSpaces
    guard !url.isEmpty, !url.contains(" ") else { return nil }
    return (end + 1, (index + 1)..<close, url)
  }

  /// `<https://...>`: the index of `>`.
  private func autolinkEnd(at index: Int, limit: Int) -> Int? {
    guard let close = characters[(index + 1)..<limit].firstIndex(of: ">") else { return nil }
    let inside = String(characters[(index + 1)..<close])
    guard inside.hasPrefix("http://") || inside.hasPrefix("https://") || inside.hasPrefix("mailto:"),
      !inside.contains(" ")
    else { return nil }
    return close
  }
}

extension StringProtocol {
  /// Without spaces at either end (Foundation-free, for the renderer's hot path).
  var trimmingSpaces: String {
    let start = drop { $0 == " " }
    var end = start.endIndex
    while end > start.startIndex, start[start.index(before: end)] == " " { end = start.index(before: end) }
    return String(start[..<end])
  }
}
