import Foundation
import GroqKit

/// Model ids for Tab and /model, fetched once per session in the background so the prompt never waits for them.
final class ModelIDCache: Sendable {
  private let condition = NSCondition()
  nonisolated(unsafe) private var ids: [String]?
  nonisolated(unsafe) private var fetching = false

  /// Starts a fetch that fails silently: the REPL works without completions, and /models reports errors.
  func prefetch(_ client: GroqClient) {
    condition.withLock { fetching = true }
    Task {
      let fetched = try? await client.models().models.map(\.id).sorted()
      condition.withLock {
        if let fetched { ids = fetched }
        fetching = false
        condition.broadcast()
      }
    }
  }

  /// The ids, waiting up to `timeout` for a fetch in flight: a Tab pressed as the REPL opens still completes.
  /// nil when they are not known.
  func known(waiting timeout: Double = 3) -> [String]? {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while ids == nil && fetching {
      if !condition.wait(until: deadline) { break }
    }
    return ids
  }

  /// The ids, from the cache or the API.
  func load(_ client: GroqClient) async throws -> [String] {
    if let known = known() { return known }
    let fetched = try await client.models().models.map(\.id).sorted()
    condition.withLock { ids = fetched }
    return fetched
  }
}
