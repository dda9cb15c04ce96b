import Foundation

/// What a test can change about the fake Files and Batches API.
public struct FakeBatchSettings: Sendable {
  /// How many steps a batch takes per second of wall-clock time. 0 (the default) moves a batch one step per poll
  /// (`GET /batches/{id}`), so tests never depend on timing; fake-groq's `--batch-speed` sets it for people.
  public var stepsPerSecond: Double = 0
  public var maxLines = 50_000
  public var maxBytes = 200_000_000
  /// Batches per page of `GET /batches`.
  public var pageSize = 20
  /// The first download of each output or error file is cut half way, as a dropped connection would.
  public var cutFirstDownload = false
  /// Requests sent back as done per step while in progress; 0 is a third of the batch.
  public var requestsPerStep = 0

  public init() {}
}

/// The Files and Batches API: files kept in memory, batches that walk validating → in_progress → finalizing →
/// completed (or failed, expired, cancelling → cancelled) one step at a time, with output lines in shuffled order
/// and failed requests in an error file, as Groq's are.
///
/// A batch whose metadata has `"fake_outcome": "expire"` expires half done. A chat line whose last message starts
/// with `fail:` fails with a 500 inside the batch.
final class FakeBatchService: @unchecked Sendable {
  private let lock = NSLock()
  private var settingsValue = FakeBatchSettings()
  private var files: [String: StoredFile] = [:]
  private var fileOrder: [String] = []
  private var batches: [String: FakeBatch] = [:]
  private var batchOrder: [String] = []
  private var counter = 0

  var settings: FakeBatchSettings {
    get { lock.withLock { settingsValue } }
    set { lock.withLock { settingsValue = newValue } }
  }

  struct StoredFile {
    var id: String
    var filename: String
    var purpose: String
    var createdAt: Int
    var data: Data
    var downloads = 0

    var json: String {
      "{\"id\":\(GroqJSON.string(id)),\"object\":\"file\",\"bytes\":\(data.count),\"created_at\":\(createdAt),"
        + "\"filename\":\(GroqJSON.string(filename)),\"purpose\":\(GroqJSON.string(purpose))}"
    }
  }

  struct FakeBatch {
    var id: String
    var endpoint: String
    var inputFileID: String
    var window: String
    var metadata: [String: String]?
    var created: Date
    var status = "validating"
    var times: [String: Int] = [:]
    var steps = 0
    var polls = 0
    var lines: [(customID: String, body: [String: Any])] = []
    var done: [(customID: String, line: String, failed: Bool)] = []
    var errors: [(code: String, message: String, line: Int?)] = []
    var outputFileID: String?
    var errorFileID: String?
    var total = 0
  }

  func respond(to request: RecordedRequest) -> FakeResponse? {
    let route = String(request.route.dropFirst("/openai/v1".count))
    let parts = route.split(separator: "/").map(String.init)
    lock.lock()
    defer { lock.unlock() }
    switch (request.method, parts.count) {
    case ("POST", 1) where parts[0] == "files": return upload(request)
    case ("GET", 1) where parts[0] == "files":
      return .json(
        "{\"object\":\"list\",\"data\":[" + fileOrder.compactMap { files[$0]?.json }.joined(separator: ",") + "]}")
    case ("GET", 2) where parts[0] == "files":
      return files[decoded(parts[1])].map { .json($0.json) } ?? Self.notFound("file", parts[1])
    case ("DELETE", 2) where parts[0] == "files":
      let id = decoded(parts[1])
      guard files.removeValue(forKey: id) != nil else { return Self.notFound("file", id) }
      fileOrder.removeAll { $0 == id }
      return .json("{\"id\":\(GroqJSON.string(id)),\"object\":\"file\",\"deleted\":true}")
    case ("GET", 3) where parts[0] == "files" && parts[2] == "content": return content(decoded(parts[1]), request)
    case ("POST", 1) where parts[0] == "batches": return create(request)
    case ("GET", 1) where parts[0] == "batches": return list(request)
    case ("GET", 2) where parts[0] == "batches":
      let id = decoded(parts[1])
      guard var batch = batches[id] else { return Self.notFound("batch", id) }
      batch.polls += 1
      advance(&batch)
      batches[id] = batch
      return .json(json(batch))
    case ("POST", 3) where parts[0] == "batches" && parts[2] == "cancel":
      let id = decoded(parts[1])
      guard var batch = batches[id] else { return Self.notFound("batch", id) }
      advance(&batch)
      if ["validating", "in_progress", "finalizing"].contains(batch.status) {
        batch.status = "cancelling"
        batch.times["cancelling_at"] = now()
      } else if batch.status != "cancelling" {
        return .groqError(
          status: 400, message: "Cannot cancel a batch with status '\(batch.status)'", code: "invalid_state")
      }
      batches[id] = batch
      return .json(json(batch))
    default: return nil
    }
  }

