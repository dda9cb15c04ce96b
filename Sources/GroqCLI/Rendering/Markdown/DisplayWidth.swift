/// How many terminal columns text takes: two for East Asian wide characters and emoji, none for combining marks.
///
/// Computed here rather than with wcwidth(3), which answers -1 for everything beyond ASCII unless the C locale was
/// set, and which knows nothing of grapheme clusters (a flag or a family emoji is one character of width 2).
enum DisplayWidth {
  static func of(_ character: Character) -> Int {
    if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    // An emoji presentation selector makes a text symbol (☺︎) an emoji two columns wide.
    if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    if first.properties.isEmojiPresentation || isWide(first.value) { return 2 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: return 1
    }
  }

  static func of(_ text: some StringProtocol) -> Int {
    if let ascii = asciiWidth(text.utf8) { return ascii }
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// The width of UTF-8 text; measured character by character only when it is not all ASCII.
  static func of(utf8 bytes: some Collection<UInt8>) -> Int {
    asciiWidth(bytes) ?? of(String(decoding: bytes, as: UTF8.self))
  }

  /// ASCII's width is its count of printable bytes; nil for text with other characters.
  private static func asciiWidth(_ bytes: some Sequence<UInt8>) -> Int? {
    var total = 0
    for byte in bytes {
      if byte >= 0x80 { return nil }
      if byte >= 0x20 && byte != 0x7F { total += 1 }
    }
    return total
  }

  /// The wide ranges of Unicode's East Asian Width property that terminals honour.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// The row the cursor ends on (from 0) after writing `text` from the first column, as a terminal that wraps at
  /// `columns` places it: a character that does not fit goes to the next row, and a row filled to the last column
  /// keeps the cursor on it until the next character (the deferred wrap of VT100 and its heirs). Escape sequences
  /// (SGR styles, OSC 8 links) take no room, so rows already rendered can be measured too.
  static func cursorRow(after text: some StringProtocol, columns: Int) -> Int {
    cursorRow(after: Array(text.utf8), columns: columns)
  }

  /// `cursorRow` for UTF-8 bytes: ASCII a byte at a time, other text character by character.
  static func cursorRow(after bytes: some Collection<UInt8>, columns: Int) -> Int {
    var cursor = Cursor(columns: columns)
    var segment = bytes.startIndex
    var index = bytes.startIndex
    var ascii = true
    while index < bytes.endIndex {
      let byte = bytes[index]
      guard byte == 0x0A || byte == 0x1B else {
        ascii = ascii && byte < 0x80
        index = bytes.index(after: index)
        continue
      }
      cursor.advance(over: bytes[segment..<index], ascii: ascii)
      ascii = true
      if byte == 0x0A {
        cursor.lineFeed()
        index = bytes.index(after: index)
      } else {
        index = endOfEscape(in: bytes, at: index)
      }
      segment = index
    }
    cursor.advance(over: bytes[segment..<index], ascii: ascii)
    return cursor.row
  }

  /// Where the escape sequence at `start` ends: a CSI at its final byte, an OSC at its string terminator or BEL.
  private static func endOfEscape<Bytes: Collection<UInt8>>(in bytes: Bytes, at start: Bytes.Index) -> Bytes.Index {
    var index = bytes.index(after: start)
    guard index < bytes.endIndex else { return index }
    let kind = bytes[index]
    index = bytes.index(after: index)
    switch kind {
    case UInt8(ascii: "["):
      while index < bytes.endIndex {
        let byte = bytes[index]
        index = bytes.index(after: index)
        if (0x40...0x7E).contains(byte) { break }
      }
    case UInt8(ascii: "]"):
      while index < bytes.endIndex {
        let byte = bytes[index]
        index = bytes.index(after: index)
        if byte == 0x07 { break }
        if byte == 0x1B {
          if index < bytes.endIndex { index = bytes.index(after: index) }
          break
        }
      }
    default:
      break
    }
    return index
  }

  /// The cursor of a terminal `columns` wide, moved along by text.
  private struct Cursor {
    let columns: Int
    var row = 0
    var column = 0

    mutating func advance(over text: some Collection<UInt8>, ascii: Bool) {
      if ascii {
        for byte in text where byte >= 0x20 && byte != 0x7F { put(width: 1) }
      } else {
        for character in String(decoding: text, as: UTF8.self) { put(width: DisplayWidth.of(character)) }
      }
    }

    mutating func put(width: Int) {
      if column + width > columns {
        row += 1
        column = 0
      }
      column += width
    }

    mutating func lineFeed() {
      row += 1
      column = 0
    }
  }
}
