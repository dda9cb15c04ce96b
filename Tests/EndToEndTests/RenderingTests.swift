import FakeGroq
import Foundation
import Testing

/// Answers rendered as Markdown on a terminal, and exactly as written everywhere else.
@Suite("Markdown answers on a terminal")
struct RenderingTests {
  static let tokens = ["# Ti", "tle\n\nSome **bo", "ld** text.\n\n```swift\nlet x = 1\n```\n", "| a | b |\n|---|---|\n| 1 | 22 |\n"]
  static var text: String { tokens.joined() }

  @Test("on a terminal the answer is rendered: a styled heading, bold, a labelled code block, an aligned table")
  func rendered() throws {
    let server = try FakeGroqServer()
    server.enqueue(.chatStream(tokens: Self.tokens))
    let home = REPLTests.freshHome()
    let result = try PseudoTerminal.run(["chat", "hi"], server: server, environment: ["HOME": home], columns: 60)
    #expect(result.status == 0)
    // The saved conversation keeps the model's own text.
    let folder = home + "/.local/share/groq/conversations"
    let saved = try FileManager.default.contentsOfDirectory(atPath: folder).map {
      try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
    }
    #expect(saved.contains { $0.contains("Some **bold** text.") && $0.contains("| 1 | 22 |") })
    #expect(result.stdout.contains("\u{1B}[1;4;35mTitle"))
    #expect(result.stdout.contains("\u{1B}[1mbold\u{1B}[0m text."))
    #expect(result.stdout.contains("── swift ──"))
    #expect(result.stdout.contains("\u{1B}[35mlet\u{1B}[0m x = \u{1B}[36m1"))
    #expect(result.stdout.contains("1\u{1B}[2m │ \u{1B}[0m22"))
  }

  @Test("a pipe, --raw, NO_COLOR and TERM=dumb give the model's text byte for byte")
  func raw() throws {
    let server = try FakeGroqServer()
    server.enqueue(.chatStream(tokens: Self.tokens))
    let piped = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(piped.stdout == Self.text)
    for (arguments, environment) in [(["--raw"], [:]), ([], ["NO_COLOR": "1"]), ([], ["TERM": "dumb"])] {
      server.enqueue(.chatStream(tokens: Self.tokens))
      let result = try PseudoTerminal.run(["chat"] + arguments + ["hi"], server: server, environment: environment)
      #expect(result.stdout == Self.text, "\(arguments) \(environment)")
    }
    server.enqueue(.chatStream(tokens: Self.tokens))
    let reason = try PseudoTerminal.run(["reason", "--raw", "hi"], server: server)
    #expect(reason.stdout == Self.text)
  }

  @Test("escape sequences from the server show as ^[ on a terminal, in answers, reasoning and errors; raw in a pipe")
  func escapes() throws {
    let server = try FakeGroqServer()
    let nasty = "a\u{1B}[2Jb\u{1B}]0;title\u{07}c"
    server.enqueue(.chatStream(tokens: [nasty]))
    let shown = try PseudoTerminal.run(["chat", "hi"], server: server)
    #expect(shown.stdout.contains("a^[[2Jb^[]0;title^Gc"))
    #expect(!shown.stdout.contains("\u{1B}[2J"))
    server.enqueue(.chatStream(tokens: [nasty]))
    let raw = try PseudoTerminal.run(["chat", "--raw", "hi"], server: server)
    #expect(raw.stdout.contains("a^[[2Jb"))
    server.enqueue(.chatStream(tokens: [nasty]))
    let piped = try GroqProcess.run(["chat", "hi"], server: server)
    #expect(piped.stdout == nasty + "\n")

    server.enqueue(.groqError(status: 400, message: "bad \u{1B}]52;c;aGk=\u{07}"))
    let error = try PseudoTerminal.run(["chat", "hi"], server: server)
    #expect(error.stdout.contains("groq: error:\u{1B}[0m bad ^[]52;c;aGk=^G"))

    let reasoning = #"{"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"reasoning":"think \u001b[31mred"},"finish_reason":null}]}"#
    let answer = #"{"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}"#
    server.enqueue(
      .raw(
        headers: [("content-type", "text/event-stream")],
        steps: [.send("data: \(reasoning)\n\ndata: \(answer)\n\ndata: [DONE]\n\n")]))
    let thought = try PseudoTerminal.run(["reason", "hi"], server: server)
    #expect(thought.stdout.contains("think ^[[31mred"))
    #expect(!thought.stdout.contains("\u{1B}[31m"))
  }
}

extension RenderingTests {
  @Test("prose wraps at word boundaries to the window, measured afresh after a resize")
  func wrapAndResize() throws {
    let server = try FakeGroqServer()
    let session = try TerminalSession(["chat"], server: server, columns: 200)
    #expect(session.expect(REPLTests.prompt))
    #expect(server.waitForRequests(1))
    session.type("first\r")
    #expect(session.expect("Fast language models give you answers before you lose your train of thought.\n"))
    #expect(session.expect(REPLTests.prompt))
    session.resize(columns: 30)
    session.type("second\r")
    #expect(session.expect("Fast language models give you\nanswers before you lose your\ntrain of thought.\n"))
    session.type("\u{04}")
    #expect(session.finish() == 0)
  }
}
