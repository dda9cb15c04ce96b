import Foundation

/// The REPL's commands that read and write conversation files: /save, /load, and the save after every exchange.
extension ChatREPL {
  mutating func saveAs(_ name: String?) {
    guard let store else {
      terminal.error("nothing is saved in this session", hint: "it was started with --no-history or GROQ_HISTORY=0")
      return
    }
    guard let name, name != session.conversation.id else {
      do {
        try store.save(session.conversation)
        status("saved: \(store.file(session.conversation.id).path)")
      } catch {
        report(error)
      }
      return
    }
    guard Conversation.isValidName(name) else {
      terminal.error(
        "'\(name)' cannot be a conversation name", hint: "use letters, digits, '-', '_' and '.', at most 64")
      return
    }
    if FileManager.default.fileExists(atPath: store.file(name).path) {
      terminal.error(
        "a conversation named '\(name)' exists already", hint: "/load \(name) switches to it; or pick another name")
      return
    }
    let previous = session.conversation
    session.conversation.id = name
    session.conversation.named = true
    do {
      try store.save(session.conversation)
    } catch {
      session.conversation = previous
      report(error)
      return
    }
    // An unnamed conversation is renamed; a named one is copied, and both go on existing.
    if !previous.named { store.remove(previous.id) }
    status("saved as '\(name)': \(store.file(name).path)")
  }

  mutating func load(_ name: String?) {
    guard let store else {
      terminal.error("no conversations are read in this session", hint: "it was started with --no-history")
      return
    }
    guard let name else {
      status(savedList(store))
      return
    }
    do {
      guard Conversation.isValidName(name), let conversation = try store.load(name) else {
        let suggestion = Suggestion.closest(to: name, among: store.list().map(\.id))
        terminal.error(
          "no conversation named '\(name)'",
          hint: suggestion.map { "did you mean \($0)?" } ?? "Tab after /load lists them")
        return
      }
      session.conversation = conversation
      status("loaded '\(name)': \(describe(conversation))")
      for line in REPLBanner.lastExchange(conversation, columns: terminal.windowSize.columns) { status(line) }
    } catch {
      report(error)
    }
  }

  /// Saves after every change, once there is something to save; a conversation /undo emptied is saved empty, so
  /// --continue does not bring the forgotten exchange back.
  func save() {
    guard let store else { return }
    let id = session.conversation.id
    guard !session.conversation.messages.isEmpty || FileManager.default.fileExists(atPath: store.file(id).path)
    else { return }
    do {
      try store.save(session.conversation)
    } catch {
      report(error)
    }
  }
}
