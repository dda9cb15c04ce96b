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
    var json = JSONText()
    write(to: &json)
    return json.text
  }

  /// Into `json`, members in the order held (JSONText escapes strings as JSONEncoder does).
  public func write(to json: inout JSONText) {
    switch self {
    case .null: json.raw("null")
    case .bool(let flag): json.bool(flag)
    case .number(let text): json.raw(text)
    case .string(let text): json.string(text)
    case .array(let elements): json.array(elements) { json, element in element.write(to: &json) }
    case .object(let members):
      json.object { json in
        for member in members {
          json.key(member.key)
          member.value.write(to: &json)
        }
      }
    }
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
