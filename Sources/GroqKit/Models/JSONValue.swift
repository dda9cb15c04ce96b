import Foundation

/// JSON that a user wrote (a schema, tool definitions), kept exactly: members in the order written and numbers as
/// written. JSONEncoder reorders object keys, and a schema's property order is the order the model writes them in.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// The number's text, so `1.0` and a 20-digit integer go out as they came in.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([Member])

  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// Parses JSON text; nil when it is not one complete JSON value.
  public init?(parsing data: Data) {
    // JSONSerialization is the judge of validity (the scanner is lenient about numbers); the scanner keeps order.
    guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else { return nil }
    // JSONSerialization takes the byte order mark some editors put first in a file; the scanner must skip it too.
    let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    let value: JSONValue? = text.withUnsafeBytes { bytes in
      var scanner = JSONScanner(bytes)
      let value = scanner.value()
      return scanner.atEnd ? value : nil
    }
    guard let value else { return nil }
    self = value
  }

  /// The value of `key` in an object (the first, if the key is repeated).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var isObject: Bool {
    if case .object = self { return true }
    return false
  }

  /// Compact JSON text, members in order.
  public var serialized: String {
    var out = ""
    write(to: &out)
    return out
  }

  private func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): Self.writeString(text, to: &out)
    case .array(let elements):
      out += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { out += "," }
        element.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        Self.writeString(member.key, to: &out)
        out += ":"
        member.value.write(to: &out)
      }
      out += "}"
    }
  }

  private static func writeString(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}

extension JSONScanner {
  /// Any value, objects keeping their member order; nil on anything that is not JSON.
  mutating func value() -> JSONValue? {
    if null() { return .null }
    if let flag = bool() { return .bool(flag) }
    if let text = string() { return .string(text) }
    var members: [JSONValue.Member] = []
    var elements: [JSONValue] = []
    if object({ scanner, key in
      guard let value = scanner.value() else { return false }
      members.append(JSONValue.Member(key, value))
      return true
    }) {
      return .object(members)
    }
    if array({ scanner in
      guard let value = scanner.value() else { return false }
      elements.append(value)
      return true
    }) {
      return .array(elements)
    }
    return number().map(JSONValue.number)
  }
}
