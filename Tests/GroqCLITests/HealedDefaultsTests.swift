import Foundation
import GroqKit
import Testing

@testable import GroqCLI

@Suite("healed defaults: what replaced a gone default, per role, for a day")
struct HealedDefaultsTests {
  typealias Entry = HealedDefaults.Entry

  @Test("a replacement is followed through, per role; a cycle stops where it closes; nothing known keeps the id")
  func replacement() {
    let stored = HealedDefaults.Stored(
      server: "s",
      entries: [
        Entry(role: "chat", gone: "a", using: "b", at: 0), Entry(role: "chat", gone: "b", using: "c", at: 0),
        Entry(role: "reasoning", gone: "a", using: "q", at: 0), Entry(role: "fast", gone: "x", using: "y", at: 0),
        Entry(role: "fast", gone: "y", using: "x", at: 0),
      ])
    #expect(stored.replacement(for: "a", role: .chat) == "c")
    #expect(stored.replacement(for: "a", role: .reasoning) == "q")
    #expect(stored.replacement(for: "a", role: .vision) == "a")
    #expect(stored.replacement(for: "x", role: .fast) == "y")
  }

  @Test("recorded per server, expired after a day, rewritten over a damaged file")
  func file() throws {
    let directory = try TestScratch.directory("healed")
    let cache = ModelListCache(file: directory.appendingPathComponent("models.json"), server: "one")
    let healed = HealedDefaults(beside: cache)
    let now = Date()
    healed.record(gone: "a", using: "b", role: .chat, now: now)
    #expect(healed.replacement(for: "a", role: .chat, now: now) == "b")
    #expect(HealedDefaults(beside: ModelListCache(file: cache.file, server: "two")).replacement(for: "a", role: .chat) == "a")
    #expect(healed.replacement(for: "a", role: .chat, now: now.addingTimeInterval(25 * 3600)) == "a")
    try Data("{".utf8).write(to: directory.appendingPathComponent("healed.json"))
    #expect(healed.replacement(for: "a", role: .chat, now: now) == "a")
    healed.record(gone: "a", using: "c", role: .chat, now: now)
    #expect(healed.replacement(for: "a", role: .chat, now: now) == "c")
  }
}
