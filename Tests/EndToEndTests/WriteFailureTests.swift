import FakeGroq
import Foundation
import Testing

/// stdout that cannot take the answer: a closed pipe ends quietly, anything else is an error (issue 11, item 2).
@Suite("failed writes to stdout")
struct WriteFailureTests {
  static let full = "/dev/full"

  @Test(
    "a full disk is an error with exit 1, not a quiet success",
    arguments: [["chat", "hi"], ["chat", "--no-stream", "hi"], ["models"], ["speak", "-v", "troy", "Hello"]])
  func fullDisk(arguments: [String]) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(arguments, server: server, stdoutPath: Self.full)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: could not write the answer: No space left on device"))
  }

  @Test("the conversation keeps the whole exchange stdout could not take")
  func conversationKept() throws {
    let server = try FakeGroqServer()
    let home = ConversationTests.home()
    let failed = try GroqProcess.run(
      ["chat", "--session", "full", "hi"], server: server, environment: home, stdoutPath: Self.full)
    #expect(failed.status == 1)
    let next = try GroqProcess.run(["chat", "--session", "full", "again"], server: server, environment: home)
    #expect(next.status == 0)
    #expect(try ConversationTests.lastMessages(server) == ["hi", ChatTests.answer, "again"])
    let saved = try String(contentsOfFile: home["HOME"]! + "/.local/share/groq/conversations/full.json", encoding: .utf8)
    #expect(!saved.contains("\"interrupted\""))
  }
}
