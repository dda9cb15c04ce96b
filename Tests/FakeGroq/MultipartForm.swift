import Foundation
@preconcurrency import Glibc

/// A multipart/form-data body as the fake server reads it (RFC 7578): every part in order, so repeated fields such
/// as `timestamp_granularities[]` keep all their values.
public struct MultipartForm: Sendable {
  public struct Part: Sendable {
    public let name: String
    public let filename: String?
    public let contentType: String?
    public let body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }
  }

  public let parts: [Part]

  /// nil when the body is not a well-formed form with the boundary its Content-Type names.
  public init?(body: Data, contentType: String?) {
    guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
      let boundary = Self.parameter("boundary", in: contentType)
    else { return nil }
    let delimiter = Data("--\(boundary)".utf8)
    var parts: [Part] = []
    guard var cursor = Self.find(delimiter, in: body, from: 0) else { return nil }
    while true {
      cursor += delimiter.count
      // "--" after a delimiter ends the form.
      if body.count >= cursor + 2 && body[cursor] == 0x2D && body[cursor + 1] == 0x2D { break }
      // The CRLF that ends the headers may also be the one that starts the next delimiter: the part is then empty
      // (found by the fuzzer: searching from after it made the body's range run backwards).
      guard let headerEnd = Self.find(Data("\r\n\r\n".utf8), in: body, from: cursor),
        let next = Self.find(Data("\r\n".utf8) + delimiter, in: body, from: headerEnd + 2)
      else { return nil }
      let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
      let content = next >= headerEnd + 4 ? body[(headerEnd + 4)..<next] : Data()
      guard let part = Self.part(headers: headers, body: content) else { return nil }
      parts.append(part)
      cursor = next + 2
    }
    self.parts = parts
  }

  public func values(_ name: String) -> [String] {
    parts.filter { $0.name == name && $0.filename == nil }.map { String(decoding: $0.body, as: UTF8.self) }
  }

  public func value(_ name: String) -> String? { values(name).last }

  public var file: Part? { parts.first { $0.name == "file" && $0.filename != nil } }

  private static func part(headers: String, body: Data) -> Part? {
    var disposition: String?
    var type: String?
    for line in headers.components(separatedBy: "\r\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch line[..<colon].lowercased() {
      case "content-disposition": disposition = value
      case "content-type": type = value
      default: break
      }
    }
    guard let disposition, disposition.lowercased().hasPrefix("form-data"),
      let name = parameter("name", in: disposition)
    else { return nil }
    return Part(name: name, filename: parameter("filename", in: disposition), contentType: type, body: Data(body))
  }

  /// `key=value` or `key="value"` from a header's `;`-separated parameters. A `;` inside quotes belongs to the
  /// value, as in real servers' parsers: a file may well be named `a;b.wav`.
  private static func parameter(_ key: String, in header: String) -> String? {
    var items: [String] = []
    var current = ""
    var quoted = false
    for character in header {
      if character == "\"" { quoted.toggle() }
      if character == ";" && !quoted {
        items.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    items.append(current)
    for item in items.dropFirst() {
      let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, pair[0].lowercased() == key else { continue }
      let value = pair[1]
      return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
        ? String(value.dropFirst().dropLast()) : value
    }
    return nil
  }

  /// memchr for the first byte, memcmp for the rest: the fake scans 25 MB uploads, which a byte loop in a debug
  /// build would take seconds over. (Glibc's memmem is not visible to Swift.)
  private static func find(_ pattern: Data, in data: Data, from start: Int) -> Int? {
    guard start < data.count, let first = pattern.first else { return nil }
    return data.withUnsafeBytes { haystack in
      pattern.withUnsafeBytes { needle in
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return nil }
        var at = start
        while at + needle.count <= haystack.count {
          guard let hit = memchr(base + at, Int32(first), haystack.count - at - needle.count + 1) else { return nil }
          let index = base.distance(to: UnsafeRawPointer(hit))
          if memcmp(base + index, needleBase, needle.count) == 0 { return index }
          at = index + 1
        }
        return nil
      }
    }
  }
}

extension RecordedRequest {
  /// The body parsed as a multipart form, for tests that check what an upload carried.
  public var multipartForm: MultipartForm? { MultipartForm(body: body, contentType: header("Content-Type")) }
}
