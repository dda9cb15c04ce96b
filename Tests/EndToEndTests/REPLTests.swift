import FakeGroq
import Foundation
import Testing

/// The interactive chat, driven through a pseudo-terminal as a person would type into it.
@Suite("groq chat, interactive", .timeLimit(.minutes(1)))
struct REPLTests {
  static let answer = ChatTests.answer
  static let prompt = "groq> "

  /// A REPL at its first prompt, after its background model list has been fetched, so the server's queue of
  /// scripted answers is left to the chat requests.
  static func open(
    _ server: FakeGroqServer, arguments: [String] = [], home: String? = nil, environment: [String: String] = [:]
  ) throws -> TerminalSession {
    var extra = environment
    if let home { extra["HOME"] = home }
    let session = try TerminalSession(["chat"] + arguments, server: server, environment: extra)
    #expect(session.expect("> "))
    #expect(server.waitForRequests(1))
    return session
  }

  static func chatBodies(_ server: FakeGroqServer) throws -> [[String: Any]] {
    try server.requests.filter { $0.path.hasSuffix("/chat/completions") }.map { try $0.json() }
  }

  static func messages(_ body: [String: Any]) -> [(role: String, content: String)] {
    (body["messages"] as? [[String: Any]] ?? []).map {
      ($0["role"] as? String ?? "", $0["content"] as? String ?? "")
    }
  }

  static func freshHome() -> String { GroqProcess.scratchDirectory("home") }

  @Test("a second question is sent with the first exchange as context; Ctrl-D leaves with status 0")
  func twoTurns() throws {
    let server = try FakeGroqServer()
    let session = try Self.open(server)
    session.type("What is a pelican?\r")
    #expect(session.expect(Self.answer))
    #expect(session.expect(Self.prompt))
    session.type("And a heron?\r")
    #expect(session.expect(Self.answer))
    #expect(session.expect(Self.prompt))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let bodies = try Self.chatBodies(server)
    #expect(bodies.count == 2)
    let second = Self.messages(bodies[1])
    #expect(second.map(\.role) == ["user", "assistant", "user"])
    #expect(second.map(\.content) == ["What is a pelican?", Self.answer, "And a heron?"])
  }

