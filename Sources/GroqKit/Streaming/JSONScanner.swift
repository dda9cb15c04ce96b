#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A forward-only reader of JSON text, for the one object that arrives per token.
///
/// `JSONDecoder` spends most of a stream's CPU on its Codable machinery (generic metadata, containers, retain and
/// release), about ten times the cost of reading the few fields a chunk has. This reads values in place and skips
/// what it is not asked for. Every method returns nil on anything unexpected, and the caller then falls back to
/// `JSONDecoder`, which reports the problem properly.
struct JSONScanner {
  private let bytes: UnsafeRawBufferPointer
  private var index = 0

  init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) {
    self.bytes = bytes
    index = offset
  }

  /// How many bytes have been read.
  var offset: Int { index }

  var atEnd: Bool {
    mutating get {
      skipWhitespace()
      return index == bytes.count
    }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func peek() -> UInt8? {
    skipWhitespace()
    return index < bytes.count ? bytes[index] : nil
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    index += 1
    return true
  }

  /// True, and consumed, when the next value is `null`.
  mutating func null() -> Bool { literal("null") }

  private mutating func literal(_ word: StaticString) -> Bool {
    guard peek() == word.utf8Start[0], index + word.utf8CodeUnitCount <= bytes.count else { return false }
    for offset in 0..<word.utf8CodeUnitCount where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += word.utf8CodeUnitCount
    return true
  }

  // MARK: Objects and arrays

  private mutating func beginObject() -> Bool { consume(UInt8(ascii: "{")) }

  /// The next key of the current object, `.end` at its closing brace.
  private mutating func nextKey(first: Bool) -> Key {
    if consume(UInt8(ascii: "}")) { return .end }
    if !first && !consume(UInt8(ascii: ",")) { return .invalid }
    guard let key = string(), consume(UInt8(ascii: ":")) else { return .invalid }
    return .key(key)
  }

  private enum Key {
    case key(String)
    case end
    case invalid
  }

  /// Like `nextKey`, but the key stays bytes in place; a key with an escape is `nil` (the caller falls back).
  private mutating func nextRawKey(first: Bool) -> RawKey {
    if consume(UInt8(ascii: "}")) { return .end }
    if !first && !consume(UInt8(ascii: ",")) { return .invalid }
    guard consume(UInt8(ascii: "\"")) else { return .invalid }
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let key = JSONKey(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        return consume(UInt8(ascii: ":")) ? .key(key) : .invalid
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return .invalid }
      index += 1
    }
    return .invalid
  }

  private enum RawKey {
    case key(JSONKey)
    case end
    case invalid
  }

  private mutating func beginArray() -> Bool { consume(UInt8(ascii: "[")) }

  /// Whether the array has another element; consumes the comma or the closing bracket.
  private mutating func nextElement(first: Bool) -> Bool? {
    if consume(UInt8(ascii: "]")) { return false }
    if first { return true }
    return consume(UInt8(ascii: ",")) ? true : nil
  }

  // MARK: Scalars

  /// A string value, with every JSON escape decoded.
  mutating func string() -> String? {
    guard consume(UInt8(ascii: "\"")) else { return nil }
    let start = index
    // The common case, no escapes: one pass to find the end, one copy.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { return nil }
      index += 1
    }
    return escapedString(from: start)
  }

  /// A string value's decoded UTF-8 appended to `buffer`: a plain string is one copy from the read, with no String.
  mutating func string(appendingTo buffer: inout [UInt8]) -> Bool {
    let opening = index
    guard consume(UInt8(ascii: "\"")) else { return false }
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        return true
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { return false }
      index += 1
    }
    // Escapes are rare in content: decode them the one careful way.
    index = opening
    guard let text = string() else { return false }
    buffer.append(contentsOf: text.utf8)
    return true
  }

  private mutating func escapedString(from start: Int) -> String? {
    var utf8: [UInt8] = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          guard var scalar = hex4() else { return nil }
          if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by `\u` and a low one.
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { return nil }
            index += 2
            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let unicode = Unicode.Scalar(scalar) else { return nil }
          utf8.append(contentsOf: String(Character(unicode)).utf8)
        default: return nil
        }
      default:
        if byte < 0x20 { return nil }
        utf8.append(byte)
      }
    }
    return nil
  }

  private mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      index += 1
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// The text of a number, checked for JSON's grammar loosely: the conversion that follows rejects the rest.
  private mutating func numberText() -> String? {
    guard let first = peek(), first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    else { return nil }
    let start = index
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        index += 1
      default:
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      }
    }
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  mutating func double() -> Double? { numberText().flatMap { Double($0) } }
  /// A number's text as written.
  mutating func number() -> String? { numberText() }
  mutating func bool() -> Bool? { literal("true") ? true : literal("false") ? false : nil }
  mutating func int() -> Int? { numberText().flatMap { Int($0) } }

  /// Reads a value that may be `null` into `target`; false when it is neither null nor what `read` takes.
  mutating func nullable<T>(into target: inout T?, _ read: (inout JSONScanner) -> T?) -> Bool {
    if null() {
      target = nil
      return true
    }
    guard let value = read(&self) else { return false }
    target = value
    return true
  }

  /// Reads an object, handing each key to `field`, which reads or skips its value and says whether that worked.
  mutating func object(_ field: (inout JSONScanner, String) -> Bool) -> Bool {
    guard beginObject() else { return false }
    var first = true
    while true {
      switch nextKey(first: first) {
      case .end: return true
      case .invalid: return false
      case .key(let key): if !field(&self, key) { return false }
      }
      first = false
    }
  }

  /// Reads an object as `object` does, with each key as its bytes in place: no String per key, for the hot path.
  mutating func fields(_ field: (inout JSONScanner, JSONKey) -> Bool) -> Bool {
    guard beginObject() else { return false }
    var first = true
    while true {
      switch nextRawKey(first: first) {
      case .end: return true
      case .invalid: return false
      case .key(let key): if !field(&self, key) { return false }
      }
      first = false
    }
  }

  /// A string value, reusing `cached` when the bytes are the same as last time (a stream repeats its id and
  /// model in every chunk, and a String of more than 15 bytes costs an allocation).
  mutating func string(cached: inout CachedString) -> String? {
    let start = index
    guard skipString() else { return nil }
    let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
    if let value = cached.value, cached.raw.count == raw.count,
      cached.raw.withUnsafeBytes({ memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 })
    {
      return value
    }
    index = start
    guard let value = string() else { return nil }
    cached = CachedString(raw: Array(raw), value: value)
    return value
  }

  /// Passes over a string value without making it; false when it is not one.
  private mutating func skipString() -> Bool {
    guard consume(UInt8(ascii: "\"")) else { return false }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") { return true }
      if byte == UInt8(ascii: "\\") {
        guard index < bytes.count else { return false }
        index += 1
      } else if byte < 0x20 {
        return false
      }
    }
    return false
  }

  /// Reads an array, handing `element` the scanner before each element.
  mutating func array(_ element: (inout JSONScanner) -> Bool) -> Bool {
    guard beginArray() else { return false }
    var first = true
    while let more = nextElement(first: first) {
      if !more { return true }
      if !element(&self) { return false }
      first = false
    }
    return false
  }

  /// An array whose every element `element` reads; nil when one does not read or the text is not an array.
  mutating func list<Element>(_ element: (inout JSONScanner) -> Element?) -> [Element]? {
    var elements: [Element] = []
    let complete = array { scanner in
      guard let value = element(&scanner) else { return false }
      elements.append(value)
      return true
    }
    return complete ? elements : nil
  }

  // MARK: Skipping

  /// Skips one value of any kind; false when the text is not JSON.
  mutating func skipValue() -> Bool {
    switch peek() {
    case UInt8(ascii: "\""): return skipString()
    case UInt8(ascii: "{"): return fields { scanner, _ in scanner.skipValue() }
    case UInt8(ascii: "["): return array { $0.skipValue() }
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    default: return numberText() != nil
    }
  }
}

/// An object key as bytes in the scanned text, matched against literals: `switch key { case "id": ... }`.
struct JSONKey {
  let bytes: UnsafeRawBufferPointer

  static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
    // Length and first byte settle almost every mismatch without a call.
    guard key.bytes.count == pattern.utf8CodeUnitCount else { return false }
    guard let base = key.bytes.baseAddress else { return true }
    guard base.load(as: UInt8.self) == pattern.utf8Start.pointee else { return false }
    return memcmp(base, pattern.utf8Start, key.bytes.count) == 0
  }
}

/// The raw bytes of the last string read at one place, and the String made of them.
struct CachedString: Sendable {
  var raw: [UInt8] = []
  var value: String?
}
