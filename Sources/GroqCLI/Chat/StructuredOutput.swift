import Foundation
import GroqKit

/// `--schema FILE`: a JSON Schema, or OpenAI's wrapper around one (`{"name","description","schema","strict"}`, alone
/// or inside `{"type":"json_schema","json_schema":{…}}`), turned into a `json_schema` response format.
enum StructuredOutput {
  static func load(path: String, name: String?, command: String?) throws(UsageError) -> ResponseFormat {
    var json = try UserJSONFile.read(path, what: "schema file", command: command)
    if let inner = json["json_schema"], inner.isObject { json = inner }
    guard json.isObject else { throw UsageError("schema file \(path) must hold a JSON object", command: command) }
    let wrapped = json["schema"]?.isObject == true && json["properties"] == nil
    let schema = wrapped ? json["schema"]! : json
    if let name, !isValidName(name) {
      throw UsageError(
        "invalid value '\(name)' for --schema-name: expected 1 to 64 letters, digits, '_' or '-'", command: command)
    }
    let fileName = URL(fileURLWithPath: path).deletingPathExtension().deletingPathExtension().lastPathComponent
    let chosen =
      name ?? (wrapped ? json["name"]?.stringValue : nil) ?? schema["title"]?.stringValue ?? fileName
    var strict: Bool? = nil
    if wrapped, case .bool(let flag)? = json["strict"] { strict = flag }
    return .jsonSchema(
      name: sanitized(chosen), description: wrapped ? json["description"]?.stringValue : nil, schema: schema,
      strict: strict)
  }

  static func isValidName(_ name: String) -> Bool {
    name.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil
  }

  /// A name Groq takes, from a title or file name: other characters become `_`.
  static func sanitized(_ text: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
    let name = String(text.map { allowed.contains($0) ? $0 : "_" }.prefix(64))
    return name.isEmpty ? "schema" : name
  }
}