  private func decoded(_ part: String) -> String { part.removingPercentEncoding ?? part }

  private func now() -> Int { Int(Date().timeIntervalSince1970) }

  private func newID(_ prefix: String) -> String {
    counter += 1
    return prefix + String(format: "01fake%020d", counter)
  }

  static func notFound(_ kind: String, _ id: String) -> FakeResponse {
    .groqError(status: 404, message: "\(kind) \(id) not found", code: "not_found")
  }

  private static func invalid(_ message: String) -> FakeResponse { .groqError(status: 400, message: message) }

  // MARK: Files

  private func upload(_ request: RecordedRequest) -> FakeResponse {
    guard let form = MultipartForm(body: request.body, contentType: request.header("content-type")) else {
      return Self.invalid("request must be multipart/form-data")
    }
    guard let purpose = form.value("purpose") else { return Self.invalid("property 'purpose' is missing") }
    guard purpose == "batch" else { return Self.invalid("purpose must be 'batch'") }
    guard let file = form.file, let filename = file.filename else { return Self.invalid("property 'file' is missing") }
    guard filename.lowercased().hasSuffix(".jsonl") else { return Self.invalid("only .jsonl files are supported") }
    if file.body.isEmpty { return Self.invalid("file is empty") }
    if file.body.count > settingsValue.maxBytes {
      return .groqError(status: 413, message: "file exceeds the maximum size of 200 MB", code: "file_too_large")
    }
    let stored = StoredFile(
      id: newID("file_"), filename: filename, purpose: purpose, createdAt: now(), data: file.body)
    files[stored.id] = stored
    fileOrder.append(stored.id)
    return .json(stored.json)
  }

  private func content(_ id: String, _ request: RecordedRequest) -> FakeResponse {
    guard var file = files[id] else { return Self.notFound("file", id) }
    file.downloads += 1
    files[id] = file
    var start = 0
    if let range = request.header("range"), range.hasPrefix("bytes="), range.hasSuffix("-"),
      let from = Int(range.dropFirst("bytes=".count).dropLast()), from <= file.data.count
    {
      start = from
    }
    if settingsValue.cutFirstDownload && file.purpose == "batch_output" && file.downloads == 1 {
      return .raw(
        status: 200, headers: [("content-type", "application/octet-stream")],
        steps: [.send(file.data.prefix(file.data.count / 2)), .cut])
    }
    if start > 0 {
      return .data(
        file.data.subdata(in: start..<file.data.count), status: 206,
        headers: [("content-range", "bytes \(start)-\(file.data.count - 1)/\(file.data.count)")])
    }
    return .data(file.data)
  }

  private func storeOutput(_ lines: [String], name: String) -> String? {
    guard !lines.isEmpty else { return nil }
    let file = StoredFile(
      id: newID("file_"), filename: name, purpose: "batch_output", createdAt: now(),
      data: Data(lines.map { $0 + "\n" }.joined().utf8))
    files[file.id] = file
    fileOrder.append(file.id)
    return file.id
  }

  // MARK: Batches

  private func create(_ request: RecordedRequest) -> FakeResponse {
    guard let object = try? request.json() else { return Self.invalid("request body must be a JSON object") }
    guard let input = object["input_file_id"] as? String else { return Self.invalid("'input_file_id' is missing") }
    guard files[input] != nil else { return Self.notFound("file", input) }
    guard let endpoint = object["endpoint"] as? String,
      ["/v1/chat/completions", "/v1/audio/transcriptions", "/v1/audio/translations"].contains(endpoint)
    else { return Self.invalid("'endpoint' must be /v1/chat/completions or an audio endpoint") }
    let window = object["completion_window"] as? String ?? ""
    guard Self.windowHours(window).map({ (24...168).contains($0) }) == true else {
      return Self.invalid("'completion_window' must be between 24h and 7d")
    }
    let batch = FakeBatch(
      id: newID("batch_"), endpoint: endpoint, inputFileID: input, window: window,
      metadata: object["metadata"] as? [String: String], created: Date(), times: ["created_at": now()])
    batches[batch.id] = batch
    batchOrder.append(batch.id)
    return .json(json(batch))
  }

  static func windowHours(_ text: String) -> Int? {
    guard let unit = text.last, let number = Int(text.dropLast()) else { return nil }
    return unit == "h" ? number : unit == "d" ? number * 24 : nil
  }

