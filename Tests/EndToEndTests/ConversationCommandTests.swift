import Foundation
import Testing

/// `groq conversations` on a store written by the test: list, show, search, export, rename, delete and prune.
@Suite("groq conversations")
struct ConversationCommandTests {
  /// A home whose store holds `count` generated conversations, the newest first by name: c0 is the newest.
  struct Store {
    let environment: [String: String]
    let directory: String

    init(count: Int = 0) throws {
      let home = GroqProcess.scratchDirectory("home")
      directory = home + "/data/groq/conversations"
      environment = ["HOME": home, "XDG_DATA_HOME": home + "/data"]
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for index in 0..<count {
        try add(
          "c\(index)", questions: ["Question number \(index)?\nsecond line"], daysOld: Double(index), named: index % 2 == 0)
      }
    }

    func add(
      _ name: String, questions: [String], daysOld: Double, named: Bool = false, title: String? = nil,
      system: String? = nil
    ) throws {
      var messages: [[String: Any]] = []
      for question in questions {
        messages.append(["role": "user", "content": question])
        messages.append(["role": "assistant", "content": "Answer to: " + question])
      }
      var object: [String: Any] = [
        "version": 1, "id": name, "named": named, "model": "openai/gpt-oss-20b", "created": "2026-11-01T10:00:00Z",
        "updated": "2026-11-01T10:00:00Z", "messages": messages, "promptTokens": 0, "completionTokens": 0,
      ]
      if let title { object["title"] = title }
      if let system { object["system"] = system }
      let path = directory + "/" + name + ".json"
      try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
      let date = Date().addingTimeInterval(-daysOld * 86_400 - 60)
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> GroqResult {
      try GroqProcess.run(["conversations"] + arguments, stdin: stdin, environment: environment)
    }

    var names: [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }
  }

  @Test("list: newest first, with title, model, exchanges and age; the cache notices changed files")
  func list() throws {
    let store = try Store(count: 3)
    try store.add("titled", questions: ["a", "b"], daysOld: 40, title: "My own title")
    let result = try store.run([])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(lines.map { $0.first.map(String.init) } == ["c0", "c1", "c2", "titled"])
    #expect(result.stdout.contains("Question number 1?") && result.stdout.contains("openai/gpt-oss-20b  1  1 d ago"))
    #expect(result.stdout.contains("1 d ago"))
    #expect(result.stdout.contains("My own title"))
    // A conversation changed after the cache was written is read again.
    try store.add("c2", questions: ["changed", "twice"], daysOld: 0)
    let again = try store.run(["--json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]])
    #expect(json.first?["id"] as? String == "c2")
    #expect(json.first?["exchanges"] as? Int == 2)
    #expect(json.first?["title"] as? String == "changed")
    #expect(try store.run(["-n", "2"]).stdout.split(separator: "\n").count == 2)
    try "{ not json".write(toFile: store.directory + "/broken.json", atomically: false, encoding: .utf8)
    let damaged = try store.run([])
    #expect(damaged.status == 0)
    #expect(damaged.stdout.split(separator: "\n").count == 4)
    #expect(damaged.stderr.contains("1 conversation file could not be read: broken"))
    #expect(try store.run(["show", "broken"]).stderr.contains("is damaged"))
  }

  @Test("show prints a readable transcript, --json the file, --markdown and export Markdown")
  func show() throws {
    let store = try Store()
    try store.add("notes", questions: ["How fast?", "And now?"], daysOld: 1, system: "Be brief")
    let text = try store.run(["show", "notes"])
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("notes: How fast?\nopenai/gpt-oss-20b, 2 exchanges, updated "))
    #expect(text.stdout.contains("\n\nsystem:\n  Be brief\n\nyou:\n  How fast?\n\nassistant:\n  Answer to: How fast?\n"))
    let json = try store.run(["show", "notes", "--json"])
    #expect(json.stdout == (try String(contentsOfFile: store.directory + "/notes.json", encoding: .utf8)))
    let markdown = try store.run(["export", "notes"])
    #expect(markdown.stdout.hasPrefix("# How fast?\n\n*openai/gpt-oss-20b · 2 exchanges · 2026-11-01 10:00 UTC*\n"))
    #expect(markdown.stdout.contains("## You\n\nAnd now?\n\n## openai/gpt-oss-20b\n\nAnswer to: And now?\n"))
    #expect(try store.run(["show", "notes", "--markdown"]).stdout == markdown.stdout)
  }

  @Test("an unknown name suggests the closest one, exit 2")
  func unknownName() throws {
    let store = try Store()
    try store.add("meeting-notes", questions: ["x"], daysOld: 1)
    for action in ["show", "export", "delete"] {
      let result = try store.run([action, "meeting-note", "--yes"].filter { action == "delete" || $0 != "--yes" })
      #expect(result.status == 2)
      #expect(result.stderr == "groq: error: no conversation named 'meeting-note'\nhint: did you mean 'meeting-notes'?\n")
    }
    #expect(store.names == ["meeting-notes"])
  }

  @Test("search is case-insensitive over every message and the system prompt, with the matching lines")
  func search() throws {
    let store = try Store(count: 5)
    try store.add("limits", questions: ["Why the RATE limit?\nunrelated line"], daysOld: 2, system: "mind the rate limits")
    try store.add("cafe", questions: ["Ünïcode Straße"], daysOld: 3)
    let result = try store.run(["search", "rate", "limit"])
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "limits  Why the RATE limit?\n  system: mind the rate limits\n  you: Why the RATE limit?\n"
        + "  assistant: Answer to: Why the RATE limit?\n")
    let json = try store.run(["search", "straße", "--json"])
    let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(hits.map { $0["id"] as? String } == ["cafe"])
    let none = try store.run(["search", "pelican"])
    #expect(none.status == 1)
    #expect(none.stdout.isEmpty)
  }

