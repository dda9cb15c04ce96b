import Foundation
import GroqKit
import Testing

@testable import GroqCLI

private func features(_ argv: [String], command: String = "chat") throws(UsageError) -> ChatFeatures {
  let parsed = try ArgumentParser.parse(argv, options: ChatCommand.spec.options, command: command)
  let options = try ChatRequestOptions(parsed, environment: [:], command: command)
  return try ChatFeatures(parsed, stop: options.stop, command: command)
}

@Suite struct ChatFeatureTests {
  @Test(
    "image types come from magic bytes, not names",
    arguments: [
      ([0xFF, 0xD8, 0xFF, 0xDB], "image/jpeg"), ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
      (Array("GIF87a".utf8), "image/gif"), (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBP".utf8), "image/webp"),
      (Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8), nil), (Array("%PDF-1.7".utf8), nil), ([0xFF, 0xD8], nil),
    ] as [([UInt8], String?)])
  func mimeTypes(bytes: [UInt8], type: String?) {
    #expect(ImageAttachment.mimeType(of: Data(bytes)) == type)
  }

  @Test("URLs pass as they are; the base64 total is what counts against the cap")
  func imageTotals() throws {
    #expect(
      try ImageAttachment.part(for: "HTTPS://example.com/a.png", command: nil).imageURL?.url
        == "HTTPS://example.com/a.png")
    let small = ContentPart.image(url: "data:image/png;base64," + String(repeating: "A", count: 3 << 20))
    #expect(throws: Never.self) {
      try ImageAttachment.checkTotal([small, .image(url: "https://x/y.png")], command: nil)
    }
    #expect(throws: UsageError.self) { try ImageAttachment.checkTotal([small, small], command: nil) }
    #expect(ImageAttachment.countWarning(5) == nil)
    #expect(ImageAttachment.countWarning(6) != nil)
  }

  @Test(
    "schema names Groq takes, from titles and file names",
    arguments: [
      ("Recipe", "Recipe"), ("my recipe (v2)", "my_recipe__v2_"), ("", "schema"),
      (String(repeating: "x", count: 70), String(repeating: "x", count: 64)),
    ])
  func schemaNames(text: String, name: String) {
    #expect(APIName.sanitized(text) == name)
  }

  @Test("tool calls print as one JSON object per line, arguments as JSON when they are")
  func toolCallLines() {
    let calls = [
      ToolCall(id: "c1", function: .init(name: "f", arguments: #"{ "b": 2, "a": [1] }"#)),
      ToolCall(id: "c2", function: .init(name: "g", arguments: "")),
      ToolCall(id: nil, function: .init(name: "h", arguments: "not json")),
    ]
    #expect(
      ToolCallPrinter.lines(calls) == """
        {"id":"c1","name":"f","arguments":{"b":2,"a":[1]}}
        {"id":"c2","name":"g","arguments":{}}
        {"id":null,"name":"h","arguments":"not json"}

        """)
  }

  @Test("executed tools: the query or the code when they begin, titles and URLs or output when they end")
  func executedToolLines() {
    let search = ExecutedTool(index: 0, type: "search", arguments: #"{"query": "groq news"}"#)
    #expect(ExecutedToolRuns.call(search) == "• search: groq news\n")
    #expect(ExecutedToolRuns.result(search) == nil)
    let code = ExecutedTool(index: 1, type: "python", arguments: #"{"code": "x = 1\nprint(x)"}"#, output: "1\n")
    #expect(ExecutedToolRuns.call(code) == "• python:\n    x = 1\n    print(x)\n")
    #expect(ExecutedToolRuns.result(code) == "  output:\n    1\n")
    #expect(ExecutedToolRuns.call(ExecutedTool(type: "visit", arguments: "odd")) == "• visit: odd\n")
  }

  @Test("JSON output and --json turn streaming off; the prefill is the last message")
  func requestShape() throws {
    #expect(try features([]).streams(true))
    #expect(try !features(["--json-mode"]).streams(true))
    #expect(try !features(["--json"]).streams(true))
    let options = try ChatRequestOptions(
      ArgumentParser.parse(["-s", "sys"], options: ChatCommand.spec.options, command: "chat"), environment: [:],
      command: "chat")
    let conversation = Conversation(id: "t", named: false, model: options.model, system: options.system, date: Date())
    let session = ChatSession(
      conversation: conversation, options: options, stats: false,
      features: try features(["--prefill", "{", "--service-tier", "flex", "--reasoning-effort", "low"]))
    let request = session.request(sending: .user("hi"))
    #expect(request.messages == [.system("sys"), .user("hi"), .assistant("{")])
    #expect(request.serviceTier == .flex)
    #expect(request.reasoningEffort == .low)
    #expect(request.reasoningFormat == nil)
  }

  @Test("reason takes chat's options, with its own model default and parsed reasoning")
  func reasonSharesChatOptions() {
    let chat = ChatCommand.spec.options.map(\.long)
    let reason = ReasonCommand.spec.options.map(\.long)
    let shared = ReasonCommand.sampling.union(ChatFeatureOptions.specs.map(\.long))
      .union(OptionSpec.network.map(\.long)).union(["help"])
    #expect(reason == chat.filter(shared.contains))
    for option in ReasonCommand.spec.options where !["model", "reasoning-format", "image"].contains(option.long) {
      #expect(ChatCommand.spec.options.first { $0.long == option.long }?.help == option.help)
    }
    let image = ReasonCommand.spec.options.first { $0.long == "image" }
    #expect(image?.repeatable == true && image?.help.contains("vision model") == false)
    let model = ReasonCommand.spec.options.first { $0.long == "model" }
    #expect(model?.environment == "GROQ_REASON_MODEL")
    #expect(model?.defaultValue == "openai/gpt-oss-120b")
  }
}