  private func list(_ request: RecordedRequest) -> FakeResponse {
    let query = URLComponents(string: request.path)?.queryItems ?? []
    let start = query.first { $0.name == "cursor" }?.value.flatMap { Int($0.dropFirst("cursor_".count)) } ?? 0
    let newest = batchOrder.reversed().compactMap { batches[$0] }
    let page = newest.dropFirst(start).prefix(settingsValue.pageSize)
    let next = start + page.count < newest.count ? "{\"next_cursor\":\"cursor_\(start + page.count)\"}" : "{}"
    return .json("{\"object\":\"list\",\"data\":[" + page.map(json).joined(separator: ",") + "],\"paging\":\(next)}")
  }

  /// Takes the steps the clock allows: one per poll, or per 1/stepsPerSecond seconds, whichever is more.
  private func advance(_ batch: inout FakeBatch) {
    let elapsed = Int(Date().timeIntervalSince(batch.created) * settingsValue.stepsPerSecond)
    let target = max(batch.polls, elapsed)
    while batch.steps < target && !Self.final.contains(batch.status) {
      batch.steps += 1
      step(&batch)
    }
  }

  static let final: Set<String> = ["completed", "failed", "expired", "cancelled"]

  private func step(_ batch: inout FakeBatch) {
    switch batch.status {
    case "validating":
      validate(&batch)
      if batch.errors.isEmpty {
        batch.status = "in_progress"
        batch.times["in_progress_at"] = now()
        batch.times["expires_at"] = now() + (Self.windowHours(batch.window) ?? 24) * 3600
      } else {
        batch.status = "failed"
        batch.times["failed_at"] = now()
      }
    case "in_progress":
      let perStep = settingsValue.requestsPerStep > 0 ? settingsValue.requestsPerStep : max(1, (batch.total + 2) / 3)
      let expires = batch.metadata?["fake_outcome"] == "expire"
      let stop = expires ? batch.total / 2 : batch.total
      let target = min(stop, batch.done.count + perStep)
      while batch.done.count < target { run(&batch) }
      if batch.done.count >= stop && expires {
        finish(&batch, status: "expired", at: "expired_at")
      } else if batch.done.count >= batch.total {
        batch.status = "finalizing"
        batch.times["finalizing_at"] = now()
      }
    case "finalizing": finish(&batch, status: "completed", at: "completed_at")
    case "cancelling": finish(&batch, status: "cancelled", at: "cancelled_at")
    default: break
    }
  }

  /// Reads the input file as Groq's validator would, recording each bad line.
  private func validate(_ batch: inout FakeBatch) {
    let data = files[batch.inputFileID]?.data ?? Data()
    var seen = Set<String>()
    var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    if lines.count > settingsValue.maxLines {
      batch.errors.append(("too_many_lines", "the file has \(lines.count) lines; at most \(settingsValue.maxLines) are allowed", nil))
      return
    }
    for (index, raw) in lines.enumerated() {
      let number = index + 1
      guard let object = (try? JSONSerialization.jsonObject(with: Data(raw))) as? [String: Any] else {
        batch.errors.append(("invalid_json", "line is not valid JSON", number))
        continue
      }
      guard let id = object["custom_id"] as? String, !id.isEmpty else {
        batch.errors.append(("missing_custom_id", "custom_id is missing", number))
        continue
      }
      guard seen.insert(id).inserted else {
        batch.errors.append(("duplicate_custom_id", "custom_id '\(id)' is not unique", number))
        continue
      }
      guard object["url"] as? String == batch.endpoint else {
        batch.errors.append(("mismatched_url", "url does not match the batch's endpoint \(batch.endpoint)", number))
        continue
      }
      guard let body = object["body"] as? [String: Any], body["model"] is String else {
        batch.errors.append(("invalid_body", "body must be an object with a model", number))
        continue
      }
      if let model = body["model"] as? String, ModelCatalogue.model(model) == nil {
        batch.errors.append(("model_not_found", "The model `\(model)` does not exist", number))
        continue
      }
      if body["service_tier"] != nil {
        batch.errors.append(("invalid_body", "service_tier is not supported in batch", number))
        continue
      }
      batch.lines.append((id, body))
    }
    batch.total = batch.errors.isEmpty ? batch.lines.count : 0
  }

