import Foundation

/// What `groq conversations` does to the store beyond load and save: summaries, search, rename, delete.
extension ConversationStore {
  /// Every readable conversation's summary, newest first, from the cache where the files have not changed.
  func summaries() -> [ConversationSummary] {
    ConversationIndex(directory: directory).summaries().summaries
  }

  /// Conversations that hold the query, newest first.
  func search(_ query: String) -> [ConversationSearch.Hit] {
    let search = ConversationSearch(query: query)
    return summaries().compactMap { summary in
      guard let data = try? Data(contentsOf: file(summary.id)), search.mayMatch(data),
        var conversation = try? Self.decoder.decode(Conversation.self, from: data)
      else { return nil }
      conversation.id = summary.id
      return search.hit(in: conversation, summary: summary)
    }
  }

  /// The conversation, or an error that suggests the closest name.
  func require(_ id: String) throws(CLIError) -> Conversation {
    if Conversation.isValidName(id), let conversation = try load(id) { return conversation }
    throw unknown(id)
  }

  func unknown(_ id: String) -> CLIError {
    let names = list().map(\.id)
    let hint =
      Suggestion.closest(to: id, among: names).map { "did you mean '\($0)'?" }
      ?? (names.isEmpty ? "there are no saved conversations" : "'groq conversations' lists them")
    return CLIError("no conversation named '\(id)'", hint: hint, status: .usage)
  }

  /// Gives a conversation a new name: saved under the new one, then the old file removed, so a failure leaves one.
  func move(_ id: String, to name: String) throws(CLIError) {
    var conversation = try require(id)
    guard Conversation.isValidName(name) else {
      throw CLIError(
        "'\(name)' cannot be a conversation name", hint: "use letters, digits, '-', '_' and '.', at most 64",
        status: .usage)
    }
    guard !FileManager.default.fileExists(atPath: file(name).path) else {
      throw CLIError("a conversation named '\(name)' exists already", hint: "pick another name", status: .usage)
    }
    conversation.id = name
    conversation.named = true
    try save(conversation)
    remove(id)
  }

  /// Whether a file for this name exists.
  func exists(_ id: String) -> Bool {
    Conversation.isValidName(id) && FileManager.default.fileExists(atPath: file(id).path)
  }
}
