import FakeGroq
import Foundation
import Testing

/// The config file and roles reaching chat, reason and the REPL: flag over environment over file over default.
@Suite("settings and roles in chat", .timeLimit(.minutes(1)))
struct ProfileTests {
  /// A home with a config file and a reviewer role.
  static func home(config: String) throws -> [String: String] {
    let home = GroqProcess.scratchDirectory("home")
    let groq = home + "/.config/groq"
    try FileManager.default.createDirectory(atPath: groq + "/roles", withIntermediateDirectories: true)
    try config.write(toFile: groq + "/config.toml", atomically: false, encoding: .utf8)
    try "---\nmodel: role-model\ntemperature: 0.2\nreasoning_effort: low\n---\nYou review code.\n".write(
      toFile: groq + "/roles/reviewer.md", atomically: false, encoding: .utf8)
    return ["HOME": home]
  }

  /// A server that answers whatever model is asked for: these tests are about which id groq sends.
  static func server() throws -> FakeGroqServer {
    let server = try FakeGroqServer()
    server.setHandler { request in
      guard request.path.hasSuffix("/chat/completions"), let body = try? request.json() else { return nil }
      return body["stream"] as? Bool == true ? .chatStream(tokens: ["ok"]) : .chatCompletion(content: "ok")
    }
    return server
  }

  static func lastBody(_ server: FakeGroqServer) throws -> [String: Any] {
    try #require(server.requests.last { $0.path.hasSuffix("/chat/completions") }).json()
  }

  static let config = "[model]\nchat = \"config-model\"\nreasoning = \"big\"\n[alias]\nbig = \"openai/gpt-oss-120b\"\n"

  @Test("the model: -m, then the role, then GROQ_MODEL, then model.chat; aliases wherever a model id goes")
  func modelPrecedence() throws {
    let server = try Self.server()
    let home = try Self.home(config: Self.config)
    let cases: [([String], [String: String], String)] = [
      (["chat", "hi"], [:], "config-model"),
      (["chat", "hi"], ["GROQ_MODEL": "env-model"], "env-model"),
      (["chat", "-r", "reviewer", "hi"], ["GROQ_MODEL": "env-model"], "role-model"),
      (["chat", "-r", "reviewer", "-m", "flag-model", "hi"], [:], "flag-model"),
      (["chat", "-m", "big", "hi"], [:], "openai/gpt-oss-120b"),
      (["reason", "hi"], [:], "openai/gpt-oss-120b"),
    ]
    for (arguments, environment, model) in cases {
      let result = try GroqProcess.run(arguments, server: server, environment: home.merging(environment) { $1 })
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(try Self.lastBody(server)["model"] as? String == model, "\(arguments) \(environment)")
    }
  }

  @Test("-r sends the role's prompt, temperature and effort unless the command line gives its own")
  func role() throws {
    let server = try Self.server()
    let home = try Self.home(config: "")
    #expect(try GroqProcess.run(["chat", "-r", "reviewer", "hi"], server: server, environment: home).status == 0)
    var body = try Self.lastBody(server)
    let messages = body["messages"] as? [[String: Any]] ?? []
    #expect(messages.first?["role"] as? String == "system")
    #expect(messages.first?["content"] as? String == "You review code.")
    #expect(body["temperature"] as? Double == 0.2)
    #expect(body["reasoning_effort"] as? String == "low")
    let own = try GroqProcess.run(
      ["reason", "-r", "reviewer", "-s", "Mine", "--temperature", "1", "hi"], server: server, environment: home)
    #expect(own.status == 0)
    body = try Self.lastBody(server)
    #expect((body["messages"] as? [[String: Any]])?.first?["content"] as? String == "Mine")
    #expect(body["temperature"] as? Double == 1)
    let missing = try GroqProcess.run(["chat", "-r", "reviwer", "hi"], server: server, environment: home)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no role named 'reviwer'"))
    #expect(missing.stderr.contains("did you mean 'reviewer'?"))
  }

  @Test("stream, stats and save from the file; flags and GROQ_HISTORY win over it")
  func switches() throws {
    let server = try Self.server()
    let home = try Self.home(config: "stream = false\nstats = true\nsave = false\nservice_tier = \"flex\"\n")
    let result = try GroqProcess.run(["chat", "hi"], server: server, environment: home)
    #expect(result.status == 0)
    let body = try Self.lastBody(server)
    #expect(body["stream"] as? Bool != true)
    #expect(body["service_tier"] as? String == "flex")
    #expect(result.stderr.contains("tokens/s"))
    let conversations = home["HOME"]! + "/.local/share/groq/conversations"
    #expect(!FileManager.default.fileExists(atPath: conversations))
    // A named session is asked for by name: it is saved even with save = false.
    #expect(try GroqProcess.run(["chat", "--session", "kept", "hi"], server: server, environment: home).status == 0)
    #expect(FileManager.default.fileExists(atPath: conversations + "/kept.json"))

    let off = try Self.home(config: "history = false\n")
    #expect(try GroqProcess.run(["chat", "-c", "hi"], server: server, environment: off).status == 2)
    let on = off.merging(["GROQ_HISTORY": "1"]) { $1 }
    #expect(try GroqProcess.run(["chat", "hi"], server: server, environment: on).status == 0)
    #expect(try GroqProcess.run(["chat", "-c", "hi"], server: server, environment: on).status == 0)
  }

  @Test("speak's voice comes from the file unless -v gives one")
  func speakVoice() throws {
    let server = try Self.server()
    let home = try Self.home(config: "voice = \"diana\"\n")
    #expect(try AudioRun.run(["speak", "Hello"], server: server, environment: home).status == 0)
    #expect(try server.requests.last?.json()["voice"] as? String == "diana")
    #expect(try AudioRun.run(["speak", "-v", "troy", "Hello"], server: server, environment: home).status == 0)
    #expect(try server.requests.last?.json()["voice"] as? String == "troy")
  }

  @Test("/role and /title in the REPL; /load lists titles")
  func repl() throws {
    let server = try Self.server()
    let home = try Self.home(config: "")
    let session = try TerminalSession(["chat"], server: server, environment: home)
    #expect(session.expect("> "))
    #expect(server.waitForRequests(1))
    session.type("/ro\t rev\t\r")
    #expect(session.expect("role 'reviewer': system prompt, model role-model, temperature 0.2, reasoning effort low"))
    session.type("hello there\r")
    #expect(session.expect("ok"))
    session.type("/title Code review notes\r")
    #expect(session.expect("title: Code review notes"))
    session.type("/load\r")
    #expect(session.expect("Code review notes"))
    // Tab after /load lists the names with their titles beside them.
    let directory = home["HOME"]! + "/.local/share/groq/conversations"
    try #"{"version":1,"id":"older","named":true,"title":"Earlier chat","model":"m","created":"2026-11-01T10:00:00Z","updated":"2026-11-01T10:00:00Z","messages":[]}"#
      .write(toFile: directory + "/older.json", atomically: false, encoding: .utf8)
    session.type("/load \t")
    #expect(session.expect("older"))
    #expect(session.expect("Earlier chat"))
    session.type("\u{15}")
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let body = try Self.lastBody(server)
    #expect(body["model"] as? String == "role-model")
    #expect((body["messages"] as? [[String: Any]])?.first?["content"] as? String == "You review code.")
    let list = try GroqProcess.run(["conversations"], environment: home)
    #expect(list.stdout.contains("Code review notes  role-model  1"))
  }
}
