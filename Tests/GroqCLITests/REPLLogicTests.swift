import Foundation
import GroqKit
import Testing

@testable import GroqCLI

@Suite("multi-line input")
struct MultilineInputTests {
  private func feed(_ lines: [String]) -> [MultilineInput.Message] {
    var input = MultilineInput()
    return lines.compactMap { input.feed($0) }
  }

  @Test("a plain line is a message that may be a command")
  func plain() {
    #expect(feed(["/help"]) == [.init(text: "/help", literal: false)])
  }

  @Test("a \"\"\" block keeps blank lines and indentation, and is never a command")
  func block() {
    #expect(
      feed(["\"\"\"", "/not a command", "", "  indented", "\"\"\""])
        == [.init(text: "/not a command\n\n  indented", literal: true)])
  }

  @Test("text on the fence lines belongs to the block; \"\"\"one\"\"\" opens and closes at once")
  func fenceText() {
    #expect(feed(["\"\"\"first", "last\"\"\""]) == [.init(text: "first\nlast", literal: true)])
    #expect(feed(["\"\"\"one\"\"\""]) == [.init(text: "one", literal: true)])
  }

  @Test("a trailing backslash continues the line")
  func continuation() {
    #expect(feed(["hello \\", "wörld"]) == [.init(text: "hello \nwörld", literal: true)])
  }

  @Test("reset drops an open block")
  func reset() {
    var input = MultilineInput()
    #expect(input.feed("\"\"\"") == nil)
    #expect(input.isPending)
    input.reset()
    #expect(!input.isPending)
    #expect(input.feed("next") == .init(text: "next", literal: false))
  }
}

@Suite("slash commands")
struct SlashCommandTests {
  @Test(
    "parsing",
    arguments: [
      ("/model  llama ", SlashCommand.Parsed.command(.model, argument: "llama")),
      ("/MODEL", .command(.model, argument: nil)),
      ("/quit", .command(.exit, argument: nil)),
      ("/system You are terse.", .command(.system, argument: "You are terse.")),
      ("/hist", .unknown("/hist", suggestion: "/history")),
      ("/zzzzzz", .unknown("/zzzzzz", suggestion: nil)),
      ("//usr/bin is what?", .message("/usr/bin is what?")),
      ("what is /usr?", .message("what is /usr?")),
    ])
  func parse(line: String, expected: SlashCommand.Parsed) {
    #expect(SlashCommand.parse(line) == expected)
  }

  @Test("/help lists every command once")
  func help() {
    for command in SlashCommand.allCases {
      #expect(SlashCommand.helpText.contains(command.usage + " "))
    }
  }

  @Test("Tab offers commands, then each command's arguments")
  func completion() {
    let completion = REPLCompletion(store: nil, models: ModelIDCache())
    #expect(completion.complete(before: "", word: "/mo") == ["/model", "/models"])
    #expect(completion.complete(before: "", word: "hello") == [])
    #expect(completion.complete(before: "/stats ", word: "o") == ["on", "off"])
    #expect(completion.complete(before: "/system ", word: "--") == ["--clear"])
    #expect(completion.complete(before: "/help ", word: "") == [])
  }
}

@Suite("chat session")
struct ChatSessionTests {
  static let date = Date(timeIntervalSince1970: 1_800_000_000)

  static func session(system: String? = nil) throws -> ChatSession {
    var arguments = ParsedArguments()
    arguments.add("0.5", for: "temperature")
    let options = try ChatRequestOptions(arguments, environment: [:], command: "chat")
    let conversation = Conversation(id: "c", named: false, model: "m1", system: system, date: date)
    return ChatSession(conversation: conversation, options: options, stats: false)
  }

  static func reply(_ text: String) -> ChatReply { ChatReply(text: text, usage: Usage(promptTokens: 3)) }

