import GroqKit

/// `groq files delete ID...`: removes files from Groq.
struct FilesDeleteCommand: Command {
  static let spec = CommandSpec(
    name: "files delete",
    summary: "Delete files",
    arguments: [ArgumentSpec(name: "file-id", help: "The files to delete", optional: false, variadic: true)],
    options: OptionSpec.network,
    examples: [Example("Delete an input file", "groq files delete file_01jh6x")],
    environment: EnvironmentSpec.common
  )

  var ids: [String]
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    ids = arguments.positionals
    if ids.isEmpty || ids.contains(where: \.isEmpty) {
      throw UsageError("files delete needs one or more file ids", command: "files delete")
    }
    network = try NetworkOptions(arguments, command: "files delete")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    for id in ids {
      _ = try await BatchLookup.named(.file, id) { try await client.deleteFile(id: id) }
      try context.terminal.out("deleted \(id)\n")
    }
    return .success
  }
}
