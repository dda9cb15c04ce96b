import Foundation

extension Terminal {
  /// Writes bytes that are not text (audio) to stdout, through the same write(2) loop as text: FileHandle's write
  /// would hide which error it met (platform-notes section 6).
  func out(bytes: Data) throws(OutputClosed) {
    let code = bytes.withUnsafeBytes { Self.writeAll(1, $0) }
    if code != 0 { throw OutputClosed(code: code) }
  }
}
