import Foundation
import GroqKit

/// The ids `GET /models` listed, kept in `$XDG_CACHE_HOME/groq/models.json` (0600) for a day: they feed role
/// fallback, `/model` checks and Tab completion without a round trip each time. `groq models` and a model-gone error
/// refresh it; offline a stale list is better than none; a damaged file is ignored and rewritten.
struct ModelListCache: Sendable {
  /// What the file holds: the server it came from, so another GROQ_BASE_URL does not read a wrong list.
  struct Stored: Codable, Equatable {
    var server: String
    var fetched: Double
    var ids: [String]
  }

  static let maxAge: Double = 24 * 60 * 60

  /// nil when there is nowhere to keep it (no HOME): every use then asks the server.
  let file: URL?
  let server: String

  init(file: URL?, server: String) {
    self.file = file
    self.server = server
  }

  init(environment: [String: String], server: URL) {
    let base: URL?
    if let value = environment["XDG_CACHE_HOME"], value.hasPrefix("/") {
      base = URL(fileURLWithPath: value)
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
    } else {
      base = nil
    }
    self.init(
      file: base?.appendingPathComponent("groq").appendingPathComponent("models.json"), server: server.absoluteString)
  }

  /// The cache for the server the command's client talks to.
  init(context: CommandContext, client: GroqClient) {
    self.init(environment: context.environment, server: client.configuration.baseURL)
  }

  /// The stored list for this server and whether it is younger than a day; nil when missing, damaged or another
  /// server's.
  func read(now: Date = Date()) -> (ids: [String], fresh: Bool)? {
    guard let file, let data = try? Data(contentsOf: file),
      let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.server == server
    else { return nil }
    let age = now.timeIntervalSince1970 - stored.fetched
    return (stored.ids, age >= 0 && age < Self.maxAge)
  }

  /// Replaces the file in one step; a cache that cannot be written is no error.
  func write(_ ids: [String], now: Date = Date()) {
    guard let file,
      let data = try? JSONEncoder().encode(Stored(server: server, fetched: now.timeIntervalSince1970, ids: ids))
    else { return }
    CacheFile.replace(file, with: data)
  }

  /// Asks the server and stores what it said.
  func refresh(_ client: GroqClient) async throws -> [String] {
    let ids = try await client.models().models.map(\.id).sorted()
    write(ids)
    return ids
  }

  /// A fresh stored list, else the server's, else (offline) a stale stored one; nil when none can be had.
  func ids(_ client: GroqClient) async -> [String]? {
    let stored = read()
    if let stored, stored.fresh { return stored.ids }
    if let fetched = try? await refresh(client) { return fetched }
    return stored?.ids
  }
}
