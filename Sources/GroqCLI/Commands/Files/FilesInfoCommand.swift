import GroqKit

/// `groq files info ID`: one file's description.
struct FilesInfoCommand: Command {
  static let spec = CommandSpec(
    name: "files info",
    summary: "Show one file's size, name, purpose and date",
    arguments: [ArgumentSpec(name: "file-id", help: "The file", optional: false)],
    options: [.batchJSON] + OptionSpec.network,
    examples: [Example("How big is it?", "groq files info file_01jh6x")],
    environment: EnvironmentSpec.common
  )

  var id: String
  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    id = try arguments.singleID("file id", command: "files info")
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "files info")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let (file, raw) = try await BatchLookup.named(.file, id) { try await client.file(id: id) }
    try context.terminal.out(json ? BatchDisplay.raw(raw) : BatchDisplay.file(file))
    return .success
  }
}
