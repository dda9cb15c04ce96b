/// The REPL's dim lines about itself: the greeting, and where a resumed conversation left off, each fitted to the
/// window so that nothing wraps.
enum REPLBanner {
  static let prompt = "groq> "

  /// `model · /help lists commands · Ctrl-D leaves`, or for a resumed conversation its name and length first.
  static func greeting(_ conversation: Conversation, columns: Int) -> [String] {
    var parts = [conversation.model, "/help lists commands", "Ctrl-D leaves"]
    if !conversation.messages.isEmpty {
      parts.insert("continuing '\(conversation.id)': \(count(conversation))", at: 0)
    }
    return [joined(parts, columns: columns)] + lastExchange(conversation, columns: columns)
  }

  /// `2 exchanges`.
  static func count(_ conversation: Conversation) -> String {
    let count = conversation.exchanges
    return "\(count) exchange\(count == 1 ? "" : "s")"
  }

  /// The last question and the end of its answer, shortened: enough to know where the conversation is.
  static func lastExchange(_ conversation: Conversation, columns: Int) -> [String] {
    guard let questionIndex = conversation.messages.lastIndex(where: { $0.message.role == .user }) else { return [] }
    let question = conversation.messages[questionIndex].message.content?.text ?? ""
    var lines = ["you: " + firstLine(question)]
    if questionIndex + 1 < conversation.messages.count {
      let entry = conversation.messages[questionIndex + 1]
      let answer = (entry.message.content?.text ?? "").split(separator: "\n").map { $0.trimmingSpaces }
        .filter { !$0.isEmpty }
      let tail = answer.suffix(3)
      lines.append("answer: " + (answer.count > 3 ? "… " : "") + (tail.first ?? ""))
      lines += tail.dropFirst().map { "  " + $0 }
      if entry.interrupted { lines[lines.count - 1] += " [interrupted]" }
    }
    return lines.map { fit($0, columns: columns) }
  }

  /// Parts joined by ` · `, leaving out the last ones that do not fit; the first is shortened if it alone does not.
  static func joined(_ parts: [String], columns: Int) -> String {
    var line = ""
    for part in parts {
      let next = line.isEmpty ? part : line + " · " + part
      if DisplayWidth.of(next) > columns { break }
      line = next
    }
    return line.isEmpty ? fit(parts.first ?? "", columns: columns) : line
  }

  /// At most `columns` wide, cut with `…`.
  static func fit(_ text: String, columns: Int) -> String {
    guard DisplayWidth.of(text) > columns else { return text }
    var result = ""
    var width = 0
    for character in text {
      let next = DisplayWidth.of(character)
      if width + next > columns - 1 { break }
      result.append(character)
      width += next
    }
    return result + "…"
  }

  private static func firstLine(_ text: String) -> String {
    let lines = text.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    return (lines.first ?? "") + (lines.count > 1 ? " …" : "")
  }
}
