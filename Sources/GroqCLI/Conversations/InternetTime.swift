#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Times in saved conversations: RFC 3339 in UTC with whole seconds, `2026-11-30T18:14:30Z`, the form
/// JSONEncoder's `.iso8601` writes.
///
/// Written with gmtime_r and read with timegm. Foundation's ISO 8601 style loads ICU's calendar on first use, which
/// cost more than all the rest of saving a one-shot chat (issue 10). A time in another RFC 3339 form (an offset, a
/// fraction, from a file edited by hand) is still read, by Foundation.
enum InternetTime {
  static func string(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var text = [CChar](repeating: 0, count: 40)
    let length = strftime(&text, text.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
    return String(decoding: text[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func date(_ text: String) -> Date? {
    if let date = wholeSecondsUTC(text) { return date }
    return try? Date(text, strategy: .iso8601)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` exactly, else nil.
  private static func wholeSecondsUTC(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
      bytes[16] == 0x3A, bytes[19] == 0x5A
    else { return nil }
    func number(_ range: Range<Int>) -> Int32? {
      var value: Int32 = 0
      for byte in bytes[range] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int32(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var parts = tm()
    parts.tm_year = year - 1900
    parts.tm_mon = month - 1
    parts.tm_mday = day
    parts.tm_hour = hour
    parts.tm_min = minute
    parts.tm_sec = second
    let seconds = timegm(&parts)
    // timegm normalises 31 February into March; such a date is not one this writer made.
    guard parts.tm_mday == day, parts.tm_mon == month - 1 else { return nil }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}

extension JSONEncoder.DateEncodingStrategy {
  /// `.iso8601`'s form, without ICU (see `InternetTime`).
  static var internetTime: Self {
    .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(InternetTime.string(date))
    }
  }
}

extension JSONDecoder.DateDecodingStrategy {
  /// Reads what `.internetTime` and `.iso8601` write.
  static var internetTime: Self {
    .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = InternetTime.date(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "Expected date string to be ISO8601-formatted.")
      }
      return date
    }
  }
}
