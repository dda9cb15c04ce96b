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
  /// Set by `remove`: a task still running as groq exits (a stdin copy that Ctrl-C cut short) must not make a new
  /// folder that nothing would remove.
  nonisolated(unsafe) private static var removed = false

  /// The folder, made on first use: a command that needs no temporary file costs nothing.
  static func url() throws(CLIError) -> URL {
    lock.lock()
    defer { lock.unlock() }
    if let made { return made }
    if removed { throw CLIError("groq is stopping; no temporary file is made") }
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
    removed = true
    lock.unlock()
    guard let url else { return }
    // A file that a task still running created while the folder was being emptied makes the removal fail; the
    // second try takes it too.
    for _ in 0..<3 {
      if (try? FileManager.default.removeItem(at: url)) != nil || !FileManager.default.fileExists(atPath: url.path) {
        return
      }
    }
  }
}
