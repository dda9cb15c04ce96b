/// The names Groq takes for a function (`--tools`) and a schema (`--schema`): it answers 400 to any other.
enum APIName {
  /// The rule, in the words an error message uses.
  static let rule = "1 to 64 letters, digits, '_' or '-'"

  static func isValid(_ name: String) -> Bool {
    name.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil
  }

  /// A valid name made from a schema's title or file name: other characters become `_`.
  static func sanitized(_ text: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
    let name = String(text.map { allowed.contains($0) ? $0 : "_" }.prefix(64))
    return name.isEmpty ? "schema" : name
  }
}
