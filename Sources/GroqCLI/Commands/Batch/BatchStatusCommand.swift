import Foundation
import GroqKit

/// `groq batch status ID`: where a batch is, its counts and times, and a failed validation's errors by line.
struct BatchStatusCommand: Command {
  static let spec = CommandSpec(
    name: "batch status",
    summary: "Show a batch's status, counts and times",
    arguments: [ArgumentSpec(name: "batch-id", help: "The batch, as submit printed it", optional: false)],
    options: [.batchJSON] + OptionSpec.network,
    examples: [Example("How far along is it?", "groq batch status batch_01jh6x")],
    environment: EnvironmentSpec.common
  )

  var id: String
  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    id = try arguments.singleID("batch id", command: "batch status")
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "batch status")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let (batch, raw) = try await BatchLookup.batch(id, client: client)
    try context.terminal.out(json ? BatchDisplay.raw(raw) : BatchDisplay.detail(batch))
    return .success
  }
}

/// Fetches a batch, turning a 404 into words about the id.
enum BatchLookup {
  static func batch(_ id: String, client: GroqClient) async throws -> (Batch, Data) {
    do {
      return try await client.batch(id: id)
    } catch let error as GroqError where error.status == 404 {
      throw CLIError("no batch named '\(id)'", hint: "run 'groq batch list' to see your batches")
    }
  }

  static func file(_ id: String, client: GroqClient) async throws -> (GroqFile, Data) {
    do {
      return try await client.file(id: id)
    } catch let error as GroqError where error.status == 404 {
      throw CLIError("no file named '\(id)'", hint: "run 'groq files list' to see your files")
    }
  }
}
