/// `groq batch`: Groq's Batch API (half price, hours) and the same work run locally, with the same output lines.
struct BatchCommand: Command {
  static let subcommands: [any Command.Type] = [
    BatchPrepareCommand.self, BatchSubmitCommand.self, BatchStatusCommand.self, BatchWaitCommand.self,
    BatchResultsCommand.self, BatchListCommand.self, BatchCancelCommand.self, BatchRunCommand.self,
  ]

  static let spec = CommandSpec(
    name: "batch",
    summary: "Run many requests: on Groq's Batch API, or locally",
    discussion: """
      A batch is a JSONL file, one request a line, each with its own custom_id. 'prepare' writes one from text \
      lines with the same options as groq chat; 'submit' uploads it to Groq's Batch API (half the price, done \
      within the window you choose); 'wait' and 'results' bring the answers back in input order. 'run' sends the \
      same file from here instead, several requests at a time, paced by your rate limits, and writes the same \
      output lines.
      """,
    examples: [
      Example(
        "Classify lines of text with the fast model",
        "groq batch prepare prompts.txt -m openai/gpt-oss-20b -s \"Classify\" > requests.jsonl"),
      Example("Send them to the Batch API and wait", "groq batch wait $(groq batch submit requests.jsonl)"),
      Example("Answers in input order", "groq batch results batch_01jh6x > answers.jsonl"),
      Example("Or run them locally, 8 at a time", "groq batch run requests.jsonl -j 8 > answers.jsonl"),
    ],
    environment: EnvironmentSpec.common,
    subcommands: subcommands.map { $0.spec }
  )

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    throw UsageError("batch needs a command", command: "batch")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus { .usage }
}

extension OptionSpec {
  /// `--json`: the API's object as it came.
  static let batchJSON = OptionSpec(long: "json", help: "Print the API's JSON as it came")
}

extension ParsedArguments {
  /// Exactly one positional id, named in the error when it is missing.
  func singleID(_ what: String, command: String) throws(UsageError) -> String {
    guard positionals.count == 1, let id = positionals.first, !id.isEmpty else {
      throw UsageError(
        positionals.count > 1 ? "\(command) takes one \(what)" : "\(command) needs a \(what)", command: command)
    }
    return id
  }
}
