import Foundation
import GroqKit

/// `--tools FILE`: a JSON array of tool definitions, checked for the shape Groq takes before it is sent as written.
struct ToolDefinitions: Sendable, Equatable {
  var tools: [JSONValue]
  /// The function names, for `--tool-choice NAME`.
  var names: [String]

  static let builtInTypes: Set<String> = ["browser_search", "code_interpreter"]
  static let functionKeys: Set<String> = ["name", "description", "parameters", "strict"]

  static func load(path: String, command: String?) throws(UsageError) -> ToolDefinitions {
    let json = try UserJSONFile.read(path, what: "tools file", command: command)
    guard case .array(let tools) = json else {
      throw UsageError(
        "tools file \(path) must hold a JSON array of tool definitions",
        hint: #"[{"type":"function","function":{"name":"get_weather","parameters":{...}}}]"#, command: command)
    }
    guard !tools.isEmpty, tools.count <= 128 else {
      throw UsageError("tools file \(path) has \(tools.count) tools; Groq takes 1 to 128", command: command)
    }
    var names: [String] = []
    for (offset, tool) in tools.enumerated() {
      func fail(_ problem: String) -> UsageError {
        UsageError("tools file \(path): tool \(offset + 1) \(problem)", command: command)
      }
      guard case .object(let members) = tool else { throw fail("is not a JSON object") }
      guard let type = tool["type"]?.stringValue else { throw fail(#"has no "type" (expected "function")"#) }
      if builtInTypes.contains(type) { continue }
      guard type == "function" else { throw fail("has type '\(type)'; expected \"function\"") }
      if let unknown = members.first(where: { $0.key != "type" && $0.key != "function" }) {
        throw fail("has an unknown key '\(unknown.key)'")
      }
      guard case .object(let fields)? = tool["function"] else { throw fail(#"has no "function" object"#) }
      if let unknown = fields.first(where: { !functionKeys.contains($0.key) }) {
        throw fail("has an unknown key 'function.\(unknown.key)'")
      }
      guard let name = tool["function"]?["name"]?.stringValue else { throw fail(#"has no "function.name""#) }
      guard name.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil else {
        throw fail("has the name '\(name)'; names are 1 to 64 letters, digits, '_' or '-'")
      }
      if let parameters = tool["function"]?["parameters"], !parameters.isObject {
        throw fail("'\(name)' has parameters that are not a JSON Schema object")
      }
      if names.contains(name) { throw fail("repeats the name '\(name)'") }
      names.append(name)
    }
    return ToolDefinitions(tools: tools, names: names)
  }

  /// `auto|none|required|NAME`, where NAME must be one of the tools.
  func choice(_ text: String, command: String?) throws(UsageError) -> ToolChoice {
    switch text {
    case "auto": return .auto
    case "none": return .none
    case "required": return .required
    default:
      guard names.contains(text) else {
        let known = names.isEmpty ? "" : "; tools: " + names.joined(separator: ", ")
        throw UsageError(
          "--tool-choice '\(text)' is not auto, none, required or a tool in --tools" + known, command: command)
      }
      return .function(text)
    }
  }
}

/// A JSON file the user wrote, read and parsed with errors that name it.
enum UserJSONFile {
  static func read(_ path: String, what: String, command: String?) throws(UsageError) -> JSONValue {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else {
      throw UsageError("cannot read \(what) \(path)", command: command)
    }
    guard let value = JSONValue(parsing: data) else {
      var detail = ""
      do {
        _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      } catch {
        if let debug = (error as NSError).userInfo["NSDebugDescription"] as? String { detail = ": " + debug }
      }
      throw UsageError("\(what) \(path) is not valid JSON" + detail, command: command)
    }
    return value
  }
}
