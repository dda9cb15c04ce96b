/// Markdown's inline syntax on one line: emphasis, `code`, ~~strike~~, links and backslash escapes, as styled runs.
///
/// A delimiter with no partner on the line stays as the model wrote it. Links become their text (a hyperlink where
/// the terminal has them) followed by the URL, dimmed. Works on the line's UTF-8 bytes: every delimiter is ASCII,
/// and no byte of a multi-byte character is, so only the rare test of a neighbour (is it a space, a letter?) looks at
/// a whole character.
struct InlineMarkdown {
  private let bytes: [UInt8]
  private var runs: [StyledRun] = []

  static let codeColor = 33
  static let linkColor = 34

  static func runs(_ text: some StringProtocol, style: TextStyle = .plain) -> [StyledRun] {
    runs(utf8: Array(text.utf8), style: style)
  }

  static func runs(utf8 bytes: [UInt8], style: TextStyle = .plain) -> [StyledRun] {
    var parser = InlineMarkdown(bytes: bytes)
    parser.parse(0..<bytes.count, style)
    return parser.runs
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private mutating func emit(_ text: some Collection<UInt8>, _ style: TextStyle) {
    guard !text.isEmpty else { return }
    if let last = runs.last, last.style == style {
      runs[runs.count - 1].text += String(decoding: text, as: UTF8.self)
    } else {
      runs.append(StyledRun(String(decoding: text, as: UTF8.self), style))
    }
  }

  private static let backslash = UInt8(ascii: "\\")
  private static let backtick = UInt8(ascii: "`")

  /// The bytes that may start inline syntax; everything else is copied as it is.
  private static func isSpecial(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"),
      UInt8(ascii: "["), UInt8(ascii: "<"):
      return true
    default: return false
    }
  }

  private mutating func parse(_ range: Range<Int>, _ style: TextStyle) {
    var index = range.lowerBound
    var plain: [UInt8] = []
    func flush(_ parser: inout InlineMarkdown) {
      parser.emit(plain, style)
      plain.removeAll(keepingCapacity: true)
    }
    while index < range.upperBound {
      let byte = bytes[index]
      switch byte {
      case Self.backslash where index + 1 < range.upperBound && Self.isPunctuation(bytes[index + 1]):
        plain.append(bytes[index + 1])
        index += 2
      case Self.backtick:
        let count = runLength(at: index, of: byte, limit: range.upperBound)
        guard let close = findRun(of: byte, count: count, from: index + count, limit: range.upperBound) else {
          plain.append(contentsOf: bytes[index..<(index + count)])
          index += count
          continue
        }
        flush(&self)
        var code = bytes[(index + count)..<close]
        if code.count > 2 && code.first == 0x20 && code.last == 0x20 { code = code.dropFirst().dropLast() }
        var codeStyle = style
        codeStyle.color = Self.codeColor
        emit(code, codeStyle)
        index = close + count
      case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        guard let (end, innerStart, innerEnd, delimiter) = emphasis(at: index, limit: range.upperBound) else {
          let count = runLength(at: index, of: byte, limit: range.upperBound)
          plain.append(contentsOf: bytes[index..<(index + count)])
          index += count
          continue
        }
        flush(&self)
        var innerStyle = style
        switch (byte, delimiter) {
        case (UInt8(ascii: "~"), _): innerStyle.strike = true
        case (_, 1): innerStyle.italic = true
        case (_, 2): innerStyle.bold = true
        default:
          innerStyle.bold = true
          innerStyle.italic = true
        }
        parse(innerStart..<innerEnd, innerStyle)
        index = end
      case UInt8(ascii: "["):
        guard let (end, textStart, textEnd, url) = link(at: index, limit: range.upperBound) else {
          plain.append(byte)
          index += 1
          continue
        }
        flush(&self)
        var linkStyle = style
        linkStyle.underline = true
        linkStyle.color = Self.linkColor
        linkStyle.link = url
        let before = runs.count
        parse(textStart..<textEnd, linkStyle)
        let shown = runs[before...].map(\.text).joined()
        if shown != url { emit(Array(" (\(url))".utf8), TextStyle.dimmed) }
        index = end
      case UInt8(ascii: "<"):
        guard let close = autolinkEnd(at: index, limit: range.upperBound) else {
          plain.append(byte)
          index += 1
          continue
        }
        flush(&self)
        let url = bytes[(index + 1)..<close]
        var linkStyle = style
        linkStyle.underline = true
        linkStyle.color = Self.linkColor
        linkStyle.link = String(decoding: url, as: UTF8.self)
        emit(url, linkStyle)
        index = close + 1
      default:
        var end = index + 1
        while end < range.upperBound && !Self.isSpecial(bytes[end]) { end += 1 }
        plain.append(contentsOf: bytes[index..<end])
        index = end
      }
    }
    flush(&self)
  }

