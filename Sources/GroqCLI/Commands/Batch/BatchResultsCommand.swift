import Foundation
import GroqKit

/// `groq batch results ID`: the output and error files joined by custom_id into the input's order.
struct BatchResultsCommand: Command {
  static let spec = CommandSpec(
    name: "batch results",
    summary: "Print a batch's results in input order",
    discussion: """
      Downloads the batch's input, output and error files and joins them by custom_id: one line per request, in \
      the order of the input file, each as Groq wrote it (a failed or expired request is a line with its error). \
      With --text, one answer per line instead (a failed request is an empty line; the count goes to standard \
      error; line breaks inside an answer become spaces). A download cut short is taken up again; nothing is \
      printed or written until every file is whole.
      """,
    arguments: [ArgumentSpec(name: "batch-id", help: "A batch that has ended", optional: false)],
    options: [
      OptionSpec(long: "text", help: "Print only each answer's text, one per line"),
      OptionSpec(
        long: "output", short: "o", value: ValueSpec("file", completion: .file),
        help: "Write to this file (renamed into place when complete) instead of standard output"),
    ] + OptionSpec.network,
    examples: [
      Example("All results, in input order", "groq batch results batch_01jh6x > answers.jsonl"),
      Example("Only the answers", "groq batch results batch_01jh6x --text"),
    ],
    environment: EnvironmentSpec.common
  )

  var id: String
  var text: Bool
  var output: String?
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    id = try arguments.singleID("batch id", command: "batch results")
    text = arguments.flag("text")
    output = arguments.value("output")
    network = try NetworkOptions(arguments, command: "batch results")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let terminal = context.terminal
    let (batch, _) = try await BatchLookup.batch(id, client: client)
    guard batch.outputFileID != nil || batch.errorFileID != nil else {
      if batch.status.isFinal {
        if !batch.errors.isEmpty { terminal.err(BatchDisplay.errors(batch)) }
        throw CLIError("batch \(id) \(batch.status) with no results")
      }
      throw CLIError(
        "batch \(id) is \(batch.status); it has no results yet", hint: "groq batch wait \(id) waits for it")
    }
    if !batch.status.isFinal {
      terminal.warning("batch \(id) is \(batch.status); these are the results so far")
    }
    let scratch = try ScratchFolder()
    var results: [URL] = []
    for (name, fileID) in [("output", batch.outputFileID), ("errors", batch.errorFileID)] {
      guard let fileID else { continue }
      results.append(try await download(fileID, to: scratch.file(name), client: client))
    }
    var inputIDs: [String] = []
    if let input = batch.inputFileID {
      do {
        let url = try await download(input, to: scratch.file("input"), client: client)
        try LineReader(path: url.path, command: "batch results").forEachLine { line, _ in
          if let id = BatchLine.customID(line) { inputIDs.append(id) }
        }
      } catch let error as GroqError where error.status == 404 {
        // Groq keeps files 30 days, and a user may delete the input sooner: the results still matter.
        terminal.warning("the batch's input file \(input) is gone; results follow in the order Groq wrote them")
      }
    }
    let join = try BatchResultsJoin(resultFiles: results)
    let file = try output.map { try OutputFile(path: $0) }
    var failed = 0
    var missing = 0
    try join.join(inputIDs: inputIDs) { customID, line in
      let result = line.flatMap { BatchOutputLine($0) }
      if result?.succeeded != true { failed += 1 }
      if line == nil { missing += 1 }
      var out: Data
      if text {
        out = Data(
          (result?.answerText ?? "").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").utf8)
      } else {
        out =
          line
          ?? BatchLine.output(
            customID: customID, requestID: nil, statusCode: nil, body: nil,
            error: ("no_result", "the batch returned no result for this request"))
      }
      out.append(0x0A)
      if let file { try file.write(out) } else { try terminal.out(bytes: out) }
    }
    try file?.commit()
    if failed > 0 {
      terminal.warning(
        "\(failed) of \(max(inputIDs.count, failed)) requests have no answer"
          + (missing > 0 ? " (\(missing) with no result at all)" : "")
          + (text ? "; their lines are empty" : ""))
    }
    return .success
  }

  private func download(_ fileID: String, to url: URL, client: GroqClient) async throws -> URL {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try await client.downloadFile(id: fileID) { try handle.write(contentsOf: $0) }
    return url
  }
}
