#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A directory's regular files with their size and modification time, from readdir(3) and stat(2) directly:
/// Foundation's resource values cost several times as much per file, which shows with thousands of conversations.
enum DirectoryListing {
  struct Entry: Sendable {
    var name: String
    var size: Int
    /// Nanoseconds since 1970.
    var modified: Int
  }

  /// Files whose names end in `suffix`, hidden ones (temporary files, caches) left out; empty when unreadable.
  static func files(in path: String, suffix: String) -> [Entry] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var entries: [Entry] = []
    let base = path.hasSuffix("/") ? path : path + "/"
    while let item = readdir(directory) {
      let name = withUnsafePointer(to: item.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard !name.hasPrefix("."), name.hasSuffix(suffix) else { continue }
      var info = stat()
      guard stat(base + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      #if canImport(Darwin)
        let time = info.st_mtimespec
      #else
        let time = info.st_mtim
      #endif
      entries.append(
        Entry(name: name, size: Int(info.st_size), modified: Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)))
    }
    return entries
  }
}
