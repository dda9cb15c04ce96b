#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// The only writer of stdout and stderr, and what groq knows about the terminal it runs in.
///
/// Output goes through write(2) directly: stdio buffering would hold tokens back on a pipe, and FileHandle.write
/// crashes on EPIPE (platform-notes section 6).
struct Terminal: Sendable {
  let stdinIsTTY: Bool
  let stdoutIsTTY: Bool
  let stderrIsTTY: Bool
  /// Colour and dimming on stderr: only on a terminal, never with NO_COLOR or TERM=dumb (no-color.org).
  var stderrColor: Bool

  init(environment: [String: String]) {
    stdinIsTTY = isatty(0) == 1
    stdoutIsTTY = isatty(1) == 1
    stderrIsTTY = isatty(2) == 1
    let colorAllowed = (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    stderrColor = colorAllowed && stderrIsTTY
  }

  /// Writes the answer, the API key hidden (`Secrets`). Throws `OutputClosed` when the reader has gone (`| head`) or
  /// the write failed (a full disk), so the caller stops the request.
  func out(_ text: String) throws(OutputClosed) {
    var text = Secrets.redact(text)
    let code = text.withUTF8 { Self.writeAll(1, $0) }
    if code != 0 { throw OutputClosed(code: code) }
  }

  /// Writes chatter, with the API key hidden wherever a server quoted it (`Secrets`). A closed stderr is not worth
  /// failing for.
  func err(_ text: String) {
    var text = Secrets.redact(text)
    _ = text.withUTF8 { Self.writeAll(2, $0) }
  }

  /// `groq: error: ...` and its hint, in red on a terminal.
  func error(_ message: String, hint: String? = nil) {
    var text = style("groq: error:", .red) + " " + visible(message) + "\n"
    if let hint { text += style("hint:", .bold) + " " + visible(hint) + "\n" }
    err(text)
  }

  /// `groq: warning: ...`: something went wrong beside a command that otherwise succeeded.
  func warning(_ message: String, hint: String? = nil) {
    var text = style("groq: warning:", .yellow) + " " + visible(message) + "\n"
    if let hint { text += style("hint:", .bold) + " " + visible(hint) + "\n" }
    err(text)
  }

  /// Messages carry the server's words: on a terminal its control characters show instead of acting.
  private func visible(_ text: String) -> String { stderrIsTTY ? VisibleControls.escape(text) : text }

  enum Style: String {
    case red = "31"
    case yellow = "33"
    case bold = "1"
    case dim = "2"
  }

  /// Wraps stderr text in an SGR sequence when colour is on.
  func style(_ text: String, _ style: Style) -> String {
    stderrColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// Ctrl-C while waiting for input ends the wait. More than `limit` bytes is refused as soon as they arrive, before
  /// memory runs out (`yes | groq chat`).
  func readStdin(limit: Int, what: String) throws(CLIError) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      guard try waitForStdin() else { continue }
      let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count > 0 {
        data.append(buffer, count: count)
        if data.count > limit { throw InputLimits.tooLarge("standard input", limit: limit, what: what) }
      } else if count == 0 {
        return data
      } else if errno != EINTR {
        throw CLIError("could not read standard input: \(String(cString: strerror(errno)))", status: .usage)
      }
    }
  }

  /// Waits until stdin can be read without blocking; false when the wait ended early and should be tried again.
  /// Ctrl-C ends the wait: the signal may land on another thread and interrupt nobody's read(2).
  func waitForStdin() throws(CLIError) -> Bool {
    guard Interrupts.latch >= 0 else { return true }
    var fds = [
      pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
      pollfd(fd: Interrupts.latch, events: Int16(POLLIN), revents: 0),
    ]
    if poll(&fds, 2, -1) < 0 && errno != EINTR {
      throw CLIError("could not read standard input: \(String(cString: strerror(errno)))", status: .usage)
    }
    if fds[1].revents != 0 || Interrupts.happened { throw CLIError("interrupted", status: .interrupted) }
    return fds[0].revents != 0
  }

  /// write(2) until done, through EINTR and short writes; 0, or the errno of the failure (EPIPE, ENOSPC...).
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard var pointer = bytes.baseAddress else { return 0 }
    var remaining = bytes.count
    while remaining > 0 {
      let written = write(fd, pointer, remaining)
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return errno
      }
      if written == 0 { return EIO }
      pointer += written
      remaining -= written
    }
    return 0
  }

  private static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    writeAll(fd, UnsafeRawBufferPointer(bytes))
  }
}

/// stdout could not take the answer. EPIPE (the reader went away, `| head`) is not an error to report: groq stops
/// quietly, as `cat` would. Anything else (a full disk, an I/O error) is a failure the user must hear about.
struct OutputClosed: Error {
  /// The errno of the failed write.
  var code: Int32 = EPIPE

  /// The reader left: stop without a word.
  var isQuiet: Bool { code == EPIPE }

  /// "could not write the answer: No space left on device"
  var failure: CLIError {
    CLIError("could not write the answer: \(String(cString: strerror(code)))")
  }
}
