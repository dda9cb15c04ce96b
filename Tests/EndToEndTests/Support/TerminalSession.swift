@preconcurrency import Glibc
import FakeGroq
import Foundation
import Testing

/// An interactive `groq` on a pseudo-terminal: type keys, wait for text to appear, as a person would.
///
/// Waiting is on the terminal's output (poll), never on a timer: `expect` returns as soon as the text shows, and
/// its timeout only turns a hang into a failed test.
final class TerminalSession {
  private let process = Process()
  private let master: Int32
  private var output = Data()
  /// Where the next `expect` starts looking, so each waits for new text.
  private var cursor: String.Index

  init(
    _ arguments: [String], server: FakeGroqServer?, environment extra: [String: String] = [:], columns: UInt16 = 200
  ) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
    self.master = master
    // setsid -c makes the terminal groq's controlling terminal, as a shell would, so a typed Ctrl-C becomes SIGINT.
    // It forks to do so (Process makes its child a group leader); -w waits and passes on groq's exit status.
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    process.arguments = ["-w", "-c", GroqProcess.executable.path] + arguments
    var environment = GroqProcess.environment(server: server, extra)
    if environment["TERM"] == nil { environment["TERM"] = "xterm-256color" }
    process.environment = environment
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    close(slave)
    cursor = "".startIndex
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
  }

  /// Sends a signal to groq, as `kill` or a closing terminal window would.
  func signal(_ number: Int32) {
    // groq leads the terminal's foreground process group; setsid, the process started here, is only its parent.
    let group = tcgetpgrp(master)
    if group > 0 { kill(group, number) }
  }

  /// Whether the terminal echoes and edits lines, as a shell expects to find it.
  var isCooked: Bool {
    var settings = termios()
    guard tcgetattr(master, &settings) == 0 else { return false }
    return settings.c_lflag & tcflag_t(ECHO) != 0 && settings.c_lflag & tcflag_t(ICANON) != 0
  }

  /// Everything shown so far, with the terminal's "\r\n" as "\n".
  var transcript: String {
    String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }

  /// Resizes the window, as a user dragging its edge would; the program sees it at its next measurement.
  func resize(columns: UInt16, rows: UInt16 = 50) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// Types text; "\r" is Enter, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D, "\t" Tab, "\u{1B}[A" Up.
  func type(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
      if written <= 0 { return }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Waits until `text` appears after what earlier expectations matched; false if it never does.
  @discardableResult
  func expect(_ text: String, timeout: Double = 20) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while true {
      let shown = transcript
      let start = cursor <= shown.endIndex ? cursor : shown.endIndex
      if let range = shown.range(of: text, range: start..<shown.endIndex) {
        cursor = range.upperBound
        return true
      }
      guard Date() < deadline, readMore(until: deadline) else {
        Issue.record("the terminal never showed \(String(reflecting: text)); it showed:\n\(transcript)")
        return false
      }
    }
  }

  /// Waits for the process to end (reading everything it shows) and returns its exit status.
  func finish(timeout: Double = 20) -> Int32 {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while readMore(until: deadline) {}
    if process.isRunning {
      // To groq itself (setsid -w ends when it does), then, if it has not ended in five seconds, SIGKILL to both:
      // a groq that ignores SIGTERM fails this test instead of holding the suite.
      let group = tcgetpgrp(master)
      signal(SIGTERM)
      let killAt = Date(timeIntervalSinceNow: 5)
      while process.isRunning && Date() < killAt { usleep(10_000) }
      if process.isRunning {
        if group > 0 { kill(-group, SIGKILL) }
        kill(process.processIdentifier, SIGKILL)
        Issue.record("groq did not end on SIGTERM and was killed; the terminal showed:\n\(transcript)")
      }
    }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Reads what is available; false at end of output or at the deadline.
  private func readMore(until deadline: Date) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline {
      var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(max(1, min(200, deadline.timeIntervalSinceNow * 1000)))
      guard poll(&poller, 1, milliseconds) >= 0 else { return false }
      if poller.revents == 0 {
        if !process.isRunning { return drain() }
        continue
      }
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { return false }  // EIO: the last writer is gone
      output.append(buffer, count: count)
      return true
    }
    return false
  }

  private func drain() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 4096)
    var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, 0) > 0 else { return false }
    let count = read(master, &buffer, buffer.count)
    if count <= 0 { return false }
    output.append(buffer, count: count)
    return true
  }
}
