import Foundation
import GroqKit

/// The ids `GET /models` listed, kept in `$XDG_CACHE_HOME/groq/models.json` (0600) for a day: they feed role
/// fallback, `/model` checks and Tab completion without a round trip each time. `groq models` and a model-gone error
/// refresh it; offline a stale list is better than none; a damaged file is ignored and rewritten.
struct ModelListCache: Sendable {
  static let maxAge: Double = 24 * 60 * 60
  /// An unchanged list younger than this is not written again: `groq models` run twice costs one write, not two,
  /// and the list still counts as fresh for 23 hours after the last run.
  static let rewriteAge: Double = 60 * 60

  /// nil when there is nowhere to keep it (no HOME): every use then asks the server. A path, not a URL: a file
  /// URL's `path` is parsed anew on each read, and `groq models` reads it before every write.
  let path: String?
  let server: String

  var file: URL? { path.map { URL(fileURLWithPath: $0, isDirectory: false) } }

  init(path: String?, server: String) {
    self.path = path
    self.server = server
  }

  init(file: URL?, server: String) {
    self.init(path: file?.path, server: server)
  }

  init(environment: [String: String], server: URL) {
    self.init(path: UserDirectories(environment: environment).modelListPath, server: server.absoluteString)
  }

  /// The cache for the server the command's client talks to.
  init(context: CommandContext, client: GroqClient) {
    self.init(environment: context.environment, server: client.configuration.baseURL)
  }

  /// The stored list for this server and whether it is younger than a day; nil when missing, damaged or another
  /// server's.
  func read(now: Date = Date()) -> (ids: [String], fresh: Bool)? {
    guard let stored = stored() else { return nil }
    return (stored.ids, age(of: stored, now: now) < Self.maxAge)
  }

  /// Replaces the file in one step; a cache that cannot be written is no error. The same list, fetched within
  /// the hour, is left as it is.
  func write(_ ids: [String], now: Date = Date()) {
    guard let file else { return }
    if let stored = stored(), stored.ids == ids, age(of: stored, now: now) < Self.rewriteAge { return }
    let text = ModelListFile(server: server, fetched: now.timeIntervalSince1970, ids: ids).json
    CacheFile.replace(file, with: Data(text.utf8))
  }

  /// This server's list as the file holds it; nil when missing, damaged or another server's.
  private func stored() -> ModelListFile? {
    guard let path, let data = try? InputLimits.readFile(path, limit: 16 << 20, what: "a model list"),
      let stored = data.withUnsafeBytes({ ModelListFile(json: $0) }), stored.server == server
    else { return nil }
    return stored
  }

  /// Seconds since it was fetched; infinite for a time in the future (a clock set back): such a list is stale.
  private func age(of stored: ModelListFile, now: Date) -> Double {
    let age = now.timeIntervalSince1970 - stored.fetched
    return age >= 0 ? age : .infinity
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
