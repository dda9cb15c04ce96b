import Foundation

/// Full-text search over saved conversations: case-insensitive, every message, each match with its line.
struct ConversationSearch: Sendable {
  /// A line of a message that holds the query.
  struct Match: Codable, Sendable, Equatable {
    /// The message's place in the conversation, from 0.
    var message: Int
    var role: String
    var line: String
  }

  /// A conversation and its matching lines.
  struct Hit: Codable, Sendable, Equatable {
    var id: String
    var title: String
    var matches: [Match]
  }

  let query: String
  /// Lines longer than this are cut around the match, so one huge pasted line does not flood the screen.
  static let lineLimit = 160

  /// The bytes to look for in a file before decoding it, when the query is plain ASCII that JSON writes as it is:
  /// most files do not match, and skipping their decoding is most of the speed.
  private let needle: [UInt8]?

  init(query: String) {
    self.query = query
    let plain = query.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }
    needle = plain ? Array(query.lowercased().utf8) : nil
  }

  /// Whether the file's raw bytes may hold the query; true when that cannot be told without decoding.
  func mayMatch(_ data: Data) -> Bool {
    guard let needle, let first = needle.first else { return true }
    return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
      let count = bytes.count - needle.count
      guard count >= 0 else { return false }
      var index = 0
      while index <= count {
        if Self.lower(bytes[index]) == first {
          var offset = 1
          while offset < needle.count && Self.lower(bytes[index + offset]) == needle[offset] { offset += 1 }
          if offset == needle.count { return true }
        }
        index += 1
      }
      return false
    }
  }

  @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// The conversation's matching lines, the system prompt as message -1; nil when none match.
  func hit(in conversation: Conversation, summary: ConversationSummary) -> Hit? {
    var matches: [Match] = []
    let messages =
      (conversation.system.map { [(-1, "system", $0)] } ?? [])
      + conversation.messages.enumerated().map {
        ($0.offset, $0.element.message.role.rawValue, $0.element.message.content?.text ?? "")
      }
    for (index, role, text) in messages {
      for line in text.split(whereSeparator: \.isNewline) {
        guard let range = line.range(of: query, options: [.caseInsensitive]) else { continue }
        matches.append(Match(message: index, role: role, line: Self.excerpt(String(line), around: range, in: line)))
      }
    }
    return matches.isEmpty ? nil : Hit(id: summary.id, title: summary.title, matches: matches)
  }

  private static func excerpt(_ line: String, around range: Range<Substring.Index>, in original: Substring) -> String {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.count > lineLimit else { return trimmed }
    let start = original.distance(from: original.startIndex, to: range.lowerBound)
    let from = max(0, start - lineLimit / 3)
    let characters = Array(line)
    let to = min(characters.count, from + lineLimit)
    return (from > 0 ? "…" : "") + String(characters[from..<to]) + (to < characters.count ? "…" : "")
  }
}
