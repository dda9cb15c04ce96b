#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Writes a file only its owner can read (config, credentials, roles), whole or not at all, through
/// `PrivateFiles.replace` (a 0600 temporary file beside it, fsync, rename(2)); reads one as UTF-8 text.
enum PrivateFile {
  static func save(_ text: String, to url: URL) throws(CLIError) {
    try UserDirectories.create(url.deletingLastPathComponent())
    let code = PrivateFiles.replace(url, with: Data(text.utf8))
    guard code == 0 else { throw failure(url, code) }
  }

  /// The file's text; nil when it does not exist.
  static func read(_ url: URL) throws(CLIError) -> String? {
    // No file is the usual case (no config.toml): asked of access(2) rather than learnt from the error Foundation
    // builds and throws, which cost every command 0.2 ms.
    if access(url.path, F_OK) != 0 && errno == ENOENT { return nil }
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
