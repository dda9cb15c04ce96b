#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Writes a file only its owner can read (config, credentials, roles), whole or not at all: a temporary file beside
/// it, fsync, then rename(2), so a crash or a full disk leaves the previous version.
enum PrivateFile {
  static func save(_ text: String, to url: URL) throws(CLIError) {
    try UserDirectories.create(url.deletingLastPathComponent())
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid()).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { throw failure(url, errno) }
    var bytes = Array(text.utf8)
    let written = bytes.withUnsafeMutableBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return false }
        offset += count
      }
      return true
    }
    let code = errno
    guard written, fsync(fd) == 0 else {
      close(fd)
      unlink(temporary.path)
      throw failure(url, code)
    }
    close(fd)
    guard rename(temporary.path, url.path) == 0 else {
      let code = errno
      unlink(temporary.path)
      throw failure(url, code)
    }
  }

  /// The file's text; nil when it does not exist.
  static func read(_ url: URL) throws(CLIError) -> String? {
    do {
      let data = try Data(contentsOf: url)
      guard let text = String(data: data, encoding: .utf8) else {
        throw CLIError("\(url.path) is not UTF-8 text", hint: "groq leaves it as it is", status: .usage)
      }
      return text
    } catch let error as CLIError {
      throw error
    } catch {
      if FileManager.default.fileExists(atPath: url.path) {
        throw CLIError(
          "could not read \(url.path): \(FileErrorText.describe(error))", hint: "check the file's permissions")
      }
      return nil
    }
  }

  private static func failure(_ url: URL, _ code: Int32) -> CLIError {
    CLIError(
      "could not write \(url.path): \(String(cString: strerror(code)))",
      hint: "the previous version is unchanged; free some space or fix the permissions")
  }
}
