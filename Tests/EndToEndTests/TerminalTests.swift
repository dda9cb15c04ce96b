@preconcurrency import Glibc
import FakeGroq
import Foundation
import Testing

@Suite("signals, pipes and terminals")
struct TerminalTests {
  @Test("Ctrl-C mid-stream stops at once, keeps what was printed, exits 130")
  func interrupt() throws {
    let server = try FakeGroqServer()
    server.enqueue(
      .chatStream(
        tokens: ["First"] + Array(repeating: " word", count: 200),
        options: StreamOptions(tokenDelayMilliseconds: 50)))
    let process = try GroqProcess(["chat", "hi"], environment: GroqProcess.environment(server: server, [:]))
    process.closeStdin()
    #expect(process.waitForStdout(bytes: 10))
    process.interrupt()
    let result = process.finish(timeout: 5)
    #expect(result.status == 130)
    #expect(result.stdout.hasPrefix("First word"))
    #expect(result.stdout.hasSuffix("\n"))
    #expect(result.stdout.count < 200 * 5)
    #expect(result.stderr == "")
  }

  @Test("a reader that goes away (| head -c 20) ends groq quietly")
  func brokenPipe() throws {
    let server = try FakeGroqServer()
    server.enqueue(
      .chatStream(tokens: Array(repeating: "token ", count: 400), options: StreamOptions(tokenDelayMilliseconds: 5)))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "\"$GROQ_BIN\" chat hi 2>\"$ERR\" </dev/null | head -c 20; echo \" status ${PIPESTATUS[0]}\"",
    ]
    let errors = URL(fileURLWithPath: GroqProcess.scratchDirectory("epipe"))
    var environment = GroqProcess.environment(server: server, [:])
    environment["GROQ_BIN"] = GroqProcess.executable.path
    environment["ERR"] = errors.path
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(text == "token token token to status 0\n")
    let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? "missing"
    #expect(stderr == "")
  }

  @Test("errors are red only on a terminal, and never with NO_COLOR")
  func colour() throws {
    let server = try FakeGroqServer()
    let coloured = try PseudoTerminal.run(["models", "nope"], server: server)
    let plain = try PseudoTerminal.run(["models", "nope"], server: server, environment: ["NO_COLOR": "1"])
    let dumb = try PseudoTerminal.run(["models", "nope"], server: server, environment: ["TERM": "dumb"])
    let piped = try GroqProcess.run(["models", "nope"], server: server)
    #expect(coloured.status == 1)
    #expect(coloured.stdout.contains("\u{1B}[31mgroq: error:"))
    #expect(!plain.stdout.contains("\u{1B}["))
    #expect(!dumb.stdout.contains("\u{1B}["))
    #expect(!piped.stderr.contains("\u{1B}["))
    #expect(plain.stdout.contains("groq: error: no model named 'nope'"))
  }

  @Test("with no prompt, stdin on a terminal and stdout piped, chat says how to give one instead of opening a REPL")
  func noPromptOnTerminal() throws {
    let server = try FakeGroqServer()
    var master: Int32 = -1
    var slave: Int32 = -1
    guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.ENOTTY) }
    defer { close(master) }
    let process = Process()
    process.executableURL = GroqProcess.executable
    process.arguments = ["chat"]
    process.environment = GroqProcess.environment(server: server, [:])
    process.standardInput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    close(slave)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    #expect(stderr.hasPrefix("groq: error: no prompt given"))
    #expect(output.fileHandleForReading.readDataToEndOfFile().isEmpty)
    #expect(server.requests.isEmpty)
  }
}
