import FakeGroq
import Foundation
import Testing

/// A default model Groq shut down heals; a model the user named does not; the model list is cached.
@Suite("models that are gone, and the cached model list")
struct ModelHealingTests {
  /// The fake with `gone` shut down: chat requests for it answer 404 and `/models` leaves it out.
  static func server(without gone: String) throws -> FakeGroqServer {
    let server = try FakeGroqServer()
    let live = ["openai/gpt-oss-20b", "qwen/qwen3.8-27b", "whisper-large-v3"].filter { $0 != gone }
    let list =
      #"{"object":"list","data":["# + live.map { #"{"id":"\#($0)","object":"model","owned_by":"x"}"# }
      .joined(separator: ",") + "]}"
    server.setHandler { request in
      if request.method == "GET" && request.path == "/openai/v1/models" { return .json(list) }
      guard request.path == "/openai/v1/chat/completions", (try? request.json()["model"] as? String) == gone
      else { return nil }
      return .groqError(
        status: 404, message: "The model `\(gone)` does not exist or you do not have access to it.",
        code: "model_not_found")
    }
    return server
  }

  @Test(
    "a default model that is gone heals: one stderr line, one extra /models request, the answer once",
    arguments: [[], ["--no-stream"]])
  func defaultHeals(extra: [String]) throws {
    let server = try Self.server(without: "openai/gpt-oss-120b")
    let home = GroqProcess.scratchDirectory("home")
    let result = try GroqProcess.run(["chat"] + extra + ["hi"], server: server, environment: ["HOME": home])
    #expect(result.status == 0)
    #expect(result.stdout == ChatTests.answer + "\n")
    #expect(result.stderr == "groq: warning: openai/gpt-oss-120b is no longer available; using openai/gpt-oss-20b for chat\n")
    #expect(
      server.requests.map(\.path) == [
        "/openai/v1/chat/completions", "/openai/v1/models", "/openai/v1/chat/completions",
      ])
    #expect(try server.requests.last?.json()["model"] as? String == "openai/gpt-oss-20b")
    // The list the healing fetched is cached, private.
    let cache = home + "/.cache/groq/models.json"
    let attributes = try FileManager.default.attributesOfItem(atPath: cache)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    // The conversation keeps the model that answered.
    let followUp = try GroqProcess.run(["chat", "-c", "and?"], server: server, environment: ["HOME": home])
    #expect(followUp.stderr == "")
    #expect(try server.requests.last?.json()["model"] as? String == "openai/gpt-oss-20b")
  }

  @Test("a model the user named that is gone exits 1 with the live ids for the role; it is never swapped")
  func namedModelIsKept() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      ["chat", "hi"], server: server, environment: ["GROQ_MODEL": "llama-3.3-70b-versatile"])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        groq: error: the model llama-3.3-70b-versatile has been shut down by Groq (2026-08-16)
        hint: models your key can use for chat: openai/gpt-oss-120b, openai/gpt-oss-20b, qwen/qwen3.8-27b, allam-2-7b (groq models)

        """)
    #expect(server.requests.map(\.path) == ["/openai/v1/chat/completions", "/openai/v1/models"])
    let decommissioned = try GroqProcess.run(["reason", "-m", "deepseek-r1-distill-llama-70b", "x"], server: server)
    #expect(decommissioned.status == 1)
    #expect(
      decommissioned.stderr.hasPrefix("groq: error: the model deepseek-r1-distill-llama-70b has been shut down by Groq (2025-10-02)\n"))
    #expect(decommissioned.stderr.contains("hint: models your key can use for reasoning: openai/gpt-oss-120b, "))
  }

  @Test("a resumed conversation whose model is gone says so and how to switch")
  func resumedConversation() throws {
    let home = GroqProcess.scratchDirectory("home")
    let before = try GroqProcess.run(
      ["chat", "--session", "old", "-m", "openai/gpt-oss-20b", "hi"], server: try FakeGroqServer(),
      environment: ["HOME": home])
    #expect(before.status == 0)
    // Later, Groq shuts the model down.
    let server = try Self.server(without: "openai/gpt-oss-20b")
    let result = try GroqProcess.run(["chat", "--session", "old", "again"], server: server, environment: ["HOME": home])
    #expect(result.status == 1)
    #expect(result.stderr.contains("does not exist or your key cannot use it"))
    #expect(result.stderr.contains("switch with /model, or -m"))
  }

  @Test("groq __models: a fresh cache costs no request; an old or damaged one is refreshed; offline a stale one is used")
  func cache() throws {
    let server = try FakeGroqServer()
    let home = GroqProcess.scratchDirectory("home")
    let environment = ["HOME": home]
    _ = try GroqProcess.run(["models"], server: server, environment: environment)
    #expect(server.requests.count == 1)
    let cached = try GroqProcess.run(["__models", "chat"], server: server, environment: environment)
    #expect(server.requests.count == 1)
    let ids = cached.stdout.split(separator: "\n").map(String.init)
    #expect(ids.contains("openai/gpt-oss-120b") && !ids.contains { $0.hasPrefix("whisper") })

    let file = URL(fileURLWithPath: home + "/.cache/groq/models.json")
    var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    stored["fetched"] = Date().timeIntervalSince1970 - 25 * 3600
    stored["ids"] = ["old-model"]
    try JSONSerialization.data(withJSONObject: stored).write(to: file)
    let expired = try GroqProcess.run(["__models"], server: server, environment: environment)
    #expect(server.requests.count == 2)
    #expect(!expired.stdout.contains("old-model"))

    try Data("{not json".utf8).write(to: file)
    let damaged = try GroqProcess.run(["__models"], server: server, environment: environment)
    #expect(server.requests.count == 3)
    #expect(damaged.stdout.contains("openai/gpt-oss-120b"))
    #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) is [String: Any])

    // Offline: the server is gone, and the day-old list is better than none.
    let baseURL = server.baseURL
    stored["server"] = baseURL + "/openai/v1"
    try JSONSerialization.data(withJSONObject: stored).write(to: file)
    server.stop()
    let offline = try GroqProcess.run(
      ["__models"], environment: ["HOME": home, "GROQ_API_KEY": GroqProcess.testKey, "GROQ_BASE_URL": baseURL])
    #expect(offline.stdout == "old-model\n")
  }
}

extension ModelHealingTests {
  @Test("transcribe's default model that is gone heals too, with the same one line; -m keeps a gone model")
  func transcriptionHeals() throws {
    let server = try FakeGroqServer()
    let list = FakeModelList.json(excluding: ["whisper-large-v3-turbo"])
    server.setHandler { request in
      if request.method == "GET" && request.path == "/openai/v1/models" { return .json(list) }
      guard request.path == "/openai/v1/audio/transcriptions",
        request.multipartForm?.values("model").first == "whisper-large-v3-turbo"
      else { return nil }
      return .groqError(
        status: 404, message: "The model `whisper-large-v3-turbo` does not exist or you do not have access to it.",
        code: "model_not_found")
    }
    let directory = try TemporaryDirectory()
    let wav = try directory.file("talk.wav", FakeAudio.wav(seconds: 2) { Int16(100 + $0) })
    let result = try AudioRun.run(["transcribe", wav.path], server: server)
    #expect(result.status == 0)
    #expect(!result.text.isEmpty)
    #expect(
      result.stderr
        == "groq: warning: whisper-large-v3-turbo is no longer available; using whisper-large-v3 for transcription\n")
    #expect(
      server.requests.map(\.path) == [
        "/openai/v1/audio/transcriptions", "/openai/v1/models", "/openai/v1/audio/transcriptions",
      ])
    let named = try AudioRun.run(["transcribe", "-m", "whisper-large-v3-turbo", wav.path], server: server)
    #expect(named.status == 1)
    #expect(named.stderr.hasPrefix("groq: error: the model whisper-large-v3-turbo does not exist or your key cannot use it\n"))
  }
}

extension ModelHealingTests {
  @Test("the REPL's first answer heals a default that is gone, and /model names the model that answered")
  func replHeals() throws {
    let server = try Self.server(without: "openai/gpt-oss-120b")
    let session = try REPLTests.open(server)
    session.type("hi\r")
    #expect(session.expect("openai/gpt-oss-120b is no longer available; using openai/gpt-oss-20b for chat"))
    #expect(session.expect(ChatTests.answer))
    #expect(session.expect(REPLTests.prompt))
    session.type("/model\r")
    #expect(session.expect("model: openai/gpt-oss-20b"))
    session.type("/model whisper-large-v3\r")
    #expect(session.expect("whisper-large-v3 cannot chat"))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let models = try REPLTests.chatBodies(server).map { $0["model"] as? String }
    #expect(models == ["openai/gpt-oss-120b", "openai/gpt-oss-20b"])
  }
}

extension ModelHealingTests {
  @Test("a healed default is remembered for a day: the next run sends to the replacement in one request")
  func healedDefaultIsRemembered() throws {
    let server = try Self.server(without: "openai/gpt-oss-120b")
    let home = GroqProcess.scratchDirectory("home")
    let first = try GroqProcess.run(["chat", "hi"], server: server, environment: ["HOME": home])
    #expect(first.status == 0)
    #expect(server.requests.count == 3)
    let second = try GroqProcess.run(["chat", "hi"], server: server, environment: ["HOME": home])
    #expect(second.status == 0)
    #expect(second.stdout == ChatTests.answer + "\n")
    #expect(second.stderr == "")
    let after = server.requests.dropFirst(3)
    #expect(after.map(\.path) == ["/openai/v1/chat/completions"])
    #expect(try after.first?.json()["model"] as? String == "openai/gpt-oss-20b")
    // Another role's default is its own: reason heals to its next preferred id, not chat's.
    let reason = try GroqProcess.run(["reason", "r?"], server: server, environment: ["HOME": home])
    #expect(reason.stderr.contains("using qwen/qwen3.8-27b for reasoning"))
    // A model the user named is never redirected: it fails as it is.
    let named = try GroqProcess.run(
      ["chat", "-m", "openai/gpt-oss-120b", "hi"], server: server, environment: ["HOME": home])
    #expect(named.status == 1)
    #expect(try server.requests.dropLast().last?.json()["model"] as? String == "openai/gpt-oss-120b")
    // A day later the record has expired with the model list, and the default is tried again.
    let file = URL(fileURLWithPath: home + "/.cache/groq/healed.json")
    var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    let entries = try #require(stored["entries"] as? [[String: Any]])
    stored["entries"] = entries.map { entry in
      entry.merging(["at": Date().timeIntervalSince1970 - 25 * 3600]) { $1 }
    }
    try JSONSerialization.data(withJSONObject: stored).write(to: file)
    let count = server.requests.count
    let later = try GroqProcess.run(["chat", "hi"], server: server, environment: ["HOME": home])
    #expect(later.status == 0)
    #expect(server.requests.dropFirst(count).map(\.path).count == 3)
  }
}

extension ModelHealingTests {
  /// The fake with Orpheus English shut down and, when `successor` is set, a newer English model that is not
  /// groq's data yet answering in its place.
  static func speechServer(successor: String?) -> FakeGroqServer? {
    guard let server = try? FakeGroqServer() else { return nil }
    let gone = "canopylabs/orpheus-v1-english"
    let list = FakeModelList.json(excluding: [gone])
    let withSuccessor =
      successor.map { list.replacingOccurrences(of: "]}", with: #",{"id":"\#($0)","object":"model","owned_by":"x"}]}"#) }
      ?? list
    server.setHandler { request in
      if request.method == "GET" && request.path == "/openai/v1/models" { return .json(withSuccessor) }
      guard request.path == "/openai/v1/audio/speech", let model = try? request.json()["model"] as? String else {
        return nil
      }
      if model == gone {
        return .groqError(
          status: 404, message: "The model `\(gone)` does not exist or you do not have access to it.",
          code: "model_not_found")
      }
      if model == successor { return .data(FakeAudio.wav(seconds: 1), contentType: "audio/wav") }
      return nil
    }
    return server
  }

  @Test("speak's default model that is gone heals within its language, keeping the voice -v chose; -m keeps it")
  func speechHeals() throws {
    let server = try #require(Self.speechServer(successor: "canopylabs/orpheus-v2-english"))
    let result = try AudioRun.run(["speak", "hello"], server: server)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "groq: warning: canopylabs/orpheus-v1-english is no longer available; using canopylabs/orpheus-v2-english for speech\n"
    )
    #expect(FakeAudio.decode(result.stdout) != nil)
    #expect(
      server.requests.map(\.path) == ["/openai/v1/audio/speech", "/openai/v1/models", "/openai/v1/audio/speech"])
    let bodies = try server.requests.filter { $0.path.hasSuffix("speech") }.map { try $0.json() }
    #expect(bodies.map { $0["model"] as? String } == ["canopylabs/orpheus-v1-english", "canopylabs/orpheus-v2-english"])
    #expect(bodies.map { $0["voice"] as? String } == ["troy", "troy"])

    // Long text: the first piece heals, the second goes to the replacement at once.
    let count = server.requests.count
    let long = String(repeating: "Fast models answer quickly. ", count: 6) + String(repeating: "And more. ", count: 6)
    let pieces = try AudioRun.run(["speak", long], server: server)
    #expect(pieces.status == 0, "\(pieces.stderr)")
    #expect(
      server.requests.dropFirst(count).map { (try? $0.json())?["model"] as? String ?? $0.path } == [
        "canopylabs/orpheus-v1-english", "/openai/v1/models", "canopylabs/orpheus-v2-english",
        "canopylabs/orpheus-v2-english",
      ])

    let voiced = try AudioRun.run(["speak", "-v", "hannah", "hello"], server: server)
    #expect(voiced.status == 0, "\(voiced.stderr)")
    #expect(try server.requests.last?.json()["voice"] as? String == "hannah")

    let named = try AudioRun.run(["speak", "-m", "canopylabs/orpheus-v1-english", "hello"], server: server)
    #expect(named.status == 1)
    #expect(named.stderr.hasPrefix("groq: error: the model canopylabs/orpheus-v1-english does not exist"))
  }

  @Test("speak does not heal English to an Arabic model: the error lists the speech models the key has")
  func speechKeepsLanguage() throws {
    let server = try #require(Self.speechServer(successor: nil))
    let result = try AudioRun.run(["speak", "hello"], server: server)
    #expect(result.status == 1)
    #expect(result.stderr.contains("hint: models your key can use for speech: canopylabs/orpheus-arabic-saudi"))
    #expect(server.requests.map(\.path) == ["/openai/v1/audio/speech", "/openai/v1/models"])
  }
}
