import FakeGroq
import Foundation
import Testing

@testable import GroqKit

/// The Files and Batches API through the real transport, against the fake server's batch clock (one step per poll).
@Suite("Files and Batches API against the fake server")
struct BatchClientTests {
  let server: FakeGroqServer
  let client: GroqClient
  let directory: URL

  init() throws {
    server = try FakeGroqServer()
    let base = try Configuration.resolveBaseURL(server.baseURL)
    client = GroqClient(
      configuration: Configuration(apiKey: "gsk_test_key", baseURL: base, maxRetries: 0, userAgent: "groq/test"))
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("groq-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func inputFile(_ lines: [String], name: String = "in.jsonl") throws -> URL {
    let url = directory.appendingPathComponent(name)
    try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: url)
    return url
  }

  static func line(_ id: String, _ text: String, model: String = "openai/gpt-oss-20b") -> String {
    #"{"custom_id":"\#(id)","method":"POST","url":"/v1/chat/completions","body":{"model":"\#(model)","messages":[{"role":"user","content":"\#(text)"}]}}"#
  }

  func download(_ id: String) async throws -> String {
    var data = Data()
    try await client.downloadFile(id: id) { data.append($0) }
    return String(decoding: data, as: UTF8.self)
  }

  func poll(_ id: String, until final: Bool = true) async throws -> [BatchStatus] {
    var seen: [BatchStatus] = []
    for _ in 0..<20 {
      let batch = try await client.batch(id: id).batch
      seen.append(batch.status)
      if batch.status.isFinal { break }
    }
    return seen
  }

