import Foundation
import GroqKit

/// The defaults groq found gone and the ids that answered instead, per role, kept in `healed.json` beside the model
/// list for as long as the list counts as fresh (a day): the next run sends to the replacement at once instead of
/// paying a failed request and a `/models` request again. Read only when groq chooses the model, never for one the
/// user named.
struct HealedDefaults: Sendable {
  /// One healing: for `role`, `gone` answered that it is gone and `using` answered instead, at `at`.
  struct Entry: Codable, Equatable, Sendable {
    var role: String
    var gone: String
    var using: String
    var at: Double
  }

  /// What the file holds: the server it came from, so another GROQ_BASE_URL does not skip a model that lives there.
  struct Stored: Codable, Equatable, Sendable {
    var server: String
    var entries: [Entry]

    /// `model`, or what replaced it (and what replaced that) for the role; a cycle stops where it closes.
    func replacement(for model: String, role: ModelRole) -> String {
      var current = model
      var seen: Set<String> = [model]
      while let next = entries.first(where: { $0.role == role.rawValue && $0.gone == current })?.using,
        seen.insert(next).inserted
      {
        current = next
      }
      return current
    }
  }

  /// nil when there is nowhere to keep it (no HOME): every run then heals afresh.
  let file: URL?
  let server: String

  /// The path is joined as text: Foundation's `appendingPathComponent` builds a `Set<UInt8>` whose first use
  /// searched the binary's conformance tables, 0.1 ms of every chat.
  init(beside cache: ModelListCache) {
    file = cache.path.map { path in
      let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
      return URL(fileURLWithPath: directory + "/healed.json", isDirectory: false)
    }
    server = cache.server
  }

  /// The model to send for the role's default `model`: what replaced it within the last day, else `model`.
  func replacement(for model: String, role: ModelRole, now: Date = Date()) -> String {
    read(now: now).replacement(for: model, role: role)
  }

  /// Remembers that `gone` was replaced by `using` for the role; entries older than a day are dropped.
  func record(gone: String, using: String, role: ModelRole, now: Date = Date()) {
    guard let file else { return }
    var stored = read(now: now)
    stored.entries.removeAll { $0.role == role.rawValue && $0.gone == gone }
    stored.entries.append(Entry(role: role.rawValue, gone: gone, using: using, at: now.timeIntervalSince1970))
    guard let data = try? JSONEncoder().encode(stored) else { return }
    CacheFile.replace(file, with: data)
  }

  /// This server's entries younger than the model list's lifetime; none when the file is missing or damaged.
  private func read(now: Date) -> Stored {
    guard let file, let data = try? Data(contentsOf: file),
      var stored = try? JSONDecoder().decode(Stored.self, from: data), stored.server == server
    else { return Stored(server: server, entries: []) }
    stored.entries.removeAll { entry in
      let age = now.timeIntervalSince1970 - entry.at
      return !(age >= 0 && age < ModelListCache.maxAge)
    }
    return stored
  }
}

/// A file in groq's cache folder, replaced in one step (a private temporary file, then rename(2)); a cache that
/// cannot be written is no error.
enum CacheFile {
  static func replace(_ file: URL, with data: Data) {
    // O_EXCL|O_NOFOLLOW under a random name, then rename(2): nothing planted beside the file is written through.
    // No fsync: a cache lost to a power cut is only a refetch (`groq models` waited 4 ms for it).
    // The folder is made only when missing, the first time: FileManager's mkdir -p costs every other run 0.3 ms.
    guard PrivateFiles.replace(file, with: data, durable: false) == ENOENT else { return }
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    _ = PrivateFiles.replace(file, with: data, durable: false)
  }
}
