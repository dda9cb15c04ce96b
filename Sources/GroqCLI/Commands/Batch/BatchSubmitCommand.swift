import Foundation
import GroqKit

/// `groq batch submit FILE`: checks the file, uploads it and starts a batch; prints the batch's id.
struct BatchSubmitCommand: Command {
  static let spec = CommandSpec(
    name: "batch submit",
    summary: "Upload a batch file and start the batch; prints its id",
    discussion: """
      The file is checked first, line by line, as Groq would check it: JSON, a unique custom_id, one endpoint, \
      at most 50,000 lines and 200 MB, no service_tier, no text to speech. A bad line is named by its number and \
      nothing is uploaded (exit 2).
      """,
    arguments: [
      ArgumentSpec(name: "file", help: "The JSONL file, as prepare writes it", optional: false, completion: .file)
    ],
    options: [
      OptionSpec(
        long: "window", value: ValueSpec("time", completion: .choices(["24h", "48h", "72h", "7d"])),
        help: "How long Groq may take, 24h to 7d", defaultValue: "24h"),
      OptionSpec(
        long: "metadata", value: ValueSpec("key=value"), help: "A label kept with the batch", repeatable: true),
      .batchJSON,
    ] + OptionSpec.network,
    examples: [
      Example("Start a batch with a week to finish", "groq batch submit requests.jsonl --window 7d"),
      Example("Label it", "groq batch submit requests.jsonl --metadata job=nightly"),
    ],
    environment: EnvironmentSpec.common
  )

  var path: String
  var window: CompletionWindow
  var metadata: [String: String]?
  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    path = try arguments.singleID("file", command: "batch submit")
    let text = arguments.value("window") ?? "24h"
    guard let window = CompletionWindow(text) else {
      throw UsageError(
        "--window \(text) is not a completion window", hint: "give 24h to 168h, or 1d to 7d", command: "batch submit")
    }
    self.window = window
    var pairs: [String: String] = [:]
    for item in arguments.values("metadata") {
      guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
        throw UsageError("--metadata \(item) is not key=value", command: "batch submit")
      }
      pairs[String(item[..<equals])] = String(item[item.index(after: equals)...])
    }
    metadata = pairs.isEmpty ? nil : pairs
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "batch submit")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let (endpoint, _) = try BatchFileCheck.check(path: path, command: "batch submit")
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let file = try await FileUpload.upload(path: path, client: client, terminal: context.terminal).file
    let (batch, raw) = try await client.createBatch(
      BatchCreation(
        inputFileID: file.id, endpoint: endpoint.rawValue, completionWindow: window.text, metadata: metadata))
    try context.terminal.out(json ? BatchDisplay.raw(raw) : batch.id + "\n")
    return .success
  }
}

/// Uploads a batch file with a progress bar on a terminal. Groq takes only `.jsonl` names, so another name is
/// sent with `.jsonl` added; the bytes are the file's.
enum FileUpload {
  static func upload(path: String, client: GroqClient, terminal: Terminal) async throws -> (file: GroqFile, raw: Data) {
    let url = URL(fileURLWithPath: path)
    let name =
      url.lastPathComponent.lowercased().hasSuffix(".jsonl") ? url.lastPathComponent : url.lastPathComponent + ".jsonl"
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
    let progress = UploadProgress.make(terminal: terminal, label: "uploading", bytes: size)
    defer { progress?.finish() }
    return try await client.uploadFile(url, filename: name, progress: progress?.callback)
  }
}
