import Foundation
import Testing

@testable import GroqKit

@Suite("splitting audio and merging the transcripts")
struct AudioSplitTests {
  @Test("audio that fits is one piece")
  func fits() throws {
    #expect(try AudioSplitPlan.pieces(duration: 600, bytesPerSecond: 32000) == [AudioPiece(start: 0, duration: 600)])
  }

  @Test("a long recording: overlapping pieces under the byte limit, starting on whole seconds, covering it all")
  func long() throws {
    let pieces = try AudioSplitPlan.pieces(duration: 2000.5, bytesPerSecond: 32000)
    #expect(pieces.map(\.start) == [0, 740, 1480])
    #expect(pieces.allSatisfy { $0.duration * 32000 <= AudioSplitPlan.pieceBytes })
    #expect(pieces.last?.end == 2000.5)
    for (earlier, later) in zip(pieces, pieces.dropFirst()) { #expect(earlier.end - later.start == 10) }
  }

  @Test("no piece is shorter than the 10 s billing minimum: the last one starts earlier instead")
  func minimum() throws {
    // With the usual 10 s overlap a last piece is always longer than 10 s; a short overlap shows the rule.
    let pieces = try AudioSplitPlan.pieces(duration: 755, bytesPerSecond: 32000, overlap: 2)
    #expect(pieces.map(\.start) == [0, 745])
    #expect(pieces[1].duration == 10)
  }

  @Test("a bit rate too high for 10 s pieces is refused")
  func tooDense() {
    #expect(throws: AudioFormatError.self) { try AudioSplitPlan.pieces(duration: 100, bytesPerSecond: 2_000_000) }
  }

  static func segment(_ id: Int, _ start: Double, _ end: Double, _ text: String) -> Transcription.Segment {
    Transcription.Segment(id: id, seek: Int(start * 100), start: start, end: end, text: text)
  }

  @Test("merging: times shifted, the overlap said once, ids renumbered, one text")
  func merge() {
    let first = Transcription(
      task: "transcribe", language: "English", duration: 30, text: " A. B. C.",
      segments: [Self.segment(0, 0, 12, " A."), Self.segment(1, 12, 24, " B."), Self.segment(2, 24, 30, " C.")],
      words: [
        Transcription.Word(word: "A", start: 0, end: 12), Transcription.Word(word: "B", start: 12, end: 24),
        Transcription.Word(word: "C", start: 24, end: 30),
      ])
    // The second piece starts at 20 s: its "B." (local 0-4) is the end of the first piece's B, its "C." is C.
    let second = Transcription(
      task: "transcribe", language: "English", duration: 25, text: " B. C. D.",
      segments: [Self.segment(0, 0, 4, " B."), Self.segment(1, 4, 10, " C."), Self.segment(2, 10, 25, " D.")],
      words: [
        Transcription.Word(word: "B", start: 0, end: 4), Transcription.Word(word: "C", start: 4, end: 10),
        Transcription.Word(word: "D", start: 10, end: 25),
      ])
    let merged = TranscriptMerger.merge([
      (AudioPiece(start: 0, duration: 30), first), (AudioPiece(start: 20, duration: 25), second),
    ])
    // The cut is at 25 s, the middle of the 20-30 s overlap: the first piece's C starts at 24, so it stays and the
    // second piece's C (at 24 too) goes; D comes from the second piece.
    #expect(merged.segments?.map(\.text) == [" A.", " B.", " C.", " D."])
    #expect(merged.segments?.map(\.id) == [0, 1, 2, 3])
    #expect(merged.segments?.map(\.start) == [0, 12, 24, 30])
    #expect(merged.segments?.map(\.end) == [12, 24, 30, 45])
    #expect(merged.segments?.last?.seek == 3000)
    #expect(merged.words?.map(\.word) == ["A", "B", "C", "D"])
    #expect(merged.text == " A. B. C. D.")
    #expect(merged.duration == 45)
    #expect(merged.language == "English")
  }

  @Test("an earlier segment running past the next one's start is cut short there")
  func clipsOverlap() {
    let first = Transcription(text: " Long.", segments: [Self.segment(0, 0, 29, " Long.")])
    let second = Transcription(text: " Next.", segments: [Self.segment(0, 7, 12, " Next.")])
    let merged = TranscriptMerger.merge([
      (AudioPiece(start: 0, duration: 30), first), (AudioPiece(start: 20, duration: 20), second),
    ])
    #expect(merged.segments?.map(\.end) == [27, 32])
  }
}

@Suite("multipart bodies")
struct MultipartBodyTests {
  @Test("fields in order, repeated names kept, the file last with its name and type, ranges of files copied")
  func layout() throws {
    let source = FileManager.default.temporaryDirectory.appendingPathComponent("mp-\(UUID().uuidString)")
    try Data("0123456789".utf8).write(to: source)
    defer { try? FileManager.default.removeItem(at: source) }
    let body = MultipartBody(
      fields: [("model", "m"), ("timestamp_granularities[]", "word"), ("timestamp_granularities[]", "segment")],
      file: MultipartBody.FilePart(
        filename: "a \"b\".wav", contentType: "audio/wav",
        contents: [.bytes(Data("H".utf8)), .file(source, offset: 2, length: 3), .file(source, offset: 8)]),
      boundary: "XX")
    let url = try body.write()
    defer { try? FileManager.default.removeItem(at: url) }
    let written = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    #expect(
      written
        == "--XX\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nm\r\n"
        + "--XX\r\nContent-Disposition: form-data; name=\"timestamp_granularities[]\"\r\n\r\nword\r\n"
        + "--XX\r\nContent-Disposition: form-data; name=\"timestamp_granularities[]\"\r\n\r\nsegment\r\n"
        + "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a %22b%22.wav\"\r\n"
        + "Content-Type: audio/wav\r\n\r\nH23489\r\n--XX--\r\n")
    #expect(body.contentType == "multipart/form-data; boundary=XX")
  }

  @Test("a transcription request's form: granularities one part each, url instead of a file")
  func transcriptionForm() {
    let request = TranscriptionRequest(
      task: .transcribe, model: "whisper-large-v3-turbo", source: .url("https://example.com/a.flac"), language: "en",
      responseFormat: .verboseJSON, granularities: [.word, .segment])
    let form = request.multipart
    #expect(
      form.fields.map(\.name) == [
        "model", "url", "language", "response_format", "timestamp_granularities[]", "timestamp_granularities[]",
      ])
    #expect(form.file == nil)
  }

  @Test(
    "stdin's format is told from its first bytes",
    arguments: [
      ("RIFF\0\0\0\0WAVEfmt ", "wav"), ("fLaC\0\0\0\"", "flac"), ("OggS\0\u{2}", "ogg"), ("ID3\u{4}\0", "mp3"),
      ("\0\0\0\u{20}ftypM4A ", "m4a"),
    ])
  func sniff(head: String, ext: String) {
    #expect(AudioFileType.sniff(Data(head.utf8))?.fileExtension == ext)
  }
}
