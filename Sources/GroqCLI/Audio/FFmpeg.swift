import Foundation
import GroqKit

/// The `ffmpeg` on PATH, for the formats groq cannot cut itself. Groq's docs recommend 16 kHz mono FLAC for
/// uploads: Whisper downsamples to that anyway, and it is about half the size of the same WAV.
struct FFmpeg: Sendable {
  let executable: URL

  /// The first `ffmpeg` on `path` that can be run, or nil.
  static func locate(path: String?) -> FFmpeg? {
    for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("ffmpeg")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return FFmpeg(executable: candidate) }
    }
    return nil
  }

  /// The docs' recipe: the first audio track as 16 kHz mono FLAC, optionally only `piece` of it.
  func convertToFLAC(_ input: URL, output: URL, piece: AudioPiece? = nil) async throws {
    var arguments = ["-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    if let piece { arguments += ["-ss", String(piece.start), "-t", String(piece.duration)] }
    arguments += ["-i", input.path, "-map", "0:a:0", "-ac", "1", "-ar", "16000", "-c:a", "flac", output.path]
    try await run(arguments, input: input)
  }

  /// A WAV file in another format (`mp3`, `flac`, `ogg`), for speech models that answer WAV only.
  func convert(_ input: URL, to output: URL, format: String) async throws {
    try await run(
      ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input.path, "-f", format, output.path],
      input: input)
  }

  private func run(_ arguments: [String], input: URL) async throws {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let status: Int32 = try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do {
          try process.run()
        } catch {
          process.terminationHandler = nil
          continuation.resume(throwing: error)
        }
      }
    } onCancel: {
      process.terminate()
    }
    if Task.isCancelled { throw CancellationError() }
    guard status == 0 else {
      let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .split(whereSeparator: \.isNewline).last.map(String.init)
      throw CLIError(
        "ffmpeg could not convert '\(input.lastPathComponent)' (exit status \(status))",
        hint: detail.map { "ffmpeg said: \($0)" }, status: .usage)
    }
  }
}
