import Foundation

/// Temporary folders for this test run, all under one folder that is removed when the run ends.
enum TestScratch {
  static let root: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("groq-unit-tests-\(getpid())")
    atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
    return root
  }()

  /// A fresh path inside the run's folder; created when `create` is true.
  static func directory(_ name: String, create: Bool = false) throws -> URL {
    let url = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
    if create { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    return url
  }
}
