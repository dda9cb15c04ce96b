import GroqKit

/// `groq files upload FILE`: uploads a batch input file after checking it; prints the file's id.
struct FilesUploadCommand: Command {
  static let spec = CommandSpec(
    name: "files upload",
    summary: "Upload a batch input file; prints its id",
    discussion: "The file is checked line by line first, as 'groq batch submit' checks it; a bad line stops it.",
    arguments: [ArgumentSpec(name: "file", help: "A JSONL batch file", optional: false, completion: .file)],
    options: [.batchJSON] + OptionSpec.network,
    examples: [Example("Upload, then start a batch with it later", "groq files upload requests.jsonl")],
    environment: EnvironmentSpec.common
  )

  var path: String
  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    path = try arguments.singleID("file", command: "files upload")
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "files upload")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    _ = try BatchFileCheck.check(path: path, command: "files upload")
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let (file, raw) = try await FileUpload.upload(path: path, client: client, terminal: context.terminal)
    try context.terminal.out(json ? BatchDisplay.raw(raw) : file.id + "\n")
    return .success
  }
}
