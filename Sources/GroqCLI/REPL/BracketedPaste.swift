/// Keys typed at the prompt, with bracketed pastes taken out: a paste of several lines becomes one placeholder,
/// `[pasted 12 lines]`, that the line editor shows and the finished line gets the pasted text back for, so a pasted
/// block is one message instead of one message per line.
///
/// The terminal marks a paste with `ESC [200~` and `ESC [201~` once `ESC [?2004h` asked it to. No I/O here: the line
/// editor feeds the bytes it reads and takes characters out.
struct BracketedPaste {
  static let enable = "\u{1B}[?2004h"
  static let disable = "\u{1B}[?2004l"
  /// Longer one-line pastes become a placeholder too.
  static let longestTyped = 500
  private static let start = Array("\u{1B}[200~".utf8)
  private static let end = Array("\u{1B}[201~".utf8)

  private var bytes: [UInt8] = []
  /// Where the next character starts: taken characters are dropped at the next append, not one by one, so a long
  /// pasted line costs linear time.
  private var position = 0
  /// Placeholders in the line being edited, and the text each stands for.
  private(set) var pastes: [(placeholder: String, text: String)] = []

  /// True while a paste has begun and its end has not arrived: more bytes must be read before any are taken.
  /// Kept, not searched for at each character, so a long pasted line costs linear time.
  private(set) var waitsForPasteEnd = false

  var isEmpty: Bool { position == bytes.count }

  mutating func append(_ new: some Sequence<UInt8>) {
    bytes.removeFirst(position)
    position = 0
    bytes.append(contentsOf: new)
    replacePastes()
    // Complete pastes were replaced: a start left means one still arriving.
    waitsForPasteEnd = Self.find(Self.start, in: bytes, from: position) != nil
  }

  /// The next whole character (a Unicode scalar), or nil when none is complete yet.
  mutating func next() -> UInt32? {
    guard !waitsForPasteEnd, position < bytes.count else { return nil }
    let first = bytes[position]
    let length =
      switch first {
      case 0..<0x80: 1
      case 0xC0..<0xE0: 2
      case 0xE0..<0xF0: 3
      case 0xF0..<0xF8: 4
      default: 1
      }
    guard bytes.count - position >= length else { return nil }
    let scalar =
      String(decoding: bytes[position..<(position + length)], as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
    position += length
    return scalar
  }

  /// Forgets keys not yet taken and pastes not yet sent (Ctrl-C at the prompt).
  mutating func reset() {
    self = BracketedPaste()
  }

  /// The finished line with each placeholder replaced by its paste; nil when it holds none.
  mutating func restore(_ line: String) -> String? {
    defer { pastes = [] }
    var text = line
    var found = false
    for paste in pastes {
      guard let range = text.range(of: paste.placeholder) else { continue }
      text.replaceSubrange(range, with: paste.text)
      found = true
    }
    return found ? text : nil
  }

  /// Each complete paste becomes the keys that type its placeholder; a paste of one line is typed as it is, with
  /// its control characters (a Tab would complete) left out.
  private mutating func replacePastes() {
    while let open = Self.find(Self.start, in: bytes, from: position),
      let close = Self.find(Self.end, in: bytes, from: open + Self.start.count)
    {
      var text = String(decoding: bytes[(open + Self.start.count)..<close], as: UTF8.self)
      text = text.replacingLineEndings()
      while text.hasSuffix("\n") { text.removeLast() }
      var keys: String
      // A long line too: libedit redraws the line at every character it is given, so 20,000 of them took 30 s.
      if text.contains("\n") || text.utf8.count > Self.longestTyped {
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        keys = "[pasted " + (count > 1 ? "\(count) lines" : "\(text.count) characters")
        keys += pastes.isEmpty ? "]" : " #\(pastes.count + 1)]"
        pastes.append((keys, text))
      } else {
        keys = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
      }
      bytes.replaceSubrange(open..<(close + Self.end.count), with: Array(keys.utf8))
    }
  }

  private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
    guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
    for index in start...(bytes.count - pattern.count)
    where bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
      return index
    }
    return nil
  }
}

extension String {
  /// CR LF and lone CRs (what terminals send for Enter in a paste) as LF.
  func replacingLineEndings() -> String {
    var result = ""
    var afterReturn = false
    for scalar in unicodeScalars {
      if scalar == "\n" && afterReturn {
        afterReturn = false
        continue
      }
      afterReturn = scalar == "\r"
      result.unicodeScalars.append(afterReturn ? "\n" : scalar)
    }
    return result
  }
}
