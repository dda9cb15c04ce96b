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
      guard APIName.isValid(name) else { throw fail("has the name '\(name)'; names are \(APIName.rule)") }
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
