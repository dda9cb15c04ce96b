import Foundation
import GroqKit

/// Where a local run's lines go: a file opened for appending, or standard output. Each line is one write(2), so a
/// line is either wholly there or not at all, whatever kills the process.
final class RunOutput: @unchecked Sendable {
  /// The ids whose lines the output already holds.
  let finished: Set<String>
  /// The file the lines go to, when they go to one (`-o`, `--resume`, or standard output redirected to a file).
  let file: String?
  private let fd: Int32
  private let lock = NSLock()

  init(path: String?) throws {
    let target = path ?? Self.standardOutputFile()
    var finished = Set<String>()
    if let target, let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int), size > 0 {
      // A line cut by a kill mid-write has no newline: it is dropped, and its request runs again.
      var keep: UInt64 = 0
      try LineReader(path: target, command: "batch run").forEachLine { line, _, offset in
        guard let id = BatchOutputLine(line)?.customID else { return }
        finished.insert(id)
        keep = offset + UInt64(line.count) + 1
      }
      if keep < UInt64(size) { truncate(target, off_t(keep)) }
    }
    self.finished = finished
    file = target
    if let path {
      fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
      guard fd >= 0 else {
        throw CLIError("cannot write \(path)", hint: "check that its folder exists and is writable")
      }
    } else {
      fd = 1
    }
  }

  /// Standard output's path when it is a regular file (`>> answers.jsonl`), so a rerun can skip what it holds.
  private static func standardOutputFile() -> String? {
    var info = stat()
    guard fstat(1, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/1")
  }

  func append(_ line: Data) throws {
    var bytes = line
    bytes.append(0x0A)
    let ok = lock.withLock { Self.writeAll(fd, bytes) }
    if !ok { throw OutputClosed() }
  }

  /// Writes every byte, through EINTR and short writes.
  static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return false }
        offset += count
      }
      return true
    }
  }

  deinit { if fd > 2 { close(fd) } }
}

/// What a run did, for the closing line.
struct RunSummary {
  var done = 0
  var failed = 0
  var tokens = 0
  var seconds = 0.0

  var text: String {
    let minutes = max(seconds, 0.001) / 60
    return String(
      format: "%d requests in %.1f s: %.0f requests/min, %.0f tokens/min", done, seconds, Double(done) / minutes,
      Double(tokens) / minutes)
  }
}

/// Runs batch lines against the live endpoints with a bounded number in flight, paced by `RunPacing`.
final class LocalBatchRunner: @unchecked Sendable {
  let client: GroqClient
  let endpoint: BatchEndpoint
  let input: URL
  let sink: RunOutput
  let bar: CountBar
  let total: Int
  /// Tries again after a server or connection failure (rate limits wait as long as they must, up to ten times).
  var retries = 3
  private let lock = NSLock()
  private var pacing: RunPacing
  private var pauseUntil = Date.distantPast
  private var summary = RunSummary()

  init(
    client: GroqClient, endpoint: BatchEndpoint, input: URL, sink: RunOutput, pacing: RunPacing, bar: CountBar,
    total: Int
  ) {
    self.client = client
    self.endpoint = endpoint
    self.input = input
    self.sink = sink
    self.pacing = pacing
    self.bar = bar
    self.total = total
  }

  func run(_ lines: [PendingLine]) async throws -> RunSummary {
    let started = Date()
    let handle = try FileHandle(forReadingFrom: input)
    defer { try? handle.close() }
    try await withThrowingTaskGroup(of: Void.self) { group in
      var next = 0
      var running = 0
      while next < lines.count || running > 0 {
        while next < lines.count && running < lock.withLock({ pacing.jobs }) {
          try await waitForPause()
          try handle.seek(toOffset: lines[next].offset)
          let body = try handle.read(upToCount: lines[next].length) ?? Data()
          let line = lines[next]
          group.addTask { try await self.runOne(line, raw: body) }
          next += 1
          running += 1
        }
        if running > 0 {
          try await group.next()
          running -= 1
        }
      }
    }
    return lock.withLock {
      summary.seconds = Date().timeIntervalSince(started)
      return summary
    }
  }

