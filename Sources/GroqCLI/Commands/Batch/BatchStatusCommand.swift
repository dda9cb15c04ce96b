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

/// Calls about one batch or file by id, with a 404 turned into words about the id.
enum BatchLookup {
  enum Kind: String {
    case batch, file
  }

  /// Runs `call`; a 404 becomes "no batch named 'x'" with the command that lists them.
  static func named<T>(_ kind: Kind, _ id: String, _ call: () async throws -> T) async throws -> T {
    do {
      return try await call()
    } catch let error as GroqError where error.status == 404 {
      let list = kind == .batch ? "groq batch list" : "groq files list"
      throw CLIError("no \(kind.rawValue) named '\(id)'", hint: "run '\(list)' to see your \(kind.rawValue)s")
    }
  }

  static func batch(_ id: String, client: GroqClient) async throws -> (Batch, Data) {
    try await named(.batch, id) { try await client.batch(id: id) }
  }
}
