import FakeGroq
import Foundation
import Testing

/// The REPL's rough edges, each found by hand and fixed: history, pastes, bare words, prompt and banners, resuming,
/// /copy, /edit and /stats.
@Suite("groq chat, interactive: fixes", .timeLimit(.minutes(1)))
struct REPLFixTests {
  static let answer = ChatTests.answer

  @Test("each line is written to the history file once")
  func historyOnce() throws {
    let server = try FakeGroqServer()
    let home = REPLTests.freshHome()
    let session = try REPLTests.open(server, home: home)
    for word in ["one", "two two", "three"] {
      session.type(word + "\r")
      #expect(session.expect(Self.answer))
    }
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let file = try String(contentsOfFile: home + "/.local/state/groq/history", encoding: .utf8)
    #expect(file == "_HiStOrY_V2_\none\ntwo\\040two\nthree\n")
  }

  @Test("a paste of several lines is one message, shown as [pasted N lines] until Enter")
  func bracketedPaste() throws {
    let server = try FakeGroqServer()
    let session = try REPLTests.open(server)
    session.type("Explain: \u{1B}[200~line one\r  line two\rline three\r\u{1B}[201~")
    #expect(session.expect("Explain: [pasted 3 lines]"))
    session.type("\r")
    #expect(session.expect(Self.answer))
    session.type("\u{1B}[200~just one line\u{1B}[201~ too\r")
    #expect(session.expect(Self.answer))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let bodies = try REPLTests.chatBodies(server)
    #expect(bodies.count == 2)
    #expect(REPLTests.messages(bodies[0]).last?.content == "Explain: line one\n  line two\nline three")
    #expect(REPLTests.messages(bodies[1]).last?.content == "just one line too")
  }
}