  /// Answers the next line as the live endpoint would.
  private func run(_ batch: inout FakeBatch) {
    let (customID, body) = batch.lines[batch.done.count]
    let requestID = GroqIDs.requestID()
    var status = 200
    var answer: String
    let lastMessage = ((body["messages"] as? [[String: Any]])?.last?["content"] as? String) ?? ""
    if lastMessage.hasPrefix("fail:") {
      status = 500
      answer = GroqJSON.error(
        message: "Internal server error", type: "internal_server_error", code: nil, param: nil, failedGeneration: nil)
    } else if batch.endpoint == "/v1/chat/completions" {
      let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
      let response = ChatCompletions(
        request: RecordedRequest(method: "POST", path: "/openai/v1/chat/completions", headers: [], body: data)
      ).respond()
      status = response.status
      if case .fixed(let bytes) = response.payload {
        answer = String(decoding: bytes, as: UTF8.self)
      } else {
        answer = "{}"
      }
    } else {
      let url = body["url"] as? String ?? ""
      answer = "{\"text\":\(GroqJSON.string("Transcript of \(url)")),\"x_groq\":{\"id\":\(GroqJSON.string(requestID))}}"
    }
    let line =
      "{\"id\":\(GroqJSON.string(newID("batch_req_"))),\"custom_id\":\(GroqJSON.string(customID)),"
      + "\"response\":{\"status_code\":\(status),\"request_id\":\(GroqJSON.string(requestID)),\"body\":\(answer)},"
      + "\"error\":null}"
    batch.done.append((customID, line, status >= 400))
  }

  /// Writes the output and error files (lines shuffled, as Groq's arrive) and ends the batch.
  private func finish(_ batch: inout FakeBatch, status: String, at key: String) {
    var output = batch.done.filter { !$0.failed }.map(\.line)
    var errors = batch.done.filter(\.failed).map(\.line)
    for (customID, _) in batch.lines.dropFirst(batch.done.count) {
      let code = status == "expired" ? "batch_expired" : "batch_cancelled"
      errors.append(
        "{\"id\":\(GroqJSON.string(newID("batch_req_"))),\"custom_id\":\(GroqJSON.string(customID)),"
          + "\"response\":null,\"error\":{\"code\":\"\(code)\",\"message\":\"This request was not run: the batch "
          + (status == "expired" ? "expired" : "was cancelled") + ".\"}}")
    }
    Self.shuffle(&output, seed: batch.id.utf8.reduce(7) { $0 &* 31 &+ Int($1) })
    Self.shuffle(&errors, seed: batch.id.utf8.count)
    batch.outputFileID = storeOutput(output, name: "batch_output.jsonl")
    batch.errorFileID = storeOutput(errors, name: "batch_errors.jsonl")
    batch.status = status
    batch.times[key] = now()
  }

  /// A deterministic shuffle, so a failing test fails the same way twice.
  static func shuffle(_ lines: inout [String], seed: Int) {
    var state = UInt64(truncatingIfNeeded: seed) | 1
    for index in stride(from: lines.count - 1, to: 0, by: -1) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      lines.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
    }
  }

  private func json(_ batch: FakeBatch) -> String {
    func time(_ key: String) -> String { batch.times[key].map(String.init) ?? "null" }
    let failed = batch.done.filter(\.failed).count
    let errors =
      batch.errors.isEmpty
      ? "null"
      : "{\"object\":\"list\",\"data\":["
        + batch.errors.map {
          "{\"code\":\(GroqJSON.string($0.code)),\"message\":\(GroqJSON.string($0.message)),\"param\":null,"
            + "\"line\":\($0.line.map(String.init) ?? "null")}"
        }.joined(separator: ",") + "]}"
    let metadata =
      batch.metadata.map { pairs in
        "{" + pairs.sorted { $0.key < $1.key }.map { "\(GroqJSON.string($0.key)):\(GroqJSON.string($0.value))" }
          .joined(separator: ",") + "}"
      } ?? "null"
    return "{\"id\":\(GroqJSON.string(batch.id)),\"object\":\"batch\",\"endpoint\":\(GroqJSON.string(batch.endpoint)),"
      + "\"errors\":\(errors),\"input_file_id\":\(GroqJSON.string(batch.inputFileID)),"
      + "\"completion_window\":\(GroqJSON.string(batch.window)),\"status\":\(GroqJSON.string(batch.status)),"
      + "\"output_file_id\":\(GroqJSON.optional(batch.outputFileID)),"
      + "\"error_file_id\":\(GroqJSON.optional(batch.errorFileID)),"
      + "\"created_at\":\(time("created_at")),\"in_progress_at\":\(time("in_progress_at")),"
      + "\"expires_at\":\(time("expires_at")),\"finalizing_at\":\(time("finalizing_at")),"
      + "\"completed_at\":\(time("completed_at")),\"failed_at\":\(time("failed_at")),"
      + "\"expired_at\":\(time("expired_at")),\"cancelling_at\":\(time("cancelling_at")),"
      + "\"cancelled_at\":\(time("cancelled_at")),"
      + "\"request_counts\":{\"total\":\(batch.total),\"completed\":\(batch.done.count - failed),"
      + "\"failed\":\(failed)},\"metadata\":\(metadata)}"
  }
}
