import Foundation
import GroqKit

/// `groq files download ID`: a file's bytes to standard output or, whole or not at all, to a file.
struct FilesDownloadCommand: Command {
  static let spec = CommandSpec(
    name: "files download",
    summary: "Download a file's contents",
    discussion: """
      A transfer cut short is taken up again where it stopped. With -o the bytes go to a temporary file that is \
      renamed into place only when complete.
      """,
    arguments: [ArgumentSpec(name: "file-id", help: "The file", optional: false)],
    options: [
      OptionSpec(
        long: "output", short: "o", value: ValueSpec("file", completion: .file),
        help: "Write to this file instead of standard output")
    ] + OptionSpec.network,
    examples: [Example("Save a batch's error file", "groq files download file_01jh6x -o errors.jsonl")],
    environment: EnvironmentSpec.common
  )

  var id: String
  var output: String?
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    id = try arguments.singleID("file id", command: "files download")
    output = arguments.value("output")
    network = try NetworkOptions(arguments, command: "files download")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let file = try output.map { try OutputFile(path: $0) }
    _ = try await BatchLookup.named(.file, id) {
      try await client.downloadFile(id: id) { data in
        if let file { try file.write(data) } else { try context.terminal.out(bytes: data) }
      }
    }
    try file?.commit()
    return .success
  }
}
