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
