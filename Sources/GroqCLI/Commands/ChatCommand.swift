import GroqKit

/// `groq chat`: one question, answered as it streams.
struct ChatCommand: Command {
  static let defaultModel = "llama-3.3-70b-versatile"

  static let spec = CommandSpec(
    name: "chat",
    summary: "Chat with a model, streaming the answer as it is written",
    discussion: """
      The prompt is the arguments joined by spaces. Text piped to standard input comes first, then the arguments, \
      so 'git diff | groq chat "Summarise this"' sends the diff followed by the request. An argument '-' reads \
      standard input in its place. The answer goes to standard output as it arrives; errors and --stats go to \
      standard error.
      """,
    arguments: [ArgumentSpec(name: "prompt", help: "The message to send ('-' reads standard input)", variadic: true)],
    options: [
      OptionSpec(
        long: "model", short: "m", value: ValueSpec("id", completion: .models), help: "Model to answer",
        defaultValue: defaultModel, environment: "GROQ_MODEL"),
      OptionSpec(
        long: "system", short: "s", value: ValueSpec("text"), help: "System prompt that sets the model's role"),
      OptionSpec(
        long: "temperature", value: ValueSpec("x"), help: "Sampling temperature, 0 to 2; lower is more focused"),
      OptionSpec(long: "top-p", value: ValueSpec("x"), help: "Nucleus sampling, 0 to 1"),
      OptionSpec(long: "max-tokens", value: ValueSpec("n"), help: "Longest answer, in tokens"),
      OptionSpec(
        long: "stop", value: ValueSpec("text"), help: "Stop the answer at this text (at most 4)", repeatable: true),
      OptionSpec(long: "seed", value: ValueSpec("n"), help: "Seed for best-effort repeatable answers"),
      OptionSpec(long: "no-stream", help: "Wait for the whole answer instead of streaming it"),
      OptionSpec(long: "stats", help: "Print timings, speed and the request id on standard error"),
    ] + ChatFeatureOptions.specs + OptionSpec.network,
    examples: [
      Example("Ask once", "groq chat \"Explain the importance of fast language models\""),
      Example(
        "Review piped text with a system prompt", "git diff | groq chat -s \"You review code\" \"Summarise this diff\""),
      Example("A small, fast model, with timings", "groq chat --stats -m llama-3.1-8b-instant \"hi\""),
      Example("Ask about two images", "groq chat -i photo.jpg -i https://example.com/b.png \"What differs?\""),
      Example("The model's tool calls as JSON lines", "groq chat --tools tools.json \"Weather in Paris?\""),
    ],
    environment: EnvironmentSpec.common + [EnvironmentSpec("GROQ_MODEL", "Default model for chat")]
  )

  var request: ChatRequestOptions
  var promptWords: [String]
  var stream: Bool
  var stats: Bool
  var network: NetworkOptions
  var features: ChatFeatures

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    request = try ChatRequestOptions(arguments, environment: context.environment, command: "chat")
    promptWords = arguments.positionals
    stream = !arguments.flag("no-stream")
    stats = arguments.flag("stats")
    network = try NetworkOptions(arguments, command: "chat")
    features = try ChatFeatures(arguments, stop: request.stop, command: "chat")
    if promptWords.isEmpty && context.terminal.stdinIsTTY {
      throw UsageError(
        "no prompt given", hint: "groq chat \"your question\", or pipe text in: echo hi | groq chat", command: "chat")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    try await OneShotChat(
      request: request, features: features, promptWords: promptWords, stream: stream, stats: stats, network: network
    ).run(context)
  }
}
