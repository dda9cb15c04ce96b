import Foundation
import GroqKit

/// `groq batch wait ID`: polls until the batch ends; exit 0 when it completed, 1 when it failed, expired or was
/// cancelled. Ctrl-C stops the waiting, never the batch.
struct BatchWaitCommand: Command {
  static let spec = CommandSpec(
    name: "batch wait",
    summary: "Wait for a batch to end, showing its progress",
    discussion: """
      Polls a few seconds apart at first, then less often, up to once a minute. On a terminal a progress bar \
      shows completed and failed out of all; in a pipe one line goes to standard error per change of status. A \
      dropped connection or a server error while polling is reported and waited out. Ctrl-C stops waiting; the \
      batch goes on. Exit 0 when it completed, 1 when it failed, expired or was cancelled; a failed \
      validation's errors are printed by line.
      """,
    arguments: [ArgumentSpec(name: "batch-id", help: "The batch to follow", optional: false)],
    options: [
      OptionSpec(
        long: "poll-interval", value: ValueSpec("seconds"), help: "First wait between polls; it grows to a minute",
        defaultValue: "3")
    ] + OptionSpec.network,
    examples: [
      Example("Submit and wait", "groq batch wait $(groq batch submit requests.jsonl) && echo done")
    ],
    environment: EnvironmentSpec.common
  )

  var id: String
  var interval: Double
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    id = try arguments.singleID("batch id", command: "batch wait")
    interval = try arguments.number("poll-interval", in: 0.01...3600, command: "batch wait") ?? 3
    network = try NetworkOptions(arguments, command: "batch wait")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let terminal = context.terminal
    let bar = CountBar(terminal: terminal, label: id)
    var delay = interval
    var lastStatus: BatchStatus?
    var failuresInARow = 0
    // The first lookup must work: a wrong id is reported, not waited on.
    var (batch, _) = try await BatchLookup.batch(id, client: client)
    while true {
      if batch.status != lastStatus {
        if !terminal.stderrIsTTY { terminal.err("\(batch.id): \(batch.status)\(Self.counts(batch))\n") }
        lastStatus = batch.status
      }
      if let counts = batch.requestCounts {
        bar.draw(
          done: counts.completed + counts.failed, failed: counts.failed, total: counts.total,
          note: " \(batch.status)")
      }
      if batch.status.isFinal { break }
      try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
      delay = min(60, delay * 1.5)
      do {
        batch = try await client.batch(id: id).batch
        failuresInARow = 0
      } catch let error as GroqError
        where error.kind != .cancelled
        // GroqKit's retry rule decides which statuses are passing; a poll with no answer at all is tried again.
        && (error.status.map { RetryPolicy().shouldRetry(status: $0, headers: HTTPHeaders()) } ?? true)
      {
        failuresInARow += 1
        bar.erase()
        terminal.warning("could not poll the batch (\(error.message)); trying again")
        if failuresInARow >= 30 { throw error }
      }
    }
    bar.erase()
    if batch.status == .completed {
      if terminal.stderrIsTTY { terminal.err("\(batch.id): completed\(Self.counts(batch))\n") }
      return .success
    }
    if !batch.errors.isEmpty { terminal.err(BatchDisplay.errors(batch)) }
    throw CLIError(
      "batch \(batch.id) \(batch.status)\(Self.counts(batch))",
      hint: batch.outputFileID != nil || batch.errorFileID != nil
        ? "'groq batch results \(batch.id)' has what finished" : nil)
  }

  static func counts(_ batch: Batch) -> String {
    guard let counts = batch.requestCounts, counts.total > 0 else { return "" }
    return " (\(counts.completed) completed, \(counts.failed) failed of \(counts.total))"
  }
}
