import FakeGroq
import Foundation
import Testing

/// Saved conversations from the command line: --continue, --session, --no-history, and damaged files.
@Suite("saved conversations, one shot")
struct ConversationTests {
  static let answer = ChatTests.answer

  static func home() -> [String: String] {
    ["HOME": GroqProcess.scratchDirectory("home")]
  }

  static func lastMessages(_ server: FakeGroqServer) throws -> [String] {
    let body = try #require(server.requests.last).json()
    return (body["messages"] as? [[String: Any]] ?? []).map { $0["content"] as? String ?? "" }
  }

  @Test("-c follows up on the last one-shot answer; -m switches the saved conversation's model")
  func continueOneShot() throws {
    let server = try FakeGroqServer()
    let home = Self.home()
    #expect(try GroqProcess.run(["chat", "-s", "be brief", "one"], server: server, environment: home).status == 0)
    let second = try GroqProcess.run(["chat", "-c", "and in one line?"], server: server, environment: home)
    #expect(second.status == 0)
    #expect(second.stdout == Self.answer + "\n")
    #expect(try Self.lastMessages(server) == ["be brief", "one", Self.answer, "and in one line?"])
    #expect(
      try GroqProcess.run(["chat", "-c", "-m", "openai/gpt-oss-20b", "three"], server: server, environment: home)
        .status == 0)
    #expect(try server.requests.last?.json()["model"] as? String == "openai/gpt-oss-20b")
    #expect(try Self.lastMessages(server).count == 6)
  }

  @Test("--session keeps a named conversation apart from the latest one")
  func namedSession() throws {
    let server = try FakeGroqServer()
    let home = Self.home()
    #expect(try GroqProcess.run(["chat", "--session", "work", "w1"], server: server, environment: home).status == 0)
    #expect(try GroqProcess.run(["chat", "other"], server: server, environment: home).status == 0)
    #expect(try GroqProcess.run(["chat", "--session", "work", "w2"], server: server, environment: home).status == 0)
    #expect(try Self.lastMessages(server) == ["w1", Self.answer, "w2"])
    let path = home["HOME"]! + "/.local/share/groq/conversations/work.json"
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test("XDG_DATA_HOME decides where conversations go")
  func xdgDataHome() throws {
    let server = try FakeGroqServer()
    let data = GroqProcess.scratchDirectory("xdg")
    var environment = Self.home()
    environment["XDG_DATA_HOME"] = data
    #expect(
      try GroqProcess.run(["chat", "--session", "x", "hi"], server: server, environment: environment).status == 0)
    #expect(FileManager.default.fileExists(atPath: data + "/groq/conversations/x.json"))
  }

  @Test(
    "refused before any request",
    arguments: [
      (["chat", "-c", "--session", "a", "hi"], "--continue and --session both choose a conversation"),
      (["chat", "--session", "a/b", "hi"], "'a/b' cannot be a session name"),
      (["chat", "-c", "hi"], "there is no conversation to continue"),
      (["chat", "-c", "--no-history", "hi"], "--continue needs saved conversations, and history is off"),
    ])
  func refused(arguments: [String], message: String) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(arguments, server: server, environment: Self.home())
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: " + message))
    #expect(result.stdout == "")
    #expect(server.requests.isEmpty)
  }

  @Test("a damaged conversation file is reported and never written over")
  func damagedFile() throws {
    let server = try FakeGroqServer()
    let home = Self.home()
    let directory = home["HOME"]! + "/.local/share/groq/conversations"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let damaged = "{\"version\": 1, \"messages\": ["
    try Data(damaged.utf8).write(to: URL(fileURLWithPath: directory + "/notes.json"))
    let result = try GroqProcess.run(["chat", "--session", "notes", "hi"], server: server, environment: home)
    #expect(result.status == 1)
    #expect(result.stderr.contains("the conversation \(directory)/notes.json is damaged"))
    #expect(result.stderr.contains("hint: groq leaves it as it is"))
    #expect(server.requests.isEmpty)
    #expect(try String(contentsOfFile: directory + "/notes.json", encoding: .utf8) == damaged)
  }

  @Test("--no-history and GROQ_HISTORY=0 save nothing")
  func noHistory() throws {
    let server = try FakeGroqServer()
    for (arguments, extra) in [(["--no-history"], [:]), ([], ["GROQ_HISTORY": "0"])] {
      var environment = Self.home()
      environment.merge(extra) { $1 }
      let result = try GroqProcess.run(["chat"] + arguments + ["secret"], server: server, environment: environment)
      #expect(result.status == 0)
      // Nothing at all: not groq's files, nor the folders Foundation would make for its cookie store and cache.
      #expect((try? FileManager.default.contentsOfDirectory(atPath: environment["HOME"]!)) ?? [] == [])
    }
  }

  @Test("an answer cut short by Ctrl-C is saved, marked as interrupted")
  func interruptedIsSaved() throws {
    let server = try FakeGroqServer()
    server.enqueue(
      .chatStream(
        tokens: ["Partial"] + Array(repeating: " word", count: 300), options: StreamOptions(tokenDelayMilliseconds: 20)
      ))
    let environment = GroqProcess.environment(server: server, Self.home())
    let process = try GroqProcess(["chat", "--session", "cut", "long story"], environment: environment)
    process.closeStdin()
    #expect(process.waitForStdout(bytes: 12))
    process.interrupt()
    let result = process.finish()
    #expect(result.status == 130)
    let file = environment["HOME"]! + "/.local/share/groq/conversations/cut.json"
    let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
    let messages = try #require(saved?["messages"] as? [[String: Any]])
    #expect(messages.count == 2)
    #expect(messages[1]["interrupted"] as? Bool == true)
    #expect((messages[1]["content"] as? String)?.hasPrefix("Partial word") == true)
  }

  @Test("groq __conversations lists saved names newest first, for Tab after --session")
  func listsConversations() throws {
    let server = try FakeGroqServer()
    let home = Self.home()
    #expect(try GroqProcess.run(["__conversations"], environment: home).stdout == "")
    for name in ["first", "second"] {
      #expect(try GroqProcess.run(["chat", "--session", name, "hi"], server: server, environment: home).status == 0)
    }
    let listed = try GroqProcess.run(["__conversations"], environment: home)
    #expect(listed.status == 0)
    #expect(listed.stdout == "second\nfirst\n")
    let script = try GroqProcess.run(["completion", "bash"]).stdout
    #expect(script.contains("'chat --session') _groq_conversations"))
  }
}
