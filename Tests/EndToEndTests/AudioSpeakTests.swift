import FakeGroq
import Foundation
import Testing

@Suite("speak against the fake server")
struct AudioSpeakTests {
  let server: FakeGroqServer
  let directory: TemporaryDirectory

  init() throws {
    server = try FakeGroqServer()
    directory = try TemporaryDirectory()
  }

  func run(_ arguments: [String], stdin: String? = nil) throws -> BinaryResult {
    let input = try stdin.map { try directory.file("stdin-\(UUID().uuidString)", Data($0.utf8)) }
    return try AudioRun.run(arguments, stdin: input, server: server)
  }

  @Test("piped text to a pipe: a WAV whose header parses and whose audio is the text; a PlayAI voice maps to Orpheus")
  func pipeToPipe() throws {
    let result = try run(["speak", "-v", "Fritz-PlayAI"], stdin: "I love building and shipping new features\n")
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "groq: warning: Fritz-PlayAI was a PlayAI voice, retired by Groq on 2025-12-31; speaking with troy "
        + "(canopylabs/orpheus-v1-english)\n")
    let wav = try #require(FakeAudio.decode(result.stdout))
    #expect(wav.sampleRate == 48_000 && wav.channels == 1 && wav.bitsPerSample == 16)
    #expect(wav.riffSize == result.stdout.count - 8)
    let body = try #require(try server.requests.last?.json())
    #expect(body["model"] as? String == "canopylabs/orpheus-v1-english")
    #expect(body["voice"] as? String == "troy")
    #expect(body["response_format"] as? String == "wav")
    #expect(body["input"] as? String == "I love building and shipping new features")
    #expect(server.requests.last?.header("Accept") == "audio/wav")
  }

  @Test("-o writes the file; --speed and --sample-rate are sent; the model follows from the voice")
  func toFile() throws {
    let output = directory.url.appendingPathComponent("hello.wav")
    let result = try run([
      "speak", "-v", "troy", "-o", output.path, "--speed", "1.5", "--sample-rate", "24000", "Hello",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let wav = try #require(FakeAudio.decode(try Data(contentsOf: output)))
    #expect(wav.sampleRate == 24_000)
    let body = try #require(try server.requests.last?.json())
    #expect(body["model"] as? String == "canopylabs/orpheus-v1-english")
    #expect(body["speed"] as? Double == 1.5)
    #expect(body["sample_rate"] as? Int == 24_000)
  }

  @Test("a voice typed in another case is sent as the catalogue spells it")
  func voiceCase() throws {
    let result = try run(["speak", "-v", "Fahad", "Hello"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let body = try #require(try server.requests.last?.json())
    #expect(body["model"] as? String == "canopylabs/orpheus-arabic-saudi")
    #expect(body["voice"] as? String == "fahad")
    let female = try run(["speak", "-v", "amira-playai", "Hello"])
    #expect(female.stderr.contains("Amira-PlayAI was a PlayAI voice, retired by Groq on 2025-12-31; speaking with lulwa"))
    #expect(try server.requests.last?.json()["voice"] as? String == "lulwa")
  }

  @Test("no voice: the default speech model's first voice")
  func defaultVoice() throws {
    let result = try run(["speak", "hi"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let body = try #require(try server.requests.last?.json())
    #expect(body["model"] as? String == "canopylabs/orpheus-v1-english")
    #expect(body["voice"] as? String == "troy")
  }

  @Test(
    "Orpheus answers WAV only: --format mp3, flac and ogg ask for WAV and convert it with ffmpeg, long text too",
    .enabled(if: speakFFmpeg != nil),
    arguments: [("mp3", [Array("ID3".utf8), [0xFF]]), ("flac", [Array("fLaC".utf8)]), ("ogg", [Array("OggS".utf8)])])
  func convertedByFFmpeg(format: String, magic: [[UInt8]]) throws {
    // Two sentences over Orpheus's 200 characters per request: two WAV pieces, joined, then converted once.
    let long = String(repeating: "Fast models answer quickly. ", count: 6) + String(repeating: "And then more. ", count: 6)
    for text in ["hello", long] {
      let output = directory.url.appendingPathComponent("hello-\(text.count).\(format)")
      let before = server.requests.count
      let result = try run(["speak", "-v", "troy", "--format", format, "-o", output.path, text])
      #expect(result.status == 0, "\(result.stderr)")
      let sent = server.requests.dropFirst(before)
      #expect(sent.count == (text == long ? 2 : 1))
      #expect(try sent.allSatisfy { try $0.json()["response_format"] as? String == "wav" })
      let data = try Data(contentsOf: output)
      // An MP3 starts with an ID3 tag or a frame sync; FLAC and Ogg with their own marks.
      #expect(magic.contains { data.starts(with: $0) })
      // One whole file: ffmpeg reads it back as audio of the kind asked for, as long as the pieces together.
      let probe = Process()
      probe.executableURL = URL(fileURLWithPath: try #require(speakFFmpeg))
      probe.arguments = ["-v", "error", "-i", output.path, "-f", "null", "-"]
      probe.standardError = FileHandle.nullDevice
      try probe.run()
      probe.waitUntilExit()
      #expect(probe.terminationStatus == 0)
    }
  }

  @Test("without ffmpeg, a format Orpheus does not speak is refused before sending, with the command to convert")
  func formatWithoutFFmpeg() throws {
    // The test's own scratch folder holds no ffmpeg.
    let result = try AudioRun.run(
      ["speak", "-v", "troy", "--format", "mp3", "hello"], server: server, environment: ["PATH": directory.url.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("needs ffmpeg"))
    #expect(result.stderr.contains("ffmpeg -i hello.wav hello.mp3"))
    #expect(server.requests.isEmpty)
  }

  @Test("-o through a symbolic link writes the file it points to and leaves the link a link")
  func outputThroughLink() throws {
    let real = try directory.file("real.wav", Data("old".utf8))
    let link = directory.url.appendingPathComponent("link.wav")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let result = try run(["speak", "-v", "troy", "-o", link.path, "Hello"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
    #expect(FakeAudio.decode(try Data(contentsOf: real)) != nil)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == ["link.wav", "real.wav"])
  }

  @Test("-f reads the text from a file; -o - is stdout")
  func fromFile() throws {
    let text = try directory.file("hello.txt", Data("Héllo wörld 🎉\n".utf8))
    let result = try run(["speak", "-v", "troy", "-f", text.path, "-o", "-"])
    #expect(result.status == 0)
    #expect(try server.requests.last?.json()["input"] as? String == "Héllo wörld 🎉")
    #expect(FakeAudio.decode(result.stdout) != nil)
  }

  @Test("text over the model's cap is split at sentences, spoken in turn and joined into one valid WAV")
  func longText() throws {
    let sentences = (1...12).map { "This is sentence number \($0), spoken by the fake server." }
    let text = sentences.joined(separator: " ")
    let output = directory.url.appendingPathComponent("long.wav")
    let result = try run(["speak", "-v", "troy", "-o", output.path], stdin: text)
    #expect(result.status == 0, "\(result.stderr)")
    let inputs = try server.requests.map { try #require($0.json()["input"] as? String) }
    #expect(inputs.count > 1)
    #expect(inputs.allSatisfy { $0.unicodeScalars.count <= 200 })
    #expect(inputs.joined(separator: " ") == text)
    let data = try Data(contentsOf: output)
    let wav = try #require(FakeAudio.decode(data))
    #expect(wav.riffSize == data.count - 8)
    // The fake's audio spells its input: the joined file says every piece, in order.
    #expect(AudioSpeechReading.text(wav) == inputs.joined())
    let piped = try run(["speak", "-v", "troy"], stdin: text)
    #expect(piped.status == 0)
    #expect(piped.stdout == data)
  }

  @Test("long text in a format that cannot be joined is refused before anything is sent")
  func notJoinable() throws {
    let result = try run(
      ["speak", "-m", "some/new-tts", "-v", "x", "--format", "flac"], stdin: String(repeating: "Word. ", count: 60))
    #expect(result.status == 2)
    #expect(result.stderr.contains("flac pieces cannot be joined"))
    #expect(server.requests.isEmpty)
  }

  @Test("an unknown voice goes to the server, and its refusal lists the voices groq knows")
  func unknownVoice() throws {
    let result = try run(["speak", "-v", "Fritzy", "-m", "canopylabs/orpheus-v1-english", "hi"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: the server refused voice 'Fritzy' for canopylabs/orpheus-v1-english: "))
    #expect(result.stderr.contains("hint: voices groq knows for canopylabs/orpheus-v1-english: troy, autumn, "))
    #expect(result.stdout.isEmpty)
    #expect(server.requests.count == 1)
  }

  @Test("--list-voices prints the catalogue, one tab-separated line per voice in a pipe")
  func listVoices() throws {
    let result = try run(["speak", "--list-voices"])
    #expect(result.status == 0)
    let lines = result.text.split(separator: "\n")
    let live = try #require(lines.firstIndex(of: "troy\tcanopylabs/orpheus-v1-english\tEnglish\t200"))
    let retired = try #require(lines.firstIndex(of: "Fritz-PlayAI\tplayai-tts\tEnglish\tretired 2025-12-31\ttroy"))
    #expect(live < retired)
    #expect(lines.contains("noura\tcanopylabs/orpheus-arabic-saudi\tArabic\t200"))
    #expect(server.requests.isEmpty)
  }

  @Test(
    "bad input is exit 2 before any request",
    arguments: [
      (["speak", "-v", "troy", "--format", "mulaw", "hi"], "cannot convert to mulaw"),
      (["speak", "-v", "troy", "--speed", "9", "hi"], "--speed"),
      (["speak", "-v", "troy", "--sample-rate", "12345", "hi"], "--sample-rate"),
      (["speak", "-v", "troy", "--format", "aiff", "hi"], "--format"),
      (["speak", "-v", "troy", "-f", "/nonexistent/text.txt"], "cannot read"),
    ])
  func badInput(arguments: [String], message: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: "))
    #expect(result.stderr.contains(message))
    #expect(server.requests.isEmpty)
  }

  @Test("audio is never written to a terminal", .timeLimit(.minutes(1)))
  func refusesTerminal() throws {
    let result = try PseudoTerminal.run(["speak", "-v", "troy", "Hello"], server: server)
    #expect(result.status == 2)
    #expect(result.stdout.contains("refusing to write audio to a terminal"))
    #expect(server.requests.isEmpty)
  }
}

/// Reads back the text the fake's WAV spells: 10 ms of samples per character, each holding its scalar value.
enum AudioSpeechReading {
  static func text(_ wav: FakeAudio.Decoded) -> String {
    let perCharacter = wav.sampleRate / 100
    let values = wav.values
    var scalars = String.UnicodeScalarView()
    for index in stride(from: 0, to: values.count, by: perCharacter) {
      if let scalar = Unicode.Scalar(UInt32(UInt16(bitPattern: values[index]))) { scalars.append(scalar) }
    }
    return String(scalars)
  }
}

/// ffmpeg on this machine's PATH, if any: speech converted from WAV is tested only where it is installed.
private let speakFFmpeg: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
  .map { "\($0)/ffmpeg" }.first { FileManager.default.isExecutableFile(atPath: $0) }
