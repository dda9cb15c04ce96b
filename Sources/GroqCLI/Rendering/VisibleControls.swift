/// Text from the server made harmless for a terminal: control characters are shown (ESC as `^[`), never executed,
/// so an answer cannot clear the screen, set the title or write the clipboard (OSC 52).
///
/// Line feeds stay; a carriage return before a line feed is dropped (the line ends either way); tabs become four
/// spaces so that every column a line takes is known.
enum VisibleControls {
  static func escape(_ text: some StringProtocol) -> String {
    // Most text has nothing to change: one pass over the bytes decides.
    guard text.utf8.contains(where: mayChange) else { return String(text) }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      switch scalar.value {
      case 0x0A: result.unicodeScalars.append(scalar)
      case 0x09: result += "    "
      case 0x0D where next == "\n": break
      case 0x00..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
      case 0x7F: result += "^?"
      // C1 controls (CSI is U+009B): some terminals act on them as on ESC sequences.
      case 0x80..<0xA0: result += "^[" + String(UnicodeScalar(UInt8(scalar.value - 0x40)))
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `escape` for UTF-8 bytes, which are most often returned as they are.
  static func escape(utf8 bytes: some Collection<UInt8>) -> [UInt8] {
    guard bytes.contains(where: mayChange) else { return Array(bytes) }
    return Array(escape(String(decoding: bytes, as: UTF8.self)).utf8)
  }

  /// Whether text with this byte may have something to change: a control character other than the line feed,
  /// or the lead byte of a C1 control.
  private static func mayChange(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x0A || byte == 0x7F || byte == 0xC2 }
}

/// `VisibleControls` for a stream: a carriage return that ends one piece waits to see whether a line feed begins
/// the next.
struct VisibleControlStream {
  private var heldReturn = false

  mutating func escape(_ piece: String) -> String {
    var text = heldReturn ? "\r" + piece : piece
    heldReturn = text.hasSuffix("\r") && !text.hasSuffix("\r\n")
    if heldReturn { text.removeLast() }
    return VisibleControls.escape(text)
  }

  /// A line feed follows: a held carriage return was part of its CR LF.
  mutating func endLine() -> String {
    heldReturn = false
    return ""
  }

  /// What is still held at the end of the stream.
  mutating func finish() -> String {
    defer { heldReturn = false }
    return heldReturn ? "^M" : ""
  }
}
