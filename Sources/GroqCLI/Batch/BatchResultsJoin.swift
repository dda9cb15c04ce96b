import Foundation
import GroqKit

/// Joins a batch's output and error files into the input file's order by `custom_id`, reading each result line from
/// disk when its turn comes: memory holds an index of offsets, never the answers.
struct BatchResultsJoin {
  /// Where one result line lives.
  private struct Location {
    var file: Int
    var offset: UInt64
    var length: Int
  }

  private var index: [String: Location] = [:]
  private var order: [String] = []
  private let files: [URL]

  /// Indexes every line of the result files.
  init(resultFiles: [URL]) throws {
    files = resultFiles
    for (number, url) in resultFiles.enumerated() {
      let reader = try LineReader(path: url.path, command: "batch results")
      try reader.forEachLine { line, _, offset in
        if let id = BatchOutputLine(line)?.customID {
          if index[id] == nil { order.append(id) }
          index[id] = Location(file: number, offset: offset, length: line.count)
        }
      }
    }
  }

  /// Calls `emit` with each input line's result in input order (nil when the batch has none for it), then with the
  /// results whose ids the input does not name.
  func join(inputIDs: [String], emit: (String, Data?) throws -> Void) throws {
    let handles = try files.map { try FileHandle(forReadingFrom: $0) }
    defer { for handle in handles { try? handle.close() } }
    func read(_ location: Location) throws -> Data {
      try handles[location.file].seek(toOffset: location.offset)
      return try handles[location.file].read(upToCount: location.length) ?? Data()
    }
    var named = Set<String>()
    for id in inputIDs {
      named.insert(id)
      try emit(id, try index[id].map(read))
    }
    for id in order where !named.contains(id) { try emit(id, try index[id].map(read)) }
  }
}
