/// `groq files`: the files Groq keeps for batches (inputs you uploaded, outputs batches wrote).
struct FilesCommand: Command {
  static let subcommands: [any Command.Type] = [
    FilesListCommand.self, FilesUploadCommand.self, FilesInfoCommand.self, FilesDownloadCommand.self,
    FilesDeleteCommand.self,
  ]

  static let spec = CommandSpec(
    name: "files",
    summary: "List, upload, download and delete batch files",
    discussion: """
      Groq keeps a batch's input and output files for up to 30 days. 'groq batch submit' uploads for you and \
      'groq batch results' downloads for you; these commands are for everything else.
      """,
    examples: [
      Example("Your files", "groq files list"),
      Example("Save a batch's raw output", "groq files download file_01jh6x -o output.jsonl"),
    ],
    environment: EnvironmentSpec.common,
    subcommands: subcommands.map { $0.spec }
  )

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    throw UsageError("files needs a command", command: "files")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus { .usage }
}
