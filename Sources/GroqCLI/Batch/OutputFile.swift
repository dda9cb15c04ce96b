import Foundation

/// A file written under a temporary name beside its destination and renamed into place only when complete, so a
/// cut download or a failed prepare never leaves a half file under the name the user asked for.
final class OutputFile {
  let destination: URL
  let temporary: URL
  let handle: FileHandle
  private var committed = false

  init(path: String) throws {
    destination = URL(fileURLWithPath: path)
    temporary = destination.deletingLastPathComponent()
      .appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).part")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary.path)
    else {
      throw CLIError("cannot write \(path)", hint: "check that its folder exists and is writable")
    }
    self.handle = handle
  }

  func write(_ data: Data) throws { try handle.write(contentsOf: data) }

  /// Moves the finished file into place.
  func commit() throws {
    try handle.close()
    if FileManager.default.fileExists(atPath: destination.path) {
      _ = try FileManager.default.replaceItemAt(destination, withItemAt: temporary)
    } else {
      try FileManager.default.moveItem(at: temporary, to: destination)
    }
    committed = true
  }

  deinit {
    if !committed {
      try? handle.close()
      try? FileManager.default.removeItem(at: temporary)
    }
  }
}

/// A folder of scratch files for one command (prepared lines, downloaded results: the user's data), inside the run's
/// private temporary folder, so a signal that ends groq removes it too; removed when the command ends.
final class ScratchFolder {
  let url: URL

  init() throws {
    url = try RunTemporaryDirectory.url().appendingPathComponent("batch-\(UUID().uuidString.lowercased())")
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
  }

  func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  deinit { try? FileManager.default.removeItem(at: url) }
}
