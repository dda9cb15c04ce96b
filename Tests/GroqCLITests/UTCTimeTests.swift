import Foundation
import Testing

@testable import GroqCLI

@Suite("UTC time written with strftime")
struct UTCTimeTests {
  private struct Stamped: Codable { var date: Date }

  @Test(
    "iso8601 writes what JSONEncoder's .iso8601 writes, and .iso8601 reads it back",
    arguments: [1_796_062_613.999, 1_796_062_613, 0.5, -1.5, 951_782_400])
  func agreesWithEncoder(seconds: Double) throws {
    let date = Date(timeIntervalSince1970: seconds)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let reference = String(decoding: try encoder.encode(Stamped(date: date)), as: UTF8.self)
    #expect(reference == #"{"date":""# + UTCTime.iso8601(date) + #""}"#)

    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let back = try decoder.decode(Stamped.self, from: Data(reference.utf8)).date
    #expect(back.timeIntervalSince1970 == seconds.rounded(.down))
  }

  @Test("the conversation encoder writes dates as .iso8601 did")
  func conversationEncoder() throws {
    let date = Date(timeIntervalSince1970: 1_796_062_613.7)
    let text = String(decoding: try ConversationStore.encoder.encode(Stamped(date: date)), as: UTF8.self)
    #expect(text.contains(#""date" : "2026-11-30T18:16:53Z""#))
  }
}
