import Foundation
import GroqKit

/// A conversation as it is saved: what the next request needs (model, system prompt, messages) plus what a person
/// looking at it later wants (when, how many tokens, which answers were cut short).
struct Conversation: Codable, Sendable, Equatable {
  /// Bumped when the file format changes in a way older groq cannot read.
  static let formatVersion = 1

  var version = Conversation.formatVersion
  /// The file's name without `.json`: the name given with --session or /save, or a generated one.
  var id: String
  /// Set when a person named it; unnamed conversations are found by --continue or by id.
  var named: Bool
  /// A title a person gave with /title; otherwise lists show the first question.
  var title: String?
  var model: String
  var system: String?
  var created: Date
  var updated: Date
  var messages: [Entry]
  /// Tokens spent on the whole conversation, for a person deciding whether to /clear.
  var promptTokens = 0
  var completionTokens = 0

  /// A message and what is known about it beyond the API's fields.
  struct Entry: Codable, Sendable, Equatable {
    var message: ChatMessage
    /// The answer was cut short by Ctrl-C or a failure; it is still sent as context, as shown.
    var interrupted: Bool
    var date: Date?
    var usage: Usage?

    init(_ message: ChatMessage, interrupted: Bool = false, date: Date? = nil, usage: Usage? = nil) {
      self.message = message
      self.interrupted = interrupted
      self.date = date
      self.usage = usage
    }

    private enum ExtraKeys: String, CodingKey { case interrupted, date, usage }

    // The message's own fields sit at the top level, so `jq '.messages[].content'` reads a saved file.
    init(from decoder: any Decoder) throws {
      message = try ChatMessage(from: decoder)
      let extra = try decoder.container(keyedBy: ExtraKeys.self)
      interrupted = try extra.decodeIfPresent(Bool.self, forKey: .interrupted) ?? false
      date = try extra.decodeIfPresent(Date.self, forKey: .date)
      usage = try extra.decodeIfPresent(Usage.self, forKey: .usage)
    }

    func encode(to encoder: any Encoder) throws {
      try message.encode(to: encoder)
      var extra = encoder.container(keyedBy: ExtraKeys.self)
      if interrupted { try extra.encode(true, forKey: .interrupted) }
      try extra.encodeIfPresent(date, forKey: .date)
      try extra.encodeIfPresent(usage, forKey: .usage)
    }
  }

  init(id: String, named: Bool, model: String, system: String?, date: Date) {
    self.id = id
    self.named = named
    self.model = model
    self.system = system
    self.created = date
    self.updated = date
    self.messages = []
  }

  /// What the API is sent before the next user message: the system prompt, then every message so far.
  var context: [ChatMessage] {
    (system.map { [ChatMessage.system($0)] } ?? []) + messages.map(\.message)
  }

  /// Number of user messages, as people count turns.
  var exchanges: Int { messages.filter { $0.message.role == .user }.count }

  /// Adds a question and its answer (whole or cut short) in one step, so a file never holds half an exchange.
  mutating func append(user: ChatMessage, answer: ChatMessage, interrupted: Bool, usage: Usage?, date: Date) {
    messages.append(Entry(user, date: date))
    messages.append(Entry(answer, interrupted: interrupted, date: date, usage: usage))
    promptTokens += usage?.promptTokens ?? 0
    completionTokens += usage?.completionTokens ?? 0
    updated = date
  }

  /// Drops the last user message and everything after it; returns the dropped user message.
  mutating func removeLastExchange() -> ChatMessage? {
    guard let index = messages.lastIndex(where: { $0.message.role == .user }) else { return nil }
    let removed = messages[index].message
    messages.removeSubrange(index...)
    return removed
  }

  /// A name a person may give, usable as a file name everywhere: no slashes, no leading dot, not too long.
  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
    return first != "." && first != "-" && name.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
  }

  /// A fresh id that sorts by time: `2026-11-27-134501-3f2a`. strftime, not DateFormatter: loading ICU's data
  /// for one timestamp cost milliseconds before every new chat's request.
  static func generatedID(date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var text = [CChar](repeating: 0, count: 32)
    let length = strftime(&text, text.count, "%Y-%m-%d-%H%M%S", &parts)
    let stamp = String(decoding: text[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
    return stamp + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
  }
}
