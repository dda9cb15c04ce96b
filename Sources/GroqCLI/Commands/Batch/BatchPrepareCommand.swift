import Foundation
import GroqKit

/// `groq batch prepare`: turns text lines (or JSON objects) into batch request lines, with the request body built by
/// the same code `groq chat` uses, and checks the result as submit would.
struct BatchPrepareCommand: Command {
  /// The chat options prepare shares with `groq chat`, by name, so their help and checks are chat's own.
  static let chatOptions: Set<String> = [
    "model", "system", "temperature", "top-p", "max-tokens", "stop", "seed", "image", "json-mode", "schema",
    "schema-name", "tools", "tool-choice", "reasoning-format", "reasoning-effort", "prefill", "search", "code",
  ]

  static let spec = CommandSpec(
    name: "batch prepare",
    summary: "Write batch request lines from text or JSON lines",
    discussion: """
      Each line of the input is one request: a line of text is the user's message; a JSON object may give \
      "prompt" (text) or "messages" (a chat array), and "custom_id". The custom_id is otherwise the line's number. \
      Blank lines are skipped. The chat options are applied exactly as groq chat applies them.

      With --transcribe or --translate each line names an audio file by URL (or by a path that --url-prefix \
      turns into one).

      The lines are checked as submit checks them, and nothing is written when one is bad (exit 2, with its \
      line number). More than 50,000 lines or 200 MB need -o: the output is then split into FILE-1.jsonl, \
      FILE-2.jsonl..., whose names are printed.
      """,
    arguments: [
      ArgumentSpec(name: "file", help: "Text or JSON lines (default: standard input)", completion: .file)
    ],
    options: ChatCommand.spec.options.filter { chatOptions.contains($0.long) } + [
      OptionSpec(
        long: "output", short: "o", value: ValueSpec("file", completion: .file),
        help: "Write to this file (split into several past the limits) instead of standard output"),
      OptionSpec(long: "transcribe", help: "Lines name audio to transcribe (default model whisper-large-v3-turbo)"),
      OptionSpec(long: "translate", help: "Lines name audio to translate into English (default whisper-large-v3)"),
      OptionSpec(long: "url-prefix", value: ValueSpec("url"), help: "Put before each audio line to make its URL"),
      OptionSpec(long: "language", value: ValueSpec("code"), help: "The audio's language, e.g. en (--transcribe)"),
    ],
    examples: [
      Example(
        "One request per line of text",
        "groq batch prepare prompts.txt -m openai/gpt-oss-20b -s \"Classify\" > requests.jsonl"),
      Example(
        "Transcribe a folder of talks",
        "ls talks | groq batch prepare --transcribe --url-prefix https://cdn.example.com/talks/ > a.jsonl"),
    ],
    environment: [EnvironmentSpec("GROQ_MODEL", "Default model for chat lines")]
  )

  var input: String?
  var output: String?
  var request: ChatRequestOptions
  var features: ChatFeatures
  var audio: BatchEndpoint?
  var audioModel: String
  var urlPrefix: String
  var language: String?

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let command = "batch prepare"
    guard arguments.positionals.count <= 1 else { throw UsageError("prepare takes one input file", command: command) }
    input = arguments.positionals.first
    output = arguments.value("output")
    request = try ChatRequestOptions(arguments, environment: context.environment, command: command)
    features = try ChatFeatures(arguments, stop: request.stop, command: command)
    // As chat picks and checks its model: a default moves to a vision model for images and to a built-in tools
    // model for --search and --code, and what the model's family cannot do is refused here.
    let role = features.role(for: request, resumed: false)
    if role != request.role { request.model = ModelRoles.defaultModel(for: role) }
    switch (arguments.flag("transcribe"), arguments.flag("translate")) {
    case (true, true): throw UsageError("--transcribe and --translate: give one", command: command)
    case (true, false): audio = .transcriptions
    case (false, true): audio = .translations
    case (false, false): audio = nil
    }
    audioModel = arguments.value("model") ?? BatchDefaults.audioModel(translating: audio == .translations)
    urlPrefix = arguments.value("url-prefix") ?? ""
    language = arguments.value("language")
    if audio == nil {
      try features.check(model: request.model, command: command)
    }
    if audio == nil && (arguments.value("url-prefix") != nil || language != nil) {
      throw UsageError("--url-prefix and --language need --transcribe or --translate", command: command)
    }
    if input == nil && context.terminal.stdinIsTTY {
      throw UsageError("no input", hint: "give a file, or pipe lines in", command: command)
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let reader = try LineReader(path: input, command: "batch prepare")
    let scratch = try ScratchFolder()
    var writer = PreparedFiles(scratch: scratch)
    var checker = BatchInputCheck()
    var problems: [BatchLineProblem] = []
    try reader.forEachLine { line, number in
      let text = String(decoding: line, as: UTF8.self)
      if text.trimmingCharacters(in: .whitespaces).isEmpty { return }
      let built: Data
      do {
        built = try requestLine(text, number: number)
      } catch let problem as BatchLineProblem {
        problems.append(problem)
        return
      }
      if case .failure(let problem) = checker.check(built, number: number) {
        problems.append(problem)
        return
      }
      if problems.isEmpty { try writer.append(built) }
    }
    if !problems.isEmpty {
      let shown = problems.prefix(BatchFileCheck.shownProblems).map(\.description).joined(separator: "; ")
      let more = problems.count > BatchFileCheck.shownProblems ? "; and \(problems.count - 10) more bad lines" : ""
      throw UsageError(reader.name + ": " + shown + more, hint: "nothing was written", command: "batch prepare")
    }
    if writer.lines == 0 { throw UsageError("\(reader.name) has no lines", command: "batch prepare") }
    try writer.finish(output: output, terminal: context.terminal)
    return .success
  }

