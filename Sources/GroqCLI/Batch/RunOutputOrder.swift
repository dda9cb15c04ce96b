import Foundation
import GroqKit

extension RunOutput {
  /// Puts a finished run's file in input order, the order `groq batch results` gives, so that a local run and the
  /// Batch API give the same file. Lines are appended as requests finish, so a crash keeps every one; the order is
  /// set only once every input line has its output line, into a new file renamed over the old one, so a crash
  /// during the rewrite leaves the unordered file whole. Returns false, and leaves the output as it is, when the
  /// lines go to a pipe, when some input line has no output line yet, or when the file holds lines of its own
  /// that are not a batch's (appended with >> to a file that had them).
  @discardableResult
  func putInInputOrder(_ order: [String]) throws -> Bool {
    guard let file else { return false }
    var places: [String: (offset: UInt64, length: Int)] = [:]
    var foreign = false
    _ = try LineReader(path: file, command: "batch run").forEachLine { line, _, offset in
      guard let id = BatchOutputLine(line)?.customID else {
        foreign = foreign || !line.isEmpty
        return
      }
      places[id] = (offset, line.count)
    }
    guard !foreign, places.count == order.count, order.allSatisfy({ places[$0] != nil }) else { return false }
    if order.indices.allSatisfy({ $0 == 0 || places[order[$0 - 1]]!.offset < places[order[$0]]!.offset }) {
      return true
    }

    let source = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
    defer { try? source.close() }
    var info = stat()
    guard fstat(source.fileDescriptor, &info) == 0 else { return false }
    let url = URL(fileURLWithPath: file)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).groq-order-\(getpid())"
    ).path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, info.st_mode & 0o777)
    guard fd >= 0 else { return false }
    var written = false
    defer {
      close(fd)
      if !written { unlink(temporary) }
    }
    for id in order {
      let place = places[id]!
      try source.seek(toOffset: place.offset)
      var line = try source.read(upToCount: place.length) ?? Data()
      line.append(0x0A)
      guard Self.writeAll(fd, line) else { return false }
    }
    guard fsync(fd) == 0, rename(temporary, file) == 0 else { return false }
    written = true
    return true
  }
}