  @Test("upload, create, poll to completed; output shuffled, failures in the error file")
  func completes() async throws {
    let lines = (1...6).map { Self.line("r\($0)", $0 == 4 ? "fail: boom" : "echo: answer \($0)") }
    let (file, _) = try await client.uploadFile(try inputFile(lines))
    #expect(file.purpose == "batch")
    #expect(file.bytes == lines.map { $0.utf8.count + 1 }.reduce(0, +))
    let (batch, _) = try await client.createBatch(
      BatchCreation(inputFileID: file.id, endpoint: "/v1/chat/completions", completionWindow: "24h",
        metadata: ["job": "test"]))
    #expect(batch.status == .validating)
    #expect(batch.metadata == ["job": "test"])
    let statuses = try await poll(batch.id)
    #expect(statuses.map(\.rawValue) == ["in_progress", "in_progress", "in_progress", "finalizing", "completed"])
    let done = try await client.batch(id: batch.id).batch
    #expect(done.requestCounts == BatchRequestCounts(total: 6, completed: 5, failed: 1))
    let output = try await download(try #require(done.outputFileID)).split(separator: "\n")
    let ids = output.compactMap { BatchOutputLine(Data($0.utf8))?.customID }
    #expect(Set(ids) == ["r1", "r2", "r3", "r5", "r6"])
    #expect(ids != ids.sorted())
    let errors = try await download(try #require(done.errorFileID)).split(separator: "\n")
    #expect(errors.count == 1)
    #expect(BatchOutputLine(Data(errors[0].utf8))?.statusCode == 500)
  }

  @Test("a file that fails validation: status failed, errors with line numbers")
  func failsValidation() async throws {
    let lines = [Self.line("a", "x"), "{not json", Self.line("a", "y")]
    let file = try await client.uploadFile(try inputFile(lines)).file
    let batch = try await client.createBatch(
      BatchCreation(inputFileID: file.id, endpoint: "/v1/chat/completions", completionWindow: "24h")
    ).batch
    #expect(try await poll(batch.id) == [.failed])
    let failed = try await client.batch(id: batch.id).batch
    #expect(failed.errors.map(\.line) == [2, 3])
    #expect(failed.failedAt != nil)
  }

  @Test("a batch expires half done: done lines in the output, the rest expired in the error file")
  func expires() async throws {
    let file = try await client.uploadFile(try inputFile((1...4).map { Self.line("e\($0)", "hi") })).file
    let batch = try await client.createBatch(
      BatchCreation(
        inputFileID: file.id, endpoint: "/v1/chat/completions", completionWindow: "48h",
        metadata: ["fake_outcome": "expire"])
    ).batch
    #expect(try await poll(batch.id).last == .expired)
    let expired = try await client.batch(id: batch.id).batch
    let errors = try await download(try #require(expired.errorFileID))
    #expect(errors.split(separator: "\n").count == 2)
    #expect(errors.contains("batch_expired"))
  }

  @Test("cancel: cancelling, then cancelled")
  func cancels() async throws {
    let file = try await client.uploadFile(try inputFile([Self.line("c1", "hi")])).file
    let batch = try await client.createBatch(
      BatchCreation(inputFileID: file.id, endpoint: "/v1/chat/completions", completionWindow: "7d")
    ).batch
    #expect(try await client.cancelBatch(id: batch.id).batch.status == .cancelling)
    #expect(try await client.batch(id: batch.id).batch.status == .cancelled)
  }

  @Test("unknown ids are 404; a bad window is 400")
  func unknown() async throws {
    await #expect(throws: GroqError.self) { try await client.batch(id: "batch_nope") }
    do {
      _ = try await client.file(id: "file_nope")
      Issue.record("expected a 404")
    } catch let error as GroqError {
      #expect(error.status == 404)
    }
    let file = try await client.uploadFile(try inputFile([Self.line("w", "hi")])).file
    do {
      _ = try await client.createBatch(
        BatchCreation(inputFileID: file.id, endpoint: "/v1/chat/completions", completionWindow: "8d"))
      Issue.record("expected a 400")
    } catch let error as GroqError {
      #expect(error.status == 400)
    }
  }

  @Test("list pages with the cursor until the last page")
  func pages() async throws {
    server.batchSettings.pageSize = 2
    let file = try await client.uploadFile(try inputFile([Self.line("p", "hi")])).file
    var created: [String] = []
    for _ in 0..<3 {
      created.append(
        try await client.createBatch(
          BatchCreation(inputFileID: file.id, endpoint: "/v1/chat/completions", completionWindow: "24h")
        ).batch.id)
    }
    let first = try await client.batches().page
    #expect(first.batches.map(\.id) == [created[2], created[1]])
    let cursor: String = try #require(first.nextCursor)
    let second = try await client.batches(cursor: cursor).page
    #expect(second.batches.map(\.id) == [created[0]])
    #expect(second.nextCursor == nil)
  }

  @Test("a download cut half way is taken up again, each byte once")
  func resumesDownload() async throws {
    server.batchSettings.cutFirstDownload = true
    let lines = (1...30).map { Self.line("d\($0)", "echo: " + String(repeating: "x", count: 200)) }
    let file = try await client.uploadFile(try inputFile(lines)).file
    let batch = try await client.createBatch(
      BatchCreation(inputFileID: file.id, endpoint: "/v1/chat/completions", completionWindow: "24h")
    ).batch
    _ = try await poll(batch.id)
    let output = try await client.batch(id: batch.id).batch.outputFileID
    let text = try await download(try #require(output))
    #expect(text.split(separator: "\n").count == 30)
    let ranges = server.requests.compactMap { $0.header("range") }
    #expect(ranges.count == 1)
  }

  @Test("files: list, info, delete")
  func files() async throws {
    let file = try await client.uploadFile(try inputFile([Self.line("f", "hi")], name: "mine.jsonl")).file
    #expect(try await client.files().files.map(\.id).contains(file.id))
    #expect(try await client.file(id: file.id).file.filename == "mine.jsonl")
    #expect(try await client.deleteFile(id: file.id).deletion.deleted)
    #expect(!(try await client.files().files.map(\.id).contains(file.id)))
  }
}
