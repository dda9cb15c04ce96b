import FakeGroq
import Foundation
import Testing

/// Several groq processes on one conversation: every exchange survives (issue 11, item 3).
@Suite("concurrent writers of one conversation", .timeLimit(.minutes(1)))
struct ConcurrentSaveTests {
  static func saved(_ home: [String: String], _ id: String) throws -> [String] {
    let path = home["HOME"]! + "/.local/share/groq/conversations/\(id).json"
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    let messages = (object as? [String: Any])?["messages"] as? [[String: Any]] ?? []
    return messages.map { $0["content"] as? String ?? "" }
  }

  @Test("20 one-shots on the same --session at once keep all 20 exchanges")
  func twentyOneShots() throws {
    let server = try FakeGroqServer()
    let home = ConversationTests.home()
    let environment = GroqProcess.environment(server: server, home)
    let processes = try (0..<20).map { try GroqProcess(["chat", "--session", "same", "question \($0)"], environment: environment) }
    let results = processes.map { $0.finish() }
    #expect(results.allSatisfy { $0.status == 0 })
    let messages = try Self.saved(home, "same")
    #expect(messages.count == 40)
    #expect(Set(messages.filter { $0.hasPrefix("question ") }) == Set((0..<20).map { "question \($0)" }))
  }

  @Test("a REPL's save keeps the exchange a one-shot added to its session meanwhile")
  func replAndOneShot() throws {
    let server = try FakeGroqServer()
    let home = ConversationTests.home()
    let session = try REPLTests.open(server, arguments: ["--session", "shared"], home: home["HOME"])
    session.type("from the repl\r")
    #expect(session.expect(REPLTests.answer))
    #expect(session.expect("> "))
    let oneShot = try GroqProcess.run(["chat", "--session", "shared", "from a script"], server: server, environment: home)
    #expect(oneShot.status == 0)
    session.type("again from the repl\r")
    #expect(session.expect(REPLTests.answer))
    #expect(session.expect("> "))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let messages = try Self.saved(home, "shared")
    #expect(messages.filter { !$0.hasPrefix("I") && $0 != REPLTests.answer } == ["from the repl", "from a script", "again from the repl"])
    #expect(messages.count == 6)
  }
}
