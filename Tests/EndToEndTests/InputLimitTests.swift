import FakeGroq
import Foundation
import Testing

/// Endless or huge input ends in a clear error before memory or disk runs out (issue 11, item 9), and inputs that are
/// not regular files get a message that says so (items 10 and 11).
@Suite("input limits and odd files", .timeLimit(.minutes(1)))
struct InputLimitTests {
  @Test(
    "an endless stdin is refused at its limit, and nothing is sent",
    arguments: [
      (["chat", "hi"], "standard input is over 32 MB, more than groq takes as a prompt"),
      (["speak", "-v", "troy", "-o", "/dev/null"], "standard input is over 1 MB, more than groq takes as text to speak"),
      (["transcribe", "-"], "cannot tell the audio format of standard input"),
    ])
  func endlessStdin(arguments: [String], message: String) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(arguments, server: server, stdinPath: "/dev/zero")
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: " + message))
    #expect(server.requests.isEmpty)
  }

  @Test(
    "a text file that never ends, or is a folder, is refused with the reason",
    arguments: [
      ("/dev/zero", "'/dev/zero' is over 1 MB, more than groq takes as text to speak"),
      ("/", "cannot read '/': it is a folder"),
    ])
  func speakFile(path: String, message: String) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["speak", "-v", "troy", "-f", path, "-o", "/dev/null"], server: server)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: " + message))
  }

  @Test("a named pipe given as the audio file is called one, not 'empty'")
  func fifoAudio() throws {
    let directory = GroqProcess.scratchDirectory("fifo")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/talk.wav"
    mkfifo(path, 0o600)
    let result = try GroqProcess.run(["transcribe", path], server: try FakeGroqServer())
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: '\(path)' is a named pipe, not a regular file"))
    #expect(result.stderr.contains("groq transcribe - < '\(path)'"))
  }

  @Test("Foundation's error codes never reach the user: an IPv6 address groq cannot use is put into words")
  func foundationErrorInWords() throws {
    let result = try GroqProcess.run(
      ["models", "--max-retries", "0"], environment: ["GROQ_API_KEY": "gsk_x", "GROQ_BASE_URL": "http://[::1]:9"])
    #expect(result.status == 1)
    #expect(!result.stderr.contains("Domain error"))
    #expect(result.stderr.hasPrefix("groq: error: "))
  }

  @Test("two `speak -o same.wav` at once both succeed and leave one whole WAV")
  func concurrentSpeakSameFile() throws {
    let server = try FakeGroqServer()
    let directory = GroqProcess.scratchDirectory("speak")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let output = directory + "/same.wav"
    let environment = GroqProcess.environment(server: server, [:])
    let processes = try (0..<4).map { _ in
      try GroqProcess(["speak", "-v", "troy", "-o", output, "Hello there"], environment: environment)
    }
    let results = processes.map { $0.finish() }
    for result in results {
      #expect(result.status == 0)
      #expect(result.stderr == "")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["same.wav"])
    #expect(FakeAudio.decode(try Data(contentsOf: URL(fileURLWithPath: output))) != nil)
  }

  @Test("a line history that is a FIFO is refused with a warning; the REPL starts anyway")
  func fifoHistory() throws {
    let server = try FakeGroqServer()
    let home = REPLTests.freshHome()
    let state = home + "/.local/state/groq"
    try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
    chmod(state, 0o700)
    mkfifo(state + "/history", 0o600)
    let session = try TerminalSession(["chat"], server: server, environment: ["HOME": home])
    #expect(session.expect("the line history \(state)/history is not a regular file; line history is off"))
    #expect(session.expect("> "))
    session.type("\u{04}")
    #expect(session.finish() == 0)
  }
}
