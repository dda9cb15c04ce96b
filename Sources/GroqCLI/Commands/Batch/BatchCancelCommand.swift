import GroqKit

/// `groq batch cancel ID`: asks Groq to stop a batch; what finished is kept in its output file.
struct BatchCancelCommand: Command {
  static let spec = CommandSpec(
    name: "batch cancel",
    summary: "Stop a batch; finished requests keep their answers",
    discussion: """
      The batch goes to cancelling, then (Groq says within ten minutes) cancelled. 'groq batch wait' follows it; \
      'groq batch results' then has the answers that finished and, for the rest, lines that say they were not run.
      """,
    arguments: [ArgumentSpec(name: "batch-id", help: "The batch to stop", optional: false)],
    options: [.batchJSON] + OptionSpec.network,
    examples: [Example("Stop a batch", "groq batch cancel batch_01jh6x")],
    environment: EnvironmentSpec.common
  )

  var id: String
  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    id = try arguments.singleID("batch id", command: "batch cancel")
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "batch cancel")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let (batch, raw) = try await BatchLookup.named(.batch, id) { try await client.cancelBatch(id: id) }
    try context.terminal.out(json ? BatchDisplay.raw(raw) : "\(batch.id)\t\(batch.status)\n")
    return .success
  }
}