  /// ASCII punctuation and symbols: what a backslash escapes.
  private static func isPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }

  private func runLength(at index: Int, of byte: UInt8, limit: Int) -> Int {
    var end = index
    while end < limit && bytes[end] == byte { end += 1 }
    return end - index
  }

  /// The start of the next run of exactly `count` of `byte`.
  private func findRun(of byte: UInt8, count: Int, from start: Int, limit: Int) -> Int? {
    var index = start
    while index < limit {
      if bytes[index] == byte {
        let length = runLength(at: index, of: byte, limit: limit)
        if length == count { return index }
        index += length
      } else {
        index += 1
      }
    }
    return nil
  }

  /// An emphasis span opening at `index`: where it ends, what it holds, and its delimiter's length (1 italic,
  /// 2 bold, 3 both; `~~` strikes). `_` only counts at word boundaries, so snake_case stays as written. (Offsets,
  /// not a Range, here and in `link`: an optional tuple holding a generic type is made at run time, after a
  /// search of the binary's conformances.)
  private func emphasis(at index: Int, limit: Int) -> (end: Int, innerStart: Int, innerEnd: Int, delimiter: Int)? {
    let marker = bytes[index]
    let count = runLength(at: index, of: marker, limit: limit)
    if marker == UInt8(ascii: "~") && count != 2 { return nil }
    guard count <= 3, index + count < limit, !UTF8Scalars.scalar(in: bytes, at: index + count).isWhitespace
    else { return nil }
    let underscore = marker == UInt8(ascii: "_")
    if underscore && index > 0 && UTF8Scalars.scalar(in: bytes, before: index).isWordCharacter { return nil }
    var search = index + count
    while let close = findRun(of: marker, count: count, from: search, limit: limit) {
      let after = close + count
      let closes =
        close > index + count && !UTF8Scalars.scalar(in: bytes, before: close).isWhitespace
        && !(underscore && after < limit && UTF8Scalars.scalar(in: bytes, at: after).isWordCharacter)
      if closes { return (after, index + count, close, count) }
      search = after
    }
    return nil
  }

  /// `[text](url)`: its end, where the text starts and ends, and the URL.
  private func link(at index: Int, limit: Int) -> (end: Int, textStart: Int, textEnd: Int, url: String)? {
    var depth = 0
    var close: Int?
    for position in index..<limit {
      if bytes[position] == UInt8(ascii: "[") { depth += 1 }
      if bytes[position] == UInt8(ascii: "]") {
        depth -= 1
        if depth == 0 {
          close = position
          break
        }
      }
    }
    guard let close, close + 1 < limit, bytes[close + 1] == UInt8(ascii: "(") else { return nil }
    guard let end = bytes[(close + 2)..<limit].firstIndex(of: UInt8(ascii: ")")) else { return nil }
    let url = String(decoding: bytes[(close + 2)..<end], as: UTF8.self).trimmingSpaces
    guard !url.isEmpty, !url.utf8.contains(0x20) else { return nil }
    return (end + 1, index + 1, close, url)
  }

  /// `<https://...>`: the index of `>`.
  private func autolinkEnd(at index: Int, limit: Int) -> Int? {
    guard let close = bytes[(index + 1)..<limit].firstIndex(of: UInt8(ascii: ">")) else { return nil }
    let inside = bytes[(index + 1)..<close]
    guard
      inside.starts(with: "http://".utf8) || inside.starts(with: "https://".utf8)
        || inside.starts(with: "mailto:".utf8),
      !inside.contains(0x20)
    else { return nil }
    return close
  }
}

/// The Unicode scalar at a byte offset of UTF-8 text: what the renderer asks of a character next to a delimiter.
enum UTF8Scalars {
  /// The scalar that starts at `index`.
  static func scalar(in bytes: [UInt8], at index: Int) -> Unicode.Scalar {
    let lead = bytes[index]
    if lead < 0x80 { return Unicode.Scalar(lead) }
    var iterator = bytes[index...].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"
  }

  /// The scalar that ends just before `index`.
  static func scalar(in bytes: [UInt8], before index: Int) -> Unicode.Scalar {
    var start = index - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(in: bytes, at: start)
  }
}

extension Unicode.Scalar {
  /// As `Character.isWhitespace` answers for a character that starts with this scalar.
  var isWhitespace: Bool {
    if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
    return properties.isWhitespace
  }

  /// As `Character.isLetter` answers.
  var isLetter: Bool {
    if isASCII { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    return properties.isAlphabetic
  }

  /// As `Character.isNumber` answers.
  var isNumber: Bool {
    if isASCII { return (0x30...0x39).contains(value) }
    return properties.numericType != nil
  }

  /// A letter or a digit.
  var isWordCharacter: Bool { isLetter || isNumber }
}

extension StringProtocol {
  /// Without spaces at either end (Foundation-free, for the renderer's hot path).
  var trimmingSpaces: String {
    let bytes = utf8
    var start = bytes.startIndex
    while start < bytes.endIndex && bytes[start] == 0x20 { start = bytes.index(after: start) }
    // The view is only a Collection for any StringProtocol, so the end is found going forward.
    var end = start
    var index = start
    while index < bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] != 0x20 { end = next }
      index = next
    }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
