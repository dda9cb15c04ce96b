import GroqKit

/// `groq files list`: one tab-separated line per file.
struct FilesListCommand: Command {
  static let spec = CommandSpec(
    name: "files list",
    summary: "List your files",
    discussion: "One tab-separated line per file: id, bytes, created (UTC), name and purpose.",
    options: [.batchJSON] + OptionSpec.network,
    examples: [Example("Batch outputs only", "groq files list | grep batch_output")],
    environment: EnvironmentSpec.common
  )

  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("files list takes no arguments", command: "files list")
    }
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "files list")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let (files, raw) = try await client.files()
    try context.terminal.out(json ? BatchDisplay.raw(raw) : files.map(BatchDisplay.file).joined())
    return .success
  }
}
