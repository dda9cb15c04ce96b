import Foundation
import GroqKit
import Testing

@testable import GroqCLI

@Suite("conversation store")
struct ConversationStoreTests {
  let directory = (try? TestScratch.directory("store")) ?? URL(fileURLWithPath: "/nonexistent")
  var store: ConversationStore { ConversationStore(directory: directory) }

  func conversation(_ id: String, date: Date = Date()) -> Conversation {
    var conversation = Conversation(id: id, named: true, model: "m", system: "s", date: date)
    conversation.append(
      user: .user("hi 🎉"), answer: .assistant("hello"), interrupted: true, usage: Usage(completionTokens: 2),
      date: date)
    return conversation
  }

  @Test("a generated id is the UTC time to the second and four hex digits, so ids sort by time")
  func generatedID() {
    let id = Conversation.generatedID(date: Date(timeIntervalSince1970: 1_764_500_000.7))
    #expect(id.hasPrefix("2025-11-30-105320-"))
    #expect(id.count == "2025-11-30-105320-".count + 4)
    #expect(id.suffix(4).allSatisfy { $0.isHexDigit })
  }

  @Test("the file reads back as JSONEncoder's would: every kind of message, tool call, usage and date")
  func fileAgreesWithJSONEncoder() throws {
    var full = Conversation(
      id: "all", named: false, model: "qwen/qwen3.8-27b", system: "be \"brief\"\n\tplease",
      date: Date(timeIntervalSince1970: 1_800_000_000.9))
    full.title = "a title é"
    full.append(
      user: ChatMessage(
        role: .user,
        content: .parts([
          .text("what?"), .image(url: "data:image/png;base64,AAAA"),
          try JSONDecoder().decode(
            ContentPart.self,
            from: Data(#"{"type":"image_url","image_url":{"url":"https://x.test/a.png","detail":"high"}}"#.utf8)),
        ])),
      answer: ChatMessage(
        role: .assistant, content: nil, reasoning: "hm",
        toolCalls: [ToolCall(index: 0, id: "c1", function: .init(name: "f", arguments: "{\"a\":1}"))]),
      interrupted: false,
      usage: Usage(promptTokens: 1, completionTokens: 2, totalTokens: 3, queueTime: 0.5, totalTime: 1.25),
      date: Date(timeIntervalSince1970: 1_800_000_001))
    full.append(
      user: ChatMessage(role: .tool, content: .text("{}"), toolCallID: "c1"), answer: .assistant("cut"),
      interrupted: true, usage: nil, date: Date(timeIntervalSince1970: 1_800_000_002))
    let empty = Conversation(id: "empty", named: true, model: "m", system: nil, date: Date(timeIntervalSince1970: 0))
    for conversation in [full, empty, conversation("plain")] {
      let theirs = try ConversationStore.decoder.decode(
        Conversation.self, from: ConversationStore.encoder.encode(conversation))
      let ours = try ConversationStore.decoder.decode(Conversation.self, from: conversation.fileJSON)
      #expect(ours == theirs)
    }
  }

  @Test("a saved conversation loads back equal, private to the user, with no temporary file left")
  func roundTrip() throws {
    let saved = conversation("notes", date: Date(timeIntervalSince1970: 1_800_000_000))
    try store.save(saved)
    #expect(try store.load("notes") == saved)
    let attributes = try FileManager.default.attributesOfItem(atPath: store.file("notes").path)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    let directoryMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
    #expect(directoryMode == 0o700)
    // The lock file stays beside the conversation (see FileLock); no temporary file does.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        ".notes.json.lock", "notes.json",
      ])
    let json = try String(contentsOf: store.file("notes"), encoding: .utf8)
    #expect(json.contains("\"content\" : \"hi 🎉\""))
    #expect(json.contains("\"interrupted\" : true"))
  }

  @Test("a missing conversation is nil; latest is the one saved last")
  func latest() throws {
    #expect(try store.load("none") == nil)
    #expect(try store.latest() == nil)
    try store.save(conversation("older", date: Date()))
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: store.file("older").path)
    try store.save(conversation("newer"))
    #expect(try store.latest()?.id == "newer")
    #expect(store.list().map(\.id) == ["newer", "older"])
  }

  @Test("a damaged file is reported with its path and left exactly as it was")
  func damaged() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in [("broken", "{\"id\": \"broken\", "), ("partial", "{\"version\": 1, \"id\": \"partial\"}")] {
      try Data(text.utf8).write(to: store.file(name))
      let error = try #require(throws: CLIError.self) { try store.load(name) }
      #expect(error.message.contains(store.file(name).path))
      #expect(error.message.contains("damaged"))
      #expect(try String(contentsOf: store.file(name), encoding: .utf8) == text)
    }
    let error = try #require(throws: CLIError.self) {
      try ConversationChoice.named("broken").resolve(
        store: store, model: "m", explicitModel: false, system: nil, date: Date())
    }
    #expect(error.message.contains("not valid JSON"))
  }

  @Test("a file from a newer groq is refused, not misread")
  func newerFormat() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data("{\"version\": 99}".utf8).write(to: store.file("future"))
    let error = try #require(throws: CLIError.self) { try store.load("future") }
    #expect(error.message.contains("newer groq"))
  }

  @Test("--continue with nothing saved is a usage error; --session creates; -m overrides a saved model")
  func choices() throws {
    let none = try #require(throws: CLIError.self) {
      try ConversationChoice.latest.resolve(store: store, model: "m", explicitModel: false, system: nil, date: Date())
    }
    #expect(none.status == .usage)
    let created = try ConversationChoice.named("fresh").resolve(
      store: store, model: "m", explicitModel: false, system: "s", date: Date())
    #expect(created.id == "fresh" && created.named && created.messages.isEmpty)
    try store.save(conversation("kept"))
    let kept = try ConversationChoice.named("kept").resolve(
      store: store, model: "other", explicitModel: false, system: nil, date: Date())
    #expect(kept.model == "m")
    let switched = try ConversationChoice.latest.resolve(
      store: store, model: "other", explicitModel: true, system: nil, date: Date())
    #expect(switched.model == "other")
    #expect(throws: CLIError.self) {
      try ConversationChoice.latest.resolve(store: nil, model: "m", explicitModel: false, system: nil, date: Date())
    }
  }

  @Test("names that are safe file names", arguments: ["notes", "a.b_c-1", "2026-11-27-134501-3f2a"])
  func validNames(name: String) {
    #expect(Conversation.isValidName(name))
  }

  @Test(
    "names that are not",
    arguments: ["", ".hidden", "-x", "a/b", "../up", "spa ce", "ünï", String(repeating: "a", count: 65)])
  func invalidNames(name: String) {
    #expect(!Conversation.isValidName(name))
  }
}
