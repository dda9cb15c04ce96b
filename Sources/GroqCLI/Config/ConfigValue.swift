/// A value in the config file: the four TOML scalars groq's settings need.
enum ConfigValue: Sendable, Equatable {
  case string(String)
  case integer(Int)
  case float(Double)
  case bool(Bool)

  /// How the value is written in the file: strings quoted and escaped, so the file parses back to the same value.
  var tomlText: String {
    switch self {
    case .string(let text): Self.quoted(text)
    case .integer(let number): String(number)
    case .float(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) + ".0" : "\(number)"
    case .bool(let flag): flag ? "true" : "false"
    }
  }

  /// How `groq config get` prints it: a string bare, so `$(groq config get model.chat)` is the id itself.
  var plainText: String {
    switch self {
    case .string(let text): text
    case .float(let number): Format.number(number)
    default: tomlText
    }
  }

  /// What kind of value it is, for messages: "a string".
  var kindName: String {
    switch self {
    case .string: "a string"
    case .integer, .float: "a number"
    case .bool: "true or false"
    }
  }

  /// The number, for a key that takes one whether written `30` or `30.0`.
  var number: Double? {
    switch self {
    case .integer(let number): Double(number)
    case .float(let number): number
    default: nil
    }
  }

  /// A TOML basic string: `"`, `\` and control characters escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16).uppercased()
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// What `groq config set KEY TEXT` means by TEXT: true/false and numbers as such when the key wants them.
  static func fromCommandLine(_ text: String, wants kind: ConfigKey.Kind) -> ConfigValue {
    switch kind {
    case .flag:
      if text == "true" || text == "on" || text == "yes" { return .bool(true) }
      if text == "false" || text == "off" || text == "no" { return .bool(false) }
    case .seconds, .count:
      if let number = Int(text) { return .integer(number) }
      if let number = Double(text), number.isFinite { return .float(number) }
    default: break
    }
    return .string(text)
  }
}
