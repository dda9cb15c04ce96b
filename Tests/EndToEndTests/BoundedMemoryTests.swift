@preconcurrency import Glibc
import FakeGroq
import Foundation
import Testing

/// A server that floods, or sends lines, events or gzip that never end, must not take groq's memory; Ctrl-C must
/// work however far behind groq is, and a stream of keep-alive comments must let groq sleep until its deadline.
/// Each runs the real binary, whose peak RSS is read from /proc while it runs.
@Suite(.serialized) struct BoundedMemoryTests {
  /// Peak RSS that every case must stay under (issue 11).
  static let memoryLimit = 60 << 20

  /// A `chat` content event of about 120 bytes, as Groq sends them.
  static let contentEvent = Data(
    (#"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"#
      + #""delta":{"content":"flood "},"finish_reason":null}]}"# + "\n\n").utf8)

  /// The default transport only: URLSession on Linux cannot be held back (suspending its task does not stop
  /// libcurl underneath), which is one reason libcurl is the default there.
  @Test("a server that floods while stdout is slow holds groq's memory down, and Ctrl-C still ends it")
  func floodWithSlowReader() throws {
    let server = try FakeGroqServer()
    let probe = FloodProbe()
    server.enqueue(.raw(steps: [.flood(Self.contentEvent, times: 20_000_000, probe: probe)]))
    // Nobody reads stdout until the end: groq's writes block once the pipe is full, as behind a slow terminal.
    let run = try SlowReaderRun(["chat", "hi"], server: server)
    #expect(probe.wait(stalledOr: 512 << 20, timeout: 60))
    let peak = run.peakRSS
    #expect(probe.stalled, "groq kept reading: \(probe.sent >> 20) MB sent")
    #expect(peak < Self.memoryLimit, "peak RSS \(peak >> 20) MB")
    let interrupted = ContinuousClock.now
    run.interrupt()
    let result = run.finish()
    #expect(result.status == 130)
    print("flood: peak RSS \(peak >> 20) MB after \(probe.sent >> 20) MB sent; exit \(ContinuousClock.now - interrupted) after Ctrl-C")
  }

  @Test("a data: line without end is refused past its cap, with bounded memory")
  func endlessLine() throws {
    let server = try FakeGroqServer()
    let probe = FloodProbe()
    let xs = Data(repeating: UInt8(ascii: "x"), count: 64 << 10)
    server.enqueue(.raw(steps: [.send("data: "), .flood(xs, times: 16_384, probe: probe)]))
    try expectRefused(server, saying: "line longer than")
  }

  @Test("data: lines with no blank line between them are refused past the event cap")
  func endlessEvent() throws {
    let server = try FakeGroqServer()
    let probe = FloodProbe()
    server.enqueue(.raw(steps: [.flood(Data("data: more\n".utf8), times: 100_000_000, probe: probe)]))
    try expectRefused(server, saying: "event longer than")
  }

  @Test("a gzip bomb in a stream inflates only as far as the caps allow")
  func gzipBomb() throws {
    let server = try FakeGroqServer()
    let bomb = FaultBodies.gzipBomb(prefix: "data: ", byte: UInt8(ascii: "x"), count: 256 << 20)
    let pieces = stride(from: 0, to: bomb.count, by: 64 << 10).map {
      FakeStep.send(bomb[$0..<min($0 + (64 << 10), bomb.count)])
    }
    server.enqueue(.raw(headers: [("Content-Encoding", "gzip")], steps: pieces + [.hang]))
    try expectRefused(server, saying: "line longer than")
  }

  /// `groq chat` against `server` fails with `message`, exit 1, its peak RSS under the limit.
  private func expectRefused(_ server: FakeGroqServer, saying message: String) throws {
    let run = try SlowReaderRun(["chat", "hi"], server: server)
    let result = run.finish()
    #expect(result.status == 1)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(run.lastPeakRSS < Self.memoryLimit, "peak RSS \(run.lastPeakRSS >> 20) MB")
  }

  @Test("keep-alive comments alone: groq sleeps, and the deadline that fires is named")
  func keepAliveOnlyUntilDeadline() throws {
    let server = try FakeGroqServer()
    let comments = (0..<400).flatMap { _ in [FakeStep.send(": keep-alive\n\n"), .pause(milliseconds: 5)] }
    server.enqueue(.raw(steps: comments + [.hang]))
    let run = try SlowReaderRun(["chat", "--deadline", "1", "--timeout", "30", "hi"], server: server)
    let result = run.finish()
    #expect(result.status == 1)
    #expect(result.stderr.contains("deadline of 1 s"), "\(result.stderr)")
    #expect(result.stderr.contains("--deadline"), "\(result.stderr)")
    // A second of comments every few milliseconds: waking per comment is fine, spinning between them is not.
    #expect(run.lastCPUSeconds < 0.5, "CPU \(run.lastCPUSeconds) s")
  }

  @Test("a server that goes quiet fails on --timeout, named as such")
  func idleTimeoutNamed() throws {
    let server = try FakeGroqServer()
    server.enqueue(.raw(steps: [.send(": keep-alive\n\n"), .hang]))
    let run = try SlowReaderRun(["chat", "--timeout", "1", "--max-retries", "0", "hi"], server: server)
    let result = run.finish()
    #expect(result.status == 1)
    #expect(result.stderr.contains("no data from the server for 1 s"), "\(result.stderr)")
    #expect(result.stderr.contains("--timeout"), "\(result.stderr)")
  }
}

/// A `groq` whose stdout nobody reads until `finish`, with its peak RSS and CPU time read from /proc as it runs.
final class SlowReaderRun: @unchecked Sendable {
  private let process = Process()
  private let stdoutPipe = Pipe()
  private let stderrPipe = Pipe()
  private let stderrData = Locked(Data())
  private let stderrDone = DispatchSemaphore(value: 0)
  private(set) var lastPeakRSS = 0
  private(set) var lastCPUSeconds = 0.0
  private var sampler: Thread?
  private let sampling = Locked(true)

  init(_ arguments: [String], server: FakeGroqServer, environment: [String: String] = [:]) throws {
    process.executableURL = GroqProcess.executable
    process.arguments = arguments
    process.environment = GroqProcess.environment(server: server, environment)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    try process.run()
    let handle = stderrPipe.fileHandleForReading
    Thread.detachNewThread { [self] in
      while case let data = handle.availableData, !data.isEmpty { stderrData.withValue { $0.append(data) } }
      stderrDone.signal()
    }
    // /proc goes away with the process: sample it until then, so a run that ends on its own still has figures.
    let pid = process.processIdentifier
    let thread = Thread { [self] in
      while sampling.current {
        if let peak = Self.peakRSS(pid) { lastPeakRSS = max(lastPeakRSS, peak) }
        if let cpu = Self.cpuSeconds(pid) { lastCPUSeconds = cpu }
        usleep(10_000)
      }
    }
    sampler = thread
    thread.start()
  }

  var peakRSS: Int { Self.peakRSS(process.processIdentifier) ?? lastPeakRSS }

  func interrupt() { kill(process.processIdentifier, SIGINT) }

  /// Drains stdout (so a blocked write returns), waits for the exit and stops sampling.
  func finish(timeout: Double = 30) -> GroqResult {
    let stdout = stdoutPipe.fileHandleForReading
    let drained = Locked(0)
    Thread.detachNewThread {
      while case let data = stdout.availableData, !data.isEmpty { drained.withValue { $0 += data.count } }
    }
    if stderrDone.wait(timeout: .now() + timeout) == .timedOut { process.terminate() }
    process.waitUntilExit()
    sampling.withValue { $0 = false }
    return GroqResult(
      stdout: "", stderr: String(decoding: stderrData.current, as: UTF8.self),
      status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus)
  }

  /// VmHWM from /proc/<pid>/status, in bytes.
  static func peakRSS(_ pid: Int32) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes << 10
  }

  /// User plus system time from /proc/<pid>/stat, in seconds.
  static func cpuSeconds(_ pid: Int32) -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }
}
