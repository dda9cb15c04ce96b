#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// One private folder per run for the temporary files that hold the user's audio (stdin copies, multipart uploads,
/// split pieces, speech on its way to stdout): made with mkdtemp (0700) under $TMPDIR at first use, files in it
/// 0600, and removed with everything in it on every way out (`CLI.main`, and a second Ctrl-C or signal).
enum RunTemporaryDirectory {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var made: URL?

  /// The folder, made on first use: a command that needs no temporary file costs nothing.
  static func url() throws(CLIError) -> URL {
    lock.lock()
    defer { lock.unlock() }
    if let made { return made }
    var base = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
    if !base.hasPrefix("/") { base = "/tmp" }
    var template =
      Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("groq-XXXXXX".utf8CString)
    guard let result = mkdtemp(&template) else {
      throw CLIError(
        "could not create a temporary folder in \(base): \(String(cString: strerror(errno)))",
        hint: "set TMPDIR to a folder you can write to")
    }
    let url = URL(fileURLWithPath: String(cString: result))
    made = url
    return url
  }

  /// A new empty file, 0600, in the folder: `prefix` and a random part, then `suffix`.
  static func create(_ prefix: String, suffix: String = "") throws(CLIError) -> URL {
    let url = try url().appendingPathComponent(prefix + UUID().uuidString.lowercased() + suffix)
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw CLIError(
        "could not create a temporary file in \(url.deletingLastPathComponent().path): "
          + String(cString: strerror(errno)))
    }
    close(fd)
    return url
  }

  /// Removes the folder and what is in it, if it was made.
  static func remove() {
    lock.lock()
    let url = made
    made = nil
    lock.unlock()
    if let url { try? FileManager.default.removeItem(at: url) }
  }
}