  @Test("the request carries the system prompt, every exchange, the new question, and the session's settings")
  func request() throws {
    var session = try Self.session(system: "be brief")
    session.record(
      question: .user("one"), reply: Self.reply("1"), interrupted: false, replacingLast: false, date: Self.date)
    _ = session.setModel("m2")
    let request = session.request(sending: .user("two"))
    #expect(request.model == "m2")
    #expect(request.temperature == 0.5)
    #expect(request.messages == [.system("be brief"), .user("one"), .assistant("1"), .user("two")])
    #expect(session.conversation.promptTokens == 3)
  }

  @Test("/undo drops the last exchange; /retry asks the last question again and replaces its answer")
  func undoRetry() throws {
    var session = try Self.session()
    #expect(session.undo() == "nothing to undo")
    #expect(session.retryRequest() == nil)
    for (question, answer) in [("one", "1"), ("two", "2")] {
      session.record(
        question: .user(question), reply: Self.reply(answer), interrupted: false, replacingLast: false,
        date: Self.date)
    }
    let retry = try #require(session.retryRequest())
    #expect(retry.question == .user("two"))
    #expect(retry.request.messages == [.user("one"), .assistant("1"), .user("two")])
    session.record(
      question: retry.question, reply: Self.reply("2b"), interrupted: false, replacingLast: true, date: Self.date)
    #expect(session.conversation.context == [.user("one"), .assistant("1"), .user("two"), .assistant("2b")])
    #expect(session.undo() == "forgot: two")
    #expect(session.conversation.context == [.user("one"), .assistant("1")])
  }

  @Test("an interrupted answer is kept, marked, and sent as context")
  func interrupted() throws {
    var session = try Self.session()
    session.record(
      question: .user("long"), reply: Self.reply("Once upon"), interrupted: true, replacingLast: false,
      date: Self.date)
    #expect(session.conversation.messages.last?.interrupted == true)
    #expect(session.transcript.contains("assistant: Once upon [interrupted]"))
    #expect(session.request(sending: .user("go on")).messages.count == 3)
  }

  @Test("an answer that was only tool calls is kept as the JSON lines shown, never as an empty message")
  func toolCallsOnly() throws {
    var session = try Self.session()
    var reply = ChatReply()
    reply.toolCalls = [ToolCall(id: "call_1", type: "function", function: .init(name: "f", arguments: "{}"))]
    session.record(question: .user("call f"), reply: reply, interrupted: false, replacingLast: false, date: Self.date)
    let answer = try #require(session.conversation.messages.last?.message.content?.text)
    #expect(answer == ToolCallPrinter.lines(reply.toolCalls))
    #expect(answer.contains("\"name\":\"f\""))
  }

  @Test("/system, /temperature and /stats show, set and clear")
  func settings() throws {
    var session = try Self.session()
    #expect(session.system(nil) == "no system prompt")
    #expect(session.system("be kind") == "system prompt set")
    #expect(session.conversation.context == [.system("be kind")])
    #expect(session.system("--clear") == "system prompt cleared")
    #expect(session.conversation.system == nil)
    #expect(try session.temperature(nil).get() == "temperature: 0.5")
    #expect(try session.temperature("1.2").get() == "temperature: 1.2")
    #expect(throws: CLIError.self) { try session.temperature("3").get() }
    #expect(try session.temperature("--clear").get() == "temperature: the model's default")
    #expect(try session.stats(nil).get().hasPrefix("this session: 0 answers"))
    #expect(try session.stats("on").get() == "stats on")
    #expect(try session.stats("off").get() == "stats off")
    #expect(throws: CLIError.self) { try session.stats("maybe").get() }
  }

  @Test("/clear starts an empty conversation with the same model and system prompt")
  func clear() throws {
    var session = try Self.session(system: "s")
    session.record(
      question: .user("q"), reply: Self.reply("a"), interrupted: false, replacingLast: false, date: Self.date)
    session.clear(id: "new", date: Self.date)
    #expect(session.conversation.id == "new")
    #expect(session.conversation.messages.isEmpty)
    #expect(session.conversation.system == "s")
    #expect(session.conversation.model == "m1")
  }
}
