import FakeGroq
import Foundation
import Testing

@testable import GroqKit

/// The real transport against the fake server on loopback: uploads from disk, binary downloads, cancellation and
/// the deadline, which the audio commands and the REPL build on.
struct URLSessionTransportTests {
  private func url(_ server: FakeGroqServer, _ path: String) -> URL {
    URL(string: server.baseURL + "/openai/v1" + path)!
  }

  @Test("a file body is sent from disk with its length, and progress reaches the total")
  func uploadFromFile() async throws {
    let server = try FakeGroqServer()
    server.enqueue(.json(#"{"text":"ok"}"#))
    let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("groq-upload-\(UUID().uuidString)")
    try bytes.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let progress = Locked<Int64>(0)
    let request = HTTPRequest(
      method: "POST", url: url(server, "/audio/transcriptions"),
      headers: [("Content-Type", "application/octet-stream")], body: .file(file),
      uploadProgress: { sent, _ in progress.withValue { $0 = max($0, sent) } })
    let response = try await URLSessionTransport().send(request, idleTimeout: 10, deadline: 60)
    #expect(response.status == 200)
    #expect(try await response.body.collect() == Data(#"{"text":"ok"}"#.utf8))
    let recorded = try #require(server.requests.first)
    #expect(recorded.body == bytes)
    #expect(recorded.header("Content-Length") == String(bytes.count))
    #expect(recorded.header("Transfer-Encoding") == nil)
    #expect(progress.current == Int64(bytes.count))
  }

  @Test("a binary body arrives byte for byte")
  func binaryDownload() async throws {
    let server = try FakeGroqServer()
    let audio = Data((0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
    server.enqueue(.data(audio, contentType: "audio/wav"))
    let request = HTTPRequest(method: "POST", url: url(server, "/audio/speech"), body: .data(Data("{}".utf8)))
    let response = try await URLSessionTransport().send(request, idleTimeout: 10, deadline: 60)
    #expect(response.headers["content-type"] == "audio/wav")
    #expect(try await response.body.collect() == audio)
  }

  @Test("cancelling the reader ends a stream that would never end")
  func cancellation() async throws {
    let server = try FakeGroqServer()
    server.enqueue(.raw(steps: [.send("data: {}\n\n"), .hang]))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await URLSessionTransport().send(request, idleTimeout: 60, deadline: 600)
    let reader = Task { try await response.body.collect() }
    reader.cancel()
    await #expect(throws: CancellationError.self) { try await reader.value }
  }

  @Test("the overall deadline fires even while bytes keep arriving")
  func deadline() async throws {
    let server = try FakeGroqServer()
    let trickle = (0..<100).flatMap { _ in [FakeStep.send(": keep-alive\n\n"), .pause(milliseconds: 100)] }
    server.enqueue(.raw(steps: trickle))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await URLSessionTransport().send(request, idleTimeout: 5, deadline: 1)
    let error = await #expect(throws: GroqError.self) { try await response.body.collect() }
    #expect(error?.kind == .timeout)
  }
}
