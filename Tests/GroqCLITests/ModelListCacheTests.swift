import Foundation
import GroqKit
import Testing

@testable import GroqCLI

@Suite("the model list cache: fresh for a day, rewritten only when it changed or is an hour old")
struct ModelListCacheTests {
  @Test("the same list within the hour is not written again; a changed or older one is")
  func rewrites() throws {
    let directory = try TestScratch.directory("models")
    let cache = ModelListCache(file: directory.appendingPathComponent("groq/models.json"), server: "s")
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func fetched() throws -> Double {
      let data = try Data(contentsOf: try #require(cache.file))
      return try #require(data.withUnsafeBytes { ModelListFile(json: $0) }).fetched
    }

    cache.write(["a", "b"], now: now)  // the folder is made on the first write
    #expect(try fetched() == now.timeIntervalSince1970)
    cache.write(["a", "b"], now: now.addingTimeInterval(60))
    #expect(try fetched() == now.timeIntervalSince1970)
    cache.write(["a", "b", "c"], now: now.addingTimeInterval(120))
    #expect(try fetched() == now.timeIntervalSince1970 + 120)
    cache.write(["a", "b", "c"], now: now.addingTimeInterval(120 + 3601))
    #expect(try fetched() == now.timeIntervalSince1970 + 120 + 3601)

    let read = try #require(cache.read(now: now.addingTimeInterval(120 + 3601 + 23 * 3600)))
    #expect(read.ids == ["a", "b", "c"] && read.fresh)
    #expect(cache.read(now: now.addingTimeInterval(120 + 3601 + 25 * 3600))?.fresh == false)
    #expect(ModelListCache(file: cache.file, server: "other").read(now: now) == nil)
  }

  @Test("a list stamped in the future (a clock set back) is stale, and is rewritten")
  func future() throws {
    let directory = try TestScratch.directory("models")
    let cache = ModelListCache(file: directory.appendingPathComponent("models.json"), server: "s")
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    cache.write(["a"], now: now.addingTimeInterval(3600))
    #expect(cache.read(now: now)?.fresh == false)
    cache.write(["a"], now: now)
    #expect(cache.read(now: now)?.fresh == true)
  }

  @Test("the cache lives in XDG_CACHE_HOME, else ~/.cache; nowhere without either")
  func location() throws {
    let server = try #require(URL(string: "https://api.groq.com/openai/v1"))
    #expect(
      ModelListCache(environment: ["XDG_CACHE_HOME": "/x/", "HOME": "/h"], server: server).path
        == "/x/groq/models.json")
    #expect(ModelListCache(environment: ["HOME": "/h"], server: server).path == "/h/.cache/groq/models.json")
    #expect(ModelListCache(environment: ["XDG_CACHE_HOME": "rel"], server: server).path == nil)
  }
}
