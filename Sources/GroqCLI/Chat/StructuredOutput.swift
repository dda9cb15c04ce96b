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
    if let name, !APIName.isValid(name) {
      throw UsageError("invalid value '\(name)' for --schema-name: expected \(APIName.rule)", command: command)
    }
    let fileName = URL(fileURLWithPath: path).deletingPathExtension().deletingPathExtension().lastPathComponent
    let chosen =
      name ?? (wrapped ? json["name"]?.stringValue : nil) ?? schema["title"]?.stringValue ?? fileName
    var strict: Bool? = nil
    if wrapped, case .bool(let flag)? = json["strict"] { strict = flag }
    return .jsonSchema(
      name: APIName.sanitized(chosen), description: wrapped ? json["description"]?.stringValue : nil, schema: schema,
      strict: strict)
  }
}