  @Test("Up recalls a line typed in an earlier run; the history file is private")
  func historyAcrossRuns() throws {
    let server = try FakeGroqServer()
    let home = Self.freshHome()
    let first = try Self.open(server, home: home)
    first.type("remember this line\r")
    #expect(first.expect(Self.answer))
    first.type("\u{04}")
    #expect(first.finish() == 0)

    let second = try Self.open(server, home: home)
    second.type("\u{1B}[A")
    #expect(second.expect("remember this line"))
    second.type("\r")
    #expect(second.expect(Self.answer))
    second.type("\u{04}")
    #expect(second.finish() == 0)
    let bodies = try Self.chatBodies(server)
    #expect(Self.messages(bodies.last ?? [:]).last?.content == "remember this line")
    let file = home + "/.local/state/groq/history"
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test("--no-history and GROQ_HISTORY=0 write nothing to disk")
  func noHistory() throws {
    let server = try FakeGroqServer()
    for (arguments, environment) in [(["--no-history"], [:]), ([], ["GROQ_HISTORY": "0"])] {
      let home = Self.freshHome()
      let session = try Self.open(server, arguments: arguments, home: home, environment: environment)
      session.type("keep this to yourself\r")
      #expect(session.expect(Self.answer))
      session.type("/exit\r")
      #expect(session.finish() == 0)
      // Nothing at all: not groq's files, nor the folders Foundation would make for its cookie store and cache.
      #expect((try? FileManager.default.contentsOfDirectory(atPath: home)) ?? [] == [])
    }
  }

  @Test("a \"\"\" block and a line ending in \\ are each one message, multi-byte text intact")
  func multiLine() throws {
    let server = try FakeGroqServer()
    let session = try Self.open(server)
    session.type("\"\"\"\rline one\r  indented 🎉\r\r\"\"\"\r")
    #expect(session.expect(Self.answer))
    #expect(session.expect(Self.prompt))
    session.type("hello wörld \\\r日本\r")
    #expect(session.expect(Self.answer))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let bodies = try Self.chatBodies(server)
    #expect(bodies.count == 2)
    #expect(Self.messages(bodies[0]).last?.content == "line one\n  indented 🎉\n")
    #expect(Self.messages(bodies[1]).last?.content == "hello wörld \n日本")
  }

  @Test("Tab completes slash commands and model ids")
  func tabCompletion() throws {
    let server = try FakeGroqServer()
    let session = try Self.open(server)
    session.type("/mo\t\t")
    #expect(session.expect("/models"))
    session.type("\u{15}/model openai/gpt-oss-2\t\r")
    #expect(session.expect("model: openai/gpt-oss-20b"))
    #expect(session.expect("groq> "))
    session.type("hi\r")
    #expect(session.expect(Self.answer))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    #expect(try Self.chatBodies(server).first?["model"] as? String == "openai/gpt-oss-20b")
  }

  @Test("Ctrl-C at the prompt drops the line; mid-answer it stops the answer, keeps it, and the REPL goes on")
  func interrupts() throws {
    let server = try FakeGroqServer()
    let session = try Self.open(server)
    session.type("typed but not sent\u{03}")
    #expect(session.expect("^C"))
    #expect(session.expect(Self.prompt))
    server.enqueue(
      .chatStream(
        tokens: ["Partial"] + Array(repeating: " word", count: 500), options: StreamOptions(tokenDelayMilliseconds: 20))
    )
    session.type("tell me a long story\r")
    #expect(session.expect("Partial word"))
    session.type("\u{03}")
    #expect(session.expect("[interrupted]"))
    #expect(session.expect(Self.prompt))
    session.type("next\r")
    #expect(session.expect(Self.answer))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let bodies = try Self.chatBodies(server)
    #expect(bodies.count == 2)
    let context = Self.messages(bodies[1])
    #expect(context.map(\.role) == ["user", "assistant", "user"])
    #expect(context[0].content == "tell me a long story")
    #expect(context[1].content.hasPrefix("Partial word"))
    #expect(context[1].content.count < 500 * 5)
  }

  @Test("a server error prints one line and leaves the conversation as it was")
  func serverError() throws {
    let server = try FakeGroqServer()
    let session = try Self.open(server, arguments: ["--max-retries", "0"])
    server.enqueue(.groqError(status: 500, message: "Internal Server Error", type: "internal_server_error"))
    session.type("first\r")
    #expect(session.expect("the server failed (HTTP 500)"))
    #expect(session.expect(Self.prompt))
    session.type("second\r")
    #expect(session.expect(Self.answer))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let bodies = try Self.chatBodies(server)
    #expect(Self.messages(bodies[1]).map(\.content) == ["second"])
  }

  @Test("/undo forgets an exchange, /retry asks again, /history shows the rest")
  func undoRetry() throws {
    let server = try FakeGroqServer()
    let home = Self.freshHome()
    let session = try Self.open(server, home: home)
    session.type("one\r")
    #expect(session.expect(Self.answer))
    session.type("two\r")
    #expect(session.expect(Self.answer))
    session.type("/undo\r")
    #expect(session.expect("forgot: two"))
    server.enqueue(.chatStream(tokens: ["Another", " answer"]))
    session.type("/retry\r")
    #expect(session.expect("Another answer"))
    session.type("/history\r")
    #expect(session.expect("you: one\n\nassistant: Another answer\n"))
    session.type("/hist\r")
    #expect(session.expect("did you mean /history?"))
    session.type("/undo\r")
    #expect(session.expect("forgot: one"))
    session.type("/exit\r")
    #expect(session.finish() == 0)
    let bodies = try Self.chatBodies(server)
    #expect(bodies.count == 3)
    #expect(Self.messages(bodies[2]).map(\.content) == ["one"])
    // What /undo forgot stays forgotten in the saved file.
    let continued = try GroqProcess.run(["chat", "-c", "fresh"], server: server, environment: ["HOME": home])
    #expect(continued.status == 0)
    #expect(Self.messages(try Self.chatBodies(server)[3]).map(\.content) == ["fresh"])
  }

  @Test("/save names the conversation, /load switches back, --continue and --session resume it")
  func saveLoadContinue() throws {
    let server = try FakeGroqServer()
    let home = Self.freshHome()
    let first = try Self.open(server, home: home)
    first.type("remember the word apricot\r")
    #expect(first.expect(Self.answer))
    first.type("/save fruit\r")
    #expect(first.expect("saved as 'fruit'"))
    first.type("/clear\r")
    #expect(first.expect("new conversation"))
    first.type("unrelated\r")
    #expect(first.expect(Self.answer))
    first.type("/load fruit\r")
    #expect(first.expect("loaded 'fruit': 1 exchange"))
    first.type("which word?\r")
    #expect(first.expect(Self.answer))
    first.type("\u{04}")
    #expect(first.finish() == 0)
    var bodies = try Self.chatBodies(server)
    #expect(Self.messages(bodies[2]).map(\.content) == ["remember the word apricot", Self.answer, "which word?"])

    let continued = try Self.open(server, arguments: ["--continue"], home: home)
    #expect(continued.transcript.contains("continuing 'fruit': 2 exchanges"))
    continued.type("and again?\r")
    #expect(continued.expect(Self.answer))
    continued.type("\u{04}")
    #expect(continued.finish() == 0)
    bodies = try Self.chatBodies(server)
    #expect(Self.messages(bodies[3]).count == 5)

    let oneShot = try GroqProcess.run(
      ["chat", "--session", "fruit", "last one"], stdin: "", server: server, environment: ["HOME": home])
    #expect(oneShot.status == 0)
    bodies = try Self.chatBodies(server)
    #expect(Self.messages(bodies[4]).count == 7)
    let file = home + "/.local/share/groq/conversations/fruit.json"
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }
}

extension REPLTests {
  @Test("/attach sends an image with the next message only; /reasoning sets the format; bad values keep the REPL")
  func attachAndReasoning() throws {
    let server = try FakeGroqServer()
    let image = URL(fileURLWithPath: GroqProcess.scratchDirectory("image") + ".png")
    try FileManager.default.createDirectory(atPath: GroqProcess.scratch, withIntermediateDirectories: true)
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: image)
    let session = try Self.open(server, arguments: ["-m", "qwen/qwen3.8-27b"])
    session.type("/attach /no/such/file.png\r")
    #expect(session.expect("image file not found: /no/such/file.png"))
    session.type("/attach \(image.path)\r")
    #expect(session.expect("1 image(s) go with your next message"))
    session.type("what is this?\r")
    #expect(session.expect("I see 1 image."))
    session.type("/reasoning sideways\r")
    #expect(session.expect("/reasoning takes raw, parsed, hidden, not 'sideways'"))
    session.type("/reasoning hidden\r")
    #expect(session.expect("reasoning: hidden"))
    session.type("and now?\r")
    #expect(session.expect("and now?"))
    #expect(session.expect("groq> "))
    session.type("/model no-such-model\r")
    #expect(session.expect("no model named 'no-such-model'"))
    session.type("\u{04}")
    #expect(session.finish() == 0)

