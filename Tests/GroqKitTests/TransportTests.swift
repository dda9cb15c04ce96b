import FakeGroq
import Foundation
import Testing

@testable import GroqKit

/// The real transports against the fake server on loopback: uploads from disk, binary downloads, cancellation and
/// the deadline, which the audio commands and the REPL build on. Every test runs on each transport.
struct TransportTests {
  private func url(_ server: FakeGroqServer, _ path: String) -> URL {
    URL(string: server.baseURL + "/openai/v1" + path)!
  }

  @Test(
    "a file body is sent from disk with its length, and progress reaches the total", arguments: TransportKind.allCases)
  func uploadFromFile(_ kind: TransportKind) async throws {
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
    let response = try await kind.make().send(request, idleTimeout: 10, deadline: 60)
    #expect(response.status == 200)
    #expect(try await response.body.collect() == Data(#"{"text":"ok"}"#.utf8))
    let recorded = try #require(server.requests.first)
    #expect(recorded.body == bytes)
    #expect(recorded.header("Content-Length") == String(bytes.count))
    #expect(recorded.header("Transfer-Encoding") == nil)
    #expect(progress.current == Int64(bytes.count))
  }

  @Test("a body of bytes and file ranges goes as one, with its total length", arguments: TransportKind.allCases)
  func uploadFromParts(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    server.enqueue(.json(#"{"text":"ok"}"#))
    let bytes = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("groq-parts-\(UUID().uuidString)")
    try bytes.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let parts: [MultipartBody.Content] = [
      .bytes(Data("head".utf8)), .file(file, offset: 100, length: 5000), .bytes(Data("middle".utf8)),
      .file(file, offset: 1000), .bytes(Data("tail".utf8)),
    ]
    let request = HTTPRequest(method: "POST", url: url(server, "/audio/transcriptions"), body: .parts(parts))
    let response = try await kind.make().send(request, idleTimeout: 10, deadline: 60)
    _ = try await response.body.collect()
    let expected = Data("head".utf8) + bytes[100..<5100] + Data("middle".utf8) + bytes[1000...] + Data("tail".utf8)
    let recorded = try #require(server.requests.first)
    #expect(recorded.body == expected)
    #expect(recorded.header("Content-Length") == String(expected.count))
  }

  @Test("a binary body arrives byte for byte", arguments: TransportKind.allCases)
  func binaryDownload(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    let audio = Data((0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
    server.enqueue(.data(audio, contentType: "audio/wav"))
    let request = HTTPRequest(method: "POST", url: url(server, "/audio/speech"), body: .data(Data("{}".utf8)))
    let response = try await kind.make().send(request, idleTimeout: 10, deadline: 60)
    #expect(response.headers["content-type"] == "audio/wav")
    #expect(try await response.body.collect() == audio)
  }

  @Test("cancelling the reader ends a stream that would never end", arguments: TransportKind.allCases)
  func cancellation(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    server.enqueue(.raw(steps: [.send("data: {}\n\n"), .hang]))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await kind.make().send(request, idleTimeout: 60, deadline: 600)
    let reader = Task { try await response.body.collect() }
    reader.cancel()
    await #expect(throws: CancellationError.self) { try await reader.value }
  }

  @Test("the overall deadline fires even while bytes keep arriving", arguments: TransportKind.allCases)
  func deadline(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    let trickle = (0..<100).flatMap { _ in [FakeStep.send(": keep-alive\n\n"), .pause(milliseconds: 100)] }
    server.enqueue(.raw(steps: trickle))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await kind.make().send(request, idleTimeout: 5, deadline: 1)
    let error = await #expect(throws: GroqError.self) { try await response.body.collect() }
    #expect(error?.kind == .timeout)
    #expect(error?.timeLimit == .deadline(seconds: 1))
  }

  @Test("a server that goes quiet fails on the idle timeout, named as such", arguments: TransportKind.allCases)
  func idleTimeout(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    server.enqueue(.raw(steps: [.send("data: {}\n\n"), .hang]))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await kind.make().send(request, idleTimeout: 1, deadline: 60)
    let error = await #expect(throws: GroqError.self) { try await response.body.collect() }
    #expect(error?.kind == .timeout)
    #expect(error?.timeLimit == .idle(seconds: 1))
  }

  @Test("bytes reach the reader as they arrive, before the body ends", arguments: TransportKind.allCases)
  func streamsAsBytesArrive(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    server.enqueue(.raw(steps: [.send("data: first\n\n"), .hang]))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await kind.make().send(request, idleTimeout: 60, deadline: 600)
    let first = try await response.body.read()
    #expect(first == Data("data: first\n\n".utf8))
    response.body.cancel()
  }

  @Test("a reader that falls behind still gets every byte, once, in order", arguments: TransportKind.allCases)
  func readerFallsBehind(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    let probe = FloodProbe()
    // 4000 distinct 1 KiB pieces: a lost, repeated or reordered piece shows in the comparison.
    let piece = Data((0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 13) })
    server.enqueue(.raw(steps: [.flood(piece, times: 4000, probe: probe)]))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await kind.make().send(request, idleTimeout: 30, deadline: 120)
    // Nothing is read until the transport has stopped the server (libcurl) or taken everything (URLSession).
    _ = probe.wait(stalledOr: piece.count * 4000)
    let body = try await response.body.collect()
    #expect(body.count == piece.count * 4000)
    #expect(body == Data(repeatElement(piece, count: 4000).joined()))
  }

  #if os(Linux)
    @Test("a reader on the body's own executor gets every byte in order, and ends", arguments: TransportKind.allCases)
    func readerOnReaderExecutor(_ kind: TransportKind) async throws {
      let server = try FakeGroqServer()
      let probe = FloodProbe()
      let piece = Data((0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 13) })
      server.enqueue(.raw(steps: [.flood(piece, times: 2000, probe: probe)]))
      let request = HTTPRequest(method: "GET", url: url(server, "/models"))
      let response = try await kind.make().send(request, idleTimeout: 30, deadline: 120)
      #if canImport(CCurl)
        // libcurl's driver thread offers itself; URLSession has no thread of its own to offer.
        #expect((response.body.readerExecutor != nil) == (kind == .curl))
      #endif
      let body = try await withTaskExecutorPreference(response.body.readerExecutor) {
        try await response.body.collect()
      }
      #expect(body == Data(repeatElement(piece, count: 2000).joined()))
    }

    @Test("Ctrl-C reaches a reader waiting on the body's own executor", arguments: TransportKind.allCases)
    func cancellationOnReaderExecutor(_ kind: TransportKind) async throws {
      let server = try FakeGroqServer()
      server.enqueue(.raw(steps: [.send("data: first\n\n"), .hang]))
      let request = HTTPRequest(method: "GET", url: url(server, "/models"))
      let response = try await kind.make().send(request, idleTimeout: 60, deadline: 600)
      let body = response.body
      let (firstRead, reported) = AsyncStream.makeStream(of: Data?.self)
      let reader = Task {
        try await withTaskExecutorPreference(body.readerExecutor) {
          reported.yield(try await body.read())
          // The server hangs: this read waits until the task is cancelled.
          while try await body.read() != nil {}
        }
      }
      // Cancelled once the first piece is in: the reader is then waiting on the network, not starting.
      var pieces = firstRead.makeAsyncIterator()
      #expect(await pieces.next() == Data("data: first\n\n".utf8))
      reader.cancel()
      await #expect(throws: CancellationError.self) { try await reader.value }
    }
  #endif

  @Test("one transport reuses its connection for the next request", arguments: TransportKind.allCases)
  func connectionReused(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    server.enqueue(.json(#"{"a":1}"#), .json(#"{"b":2}"#))
    let transport = kind.make()
    for _ in 0..<2 {
      let request = HTTPRequest(method: "GET", url: url(server, "/models"))
      _ = try await transport.send(request, idleTimeout: 10, deadline: 60).body.collect()
    }
    let connections = server.requests.map(\.connection)
    #expect(connections.count == 2)
    #expect(Set(connections).count == 1, "connections \(connections)")
  }

  @Test("a redirect is the answer, not followed", arguments: TransportKind.allCases)
  func redirectNotFollowed(_ kind: TransportKind) async throws {
    let server = try FakeGroqServer()
    server.enqueue(.json("{}", status: 302, headers: [("Location", server.baseURL + "/elsewhere")]))
    let request = HTTPRequest(method: "GET", url: url(server, "/models"))
    let response = try await kind.make().send(request, idleTimeout: 10, deadline: 60)
    #expect(response.status == 302)
    _ = try await response.body.collect()
    #expect(server.requests.count == 1)
  }
}

/// The transports groq can use on this platform.
enum TransportKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case urlSession
  #if canImport(CCurl)
    case curl
  #endif

  func make() -> any HTTPTransport {
    switch self {
    case .urlSession: URLSessionTransport()
    #if canImport(CCurl)
      case .curl: CurlTransport()
    #endif
    }
  }

  var testDescription: String { rawValue }
}