  private func waitForPause() async throws {
    let wait = lock.withLock { pauseUntil.timeIntervalSinceNow }
    if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
  }

  private func pause(_ seconds: Double) {
    lock.withLock { pauseUntil = max(pauseUntil, Date().addingTimeInterval(seconds)) }
  }

  /// Sends one line, retrying rate limits (after everyone's pause) and server or connection failures, then writes
  /// its output line.
  private func runOne(_ line: PendingLine, raw: Data) async throws {
    guard let body = JSONValue(parsing: raw)?["body"] else { return }
    var failures = 0
    var output: Data
    var tokens = 0
    while true {
      try await waitForPause()
      let started = Date()
      do {
        let response = try await client.send(try request(body))
        let data = try await response.body.collect(limit: 64 << 20)
        let info = RateLimitInfo(headers: response.headers)
        let used = JSONValue(parsing: data)?["usage"]?["total_tokens"].flatMap { value -> Int? in
          if case .number(let text) = value { return Int(text) }
          return nil
        }
        tokens = used ?? 0
        let seconds = Date().timeIntervalSince(started)
        if let wait = lock.withLock({ pacing.observe(info, tokens: used, seconds: seconds) }) { pause(wait) }
        output = BatchLine.output(
          customID: line.customID, requestID: response.headers["x-request-id"], statusCode: response.status,
          body: data, error: nil)
        break
      } catch let error as GroqError where error.kind == .cancelled {
        throw error
      } catch let error as GroqError {
        failures += 1
        if error.status == 429 && failures <= 10 {
          pause(lock.withLock { pacing.rateLimited(retryAfter: error.retryAfter) })
          continue
        }
        if (error.status.map { $0 >= 500 } ?? true) && failures <= retries {
          pause(0.5 * Double(failures))
          continue
        }
        output = Self.failureLine(line.customID, error)
        break
      }
    }
    // Written even when Ctrl-C came meanwhile: the answer is finished, and a rerun would pay for it again.
    try sink.append(output)
    let progress = lock.withLock {
      summary.done += 1
      summary.tokens += tokens
      if !(BatchOutputLine(output)?.succeeded ?? false) { summary.failed += 1 }
      return (summary.done, summary.failed)
    }
    bar.draw(done: progress.0, failed: progress.1, total: total)
  }

  /// The request for a line's body: JSON for chat, a form (its fields from the body) for audio.
  private func request(_ body: JSONValue) throws -> HTTPRequest {
    guard endpoint != .chat, case .object(let members) = body else {
      return client.makeRequest("POST", path: endpoint.clientPath, json: Data(body.serialized.utf8))
    }
    let fields = members.map { member -> (name: String, value: String) in
      (member.key, member.value.stringValue ?? member.value.serialized)
    }
    let form = MultipartBody(fields: fields, file: nil)
    var http = client.makeRequest("POST", path: endpoint.clientPath)
    http.headers.append(("Content-Type", form.contentType))
    http.body = .parts(form.segments())
    return http
  }

  /// A request that failed for good: an HTTP error is a response with the server's error; no response at all is
  /// a line with `error` set, as an expired request is in Groq's error file.
  static func failureLine(_ customID: String, _ error: GroqError) -> Data {
    guard let status = error.status else {
      return BatchLine.output(
        customID: customID, requestID: nil, statusCode: nil, body: nil, error: ("request_failed", error.message))
    }
    var members: [JSONValue.Member] = [.init("message", .string(error.message))]
    if let type = error.type { members.append(.init("type", .string(type))) }
    if let code = error.code { members.append(.init("code", .string(code))) }
    let body = JSONValue.object([.init("error", .object(members))]).serialized
    return BatchLine.output(
      customID: customID, requestID: error.requestID, statusCode: status, body: Data(body.utf8), error: nil)
  }
}
