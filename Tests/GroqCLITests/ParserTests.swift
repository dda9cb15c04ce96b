import Testing

@testable import GroqCLI

/// One argv for `groq chat` and what the parser must make of it.
private struct ParseCase: Sendable, CustomTestStringConvertible {
  enum Outcome: Sendable, Equatable {
    case parsed(ParsedArguments)
    case failed(UsageError)
  }

  var argv: [String]
  var outcome: Outcome

  var testDescription: String { argv.map { "'\($0)'" }.joined(separator: " ") }

  init(_ argv: [String], values: [(String, String)] = [], flags: [String] = [], positionals: [String] = []) {
    self.argv = argv
    var parsed = ParsedArguments()
    for (long, value) in values { parsed.add(value, for: long) }
    for flag in flags { parsed.setFlag(flag) }
    parsed.positionals = positionals
    outcome = .parsed(parsed)
  }

  init(_ argv: [String], error: String, hint: String? = nil) {
    self.argv = argv
    outcome = .failed(UsageError(error, hint: hint, command: "chat"))
  }
}

private let chatOptions = ChatCommand.spec.options

private func parse(_ argv: [String]) throws(UsageError) -> ParsedArguments {
  try ArgumentParser.parse(argv, options: chatOptions, command: "chat")
}

private let parseCases: [ParseCase] = [
  ParseCase(["-m", "X"], values: [("model", "X")]),
  ParseCase(["-mX"], values: [("model", "X")]),
  ParseCase(["--model", "X"], values: [("model", "X")]),
  ParseCase(["--model=X"], values: [("model", "X")]),
  ParseCase(["--model=a=b"], values: [("model", "a=b")]),
  ParseCase(["--model="], values: [("model", "")]),
  ParseCase(["--stop", "a", "--stop", "b"], values: [("stop", "a"), ("stop", "b")]),
  ParseCase(["--stats", "--no-stream"], flags: ["stats", "no-stream"]),
  ParseCase(["-h"], flags: ["help"]),
  ParseCase(["-hm", "X"], values: [("model", "X")], flags: ["help"]),
  ParseCase(["--", "-m", "--stats"], positionals: ["-m", "--stats"]),
  ParseCase(["-"], positionals: ["-"]),
  ParseCase(["hello", "-m", "X", "world"], values: [("model", "X")], positionals: ["hello", "world"]),
  ParseCase(["why", "is", "the", "sky", "blue"], positionals: ["why", "is", "the", "sky", "blue"]),
  ParseCase(["-s", "-m"], values: [("system", "-m")]),
  ParseCase(["--temperature", "-1"], values: [("temperature", "-1")]),
  ParseCase([]),
  ParseCase(["--stats=yes"], error: "option '--stats' takes no value"),
  ParseCase(["--model"], error: "option '--model' needs a value (id)"),
  ParseCase(["hi", "-m"], error: "option '-m' needs a value (id)"),
  ParseCase(["--modle", "X"], error: "unknown option '--modle'", hint: "did you mean '--model'?"),
]

@Suite struct ParserTests {
  @Test("argv for chat parses to the expected options and arguments, or the expected error", arguments: parseCases)
  fileprivate func table(_ sample: ParseCase) {
    let outcome: ParseCase.Outcome
    do {
      outcome = .parsed(try parse(sample.argv))
    } catch {
      outcome = .failed(error)
    }
    #expect(outcome == sample.outcome)
  }

  @Test("an unknown short option is named in the error")
  func unknownShortOption() {
    let error = #expect(throws: UsageError.self) { try parse(["-x"]) }
    #expect(error?.message == "unknown option '-x'")
  }

  @Test("an unfinished long option is completed to the one option it starts")
  func unfinishedOptionSuggestsCompletion() {
    let error = #expect(throws: UsageError.self) { try parse(["--temp", "1"]) }
    #expect(error?.hint == "did you mean '--temperature'?")
  }

  @Test("the last value of a single-valued option wins")
  func lastValueWins() throws {
    let parsed = try parse(["-m", "a", "--model", "b"])
    #expect(parsed.value("model") == "b")
    #expect(parsed.values("model") == ["a", "b"])
  }

  /// What `ChatRequestOptions` makes of an argv, or the usage error it throws.
  private static func options(_ argv: [String], environment: [String: String] = [:]) throws(UsageError)
    -> ChatRequestOptions
  {
    try ChatRequestOptions(parse(argv), environment: environment, command: "chat")
  }

