@preconcurrency import Glibc
import FakeGroq
import Foundation

/// Runs `groq` with stdin, stdout and stderr on a pseudo-terminal, as in an interactive shell, and returns everything
/// the terminal showed. For behaviour that differs on a terminal: tables, colour, refusing to read a tty as stdin.
enum PseudoTerminal {
  /// - Parameter pipeStdout: stdout goes to a pipe, returned as `stdout`, and the terminal's text as `stderr`: what
  ///   `groq ... > file` looks like from an interactive shell.
  static func run(
    _ arguments: [String], server: FakeGroqServer? = nil, environment extra: [String: String] = [:],
    columns: UInt16 = 100, timeout: Double = 30, pipeStdout: Bool = false
  ) throws -> GroqResult {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
    let process = Process()
    process.executableURL = GroqProcess.executable
    process.arguments = arguments
    var environment = GroqProcess.environment(server: server, extra)
    if environment["TERM"] == nil { environment["TERM"] = "xterm-256color" }
    process.environment = environment
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = handle
    let stdoutPipe = Pipe()
    process.standardOutput = pipeStdout ? stdoutPipe : handle
    process.standardError = handle
    try process.run()
    close(slave)

    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    let deadline = Date(timeIntervalSinceNow: timeout)
    while Date() < deadline {
      var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 200) >= 0 else { break }
      if poller.revents == 0 { if !process.isRunning { break } else { continue } }
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }  // EIO once the last writer is gone
      output.append(buffer, count: count)
    }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    close(master)
    // The terminal turns "\n" into "\r\n"; tests compare text as a program wrote it.
    let text = String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    if pipeStdout {
      // Small outputs only: the pipe is read after the exit.
      try? stdoutPipe.fileHandleForWriting.close()
      let piped = String(decoding: stdoutPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      return GroqResult(stdout: piped, stderr: text, status: process.terminationStatus)
    }
    return GroqResult(stdout: text, stderr: "", status: process.terminationStatus)
  }
}
