import Foundation
import GroqKit

/// What `groq conversations` lists about a saved conversation, without its messages.
struct ConversationSummary: Codable, Sendable, Equatable {
  var id: String
  var named: Bool
  /// The title given with /title, or the first question's first line, shortened.
  var title: String
  var model: String
  var exchanges: Int
  /// The file's modification time: when the last exchange was saved.
  var updated: Date

  static let titleLimit = 60

  init(id: String, named: Bool, title: String, model: String, exchanges: Int, updated: Date) {
    self.id = id
    self.named = named
    self.title = title
    self.model = model
    self.exchanges = exchanges
    self.updated = updated
  }

  init(_ conversation: Conversation, updated: Date) {
    let first = conversation.messages.first { $0.message.role == .user }?.message.content?.text ?? ""
    self.init(
      id: conversation.id, named: conversation.named,
      title: Self.shorten(conversation.title ?? first), model: conversation.model,
      exchanges: conversation.exchanges, updated: updated)
  }

  /// The first non-empty line, at most `limit` characters.
  static func shorten(_ text: String, limit: Int = titleLimit) -> String {
    let line =
      text.split(whereSeparator: \.isNewline).lazy.map { $0.trimmingCharacters(in: .whitespaces) }
      .first { !$0.isEmpty } ?? ""
    return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
  }

  /// Only the fields a summary needs: decoding a file this way skips everything else in its messages.
  struct Fields: Decodable {
    struct Message: Decodable {
      var role: ChatMessage.Role
      var content: MessageContent?
    }

    var named: Bool
    var title: String?
    var model: String
    var messages: [Message]

    func summary(id: String, updated: Date) -> ConversationSummary {
      let users = messages.filter { $0.role == .user }
      return ConversationSummary(
        id: id, named: named, title: ConversationSummary.shorten(title ?? users.first?.content?.text ?? ""),
        model: model, exchanges: users.count, updated: updated)
    }
  }
}

/// The summaries of every conversation, cached in `.summaries.tsv` beside them and checked against each file's
/// size and modification time, so listing thousands of conversations reads one small file instead of thousands.
///
/// The cache is only ever a shortcut: a file changed, added or removed since is seen by its size and time, a
/// damaged line is ignored, and failing to write the cache changes nothing but speed. It is tab-separated text,
/// one conversation a line, because reading it is then a split rather than a JSON decode of thousands of objects.
struct ConversationIndex: Sendable {
  let directory: URL

  /// A cached summary and the file state it was taken from.
  private struct Cached: Equatable {
    var size: Int
    var modified: Int
    var summary: ConversationSummary

    /// `id  size  modified-ns  named  exchanges  model  title`; the title has no tabs or newlines.
    var line: String {
      [
        summary.id, String(size), String(modified), summary.named ? "1" : "0", String(summary.exchanges), summary.model,
        summary.title,
      ].joined(separator: "\t")
    }

    init(size: Int, modified: Int, summary: ConversationSummary) {
      self.size = size
      self.modified = modified
      self.summary = summary
    }

    init?(line: Substring) {
      let fields = line.split(separator: "\t", maxSplits: 6, omittingEmptySubsequences: false)
      guard fields.count == 7, let size = Int(fields[1]), let modified = Int(fields[2]),
        let exchanges = Int(fields[4])
      else { return nil }
      self.init(
        size: size, modified: modified,
        summary: ConversationSummary(
          id: String(fields[0]), named: fields[3] == "1", title: String(fields[6]), model: String(fields[5]),
          exchanges: exchanges, updated: Date(timeIntervalSince1970: Double(modified) / 1e9)))
    }
  }

  static let fileName = ".summaries.tsv"
  private static let header = "groq conversation summaries 1"

  var file: URL { directory.appendingPathComponent(Self.fileName) }

  /// Every conversation that can be read, newest first, and the names of those that could not.
  func summaries() -> (summaries: [ConversationSummary], unreadable: [String]) {
    let files = DirectoryListing.files(in: directory.path, suffix: ".json")
    var old: [String: Cached] = [:]
    if let text = try? String(contentsOf: file, encoding: .utf8), text.hasPrefix(Self.header + "\n") {
      for line in text.split(separator: "\n").dropFirst() {
        if let cached = Cached(line: line) { old[cached.summary.id] = cached }
      }
    }
    var fresh: [Cached] = []
    fresh.reserveCapacity(files.count)
    var unreadable: [String] = []
    var changed = old.count != files.count
    for entry in files {
      let id = String(entry.name.dropLast(5))
      if let hit = old[id], hit.size == entry.size, hit.modified == entry.modified {
        fresh.append(hit)
        continue
      }
      changed = true
      let updated = Date(timeIntervalSince1970: Double(entry.modified) / 1e9)
      guard let data = try? Data(contentsOf: directory.appendingPathComponent(entry.name)),
        let fields = try? ConversationStore.decoder.decode(ConversationSummary.Fields.self, from: data)
      else {
        unreadable.append(id)
        continue
      }
      var summary = fields.summary(id: id, updated: updated)
      summary.title = summary.title.replacingOccurrences(of: "\t", with: " ")
      fresh.append(Cached(size: entry.size, modified: entry.modified, summary: summary))
    }
    if changed {
      try? PrivateFile.save(([Self.header] + fresh.map(\.line)).joined(separator: "\n") + "\n", to: file)
    }
    fresh.sort { $0.modified > $1.modified || ($0.modified == $1.modified && $0.summary.id > $1.summary.id) }
    return (fresh.map(\.summary), unreadable.sorted())
  }
}
