import Foundation
import Testing

@testable import GroqCLI

/// Conversation times without ICU: the same text as JSONEncoder's `.iso8601`, read back to the same second.
@Suite struct InternetTimeTests {
  private static let samples: [TimeInterval] = [
    0, 1_796_061_139.833, 951_782_400, 1_709_164_799.999, -86_400.5, 4_102_444_800, 1_000_000_000,
  ]

  @Test("written as JSONEncoder's .iso8601 writes it", arguments: samples)
  func matchesFoundation(_ seconds: TimeInterval) throws {
    let date = Date(timeIntervalSince1970: seconds)
    let foundation = JSONEncoder()
    foundation.dateEncodingStrategy = .iso8601
    let ours = JSONEncoder()
    ours.dateEncodingStrategy = .internetTime
    #expect(try ours.encode([date]) == foundation.encode([date]))
  }

  @Test("read back to the whole second", arguments: samples)
  func roundTrip(_ seconds: TimeInterval) {
    let date = Date(timeIntervalSince1970: seconds)
    #expect(InternetTime.date(InternetTime.string(date))?.timeIntervalSince1970 == seconds.rounded(.down))
  }

  @Test func readsOtherRFC3339FormsAndRefusesNonsense() throws {
    #expect(InternetTime.date("2026-11-30T19:14:30+01:00") == InternetTime.date("2026-11-30T18:14:30Z"))
    #expect(InternetTime.date("2024-02-29T23:59:59Z") != nil)
    for bad in ["2026-13-01T00:00:00Z", "2026-11-30 18:14:30Z", "yesterday", ""] {
      #expect(InternetTime.date(bad) == nil, "\(bad)")
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .internetTime
    #expect(throws: DecodingError.self) { try decoder.decode([Date].self, from: Data("[\"soon\"]".utf8)) }
  }
}
