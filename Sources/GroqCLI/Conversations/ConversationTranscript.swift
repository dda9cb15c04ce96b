import Foundation
import GroqKit

/// A saved conversation written out for a person: plain text for the terminal, or Markdown to keep.
struct ConversationTranscript: Sendable {
  let conversation: Conversation
  let summary: ConversationSummary

  init(_ conversation: Conversation, updated: Date) {
    self.conversation = conversation
    self.summary = ConversationSummary(conversation, updated: updated)
  }

  /// What `groq conversations show` prints: a header, then each message under who said it.
  var text: String {
    var blocks = [
      "\(conversation.id): \(summary.title)\n\(conversation.model), \(exchangesText), updated \(Self.date(summary.updated))"
    ]
    if let system = conversation.system { blocks.append("system:\n" + Self.indent(system)) }
    for entry in conversation.messages {
      let mark = entry.interrupted ? " [interrupted]" : ""
      blocks.append(Self.label(entry.message.role) + mark + ":\n" + Self.indent(entry.message.content?.text ?? ""))
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// What `--markdown` and `export` write: a heading per message, the answers as the model wrote them.
  var markdown: String {
    var blocks = [
      "# \(summary.title.isEmpty ? conversation.id : summary.title)",
      "*\(conversation.model) · \(exchangesText) · \(Self.date(conversation.created))*",
    ]
    if let system = conversation.system { blocks.append("## System\n\n" + system) }
    for entry in conversation.messages {
      let heading = entry.message.role == .assistant ? conversation.model : Self.label(entry.message.role).capitalized
      let mark = entry.interrupted ? "\n\n*(interrupted)*" : ""
      blocks.append("## \(heading)\n\n" + (entry.message.content?.text ?? "") + mark)
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  private var exchangesText: String {
    conversation.exchanges == 1 ? "1 exchange" : "\(conversation.exchanges) exchanges"
  }

  static func label(_ role: ChatMessage.Role) -> String {
    switch role {
    case .user: "you"
    case .assistant: "assistant"
    case .system: "system"
    case .tool: "tool"
    }
  }

  private static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
      .joined(separator: "\n")
  }

  /// "2026-11-30 13:23 UTC": the same on every machine, so transcripts compare. gmtime_r rather than a
  /// DateFormatter, which costs a tenth of a millisecond to make and would dominate a list of thousands.
  static func date(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
  }

  /// "5 min ago", "3 d ago", then the date: what a list needs to tell recent from old.
  static func age(_ date: Date, now: Date) -> String {
    let seconds = max(0, now.timeIntervalSince(date))
    switch seconds {
    case ..<60: return "just now"
    case ..<3600: return "\(Int(seconds / 60)) min ago"
    case ..<86_400: return "\(Int(seconds / 3600)) h ago"
    case ..<(86_400 * 30): return "\(Int(seconds / 86_400)) d ago"
    default: return String(Self.date(date).prefix(10))
    }
  }
}

/// `--older-than 30d`: a span of time in s, m, h, d or w.
enum AgeSpan {
  static func seconds(_ text: String) -> Double? {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
    guard let unit = text.last, let scale = units[unit], let number = Double(text.dropLast()), number.isFinite,
      number >= 0
    else { return nil }
    return number * scale
  }
}
