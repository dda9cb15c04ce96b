@preconcurrency import Glibc
import FakeGroq
import Foundation
import Testing

/// What a finished `groq` run left behind.
struct GroqResult: Sendable {
  var stdout: String
  var stderr: String
  var status: Int32
}

/// Runs the built `groq` binary as a user would: argv, an environment of our choosing, stdin, and its exit status.
final class GroqProcess: @unchecked Sendable {
  /// The `groq` built beside this test bundle (`swift test` builds it: the test target depends on it), or the one
  /// GROQ_TEST_EXECUTABLE names, to run these tests against the installed build (`make release`'s static binary).
  static let executable: URL = {
    if let path = ProcessInfo.processInfo.environment["GROQ_TEST_EXECUTABLE"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    var directory = URL(
      fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]
    ).deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("groq")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return candidate
      }
      directory.deleteLastPathComponent()
    }
    fatalError("groq binary not found next to the test bundle")
  }()

  static let testKey = "gsk_test_key"

  /// One folder per test run for the homes and files tests make, removed when the run ends: every `groq chat`
  /// saves its conversation, and thousands of runs must not pile up in /tmp.
  static let scratch: String = {
    let path = NSTemporaryDirectory() + "groq-tests-\(getpid())/"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: GroqProcess.scratch) }
    return path
  }()

  /// A fresh path (not created) inside `scratch`.
  static func scratchDirectory(_ name: String) -> String { scratch + name + "-" + UUID().uuidString }

  /// The environment a test starts from: none of the developer's GROQ_* settings leak in.
  static func environment(server: FakeGroqServer?, _ extra: [String: String]) -> [String: String] {
    var environment: [String: String] = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      // A home of its own per run: conversations and history never leak from one test into another.
      "HOME": scratchDirectory("home"),
      "LANG": "C.UTF-8",
    ]
    if let server {
      environment["GROQ_API_KEY"] = testKey
      environment["GROQ_BASE_URL"] = server.baseURL
    }
    for (name, value) in extra { environment[name] = value }
    return environment.filter { !$0.value.isEmpty || extra[$0.key] != nil }
  }

  private let process = Process()
  private let stdinPipe = Pipe()
  private let stdoutPipe = Pipe()
  private let stderrPipe = Pipe()
  private let lock = NSCondition()
  private var stdoutData = Data()
  private var stderrData = Data()
  private var openStreams = 2

  /// `stdoutPath` sends stdout to a file (/dev/full, say) instead of a pipe the test reads.
  init(_ arguments: [String], environment: [String: String], stdoutPath: String? = nil, stdinPath: String? = nil)
    throws
  {
    process.executableURL = Self.executable
    process.arguments = arguments
    process.environment = environment
    process.standardInput = stdinPath.map { FileHandle(forReadingAtPath: $0) as Any } ?? stdinPipe
    if let stdoutPath {
      process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
      openStreams = 1
    } else {
      process.standardOutput = stdoutPipe
    }
    process.standardError = stderrPipe
    try process.run()
    if stdoutPath == nil { startReading(stdoutPipe.fileHandleForReading, isStdout: true) }
    startReading(stderrPipe.fileHandleForReading, isStdout: false)
  }

  private func startReading(_ handle: FileHandle, isStdout: Bool) {
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        lock.lock()
        if data.isEmpty {
          openStreams -= 1
        } else if isStdout {
          stdoutData.append(data)
        } else {
          stderrData.append(data)
        }
        lock.broadcast()
        lock.unlock()
        if data.isEmpty { return }
      }
    }
  }

  func write(_ text: String) { stdinPipe.fileHandleForWriting.write(Data(text.utf8)) }
  func write(_ bytes: Data) { stdinPipe.fileHandleForWriting.write(bytes) }
  func closeStdin() { try? stdinPipe.fileHandleForWriting.close() }
  /// Ctrl-C, as a terminal would deliver it.
  func interrupt() { kill(process.processIdentifier, SIGINT) }
  /// Any other signal (SIGTERM, SIGHUP).
  func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  /// Waits (on a condition, not a timer) until stdout has at least `count` bytes; false on timeout or exit.
  func waitForStdout(bytes count: Int, timeout: Double = 10) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    lock.lock()
    defer { lock.unlock() }
    while stdoutData.count < count {
      if openStreams == 0 || !lock.wait(until: deadline) { return stdoutData.count >= count }
    }
    return true
  }

  /// Waits for groq to exit (both streams closed) with stdin left open; false on timeout.
  func waitForExit(timeout: Double = 10) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    lock.lock()
    defer { lock.unlock() }
    while openStreams > 0 {
      if !lock.wait(until: deadline) { return openStreams == 0 }
    }
    return true
  }

  var stdoutSoFar: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: stdoutData, as: UTF8.self)
  }

  /// After SIGTERM, SIGKILL if groq has not ended within five seconds: a groq that ignores SIGTERM fails its test
  /// instead of leaving the suite waiting for ever. Checked every 10 ms; this runs only when a test already failed.
  static func killIfStillRunning(_ process: Process) {
    let deadline = Date(timeIntervalSinceNow: 5)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    Issue.record("groq \(process.arguments ?? []) did not end on SIGTERM and was killed")
  }

  /// Waits for the exit and both streams to close; kills the process after `timeout` seconds so a hang fails the test.
  func finish(timeout: Double = 30) -> GroqResult {
    closeStdin()
    let deadline = Date(timeIntervalSinceNow: timeout)
    lock.lock()
    while openStreams > 0 {
      if !lock.wait(until: deadline) {
        process.terminate()
        Self.killIfStillRunning(process)
        break
      }
    }
    lock.unlock()
    process.waitUntilExit()
    lock.lock()
    defer { lock.unlock() }
    return GroqResult(
      stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
      status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    )
  }

  /// Runs to completion with `stdin` (nil: an empty stdin that is not a terminal, as in a script).
  static func run(
    _ arguments: [String], stdin: String? = nil, server: FakeGroqServer? = nil,
    environment extra: [String: String] = [:], timeout: Double = 30, stdoutPath: String? = nil,
    stdinPath: String? = nil
  ) throws -> GroqResult {
    let process = try GroqProcess(
      arguments, environment: environment(server: server, extra), stdoutPath: stdoutPath, stdinPath: stdinPath)
    if let stdin { process.write(stdin) }
    return process.finish(timeout: timeout)
  }
}
