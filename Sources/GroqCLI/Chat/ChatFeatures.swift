import GroqKit

/// When parsed reasoning is printed (on standard error).
enum ReasoningDisplay: Sendable, Equatable {
  /// When standard error is a terminal.
  case auto
  case show
  case hide
}

/// The parsed and checked values of `ChatFeatureOptions.specs`. Combinations the API would refuse with a 400 are
/// refused here, before anything is sent.
struct ChatFeatures: Sendable, Equatable {
  /// The model chat uses for images when none was named: the default text model has no vision.
  static let visionModel = ModelRoles.defaultModel(for: .vision)

  var images: [ContentPart] = []
  /// Replaces the default model when there are images; nil keeps it (reason's models think, they do not see).
  var defaultVisionModel: String? = Self.visionModel
  var responseFormat: ResponseFormat?
  var tools: ToolDefinitions?
  var toolChoice: ToolChoice?
  var reasoningFormat: ReasoningFormat?
  /// The user asked for `reasoningFormat` (not a command's default): a model of unknown family gets it anyway.
  var reasoningFormatGiven = false
  var reasoningEffort: ReasoningEffort?
  /// Groq's built-in tools turned on with --search and --code.
  var builtInTools: [BuiltInTool] = []
  var reasoningDisplay = ReasoningDisplay.auto
  var prefill: String?
  var serviceTier: ServiceTier?
  /// `--json`: the whole response, verbatim, instead of the answer.
  var rawJSON = false
  /// `-f` paths, read when the command runs; `--recursive` lets them be directories.
  var files: [String] = []
  var recursive = false
  /// Markdown rendering of the answer on a terminal (`AnswerRendering.choose`); nil prints the text as it comes.
  var rendering: AnswerRendering?

  init() {}

  /// - Parameter reasoningFormat: the format to send when none is given (`reason` sends parsed).
  init(
    _ arguments: ParsedArguments, stop: [String], reasoningFormat defaultFormat: ReasoningFormat? = nil,
    visionModel: String? = ChatFeatures.visionModel, command: String
  ) throws(UsageError) {
    defaultVisionModel = visionModel
    for source in arguments.values("image") { images.append(try ImageAttachment.part(for: source, command: command)) }
    try ImageAttachment.checkTotal(images, command: command)

    let schemaName = arguments.value("schema-name")
    if let path = arguments.value("schema") {
      if arguments.flag("json-mode") {
        throw UsageError("--json-mode and --schema both set the answer's format; give one", command: command)
      }
      responseFormat = try StructuredOutput.load(path: path, name: schemaName, command: command)
    } else if schemaName != nil {
      throw UsageError("--schema-name needs --schema", command: command)
    } else if arguments.flag("json-mode") {
      responseFormat = .jsonObject
    }
    if responseFormat != nil && !stop.isEmpty {
      throw UsageError(
        "--stop does not work with JSON output", hint: "leave out --stop with --json-mode or --schema",
        command: command)
    }

    if let path = arguments.value("tools") { tools = try ToolDefinitions.load(path: path, command: command) }
    if let text = arguments.value("tool-choice") {
      guard let tools else { throw UsageError("--tool-choice needs --tools", command: command) }
      toolChoice = try tools.choice(text, command: command)
    }

    let givenFormat: ReasoningFormat? = try arguments.choice("reasoning-format", command: command)
    reasoningFormatGiven = givenFormat != nil
    reasoningFormat = givenFormat ?? defaultFormat
    reasoningEffort = try arguments.choice("reasoning-effort", command: command)
    let show = arguments.flag("show-reasoning")
    let hide = arguments.flag("hide-reasoning")
    if show && hide {
      throw UsageError("--show-reasoning and --hide-reasoning contradict each other", command: command)
    }
    reasoningDisplay = show ? .show : hide ? .hide : .auto
    try checkReasoning(command: command)

    builtInTools = try BuiltInTool.parse(arguments, jsonOutput: responseFormat != nil, command: command)
    prefill = arguments.value("prefill")
    if prefill?.isEmpty == true { throw UsageError("--prefill needs a non-empty text", command: command) }
    serviceTier = try arguments.choice("service-tier", command: command)
    rawJSON = arguments.flag("json")
    files = arguments.values("file")
    recursive = arguments.flag("recursive")
    if recursive && files.isEmpty { throw UsageError("--recursive goes with -f", command: command) }
  }

