import Foundation
import GroqKit

/// `groq batch list`: every batch, newest first, one line each, following the API's pages.
struct BatchListCommand: Command {
  static let spec = CommandSpec(
    name: "batch list",
    summary: "List your batches, newest first",
    discussion: """
      One tab-separated line per batch: id, status, done/total, failed, created (UTC) and endpoint.
      """,
    options: [
      OptionSpec(long: "limit", value: ValueSpec("n"), help: "Show at most this many"),
      OptionSpec(long: "json", help: "Print the batch objects as a JSON array"),
    ] + OptionSpec.network,
    examples: [Example("Batches still running", "groq batch list | awk '$2 == \"in_progress\"'")],
    environment: EnvironmentSpec.common
  )

  var limit: Int?
  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("batch list takes no arguments", command: "batch list")
    }
    limit = try arguments.integer("limit", in: 1...1_000_000, command: "batch list")
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "batch list")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    var cursor: String?
    var shown = 0
    var objects: [JSONValue] = []
    repeat {
      let (page, raw) = try await client.batches(cursor: cursor)
      if json, case .array(let items)? = JSONValue(parsing: raw)?["data"] { objects += items }
      for batch in page.batches {
        if let limit, shown >= limit { break }
        if !json { try context.terminal.out(BatchDisplay.line(batch)) }
        shown += 1
      }
      cursor = page.nextCursor
    } while cursor != nil && (limit.map { shown < $0 } ?? true)
    if json {
      try context.terminal.out(JSONValue.array(Array(objects.prefix(limit ?? objects.count))).serialized + "\n")
    }
    return .success
  }
}
