import GroqKit

extension ChatSession {
  /// `/search` and `/code` turn a built-in tool on or off (no argument toggles it), refusing what the model cannot
  /// run and what JSON output rules out.
  mutating func builtInTool(_ tool: BuiltInTool, _ argument: String?) -> Result<String, CLIError> {
    var on = !features.builtInTools.contains(tool)
    switch argument?.lowercased() {
    case nil: break
    case "on"?: on = true
    case "off"?: on = false
    case let other?: return .failure(CLIError("/\(tool.slashName) takes on or off, not '\(other)'"))
    }
    var changed = features
    changed.builtInTools.removeAll { $0 == tool }
    if on {
      if changed.responseFormat != nil {
        return .failure(CLIError("\(tool.rawValue) does not work with JSON output (the API refuses it)"))
      }
      changed.builtInTools.append(tool)
      do {
        try changed.check(model: conversation.model, command: nil)
      } catch {
        return .failure(CLIError(error.message, hint: "switch with /model " + ModelRoles.defaultModel(for: .tools)))
      }
    }
    features = changed
    return .success("\(tool.slashName) " + (on ? "on" : "off"))
  }
}

extension BuiltInTool {
  /// The REPL command that turns it on.
  var slashName: String { String(option.dropFirst(2)) }
}
