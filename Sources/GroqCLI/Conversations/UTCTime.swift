#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// A date written in UTC with strftime(3): no DateFormatter, Calendar or TimeZone, whose first use loads ICU's data
/// (milliseconds before a new chat's request, or after its answer when a conversation is saved).
enum UTCTime {
  /// The date, in whole seconds (rounded down), written with a strftime format.
  static func format(_ date: Date, _ format: String) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var text = [CChar](repeating: 0, count: 64)
    let length = strftime(&text, text.count, format, &parts)
    return String(decoding: text[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `2026-11-30T13:23:05Z`, as JSONEncoder's `.iso8601` writes it, which JSONDecoder's `.iso8601` reads.
  static func iso8601(_ date: Date) -> String { format(date, "%Y-%m-%dT%H:%M:%SZ") }
}
