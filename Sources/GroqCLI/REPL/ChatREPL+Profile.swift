import Foundation

/// The REPL's /role and /title, and the list /load shows: what `groq roles` and `groq conversations` keep.
extension ChatREPL {
  /// /role NAME: the role's prompt, and its model, temperature and reasoning effort where it sets them.
  mutating func useRole(_ name: String?) {
    guard let roles else {
      terminal.error("there is no home directory to find roles in", hint: "set HOME or XDG_CONFIG_HOME")
      return
    }
    guard let name else {
      let names = roles.names()
      status(
        names.isEmpty ? "no roles yet; 'groq roles add NAME' writes one" : "roles: " + names.joined(separator: ", "))
      return
    }
    let role: Role
    do {
      role = try roles.load(name)
    } catch {
      terminal.error(error.message, hint: error.hint)
      return
    }
    session.conversation.system = role.prompt
    var changes = ["system prompt"]
    if let model = role.model {
      session.conversation.model = aliases.resolveAlias(model)
      changes.append("model \(session.conversation.model)")
    }
    if let temperature = role.temperature {
      session.options.temperature = temperature
      changes.append("temperature \(Format.number(temperature))")
    }
    if let effort = role.reasoningEffort {
      session.features.reasoningEffort = effort
      changes.append("reasoning effort \(effort.rawValue)")
    }
    status("role '\(name)': " + changes.joined(separator: ", "))
    save()
  }

  /// /title TEXT names the conversation for lists; /title alone shows it.
  mutating func setTitle(_ text: String?) {
    guard let text else {
      let summary = ConversationSummary(session.conversation, updated: Date())
      status(summary.title.isEmpty ? "no title yet: the first question becomes it" : "title: \(summary.title)")
      return
    }
    session.conversation.title = text
    status("title: \(text)")
    save()
  }

  /// The ten newest conversations with their titles, for /load with no name.
  func savedList(_ store: ConversationStore) -> String {
    let summaries = store.summaries().prefix(10)
    guard !summaries.isEmpty else { return "no saved conversations" }
    let width = summaries.map(\.id.count).max() ?? 0
    return "saved, newest first:\n"
      + summaries.map { $0.id + String(repeating: " ", count: width - $0.id.count) + "  " + $0.title }
      .joined(separator: "\n")
  }
}
