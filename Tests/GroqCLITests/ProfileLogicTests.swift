import Foundation
import GroqKit
import Testing

@testable import GroqCLI

/// The pure parts of roles and conversation management: role files, search matching, titles and ages.
@Suite("roles and conversation logic")
struct ProfileLogicTests {
  @Test("a role file: front matter optional, values checked, the prompt trimmed")
  func roleFile() throws {
    let role = try Role(
      name: "r", text: "---\nmodel: \"openai/gpt-oss-20b\"\n# note\ntemperature: 0.5\nreasoning_effort: high\n---\n\n  Be terse.\n\n")
    #expect(role.model == "openai/gpt-oss-20b")
    #expect(role.temperature == 0.5)
    #expect(role.reasoningEffort == .high)
    #expect(role.prompt == "Be terse.")
    #expect(try Role(name: "p", text: "Just a prompt\n---\nwith a rule").prompt == "Just a prompt\n---\nwith a rule")
  }

  @Test(
    "a bad role file names its line",
    arguments: [
      ("---\nmodel: a\n", 1, "no closing ---"),
      ("---\ntemperature: 3\n---\nx", 2, "temperature must be a number from 0 to 2"),
      ("---\n\nmodle: x\n---\nx", 3, "did you mean 'model'?"),
      ("---\nreasoning_effort: max\n---\nx", 2, "reasoning_effort must be one of"),
      ("---\njust words\n---\nx", 2, "expected 'key: value'"),
    ])
  func badRole(text: String, line: Int, message: String) {
    #expect {
      try Role(name: "r", text: text)
    } throws: { error in
      guard let problem = error as? RoleProblem else { return false }
      return problem.line == line && problem.message.contains(message)
    }
    #expect(throws: RoleProblem(line: nil, message: "the role has no prompt")) { try Role(name: "r", text: " \n") }
  }

  static func conversation(_ texts: [String], system: String? = nil) -> Conversation {
    var conversation = Conversation(id: "c", named: false, model: "m", system: system, date: Date())
    for text in texts {
      conversation.append(user: .user(text), answer: .assistant("re: " + text), interrupted: false, usage: nil, date: Date())
    }
    return conversation
  }

  @Test("search: the byte prefilter never rules out a file that matches, and lines are found case-insensitively")
  func search() throws {
    let conversation = Self.conversation(["first line\nThe RATE Limit hit", "other"], system: "mind rate limits")
    let data = try ConversationStore.encoder.encode(conversation)
    let search = ConversationSearch(query: "rate limit")
    #expect(search.mayMatch(data))
    #expect(!ConversationSearch(query: "zebra").mayMatch(data))
    // Not plain ASCII: the prefilter cannot tell, so it lets the file through to the real match.
    #expect(ConversationSearch(query: "Ünï").mayMatch(data))
    #expect(ConversationSearch(query: "say \"hi\"").mayMatch(data))
    let summary = ConversationSummary(conversation, updated: Date())
    let hit = try #require(search.hit(in: conversation, summary: summary))
    #expect(hit.matches.map(\.role) == ["system", "user", "assistant"])
    #expect(hit.matches[1] == .init(message: 0, role: "user", line: "The RATE Limit hit"))
    #expect(ConversationSearch(query: "nowhere").hit(in: conversation, summary: summary) == nil)
    let long = String(repeating: "a", count: 500) + " needle " + String(repeating: "b", count: 500)
    let cut = try #require(
      ConversationSearch(query: "needle").hit(in: Self.conversation([long]), summary: summary)?.matches.first?.line)
    #expect(cut.contains("needle") && cut.hasPrefix("…") && cut.hasSuffix("…") && cut.count < 170)
  }

  @Test("titles: a given title wins, else the first question's first non-empty line, shortened")
  func titles() {
    var conversation = Self.conversation(["\n  How do I X?\nmore", "second"])
    #expect(ConversationSummary(conversation, updated: Date()).title == "How do I X?")
    #expect(ConversationSummary(conversation, updated: Date()).exchanges == 2)
    conversation.title = "Mine"
    #expect(ConversationSummary(conversation, updated: Date()).title == "Mine")
    let long = ConversationSummary.shorten(String(repeating: "x", count: 100))
    #expect(long.count == ConversationSummary.titleLimit && long.hasSuffix("…"))
  }

  @Test("ages and spans")
  func ages() {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    #expect(ConversationTranscript.age(now.addingTimeInterval(-30), now: now) == "just now")
    #expect(ConversationTranscript.age(now.addingTimeInterval(-300), now: now) == "5 min ago")
    #expect(ConversationTranscript.age(now.addingTimeInterval(-7200), now: now) == "2 h ago")
    #expect(ConversationTranscript.age(now.addingTimeInterval(-3 * 86_400), now: now) == "3 d ago")
    #expect(ConversationTranscript.age(now.addingTimeInterval(-40 * 86_400), now: now) == "2026-12-06")
    #expect(ConversationTranscript.date(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
    #expect(AgeSpan.seconds("30d") == 30.0 * 86_400)
    #expect(AgeSpan.seconds("2w") == 14.0 * 86_400)
    #expect(AgeSpan.seconds("1.5h") == 5400)
    for bad in ["30", "d", "-1d", "3y", ""] { #expect(AgeSpan.seconds(bad) == nil) }
  }
}