    let bodies = try Self.chatBodies(server)
    #expect(bodies.count == 2)
    let first = try #require((bodies[0]["messages"] as? [[String: Any]])?.last)
    let parts = try #require(first["content"] as? [[String: Any]])
    #expect(parts.map { $0["type"] as? String } == ["text", "image_url"])
    #expect(((parts[1]["image_url"] as? [String: Any])?["url"] as? String)?.hasPrefix("data:image/png;base64,") == true)
    // chat asks a qwen3 model for parsed reasoning, so <think> never lands in the answer.
    #expect(bodies[0]["reasoning_format"] as? String == "parsed")
    #expect(Self.messages(bodies[1]).last?.content == "and now?")
    #expect(bodies[1]["reasoning_format"] as? String == "hidden")
  }
}

extension REPLTests {
  @Test("/stats on prints the footer on stderr; a context-length error suggests /undo and /clear")
  func statsAndContextLength() throws {
    let server = try FakeGroqServer()
    let session = try Self.open(server, environment: ["NO_COLOR": "1"])
    session.type("/stats on\r")
    #expect(session.expect("stats on"))
    session.type("hi\r")
    #expect(session.expect(Self.answer))
    #expect(session.expect("tokens/s"))
    server.enqueue(
      .groqError(
        status: 400,
        message: "Please reduce the length of the messages or completion.", code: "context_length_exceeded"))
    session.type("one more\r")
    #expect(session.expect("groq: error: Please reduce the length of the messages or completion."))
    #expect(session.expect("/undo drops the last exchange, /clear starts afresh"))
    session.type("\u{04}")
    #expect(session.finish() == 0)
  }
}
