import GroqKit
import Testing

@testable import GroqCLI

/// The config file's TOML subset: what it reads, what it refuses (with the line), and edits that keep the text.
@Suite("config file parsing")
struct ConfigDocumentTests {
  @Test("tables, dotted keys, strings, numbers, booleans and comments")
  func reads() throws {
    let document = try ConfigDocument(
      parsing: """
        # my settings
        stream = false   # no streaming
        timeout = 1_000
        deadline = 2.5
        model.fast = 'openai/gpt-oss-20b'

        [model]
        chat = "openai/gpt-oss-120b"
        "vision" = "a\\tb \\u00e9"
        [alias]
        big = "x"
        """)
    #expect(document.entry("stream")?.value == .bool(false))
    #expect(document.entry("timeout")?.value == .integer(1000))
    #expect(document.entry("deadline")?.value == .float(2.5))
    #expect(document.entry("model.fast")?.value == .string("openai/gpt-oss-20b"))
    #expect(document.entry("model.chat")?.value == .string("openai/gpt-oss-120b"))
    #expect(document.entry("model.chat")?.line == 8)
    #expect(document.entry("model.vision")?.value == .string("a\tb é"))
    #expect(document.entry("alias.big")?.value == .string("x"))
  }

  @Test(
    "refuses what it cannot read, naming the line",
    arguments: [
      ("a = 1\nb = ", 2, "expected a value"),
      ("a = \"open", 1, "no closing"),
      ("x = 1\nx = 2", 2, "set twice (first on line 1)"),
      ("[t]\n[t]", 2, "already defined on line 1"),
      ("a = [1, 2]", 1, "arrays"),
      ("a = hello", 1, "not a value"),
      ("a = 1 2", 1, "unexpected text"),
      ("= 1", 1, "where a key should be"),
      ("[[x]]", 1, "arrays of tables"),
      ("a = \"\\q\"", 1, "unknown escape"),
      ("a = \"\"\"x\"\"\"", 1, "multi-line"),
      ("[t\na = 1", 1, "expected ']'"),
    ])
  func refuses(text: String, line: Int, message: String) {
    #expect {
      try ConfigDocument(parsing: text)
    } throws: { error in
      guard let error = error as? ConfigSyntaxError else { return false }
      return error.line == line && error.message.contains(message)
    }
  }

  @Test("set replaces the value in place and keeps comments, spacing and order")
  func setInPlace() throws {
    var document = try ConfigDocument(parsing: "# top\nstream  =  true # why\n[model]\nchat = \"a\" # mine\n")
    document.set("model.chat", to: .string("b"))
    document.set("stream", to: .bool(false))
    #expect(document.text == "# top\nstream  =  false # why\n[model]\nchat = \"b\" # mine\n")
  }

  @Test("a new key goes beside its siblings, under its table, before the first table, or in a new table")
  func setNew() throws {
    var document = try ConfigDocument(parsing: "stream = true\n\n[model]\nchat = \"a\"\n\n[other]\nx = 1\n")
    document.set("model.fast", to: .string("f"))
    document.set("stats", to: .bool(true))
    document.set("alias.big", to: .string("g"))
    #expect(
      document.text
        == "stream = true\nstats = true\n\n[model]\nchat = \"a\"\nfast = \"f\"\n\n[other]\nx = 1\n\n[alias]\nbig = \"g\"\n")
    // A sibling written as a dotted key at the top keeps that form.
    var dotted = try ConfigDocument(parsing: "model.chat = \"a\"\n[t]\ny = 1\n")
    dotted.set("model.fast", to: .string("f"))
    #expect(dotted.text == "model.chat = \"a\"\nmodel.fast = \"f\"\n[t]\ny = 1\n")
    #expect(try ConfigDocument(parsing: dotted.text).entry("model.fast")?.value == .string("f"))
  }

  @Test("unset removes the line; strings with quotes round-trip")
  func unsetAndQuote() throws {
    var document = try ConfigDocument(parsing: "a = 1\nb = 2\n")
    let removed = document.unset("a")
    let absent = document.unset("zzz")
    #expect(removed && !absent)
    #expect(document.text == "b = 2\n")
    document.set("q", to: .string("say \"hi\"\\\n"))
    #expect(try ConfigDocument(parsing: document.text).entry("q")?.value == .string("say \"hi\"\\\n"))
  }

  @Test("settings check every key against the table, with the line and a suggestion")
  func settings() throws {
    let good = try Settings(
      ConfigDocument(
        parsing: "timeout = 30\nmax_retries = 3\n[model]\nchat = \"big\"\n[alias]\nbig = \"openai/gpt-oss-120b\"\n"))
    #expect(good.timeout == 30)
    #expect(good.maxRetries == 3)
    #expect(good.model(for: .chat) == "openai/gpt-oss-120b")
    #expect(good.resolveAlias("other") == "other")
    #expect {
      try Settings(ConfigDocument(parsing: "\nmodle.chat = \"x\""))
    } throws: { error in
      (error as? ConfigProblem) == ConfigProblem(line: 2, message: "unknown key 'modle.chat'", suggestion: "model.chat")
    }
    for text in ["stream = \"yes\"", "timeout = 0", "max_retries = 2.5", "color = \"pink\"", "base_url = \"ftp://x\"",
      "model.chat = \"a b\"", "alias.\"a b\" = \"x\""]
    {
      #expect(throws: ConfigProblem.self) { try Settings(ConfigDocument(parsing: text)) }
    }
  }

  @Test("command words split as a shell would, without expansion")
  func commandWords() {
    #expect(CommandWords.split("pass show groq/key") == ["pass", "show", "groq/key"])
    #expect(CommandWords.split(#"op read "op://a b/c" '$HOME'"#) == ["op", "read", "op://a b/c", "$HOME"])
    #expect(CommandWords.split(#"a\ b """#) == ["a b", ""])
    #expect(CommandWords.split("'open") == nil)
  }
}
