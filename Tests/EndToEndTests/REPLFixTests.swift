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

extension REPLFixTests {
  @Test("a line that is only exit, quit or clear is the command, not a message")
  func bareWords() throws {
    let server = try FakeGroqServer()
    let session = try REPLTests.open(server)
    session.type("hello\r")
    #expect(session.expect(Self.answer))
    session.type("clear\r")
    #expect(session.expect("new conversation"))
    session.type("quit\r")
    #expect(session.finish() == 0)
    #expect(try REPLTests.chatBodies(server).count == 1)
    let again = try REPLTests.open(server)
    again.type("  exit \r")
    #expect(again.finish() == 0)
    #expect(try REPLTests.chatBodies(server).count == 1)
  }

  /// The lines shown before the first prompt.
  static func banner(_ session: TerminalSession) -> [String] {
    let text = session.transcript
    let head = text.range(of: REPLTests.prompt).map { String(text[..<$0.lowerBound]) } ?? text
    return head.replacingOccurrences(of: "\u{1B}[2m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
      .split(separator: "\n").map(String.init)
  }

  @Test("the prompt is short; resuming shows the last exchange; banners and the stats footer fit a narrow window")
  func promptBannersResume() throws {
    let server = try FakeGroqServer()
    let home = REPLTests.freshHome()
    let first = try TerminalSession(["chat"], server: server, environment: ["HOME": home], columns: 40)
    #expect(first.expect(REPLTests.prompt))
    first.type("What is a pelican, and where do pelicans live?\r")
    #expect(first.expect(Self.answer))
    first.type("\u{04}")
    #expect(first.finish() == 0)

    let second = try TerminalSession(
      ["chat", "--continue", "--stats"], server: server, environment: ["HOME": home], columns: 40)
    #expect(second.expect(REPLTests.prompt))
    let banner = Self.banner(second)
    #expect(banner.first?.hasPrefix("continuing '") == true)
    #expect(banner.contains("you: What is a pelican, and where do pe…"))
    #expect(banner.contains { $0.hasPrefix("answer: ") })
    #expect(banner.allSatisfy { $0.count <= 40 })
    second.type("more\r")
    #expect(second.expect("tokens/s"))
    #expect(second.expect(REPLTests.prompt))
    second.type("\u{04}")
    #expect(second.finish() == 0)
    let footer = second.transcript.split(separator: "\n").filter { $0.contains("tokens/s") || $0.contains("req_") }
    #expect(!footer.isEmpty)
    #expect(footer.allSatisfy { $0.replacingOccurrences(of: "\u{1B}[2m", with: "").count <= 40 + 4 })
  }

  @Test("/stats shows the session's tokens and the rate limits left")
  func stats() throws {
    let server = try FakeGroqServer()
    let session = try REPLTests.open(server)
    session.type("hi\r")
    #expect(session.expect(Self.answer))
    session.type("/stats\r")
    #expect(session.expect("this session: 1 answer, "))
    #expect(session.expect("requests left today"))
    #expect(session.expect("tokens left this minute"))
    session.type("\u{04}")
    #expect(session.finish() == 0)
  }
}

extension REPLFixTests {
  @Test("/copy puts the last answer on the clipboard with OSC 52, /copy code its last code block")
  func copy() throws {
    let server = try FakeGroqServer()
    let session = try REPLTests.open(server)
    session.type("/copy\r")
    #expect(session.expect("nothing to copy yet"))
    let answer = "Try this:\n\n```sh\nls -la\n```\n"
    server.enqueue(.chatStream(tokens: [answer]))
    session.type("how do I list files?\r")
    #expect(session.expect("ls -la"))
    session.type("/copy\r")
    #expect(session.expect("\u{1B}]52;c;" + Data(answer.utf8).base64EncodedString() + "\u{07}"))
    session.type("/copy code\r")
    #expect(session.expect("\u{1B}]52;c;" + Data("ls -la\n".utf8).base64EncodedString() + "\u{07}"))
    session.type("\u{04}")
    #expect(session.finish() == 0)
  }

  @Test("/edit sends what $EDITOR saved; /edit last rewrites the last question and asks again")
  func edit() throws {
    let server = try FakeGroqServer()
    let script = GroqProcess.scratchDirectory("editor") + ".sh"
    try FileManager.default.createDirectory(atPath: GroqProcess.scratch, withIntermediateDirectories: true)
    // Appends to whatever the file holds: empty for /edit, the last question for /edit last.
    try "#!/bin/sh\nprintf 'written in the editor' >> \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
    // Run by sh rather than executed: another test's child may hold the new file open for writing (ETXTBSY).
    let session = try REPLTests.open(server, environment: ["EDITOR": "sh " + script])
    session.type("/edit\r")
    #expect(session.expect(Self.answer))
    session.type("/edit last\r")
    #expect(session.expect(Self.answer))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let bodies = try REPLTests.chatBodies(server)
    #expect(bodies.count == 2)
    #expect(REPLTests.messages(bodies[0]).map(\.content) == ["written in the editor"])
    #expect(REPLTests.messages(bodies[1]).map(\.content) == ["written in the editorwritten in the editor"])
  }
}

extension REPLFixTests {
  @Test("/model refuses a model that cannot chat; /attach on a text model switches to the vision model and says so")
  func modelRoles() throws {
    let server = try FakeGroqServer()
    let image = URL(fileURLWithPath: GroqProcess.scratchDirectory("photo") + ".png")
    try FileManager.default.createDirectory(atPath: GroqProcess.scratch, withIntermediateDirectories: true)
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: image)
    let session = try REPLTests.open(server)
    session.type("/model whisper-large-v3\r")
    #expect(session.expect("whisper-large-v3 cannot chat"))
    session.type("hi\r")
    #expect(session.expect(Self.answer))
    session.type("/attach \(image.path)\r")
    #expect(session.expect("cannot see images: switched to qwen/qwen3.8-27b"))
    session.type("what is this?\r")
    #expect(session.expect("I see 1 image."))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let models = try REPLTests.chatBodies(server).map { $0["model"] as? String }
    #expect(models == ["openai/gpt-oss-120b", "qwen/qwen3.8-27b"])
  }
}
