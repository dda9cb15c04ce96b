import FakeGroq
import Foundation
import Testing

/// A 12 s recording the fake hears as " Second 100. Second 105. Second 110." (see FakeAudio).
private let talk = FakeAudio.wav(seconds: 12) { Int16(100 + $0) }

@Suite("transcribe and translate against the fake server")
struct AudioTranscribeTests {
  let server: FakeGroqServer
  let directory: TemporaryDirectory
  let wav: URL

  init() throws {
    server = try FakeGroqServer()
    directory = try TemporaryDirectory()
    wav = try directory.file("talk.wav", talk)
  }

  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  func run(_ arguments: [String], stdin: URL? = nil, environment: [String: String] = [:]) throws -> BinaryResult {
    try AudioRun.run(arguments, stdin: stdin, server: server, environment: environment)
  }

  /// The multipart form of the last request: (name, filename, value) per part, in order.
  func lastForm() throws -> [(name: String, filename: String?, value: String)] {
    let form = try #require(server.requests.last?.multipartForm)
    return form.parts.map { ($0.name, $0.filename, $0.text) }
  }

  @Test("the text on stdout, asked for as text, uploaded as multipart with the file's name and type")
  func text() throws {
    let result = try run(["transcribe", wav.path])
    #expect(result.status == 0)
    #expect(result.text == "Second 100. Second 105. Second 110.\n")
    #expect(result.stderr == "")
    let request = try #require(server.requests.last)
    #expect(request.path == "/openai/v1/audio/transcriptions")
    #expect(request.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)
    #expect(request.header("Content-Length") == String(request.body.count))
    let form = try lastForm()
    #expect(form.map(\.name) == ["model", "response_format", "file"])
    #expect(form[0].value == "whisper-large-v3-turbo")
    #expect(form[1].value == "text")
    #expect(form[2].filename == "talk.wav")
    #expect(String(decoding: request.body, as: UTF8.self).contains("Content-Type: audio/wav\r\n"))
  }

  @Test("json and verbose_json are the server's own bodies")
  func json() throws {
    let json = try run(["transcribe", wav.path, "--format", "json"])
    #expect(json.status == 0)
    #expect(json.text.hasPrefix(#"{"text":" Second 100. Second 105. Second 110.","x_groq":{"id":"req_"#))
    let verbose = try run(["transcribe", wav.path, "--format", "verbose_json"])
    let object = try #require(try JSONSerialization.jsonObject(with: verbose.stdout) as? [String: Any])
    #expect((object["segments"] as? [Any])?.count == 3)
    #expect(object["words"] == nil)
    #expect(try lastForm().filter { $0.name == "timestamp_granularities[]" }.map(\.value) == ["segment"])
  }

  @Test("srt and vtt are built locally from segment times and match the golden files", arguments: ["srt", "vtt"])
  func subtitles(format: String) throws {
    let result = try run(["transcribe", wav.path, "--format", format])
    #expect(result.status == 0)
    let golden = try String(
      contentsOf: Self.goldenDirectory.appendingPathComponent("talk.\(format)"), encoding: .utf8)
    #expect(result.text == golden)
    #expect(try lastForm().first { $0.name == "response_format" }?.value == "verbose_json")
  }

