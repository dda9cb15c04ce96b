import Foundation
import GroqKit

/// `groq batch run FILE`: the batch sent from here, several requests at a time, writing the lines Groq's output
/// file would hold. Each finished line is written at once, a rerun skips the ids already written, and a finished
/// file is put in input order.
struct BatchRunCommand: Command {
  static let spec = CommandSpec(
    name: "batch run",
    summary: "Run a batch file locally, several requests at a time",
    discussion: """
      Sends each line of the file to its endpoint and writes one output line per request, the same lines \
      'groq batch results' prints. Lines are written in the order requests finish; once every line is done, a file \
      (-o, --resume, or > in the shell) is put in input order, as 'groq batch results' gives it. Without -j the number in flight is fitted to \
      your token rate limit, measured from the first answers; with few tokens left it pauses until they reset, \
      and a 429 makes every request wait out its retry-after.

      Each line is written and flushed as its request finishes, so Ctrl-C or a crash loses no finished answer. \
      Run the same command again with the same output file (-o, --resume, or >> in the shell) and the requests \
      already written are skipped. A progress bar on a terminal; requests and tokens per minute at the end.
      """,
    arguments: [ArgumentSpec(name: "file", help: "The JSONL batch file", optional: false, completion: .file)],
    options: [
      OptionSpec(
        long: "jobs", short: "j", value: ValueSpec("n"), help: "Requests in flight (default: fitted to your limits)"),
      OptionSpec(
        long: "output", short: "o", value: ValueSpec("file", completion: .file),
        help: "Append the lines to this file, skipping requests it already has"),
      OptionSpec(
        long: "resume", value: ValueSpec("file", completion: .file),
        help: "Take up a run whose lines are in this file, appending to it"),
    ] + OptionSpec.network,
    examples: [
      Example("Eight at a time", "groq batch run requests.jsonl -j 8 > answers.jsonl"),
      Example("After Ctrl-C, finish the rest", "groq batch run requests.jsonl --resume answers.jsonl"),
    ],
    environment: EnvironmentSpec.common
  )

  var path: String
  var jobs: Int?
  var output: String?
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let command = "batch run"
    path = try arguments.singleID("file", command: command)
    jobs = try arguments.integer("jobs", in: 1...64, command: command)
    switch (arguments.value("output"), arguments.value("resume")) {
    case (let out?, let resume?) where out != resume:
      throw UsageError("-o and --resume name different files; give one", command: command)
    case (let out, let resume): output = out ?? resume
    }
    network = try NetworkOptions(arguments, command: command)
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let (endpoint, _) = try BatchFileCheck.check(path: path, command: "batch run")
    let sink = try RunOutput(path: output)
    var pending: [PendingLine] = []
    var order: [String] = []
    var skipped = 0
    try LineReader(path: path, command: "batch run").forEachLine { line, _, offset in
      guard let id = BatchLine.customID(line) else { return }
      order.append(id)
      if sink.finished.contains(id) {
        skipped += 1
      } else {
        pending.append(PendingLine(customID: id, offset: offset, length: line.count))
      }
    }
    let terminal = context.terminal
    if skipped > 0 { terminal.err(terminal.style("skipping \(skipped) requests already done", .dim) + "\n") }
    let client = try context.makeClient(timeout: network.timeout, maxRetries: 0)
    let runner = LocalBatchRunner(
      client: client, endpoint: endpoint, input: URL(fileURLWithPath: path), sink: sink,
      pacing: RunPacing(jobs: jobs), bar: CountBar(terminal: terminal, label: "running"), total: pending.count)
    runner.retries = network.maxRetries ?? 2
    let summary = try await runner.run(pending)
    runner.bar.erase()
    try sink.putInInputOrder(order)
    if terminal.stderrIsTTY { terminal.err(summary.text + "\n") }
    if summary.failed > 0 {
      terminal.warning("\(summary.failed) of \(summary.done) requests failed; their lines carry the error")
    }
    return .success
  }
}

/// A line still to run: where it is in the input file, so the bodies are read one at a time.
struct PendingLine: Sendable {
  var customID: String
  var offset: UInt64
  var length: Int
}
