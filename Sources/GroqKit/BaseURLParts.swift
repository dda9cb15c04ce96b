/// An http or https URL's text split where `GROQ_BASE_URL` needs it: scheme, authority, host and path.
///
/// Plain byte splitting, not `URLComponents`: its `host` runs ICU's IDNA on first use, which loads ICU's data
/// (half a millisecond before every request); and bytes, not `String` methods, some of which are Foundation's
/// (`contains("?")` is a `range(of:)` through NSString). `URL(string:)` still checks the whole text afterwards.
struct BaseURLParts: Equatable {
  /// Lower-cased: `http` or `https`.
  var scheme: String
  /// `user@host:port` as written.
  var authority: String
  /// As written; an IPv6 address keeps its brackets.
  var host: String
  /// Without trailing slashes; `/openai/v1` when the text has no path, as the SDKs do.
  var path: String

  /// The host without the brackets of an IPv6 address.
  var bareHost: String {
    host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
  }

  /// nil when the text is not http(s), has no host, or has a query or a fragment (paths are appended to it).
  init?(_ text: String) {
    let bytes = Array(text.utf8)
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? { range.first { bytes[$0] == byte } }

    guard let colon = firstIndex(of: UInt8(ascii: ":"), in: 0..<bytes.count) else { return nil }
    let scheme = string(0..<colon).lowercased()
    guard scheme == "http" || scheme == "https" else { return nil }
    let start = colon + 3
    guard start <= bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/")
    else { return nil }
    guard !bytes[start...].contains(UInt8(ascii: "?")), !bytes[start...].contains(UInt8(ascii: "#")) else {
      return nil
    }
    let slash = firstIndex(of: UInt8(ascii: "/"), in: start..<bytes.count) ?? bytes.count
    var pathEnd = bytes.count
    while pathEnd > slash && bytes[pathEnd - 1] == UInt8(ascii: "/") { pathEnd -= 1 }

    var hostStart = start
    for index in start..<slash where bytes[index] == UInt8(ascii: "@") { hostStart = index + 1 }
    let hostEnd: Int
    if hostStart < slash && bytes[hostStart] == UInt8(ascii: "[") {
      guard let close = firstIndex(of: UInt8(ascii: "]"), in: hostStart..<slash), close > hostStart + 1 else {
        return nil
      }
      hostEnd = close + 1
    } else {
      hostEnd = firstIndex(of: UInt8(ascii: ":"), in: hostStart..<slash) ?? slash
    }
    guard hostEnd > hostStart else { return nil }
    // After the host: nothing, or a colon and the port's digits.
    if hostEnd < slash {
      guard bytes[hostEnd] == UInt8(ascii: ":"),
        bytes[(hostEnd + 1)..<slash].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      else { return nil }
    }

    self.scheme = scheme
    self.authority = string(start..<slash)
    self.host = string(hostStart..<hostEnd)
    self.path = pathEnd > slash ? string(slash..<pathEnd) : Configuration.apiPath
  }
}
