import GroqKit

/// `groq reason`: a reasoning model, its thinking kept apart from the answer.
struct ReasonCommand: Command {
  static let defaultModel = ModelRoles.defaultModel(for: .reasoning)
  /// Groq's recommended settings for reasoning models, used when not given.
  static let temperature = 0.6
  static let topP = 0.95
  /// Reasoning spends tokens before the answer starts; the API's default budget cuts many answers short.
  static let maxTokens = 8192
  /// The options reason shares with chat.
  static let sampling: Set = [
    "model", "system", "role", "temperature", "top-p", "max-tokens", "stop", "seed", "no-stream", "stats",
  ]

  static let spec = CommandSpec(
    name: "reason",
    summary: "Ask a reasoning model, its thinking apart from the answer",
    discussion: """
      Takes chat's options for one question, with settings that suit reasoning models: temperature 0.6, top-p \
      0.95 and up to 8192 tokens unless given. Nothing is saved as a conversation. The reasoning is asked for in \
      parsed form and streams to standard error (dimmed) when that is a terminal, or always with --show-reasoning; \
      the answer alone goes to standard output, so a file it is redirected to keeps only the answer. With \
      --reasoning-format raw the model's <think> text stays in the answer; with hidden it is not sent at all.
      """,
    arguments: [ArgumentSpec(name: "prompt", help: "The question ('-' reads standard input)", variadic: true)],
    // Chat's own descriptions, by name, so that options chat gains later (the REPL's) are not silently taken.
    options: ChatCommand.spec.options.filter { sampling.contains($0.long) }.map { option in
      option.long != "model"
        ? option
        : OptionSpec(
          long: "model", short: "m", value: option.value, help: "Reasoning model to answer", defaultValue: defaultModel,
          environment: "GROQ_REASON_MODEL")
    }
      + ChatFeatureOptions.specs.map { option in
        var option = option
        switch option.long {
        case "reasoning-format": option.defaultValue = ReasoningFormat.parsed.rawValue
        // chat's words about picking a vision model do not hold here: reason keeps its reasoning model.
        case "image": option.help = "Attach an image: a JPEG, PNG, WebP or GIF file, or an http(s) URL"
        default: break
        }
        return option
      } + OptionSpec.network,
    examples: [
      Example(
        "The reasoning on the terminal, the answer alone in a file",
        "groq reason \"How many r's are in strawberry?\" > answer.txt"),
      Example("Keep <think> in the answer", "groq reason --reasoning-format raw \"Is 1001 prime?\""),
      Example("Only the answer", "groq reason --reasoning-format hidden \"Is 1001 prime?\""),
    ],
    environment: EnvironmentSpec.common + [
      EnvironmentSpec("GROQ_REASON_MODEL", "Default model for reason (otherwise \(defaultModel))")
    ]
  )

  var chat: OneShotChat

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let profile = try ChatProfile(arguments, context: context, command: "reason")
    var request = try ChatRequestOptions(
      arguments, environment: context.environment, command: "reason", role: .reasoning,
      configured: context.settings.model(for: .reasoning))
    profile.apply(to: &request)
    request.temperature = request.temperature ?? Self.temperature
    request.topP = request.topP ?? Self.topP
    request.maxTokens = request.maxTokens ?? Self.maxTokens
    var features = try ChatFeatures(
      arguments, stop: request.stop, reasoningFormat: .parsed, visionModel: nil, command: "reason")
    profile.apply(to: &features)
    features.rendering = AnswerRendering.choose(
      stdoutIsTTY: context.terminal.stdoutIsTTY, raw: arguments.flag("raw"), environment: context.environment,
      configured: context.settings.rendersAnswers)
    chat = OneShotChat(
      request: request, features: features, promptWords: arguments.positionals,
      stream: profile.stream(arguments), stats: profile.stats(arguments),
      network: try NetworkOptions(arguments, command: "reason"))
    if chat.promptWords.isEmpty && context.terminal.stdinIsTTY {
      throw UsageError("no prompt given", hint: "groq reason \"your question\"", command: "reason")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    try await chat.run(context)
  }
}
