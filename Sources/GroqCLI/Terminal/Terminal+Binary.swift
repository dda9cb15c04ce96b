import Foundation

extension Terminal {
  /// Writes bytes that are not text (audio) to stdout. FileHandle's throwing write reports EPIPE instead of crashing
  /// (platform-notes section 6), which becomes `OutputClosed` like every other write to a reader that went away.
  func out(bytes: Data) throws(OutputClosed) {
    do {
      try FileHandle.standardOutput.write(contentsOf: bytes)
    } catch {
      throw OutputClosed()
    }
  }
}
