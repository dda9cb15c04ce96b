/// The model ids a server listed, when, and which server: the text of the cache file `groq models` keeps,
/// `{"fetched":…,"ids":[…],"server":"…"}`.
///
/// Read with `JSONScanner` and written by hand, not with `JSONDecoder`/`JSONEncoder`: they cost `groq models` more
/// CPU than its request (first use of their generic machinery in a run). Anything unexpected reads as nil: a
/// damaged cache is ignored and rewritten.
public struct ModelListFile: Sendable, Equatable {
  public var server: String
  /// Seconds since 1970.
  public var fetched: Double
  public var ids: [String]

  public init(server: String, fetched: Double, ids: [String]) {
    self.server = server
    self.fetched = fetched
    self.ids = ids
  }

  /// nil unless the bytes are one object with all three fields.
  public init?(json bytes: UnsafeRawBufferPointer) {
    var scanner = JSONScanner(bytes)
    var server: String?
    var fetched: Double?
    var ids: [String]?
    let complete = scanner.fields { scanner, key in
      switch key {
      case "server": return scanner.string().map { server = $0 } != nil
      case "fetched": return scanner.double().map { fetched = $0 } != nil
      case "ids": return scanner.list { $0.string() }.map { ids = $0 } != nil
      default: return scanner.skipValue()
      }
    }
    guard complete, scanner.atEnd, let server, let fetched, let ids else { return nil }
    self.init(server: server, fetched: fetched, ids: ids)
  }

  /// The file's text: one line of JSON.
  public var json: String {
    JSONValue.object([
      .init("fetched", .number(fetched.isFinite ? String(fetched) : "0")),
      .init("ids", .array(ids.map(JSONValue.string))),
      .init("server", .string(server)),
    ]).serialized
  }
}
