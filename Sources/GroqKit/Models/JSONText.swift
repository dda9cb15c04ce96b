/// JSON written straight into UTF-8 bytes, in JSONEncoder's own form: keys in the order given (callers give them
/// sorted, as `.sortedKeys` would), the same escapes and numbers, and `.prettyPrinted`'s layout when asked.
///
/// The types that go out with every chat (the request, its messages, a saved conversation) write themselves here.
/// JSONEncoder's generic machinery makes the Swift runtime search the binary's protocol conformances the first time
/// each type and key goes through it, which cost a one-shot chat about a millisecond before its request and another
/// while saving (issue 10). A test holds this writer to JSONEncoder byte for byte.
public struct JSONText: Sendable {
  public private(set) var bytes: [UInt8] = []
  private let pretty: Bool
  private var depth = 0
  /// Whether the container being written has no member yet.
  private var empty = true

  public init(pretty: Bool = false) {
    self.pretty = pretty
    bytes.reserveCapacity(256)
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  // MARK: Containers

  /// `{ … }`, its members written by `body` with `member`.
  public mutating func object(_ body: (inout JSONText) -> Void) {
    open(UInt8(ascii: "{"))
    body(&self)
    close(UInt8(ascii: "}"))
  }

  /// `[ … ]`, one element per item.
  ///
  /// An Array rather than any Sequence: called from another module, a generic Sequence's iterator is found through
  /// its witness table at run time, and the first such lookup searched the binary's conformance tables (0.1 ms
  /// on every saved conversation).
  public mutating func array<Element>(_ items: [Element], _ element: (inout JSONText, Element) -> Void) {
    open(UInt8(ascii: "["))
    for item in items {
      separate()
      element(&self, item)
    }
    close(UInt8(ascii: "]"))
  }

  /// A member's key; its value is written next.
  public mutating func key(_ name: String) {
    separate()
    string(name)
    if pretty {
      bytes.append(contentsOf: [0x20, 0x3A, 0x20])  // " : "
    } else {
      bytes.append(UInt8(ascii: ":"))
    }
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    // JSONEncoder writes an empty container on three lines in pretty mode: "[", an empty line, "]".
    if pretty && empty { bytes.append(0x0A) }
    if pretty { newline() }
    bytes.append(bracket)
    empty = false
  }

  private mutating func separate() {
    if !empty { bytes.append(UInt8(ascii: ",")) }
    empty = false
    if pretty { newline() }
  }

  private mutating func newline() {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
  }

  // MARK: Values

  public mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])  // \"
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])  // \\
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  /// As JSONEncoder writes a Double: the shortest text that reads back the same, with no `.0` on whole numbers.
  public mutating func double(_ value: Double) {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

  /// JSON text written elsewhere, such as a user's schema.
  public mutating func raw(_ json: String) { bytes.append(contentsOf: json.utf8) }

  // MARK: Members that may be absent, as `encodeIfPresent` leaves them out

  public mutating func member(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  public mutating func member(_ name: String, _ value: Int?) {
    guard let value else { return }
    key(name)
    int(value)
  }

  public mutating func member(_ name: String, _ value: Double?) {
    guard let value else { return }
    key(name)
    double(value)
  }

  public mutating func member(_ name: String, _ value: Bool?) {
    guard let value else { return }
    key(name)
    bool(value)
  }
}