  /// The batch line for one input line.
  private func requestLine(_ text: String, number: Int) throws -> Data {
    var customID = String(number)
    if let audio {
      let url = urlPrefix + text.trimmingCharacters(in: .whitespaces)
      guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
        throw BatchLineProblem(line: number, message: "'\(url)' is not an http(s) URL; give --url-prefix")
      }
      var members: [JSONValue.Member] = [.init("model", .string(audioModel)), .init("url", .string(url))]
      if let language { members.append(.init("language", .string(language))) }
      return BatchLine.request(
        customID: customID, endpoint: audio, body: Data(JSONValue.object(members).serialized.utf8))
    }
    var messages: [ChatMessage]
    if text.hasPrefix("{") {
      guard let object = JSONValue(parsing: Data(text.utf8)), case .object(let members) = object else {
        throw BatchLineProblem(line: number, message: "starts with { but is not a JSON object")
      }
      if let unknown = members.first(where: { !["custom_id", "prompt", "messages"].contains($0.key) }) {
        throw BatchLineProblem(
          line: number, message: "unknown key '\(unknown.key)'; a line takes custom_id, prompt or messages")
      }
      switch object["custom_id"] {
      case .string(let id)?: customID = id
      case .number(let id)?: customID = id
      case nil: break
      default: throw BatchLineProblem(line: number, message: "custom_id must be a string")
      }
      if let prompt = object["prompt"]?.stringValue {
        messages = [.user(prompt)]
      } else if let list = object["messages"],
        let decoded = try? JSONDecoder().decode([ChatMessage].self, from: Data(list.serialized.utf8)), !decoded.isEmpty
      {
        messages = decoded
      } else {
        throw BatchLineProblem(line: number, message: "needs \"prompt\" (text) or \"messages\" (a chat array)")
      }
    } else {
      messages = [.user(text)]
    }
    if features.images.isEmpty == false, let last = messages.indices.last, messages[last].role == .user {
      messages[last] = ImageAttachment.message(prompt: messages[last].content?.text ?? "", images: features.images)
    }
    if let system = request.system, messages.first?.role != .system { messages.insert(.system(system), at: 0) }
    var body = request.makeRequest(messages: messages)
    features.apply(to: &body)
    return BatchLine.request(customID: customID, endpoint: .chat, body: try body.body())
  }
}

/// Where prepared lines go: one scratch file per part of the split, moved to their names (or copied to standard
/// output) only when every line was good.
struct PreparedFiles {
  let scratch: ScratchFolder
  private var plan = BatchSplitPlan()
  private var handles: [FileHandle] = []
  private(set) var lines = 0

  init(scratch: ScratchFolder) { self.scratch = scratch }

  mutating func append(_ line: Data) throws {
    guard let part = plan.place(length: line.count + 1) else {
      throw UsageError("a request line is larger than 200 MB", command: "batch prepare")
    }
    while handles.count <= part {
      let url = scratch.file("part-\(handles.count)")
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
      handles.append(try FileHandle(forWritingTo: url))
    }
    var bytes = line
    bytes.append(0x0A)
    try handles[part].write(contentsOf: bytes)
    lines += 1
  }

  func finish(output: String?, terminal: Terminal) throws {
    for handle in handles { try handle.close() }
    guard let output else {
      guard handles.count == 1 else {
        throw UsageError(
          "\(lines) lines come to \(handles.count) batch files; one takes at most 50,000 lines and 200 MB",
          hint: "give -o FILE to write FILE-1.jsonl, FILE-2.jsonl...", command: "batch prepare")
      }
      try LineReader(path: scratch.file("part-0").path, command: "batch prepare").forEachLine { line, _ in
        var bytes = line
        bytes.append(0x0A)
        try terminal.out(bytes: bytes)
      }
      return
    }
    if handles.count == 1 {
      try Self.move(scratch.file("part-0"), to: output)
      return
    }
    let url = URL(fileURLWithPath: output)
    let stem = url.pathExtension.isEmpty ? output : url.deletingPathExtension().path
    for index in handles.indices {
      let name = "\(stem)-\(index + 1).jsonl"
      try Self.move(scratch.file("part-\(index)"), to: name)
      try terminal.out(name + "\n")
    }
  }

  private static func move(_ from: URL, to path: String) throws {
    let destination = URL(fileURLWithPath: path)
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(at: destination) }
    do {
      try FileManager.default.moveItem(at: from, to: destination)
    } catch {
      throw CLIError("cannot write \(path)", hint: "check that its folder exists and is writable")
    }
  }
}