  @Test("rename gives a conversation a name; delete asks for --yes in a script")
  func renameDelete() throws {
    let store = try Store()
    try store.add("2026-11-30-132350-3f3a", questions: ["x"], daysOld: 1)
    try store.add("other", questions: ["y"], daysOld: 1)
    #expect(try store.run(["rename", "2026-11-30-132350-3f3a", "notes"]).status == 0)
    #expect(store.names == ["notes", "other"])
    #expect(try store.run(["rename", "notes", "other"]).status == 2)
    #expect(try store.run(["show", "notes", "--json"]).stdout.contains("\"named\" : true"))
    let refused = try store.run(["delete", "notes"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("needs --yes"))
    #expect(try store.run(["delete", "notes", "--yes"]).status == 0)
    #expect(store.names == ["other"])
  }

  @Test("prune removes what is older than --older-than; --keep-named and --dry-run")
  func prune() throws {
    let store = try Store(count: 10)
    let dry = try store.run(["prune", "--older-than", "5d", "--keep-named", "--dry-run"])
    #expect(dry.stdout == "c5\nc7\nc9\n")
    #expect(store.names.count == 10)
    #expect(try store.run(["prune", "--older-than", "5d", "--keep-named", "--yes"]).status == 0)
    #expect(store.names == ["c0", "c1", "c2", "c3", "c4", "c6", "c8"])
    #expect(try store.run(["prune", "--older-than", "1w", "--yes"]).status == 0)
    #expect(store.names == ["c0", "c1", "c2", "c3", "c4", "c6"])
    #expect(try store.run(["prune"]).status == 2)
    #expect(try store.run(["prune", "--older-than", "soon"]).status == 2)
    #expect(try store.run(["list", "--yes"]).status == 2)
  }

  @Test("a generated store of 300: list, search and prune agree with it, and __conversations still lists names")
  func generatedStore() throws {
    let store = try Store(count: 300)
    #expect(try store.run([]).stdout.split(separator: "\n").count == 300)
    #expect(try store.run(["search", "number 299?"]).stdout.hasPrefix("c299  Question number 299?\n"))
    #expect(try store.run(["prune", "--older-than", "100d", "--dry-run"]).stdout.split(separator: "\n").count == 200)
    let names = try GroqProcess.run(["__conversations"], environment: store.environment)
    #expect(names.stdout.split(separator: "\n").prefix(3) == ["c0", "c1", "c2"])
  }
}