  private static func optionsError(_ argv: [String]) -> UsageError? {
    do {
      _ = try options(argv)
      return nil
    } catch {
      return error
    }
  }

  @Test(
    "an out-of-range or unreadable value is refused, naming its flag",
    arguments: [
      (["--temperature", "2.5"], "--temperature"), (["--temperature", "-1"], "--temperature"),
      (["--temperature", "nan"], "--temperature"), (["--top-p", "1.5"], "--top-p"),
      (["--max-tokens", "0"], "--max-tokens"),
      (["--max-tokens", "1.5"], "--max-tokens"),
      (["--stop", "a", "--stop", "b", "--stop", "c", "--stop", "d", "--stop", "e"], "--stop"),
      (["--stop", ""], "--stop"), (["--seed", "abc"], "--seed"),
    ])
  func invalidValues(_ argv: [String], _ flag: String) throws {
    let error = try #require(Self.optionsError(argv))
    #expect(error.message.contains(flag), "\(error.message)")
    #expect(error.command == "chat")
  }

  @Test("a temperature over 2 says what range is allowed")
  func temperatureMessage() throws {
    let error = try #require(Self.optionsError(["--temperature", "2.5"]))
    #expect(error.message == "invalid value '2.5' for --temperature: expected a number from 0 to 2")
  }

  @Test("five stops are refused with the count")
  func tooManyStops() throws {
    let argv = ["a", "b", "c", "d", "e"].flatMap { ["--stop", $0] }
    let error = try #require(Self.optionsError(argv))
    #expect(error.message == "--stop was given 5 times; the API takes at most 4")
  }

  @Test("values at the edges of their ranges are accepted")
  func edgeValues() throws {
    let value = try Self.options([
      "--temperature", "2", "--top-p", "0", "--max-tokens", "1", "--seed", "-3",
      "--stop", "a", "--stop", "b", "--stop", "c", "--stop", "d",
    ])
    #expect(value.temperature == 2)
    #expect(value.topP == 0)
    #expect(value.maxTokens == 1)
    #expect(value.seed == -3)
    #expect(value.stop == ["a", "b", "c", "d"])
  }

  @Test("an empty --model= is refused")
  func emptyModel() throws {
    let error = try #require(Self.optionsError(["--model="]))
    #expect(error.message == "the model id is empty")
  }

  @Test("the default model is used when neither -m nor GROQ_MODEL is set")
  func defaultModel() throws {
    #expect(try Self.options([]).model == ChatCommand.defaultModel)
  }

  @Test("GROQ_MODEL is used when -m is absent")
  func modelFromEnvironment() throws {
    #expect(try Self.options([], environment: ["GROQ_MODEL": "openai/gpt-oss-20b"]).model == "openai/gpt-oss-20b")
  }

  @Test("an empty GROQ_MODEL is ignored")
  func emptyModelEnvironment() throws {
    #expect(try Self.options([], environment: ["GROQ_MODEL": ""]).model == ChatCommand.defaultModel)
  }

  @Test("-m wins over GROQ_MODEL")
  func flagBeatsEnvironment() throws {
    let value = try Self.options(["-m", "qwen/qwen3.8-27b"], environment: ["GROQ_MODEL": "openai/gpt-oss-20b"])
    #expect(value.model == "qwen/qwen3.8-27b")
  }

  @Test("the options become the request, with no stop list when none was given")
  func makesRequest() throws {
    let value = try Self.options(["-s", "be brief", "--temperature", "0.5", "--max-tokens", "10"])
    #expect(value.system == "be brief")
    let request = value.makeRequest(messages: [.user("hi")])
    #expect(request.messages == [.user("hi")])
    #expect(request.temperature == 0.5)
    #expect(request.maxCompletionTokens == 10)
    #expect(request.stop == nil)
    #expect(request.topP == nil)
  }

  @Test(
    "the nearest command or option is suggested, and nothing when nothing is near",
    arguments: [
      ("chta", ["chat", "models", "help"], "chat"), ("modles", ["chat", "models", "help"], "models"),
      ("xyz", ["chat", "models", "help"], nil), ("--modle", ["--model", "--system"], "--model"),
    ] as [(String, [String], String?)])
  func suggestion(_ word: String, _ candidates: [String], _ expected: String?) {
    #expect(Suggestion.closest(to: word, among: candidates) == expected)
  }
}
