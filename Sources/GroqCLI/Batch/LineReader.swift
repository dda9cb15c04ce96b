import Foundation

/// Reads a file (or standard input) a line at a time in 1 MiB reads, so a 200 MB input never sits in memory.
struct LineReader {
  let handle: FileHandle
  let name: String
  private let ownsHandle: Bool

  /// Opens `path`, or standard input for nil or `-`. A missing or unreadable file is a usage error: nothing was sent.
  init(path: String?, command: String) throws(UsageError) {
    guard let path, path != "-" else {
      handle = FileHandle.standardInput
      name = "standard input"
      ownsHandle = false
      return
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw UsageError("no such file: \(path)", command: command)
    }
    if isDirectory.boolValue { throw UsageError("\(path) is a directory", command: command) }
    guard let opened = FileHandle(forReadingAtPath: path) else {
      throw UsageError("cannot read \(path)", command: command)
    }
    handle = opened
    name = path
    ownsHandle = true
  }

  /// Calls `body` with each line (without its `\n` or `\r\n`) and its number from 1; a last line without a newline
  /// counts. Returns the number of lines.
  @discardableResult
  func forEachLine(_ body: (Data, Int) throws -> Void) throws -> Int {
    try forEachLine { line, number, _ in try body(line, number) }
  }

  /// The same, with each line's byte offset in the file, so a caller can come back for it later.
  @discardableResult
  func forEachLine(_ body: (Data, Int, UInt64) throws -> Void) throws -> Int {
    defer { if ownsHandle { try? handle.close() } }
    var pending = Data()
    var number = 0
    var offset: UInt64 = 0
    func emit(_ line: Data) throws {
      number += 1
      try body(line.last == 0x0D ? line.dropLast() : line, number, offset)
      offset += UInt64(line.count + 1)
    }
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      pending.append(chunk)
      var start = pending.startIndex
      while let newline = pending[start...].firstIndex(of: 0x0A) {
        try emit(pending[start..<newline])
        start = newline + 1
      }
      pending = Data(pending[start...])
    }
    if !pending.isEmpty { try emit(pending) }
    return number
  }
}
