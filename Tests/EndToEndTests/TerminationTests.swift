import FakeGroq
import Foundation
import Testing

/// SIGTERM and SIGHUP handled like Ctrl-C: terminal restored, what was shown saved, temporary files removed, and
/// the shell's status (143, 129) (issue 11, item 4).
@Suite("SIGTERM and SIGHUP", .timeLimit(.minutes(1)))
struct TerminationTests {
  static let slowStory = FakeResponse.chatStream(
    tokens: ["Partial"] + Array(repeating: " word", count: 500), options: StreamOptions(tokenDelayMilliseconds: 20))

  static func saved(_ home: String, _ id: String) throws -> [[String: Any]] {
    let path = home + "/.local/share/groq/conversations/\(id).json"
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    return (object as? [String: Any])?["messages"] as? [[String: Any]] ?? []
  }

  @Test("mid-answer in the REPL: the answer so far is saved as interrupted, the terminal restored", arguments: [
    (SIGTERM, Int32(143)), (SIGHUP, Int32(129)),
  ])
  func replMidAnswer(signal: Int32, status: Int32) throws {
    let server = try FakeGroqServer()
    let home = REPLTests.freshHome()
    let session = try REPLTests.open(server, arguments: ["--session", "story"], home: home)
    server.enqueue(Self.slowStory)
    session.type("tell me a long story\r")
    #expect(session.expect("Partial word"))
    session.signal(signal)
    #expect(session.finish() == status)
    #expect(session.isCooked)
    let messages = try Self.saved(home, "story")
    #expect(messages.count == 2)
    #expect(messages.first?["content"] as? String == "tell me a long story")
    #expect((messages.last?["content"] as? String)?.hasPrefix("Partial word") == true)
    #expect(messages.last?["interrupted"] as? Bool == true)
  }

  @Test("at the REPL's prompt: it leaves at once with the signal's status and a cooked terminal")
  func replAtPrompt() throws {
    let server = try FakeGroqServer()
    let session = try REPLTests.open(server)
    session.type("half a line")
    session.signal(SIGTERM)
    #expect(session.finish() == 143)
    #expect(session.isCooked)
  }

  @Test("a one-shot mid-answer keeps what it printed and exits 143")
  func oneShot() throws {
    let server = try FakeGroqServer()
    server.enqueue(Self.slowStory)
    let home = GroqProcess.scratchDirectory("home")
    let process = try GroqProcess(
      ["chat", "--session", "one", "story"], environment: GroqProcess.environment(server: server, ["HOME": home]))
    process.closeStdin()  // a piped stdin is read as part of the prompt
    #expect(process.waitForStdout(bytes: 12))
    process.signal(SIGTERM)
    let result = process.finish()
    #expect(result.status == 143)
    #expect(result.stdout.hasPrefix("Partial word"))
    let messages = try Self.saved(home, "one")
    #expect(messages.last?["interrupted"] as? Bool == true)
  }

  @Test("speak -o: SIGTERM while the server is silent leaves neither the file nor its temporary twin")
  func speakFileRemoved() throws {
    let server = try FakeGroqServer()
    server.enqueue(.hang)
    let directory = GroqProcess.scratchDirectory("speak")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let process = try GroqProcess(
      ["speak", "-v", "troy", "-o", directory + "/x.wav", "Hello"], environment: GroqProcess.environment(server: server, [:]))
    #expect(server.waitForRequests(1))
    process.signal(SIGTERM)
    let result = process.finish()
    #expect(result.status == 143)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
  }

  @Test("transcribe from stdin: SIGTERM while the audio is still arriving leaves no temporary file behind")
  func temporaryFilesRemoved() throws {
    let server = try FakeGroqServer()
    let temporary = GroqProcess.scratchDirectory("tmp")
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let process = try GroqProcess(
      ["transcribe", "-"], environment: GroqProcess.environment(server: server, ["TMPDIR": temporary]))
    process.write(FakeAudio.wav(seconds: 1))
    // The copy of stdin exists once groq has read some of it.
    var waited = 0
    while (try FileManager.default.contentsOfDirectory(atPath: temporary)).isEmpty && waited < 1000 {
      usleep(10_000)
      waited += 1
    }
    let made = try FileManager.default.contentsOfDirectory(atPath: temporary)
    #expect(made.count == 1)
    #expect(made.first?.hasPrefix("groq-") == true)
    var info = stat()
    #expect(stat(temporary + "/" + (made.first ?? ""), &info) == 0 && info.st_mode & 0o777 == 0o700)
    process.signal(SIGTERM)
    let result = process.finish()
    #expect(result.status == 143)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
  }
}
