import GroqKit

/// What Tab offers in the REPL: slash commands at the start of a line, then each command's own arguments.
struct REPLCompletion: Sendable {
  let store: ConversationStore?
  let models: ModelIDCache

  /// `before` is the line up to the word being completed; nil asks for file names.
  func complete(before: String, word: String) -> [String]? {
    let words = before.split(separator: " ", omittingEmptySubsequences: true)
    if words.isEmpty {
      guard word.hasPrefix("/") else { return [] }
      return SlashCommand.allCases.map { "/" + $0.rawValue }.filter { $0.hasPrefix(word) }
    }
    // Only the command's first argument is completed.
    guard words.count == 1, words[0].hasPrefix("/"),
      case .command(let command, _) = SlashCommand.parse(String(words[0]))
    else { return [] }
    let candidates: [String]
    switch command.argumentCompletion {
    case .none: candidates = []
    case .files: return nil
    // Only models that can chat: no whisper or speech model for /model.
    case .models: candidates = (models.known() ?? []).filter { ModelRoles.can($0, .chat) }
    case .conversations: candidates = store?.list().map(\.id) ?? []
    case .choices(let choices): candidates = choices
    }
    return candidates.filter { $0.hasPrefix(word) }
  }
}
