import Foundation
import GroqKit

/// What another groq appended to a conversation file since this one read it, merged with what this one changed.
///
/// Two groq processes on one session (a REPL and a one-shot, or many one-shots from a script) each hold the
/// conversation as they loaded it. A plain save would write one's copy over the other's exchanges. Instead each save
/// compares this process's copy with the copy it last read or wrote (the baseline): what it removed (/undo) is
/// removed from the file as it is now, and what it added goes at the end. Entries are compared as saved (encoded),
/// since dates lose their fractions on the way through the file.
struct ConversationMerge {
  /// This process's view of one conversation at its last load or save.
  ///
  /// The entries are kept as they are and encoded only when a merge needs them: most saves (every one-shot chat)
  /// find no file changed by another groq, and encoding the whole conversation once more cost as much as saving it.
  struct Baseline: Sendable {
    var entries: [Conversation.Entry]
    var promptTokens: Int
    var completionTokens: Int
  }

  /// The conversation to write: `current` (the file as it is now, nil when there is none) with this process's
  /// changes since `baseline` applied.
  static func merge(_ ours: Conversation, current: Conversation?, baseline: Baseline?) -> Conversation {
    guard let current else { return ours }
    let base = keys(baseline?.entries ?? [])
    let mine = keys(ours.messages)
    var prefix = 0
    while prefix < base.count && prefix < mine.count && base[prefix] == mine[prefix] { prefix += 1 }
    let removed = base[prefix...]
    var entries = current.messages
    if !removed.isEmpty, let range = lastRange(of: Array(removed), in: keys(entries)) {
      entries.removeSubrange(range)
    }
    var merged = ours
    merged.messages = entries + ours.messages[prefix...]
    merged.created = min(current.created, ours.created)
    merged.promptTokens = current.promptTokens + max(0, ours.promptTokens - (baseline?.promptTokens ?? 0))
    merged.completionTokens =
      current.completionTokens + max(0, ours.completionTokens - (baseline?.completionTokens ?? 0))
    return merged
  }

  static func baseline(_ conversation: Conversation) -> Baseline {
    Baseline(
      entries: conversation.messages, promptTokens: conversation.promptTokens,
      completionTokens: conversation.completionTokens)
  }

  static func keys(_ entries: [Conversation.Entry]) -> [Data] {
    entries.map { entry in
      var json = JSONText()
      entry.write(to: &json)
      return Data(json.bytes)
    }
  }

  private static func lastRange(of block: [Data], in list: [Data]) -> Range<Int>? {
    guard block.count <= list.count else { return nil }
    for start in stride(from: list.count - block.count, through: 0, by: -1)
    where Array(list[start..<(start + block.count)]) == block {
      return start..<(start + block.count)
    }
    return nil
  }
}

/// The baselines of the conversations this process has read or written, by file path.
final class ConversationBaselines: @unchecked Sendable {
  static let shared = ConversationBaselines()
  private let lock = NSLock()
  private var baselines: [String: ConversationMerge.Baseline] = [:]

  subscript(path: String) -> ConversationMerge.Baseline? {
    get { lock.withLock { baselines[path] } }
    set { lock.withLock { baselines[path] = newValue } }
  }
}