  @Test("tsv: Whisper's header and milliseconds")
  func tsv() throws {
    let result = try run(["transcribe", wav.path, "--format", "tsv"])
    #expect(
      result.text == "start\tend\ttext\n0\t5000\tSecond 100.\n5000\t10000\tSecond 105.\n10000\t12000\tSecond 110.\n")
  }

  @Test("--words: one line per word, and word granularity asked for, one part per value")
  func words() throws {
    let result = try run(["transcribe", wav.path, "--words"])
    #expect(result.status == 0)
    let lines = result.text.split(separator: "\n")
    #expect(lines.count == 6)
    #expect(lines.first == "0.00\t2.50\tSecond")
    #expect(lines.last == "11.00\t12.00\t110")
    #expect(try lastForm().filter { $0.name == "timestamp_granularities[]" }.map(\.value) == ["word", "segment"])
  }

  @Test("--words with subtitles: one cue per word")
  func wordCues() throws {
    let result = try run(["transcribe", wav.path, "--words", "--format", "vtt"])
    #expect(result.status == 0)
    #expect(
      result.text.hasPrefix("WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nSecond\n\n00:00:02.500 --> 00:00:05.000\n100\n"))
  }

  @Test("a progress bar for a large upload on a terminal's stderr, none in a pipe", .timeLimit(.minutes(1)))
  func progress() throws {
    let big = try directory.file("big.wav", FakeAudio.wav(seconds: 160) { Int16(100 + $0) })
    let terminal = try PseudoTerminal.run(["transcribe", big.path], server: server)
    #expect(terminal.status == 0)
    #expect(terminal.stdout.contains("uploading big.wav ["))
    #expect(terminal.stdout.contains("] 100% 5.1/5.1 MB"))
    #expect(terminal.stdout.hasSuffix("Second 255.\n"))
    let piped = try run(["transcribe", big.path])
    #expect(piped.stderr == "")
  }

  @Test("--segments: one line per segment")
  func segments() throws {
    let result = try run(["transcribe", wav.path, "--segments"])
    #expect(result.text == "0.00\t5.00\tSecond 100.\n5.00\t10.00\tSecond 105.\n10.00\t12.00\tSecond 110.\n")
  }

  @Test("--url sends no file, and the language, prompt and temperature go as fields")
  func url() throws {
    let result = try run([
      "transcribe", "--url", "https://example.com/a.flac", "--language", "en", "--prompt", "Groq, LPU",
      "--temperature", "0.2",
    ])
    #expect(result.status == 0)
    #expect(result.text == "Hello there. How are you?\n")
    let form = try lastForm()
    #expect(form.map(\.name) == ["model", "url", "language", "prompt", "response_format", "temperature"])
    #expect(
      form.map(\.value) == [
        "whisper-large-v3-turbo", "https://example.com/a.flac", "en", "Groq, LPU", "text", "0.2",
      ])
  }

  @Test("a file name with a semicolon, quotes and accents reaches the server intact (quotes as %22)")
  func awkwardName() throws {
    let file = try directory.file("café; \"x\".wav", talk)
    let result = try run(["transcribe", file.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try lastForm().last?.filename == "café; %22x%22.wav")
  }

  @Test("'-' reads the audio from stdin and names its format from its bytes")
  func stdin() throws {
    let result = try run(["transcribe", "-", "--format", "srt"], stdin: wav)
    #expect(result.status == 0)
    #expect(result.text.hasPrefix("1\n00:00:00,000 --> 00:00:05,000\nSecond 100.\n"))
    #expect(try lastForm().last?.filename == "audio.wav")
  }

  @Test(
    "Ctrl-C while stdin is still open ends at once with 130, leaving no temporary file", .timeLimit(.minutes(1)))
  func interruptReadingStdin() throws {
    let temporary = try TemporaryDirectory()
    let process = try GroqProcess(
      ["transcribe", "-"], environment: GroqProcess.environment(server: server, ["TMPDIR": temporary.url.path]))
    // A write this much larger than a pipe's buffer returns only once groq has read most of it: groq is copying.
    process.write(FakeAudio.wav(seconds: 40).prefix(1 << 20))
    process.interrupt()
    let exited = process.waitForExit(timeout: 10)
    let result = process.finish()
    #expect(exited)
    #expect(result.status == 130)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == [])
    #expect(server.requests.isEmpty)
  }

  @Test("translate uses whisper-large-v3 and the translations endpoint, with no granularities")
  func translate() throws {
    let result = try run(["translate", wav.path, "--format", "vtt"])
    #expect(result.status == 0)
    #expect(result.text.hasPrefix("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nSecond 100.\n"))
    #expect(server.requests.last?.path == "/openai/v1/audio/translations")
    let form = try lastForm()
    #expect(form.first?.value == "whisper-large-v3")
    #expect(!form.contains { $0.name == "timestamp_granularities[]" })
  }

  @Test("--flag-suspect marks segments past Whisper's thresholds and counts them on stderr")
  func flagSuspect() throws {
    let quiet = try directory.file("quiet.wav", FakeAudio.wav(seconds: 10) { $0 < 5 ? 0 : 7 })
    let result = try run(["transcribe", quiet.path, "--format", "srt", "--flag-suspect"])
    #expect(result.status == 0)
    #expect(result.text.contains("00:00:00,000 --> 00:00:05,000\n[suspect] Second 0.\n"))
    #expect(result.text.contains("00:00:05,000 --> 00:00:10,000\nSecond 7.\n"))
    #expect(result.stderr.hasPrefix("1 of 2 segments suspect"))
  }

  @Test("a 413 from the server is reported as audio too large, exit 1")
  func tooLarge() throws {
    server.enqueue(.groqError(status: 413, message: "Request Entity Too Large", code: "request_too_large"))
    let result = try run(["transcribe", wav.path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: the server refused the audio as too large: Request Entity Too Large"))
    #expect(result.text == "")
  }

  @Test(
    "bad input is one line and exit 2, before any upload",
    arguments: [
      (["transcribe"], "no audio given"),
      (["transcribe", "missing.wav"], "no such file: 'missing.wav'"),
      (["transcribe", "DIR"], "is a directory"),
      (["transcribe", "EMPTY"], "is empty"),
      (["transcribe", "NOTES"], "unsupported audio format '.txt'"),
      (["transcribe", "WAV", "WAV"], "expected one audio file, got 2"),
      (["transcribe", "-"], "standard input is empty"),
      (["transcribe", "WAV", "--url", "https://example.com/a.wav"], "not both"),
      (["transcribe", "--url", "ftp://example.com/a.wav"], "expected an http or https URL"),
      (["transcribe", "WAV", "--format", "docx"], "invalid value 'docx' for --format"),
      (["transcribe", "WAV", "--temperature", "1.5"], "--temperature"),
      (["transcribe", "WAV", "--language", "English"], "ISO-639-1"),
      (["transcribe", "WAV", "--words", "--format", "json"], "--words prints timings"),
      (["translate", "WAV", "-m", "whisper-large-v3-turbo"], "whisper-large-v3-turbo cannot translate"),
      (["translate", "WAV", "--language", "de"], "unknown option '--language'"),
      (["translate", "WAV", "--words"], "unknown option '--words'"),
    ])
  func badInput(arguments: [String], message: String) throws {
    let empty = try directory.file("empty.wav", Data())
    let notes = try directory.file("notes.txt", Data("hi".utf8))
    let substitutions = ["DIR": directory.url.path, "EMPTY": empty.path, "NOTES": notes.path, "WAV": wav.path]
    let result = try run(arguments.map { substitutions[$0] ?? $0 })
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: "))
    #expect(result.stderr.contains(message))
    #expect(result.stderr.split(separator: "\n").count == 2)
    #expect(result.stdout.isEmpty)
    #expect(server.requests.isEmpty)
  }

  @Test("a file past 25 MB in a format groq cannot cut needs ffmpeg, and says so when it is missing")
  func ffmpegMissing() throws {
    let mp3 = directory.url.appendingPathComponent("long.mp3")
    #expect(FileManager.default.createFile(atPath: mp3.path, contents: Data("ID3".utf8)))
    // Sparse: the size is checked before any byte is read.
    let handle = try FileHandle(forWritingTo: mp3)
    try handle.truncate(atOffset: 26_000_000)
    try handle.close()
    let result = try run(["transcribe", mp3.path], environment: ["PATH": "/nonexistent"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("splitting it needs ffmpeg, which is not on PATH"))
    #expect(result.stderr.contains("hint: install ffmpeg"))
    #expect(server.requests.isEmpty)
  }
}
