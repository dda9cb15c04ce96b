#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// How much groq reads from stdin or a text file before it refuses, so that `yes | groq chat` or `-f /dev/zero`
/// ends with an error instead of taking all memory or disk. Each is far above any real use.
enum InputLimits {
  /// A chat prompt: far above any model's context window (a few hundred thousand tokens is under 2 MB).
  static let chat = 32 << 20
  /// Text to speak: about 170,000 words, hours of speech, thousands of requests.
  static let speech = 1 << 20
  /// Audio on stdin for transcribe and translate: 80 pieces of 25 MB, hours of even uncompressed audio.
  static let audio: Int64 = 2_000_000_000

  /// "32 MB", as help and errors print it.
  static func describe<T: BinaryInteger>(_ bytes: T) -> String {
    let value = Int64(bytes)
    if value % (1 << 20) == 0 { return "\(value >> 20) MB" }
    return "\(value / 1_000_000) MB"
  }

  /// Reads a text file whole, up to `limit` bytes: a device or FIFO that never ends, or a folder, is refused with a
  /// reason instead of Foundation's "You don't have permission" or "error 256".
  static func readFile(_ path: String, limit: Int, what: String) throws(CLIError) -> Data {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw CLIError("cannot read '\(path)': \(String(cString: strerror(errno)))", status: .usage) }
    defer { close(fd) }
    var info = stat()
    let known = fstat(fd, &info) == 0
    if known && info.st_mode & S_IFMT == S_IFDIR {
      throw CLIError("cannot read '\(path)': it is a folder", status: .usage)
    }
    var data = Data()
    // A small regular file (the model list cache, read on every `groq models`) gets a buffer its size, one read
    // and the read that sees its end; zeroing 64 KB for it cost more than the reads.
    let size = known && info.st_mode & S_IFMT == S_IFREG && info.st_size > 0 ? Int(info.st_size) + 1 : 64 * 1024
    var buffer = [UInt8](repeating: 0, count: min(size, 64 * 1024))
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CLIError("cannot read '\(path)': \(String(cString: strerror(errno)))", status: .usage)
      }
      if count == 0 { return data }
      data.append(buffer, count: count)
      if data.count > limit { throw tooLarge("'\(path)'", limit: limit, what: what) }
    }
  }

  /// The error for input over its limit.
  static func tooLarge(_ source: String, limit: some BinaryInteger, what: String) -> CLIError {
    CLIError(
      "\(source) is over \(describe(limit)), more than groq takes as \(what)",
      hint: "send a part of it, or split it into several requests", status: .usage)
  }
}
