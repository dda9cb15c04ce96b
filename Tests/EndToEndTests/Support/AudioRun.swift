import FakeGroq
import Foundation

/// What a `groq` run left behind, with stdout as bytes: audio is not text.
struct BinaryResult {
  var stdout: Data
  var stderr: String
  var status: Int32
  var text: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs `groq` with stdin from a file (or empty) and stdout and stderr to files, so binary output arrives intact and
/// a large one cannot fill a pipe nobody reads.
enum AudioRun {
  static func run(
    _ arguments: [String], stdin: URL? = nil, server: FakeGroqServer?, environment extra: [String: String] = [:],
    timeout: Double = 60
  ) throws -> BinaryResult {
    let directory = try TemporaryDirectory()
    let out = directory.url.appendingPathComponent("stdout")
    let err = directory.url.appendingPathComponent("stderr")
    for url in [out, err] where !FileManager.default.createFile(atPath: url.path, contents: nil) {
      throw CocoaError(.fileWriteUnknown)
    }
    let process = Process()
    process.executableURL = GroqProcess.executable
    process.arguments = arguments
    process.environment = GroqProcess.environment(server: server, extra)
    process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      exited.wait()
    }
    return BinaryResult(
      stdout: try Data(contentsOf: out), stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
      status: process.terminationStatus)
  }
}

/// A directory removed when the value goes away.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("groq-audio-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func file(_ name: String, _ data: Data) throws -> URL {
    let file = url.appendingPathComponent(name)
    try data.write(to: file)
    return file
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}
