import Foundation
import GroqKit
import Testing

@testable import GroqCLI

/// Two writers of one conversation: what each added survives, and what one removed (/undo) goes (issue 11, item 3).
@Suite("conversation merge")
struct ConversationMergeTests {
  static let date = Date(timeIntervalSince1970: 1_800_000_000)

  static func with(_ questions: [String], base: Conversation? = nil) -> Conversation {
    var conversation = base ?? Conversation(id: "c", named: true, model: "m", system: nil, date: date)
    for question in questions {
      conversation.append(
        user: .user(question), answer: .assistant("re " + question), interrupted: false,
        usage: Usage(promptTokens: 1, completionTokens: 1), date: date)
    }
    return conversation
  }

  static func questions(_ conversation: Conversation) -> [String] {
    conversation.messages.filter { $0.message.role == .user }.compactMap { $0.message.content?.text }
  }

  @Test("no file yet: ours as it is")
  func nothingOnDisk() {
    let ours = Self.with(["a"])
    #expect(ConversationMerge.merge(ours, current: nil, baseline: nil) == ours)
  }

  @Test("both appended since the common load: the file's exchanges, then ours; tokens add up")
  func bothAppended() {
    let loaded = Self.with(["a"])
    let baseline = ConversationMerge.baseline(loaded)
    let theirs = Self.with(["theirs"], base: loaded)
    let ours = Self.with(["ours"], base: loaded)
    let merged = ConversationMerge.merge(ours, current: theirs, baseline: baseline)
    #expect(Self.questions(merged) == ["a", "theirs", "ours"])
    #expect(merged.promptTokens == 3)
  }

  @Test("ours /undo-ed an exchange while another writer appended: ours goes, theirs stays")
  func undoKeepsTheirs() {
    let loaded = Self.with(["a", "b"])
    let baseline = ConversationMerge.baseline(loaded)
    let theirs = Self.with(["theirs"], base: loaded)
    var ours = loaded
    _ = ours.removeLastExchange()
    let merged = ConversationMerge.merge(ours, current: theirs, baseline: baseline)
    #expect(Self.questions(merged) == ["a", "theirs"])
  }

  @Test("a new conversation whose file another writer made meanwhile: theirs first, then ours")
  func newOnBothSides() {
    let theirs = Self.with(["theirs"])
    let ours = Self.with(["ours"])
    #expect(Self.questions(ConversationMerge.merge(ours, current: theirs, baseline: nil)) == ["theirs", "ours"])
  }
}
