import FakeGroq
import Foundation
import Testing

@Suite("files past the 25 MB upload limit")
struct AudioSplitTests {
  /// 30 MB at 22.05 kHz: pieces start at 0 and 534 s, which no 5 s fake segment boundary matches, so a piece cut or
  /// shifted wrongly shows up as a segment whose text does not name its start.
  @Test("a 30 MB WAV is split, sent piece by piece, and merged with continuous timestamps", .timeLimit(.minutes(1)))
  func thirtyMegabytes() throws {
    let server = try FakeGroqServer()
    let directory = try TemporaryDirectory()
    let wav = directory.url.appendingPathComponent("long.wav")
    let seconds = 680
    try FakeAudio.writeWAV(to: wav, seconds: seconds, sampleRate: 22_050) { Int16($0) }
    let size = try #require(try FileManager.default.attributesOfItem(atPath: wav.path)[.size] as? Int)
    #expect(size > 29_900_000)

    let result = try AudioRun.run(["transcribe", wav.path, "--format", "verbose_json"], server: server)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    #expect(server.requests.count == 2)
    #expect(server.requests.allSatisfy { $0.body.count < 25 * 1024 * 1024 })

    let transcription = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let segments = try #require(transcription["segments"] as? [[String: Any]])
    let starts = segments.compactMap { $0["start"] as? Double }
    let ends = segments.compactMap { $0["end"] as? Double }
    let texts = segments.compactMap { $0["text"] as? String }
    #expect(segments.compactMap { $0["id"] as? Int } == Array(0..<segments.count))
    #expect(starts.first == 0)
    #expect(ends.last == Double(seconds))
    #expect(transcription["duration"] as? Double == Double(seconds))
    // Contiguous: each segment ends where the next begins, so nothing is said twice or lost.
    #expect(Array(ends.dropLast()) == Array(starts.dropFirst()))
    // Each segment says the second it starts at: the shift by each piece's offset is right.
    #expect(texts == starts.map { " Second \(Int($0))." })
    #expect(starts.contains(539))
    #expect(transcription["text"] as? String == texts.joined())
  }
}

/// ffmpeg on this machine's PATH, if any: the non-WAV split runs only where it is installed (not on CI).
private let ffmpeg: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
  .map { "\($0)/ffmpeg" }.first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("files past the 25 MB upload limit, through ffmpeg")
struct AudioFFmpegSplitTests {
  /// Seconds of a FLAC file's STREAMINFO (total samples / sample rate).
  static func flacSeconds(_ data: Data) -> Double? {
    let bytes = [UInt8](data.prefix(42))
    guard bytes.count == 42, bytes[0..<4] == [0x66, 0x4C, 0x61, 0x43] else { return nil }
    let rate = Int(bytes[18]) << 12 | Int(bytes[19]) << 4 | Int(bytes[20]) >> 4
    let samples =
      Int(bytes[21] & 0x0F) << 32 | Int(bytes[22]) << 24 | Int(bytes[23]) << 16 | Int(bytes[24]) << 8
      | Int(bytes[25])
    return rate > 0 ? Double(samples) / Double(rate) : nil
  }

  @Test(
    "a large non-WAV file becomes 16 kHz mono FLAC pieces that overlap by 10 s", .enabled(if: ffmpeg != nil),
    .timeLimit(.minutes(1)))
  func noise() throws {
    let server = try FakeGroqServer()
    let directory = try TemporaryDirectory()
    let noise = directory.url.appendingPathComponent("noise.flac")
    let generate = Process()
    generate.executableURL = URL(fileURLWithPath: try #require(ffmpeg))
    // White noise barely compresses: 600 s of it is about 28 MB of FLAC.
    generate.arguments = [
      "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "anoisesrc=d=600:r=16000:a=0.5", "-ac", "1", noise.path,
    ]
    try generate.run()
    generate.waitUntilExit()
    #expect(try #require(FileManager.default.attributesOfItem(atPath: noise.path)[.size] as? Int) > 25_000_000)

    let result = try AudioRun.run(["transcribe", noise.path, "--format", "verbose_json"], server: server)
    #expect(result.status == 0, "\(result.stderr)")
    let files = server.requests.compactMap { $0.multipartForm?.file }
    #expect(files.map(\.filename) == ["noise.part1.flac", "noise.part2.flac"])
    #expect(files.allSatisfy { $0.body.count < 25 * 1024 * 1024 && $0.contentType == "audio/flac" })
    let seconds = files.compactMap { Self.flacSeconds($0.body) }
    #expect(seconds.count == 2)
    #expect(abs(seconds.reduce(0, +) - 10 - 600) < 0.1)
  }
}
