import Foundation

/// Which conversation a chat continues: a new one, the most recent (--continue), or a named one (--session).
enum ConversationChoice: Equatable, Sendable {
  case new
  case latest
  case named(String)

  /// The conversation to use, with the command line's model and system prompt applied on top of a saved one.
  /// `store` is nil with --no-history: --continue and --session then have nothing to read.
  func resolve(
    store: ConversationStore?, model: String, explicitModel: Bool, system: String?, date: Date
  ) throws(CLIError) -> Conversation {
    var found: Conversation?
    switch self {
    case .new: break
    case .latest:
      guard let store else { throw Self.noStore("--continue") }
      guard let latest = try store.latest() else {
        throw CLIError(
          "there is no conversation to continue", hint: "start one with groq chat, or name one with --session",
          status: .usage)
      }
      found = latest
    case .named(let name):
      guard let store else { throw Self.noStore("--session") }
      found = try store.load(name)
      if found == nil {
        return Conversation(id: name, named: true, model: model, system: system, date: date)
      }
    }
    guard var conversation = found else {
      return Conversation(
        id: Conversation.generatedID(date: date), named: false, model: model, system: system, date: date)
    }
    // A saved conversation keeps its model unless -m says otherwise; GROQ_MODEL is only a default for new ones.
    if explicitModel { conversation.model = model }
    if let system { conversation.system = system }
    return conversation
  }

  /// The conversation for a command's options: their model, whether -m gave it, and their system prompt.
  func resolve(store: ConversationStore?, options: ChatRequestOptions, date: Date) throws(CLIError) -> Conversation {
    try resolve(
      store: store, model: options.model, explicitModel: options.modelGiven, system: options.system, date: date)
  }

  private static func noStore(_ option: String) -> CLIError {
    CLIError(
      "\(option) needs saved conversations, and history is off",
      hint: "drop --no-history, or unset GROQ_HISTORY=0", status: .usage)
  }
}
