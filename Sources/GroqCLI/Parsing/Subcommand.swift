/// The first word of a command with actions (`groq config set ...`): checked against the action enum, with the
/// closest name suggested, and the rest of the words left for the action.
enum Subcommand {
  static func parse<Action: RawRepresentable & CaseIterable>(
    _ positionals: [String], default fallback: Action?, command: String
  ) throws(UsageError) -> (action: Action, rest: [String]) where Action.RawValue == String {
    let names = Action.allCases.map(\.rawValue)
    guard let first = positionals.first else {
      guard let fallback else { throw UsageError("name an action: " + names.joined(separator: ", "), command: command) }
      return (fallback, [])
    }
    guard let action = Action(rawValue: first) else {
      throw UsageError(
        "unknown action '\(first)' for \(command)",
        hint: Suggestion.closest(to: first, among: names).map { "did you mean '\($0)'?" }
          ?? "actions: " + names.joined(separator: ", "),
        command: command)
    }
    return (action, Array(positionals.dropFirst()))
  }

  /// Exactly `count` words after the action, named in the message when they are not.
  static func expect(_ rest: [String], _ names: [String], usage: String, command: String) throws(UsageError) {
    guard rest.count == names.count else {
      let message =
        rest.count < names.count
        ? "\(usage) needs " + names.map { "<\($0)>" }.joined(separator: " ")
        : "\(usage) takes " + (names.isEmpty ? "no arguments" : names.map { "<\($0)>" }.joined(separator: " "))
          + "; '\(rest[names.count])' is one too many"
      throw UsageError(message, command: command)
    }
  }
}