  /// Refuses a reasoning format the API or the display cannot honour with the other settings. The REPL's
  /// `/reasoning` sets `reasoningFormat` (`ReasoningFormat(rawValue:)`) and calls this too.
  func checkReasoning(command: String?) throws(UsageError) {
    guard let format = reasoningFormat else { return }
    if format == .raw && (responseFormat != nil || tools != nil) {
      throw UsageError(
        "--reasoning-format raw cannot be combined with JSON output or tools (the API refuses it)",
        hint: "use --reasoning-format parsed or hidden", command: command)
    }
    if format == .raw && reasoningDisplay != .auto {
      throw UsageError(
        "with --reasoning-format raw the reasoning is part of the answer on standard output",
        hint: "use --reasoning-format parsed to print it apart, or hidden to leave it out", command: command)
    }
    if format == .hidden && reasoningDisplay == .show {
      throw UsageError("--show-reasoning has nothing to show with --reasoning-format hidden", command: command)
    }
  }

  /// Whether the answer streams: JSON output cannot, and `--json` wants one whole response.
  func streams(_ requested: Bool) -> Bool { requested && responseFormat == nil && !rawJSON }

  /// Adds the features to a request whose messages are set: the prefill goes last.
  func apply(to request: inout ChatCompletionRequest) {
    request.responseFormat = responseFormat
    request.tools = tools?.tools
    if !builtInTools.isEmpty { request.tools = (request.tools ?? []) + builtInTools.map(\.json) }
    request.toolChoice = toolChoice
    applyReasoning(to: &request)
    request.serviceTier = serviceTier
    if let prefill { request.messages.append(.assistant(prefill)) }
  }

  /// What the printer shows on standard error besides the answer.
  func display(_ terminal: Terminal) -> ReplyDisplay {
    let reasoning =
      switch reasoningDisplay {
      case .auto: terminal.stderrIsTTY
      case .show: true
      case .hide: false
      }
    return ReplyDisplay(reasoning: reasoning, executedTools: terminal.stderrIsTTY)
  }

  /// Sends the request and prints the answer: streamed, whole, or (`--json`) the response as the API wrote it.
  func send(
    _ request: ChatCompletionRequest, stream: Bool, client: GroqClient, terminal: Terminal
  ) async throws -> ChatReply {
    if let warning = ImageAttachment.countWarning(images.count) { terminal.warning(warning) }
    let printer = ReplyPrinter(terminal: terminal, display: display(terminal), rendering: rendering)
    if rawJSON {
      let (completion, raw) = try await client.chatCompletion(request)
      let text = String(decoding: raw, as: UTF8.self)
      try terminal.out(text.hasSuffix("\n") ? text : text + "\n")
      return ChatReply(completion)
    }
    let reply =
      streams(stream)
      ? try await printer.stream(await client.streamChatCompletion(request))
      : try await printer.whole(await client.chatCompletion(request).completion)
    warnIfCutShort(reply, limit: request.maxCompletionTokens, terminal: terminal)
    return reply
  }

  /// An answer the token limit stopped says so: otherwise a script gets half an answer (or JSON that does not
  /// parse), or, from a reasoning model that spent the budget thinking, an empty one, with exit status 0.
  private func warnIfCutShort(_ reply: ChatReply, limit: Int?, terminal: Terminal) {
    guard reply.finishReason == "length" else { return }
    terminal.warning(
      reply.text.isEmpty && reply.toolCalls.isEmpty
        ? "no answer: the token limit was reached before the answer began"
        : "the answer was cut off at the token limit",
      hint: "raise --max-tokens" + (limit.map { " (this request allowed \($0))" } ?? ""))
  }
}
