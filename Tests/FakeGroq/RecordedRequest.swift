import Foundation

/// One HTTP request as the fake server received it, recorded before it was answered.
public struct RecordedRequest: Sendable {
  public let method: String
  /// The request target exactly as sent on the request line, query included,
  /// e.g. `/openai/v1/models/openai%2Fgpt-oss-120b`.
  public let path: String
  public let headers: [(name: String, value: String)]
  /// The body after any chunked transfer encoding was removed.
  public let body: Data
  /// Which TCP connection carried it (1, 2, … in accept order), so tests can check keep-alive reuse.
  public let connection: Int

  public init(
    method: String, path: String, headers: [(name: String, value: String)], body: Data, connection: Int = 0
  ) {
    self.method = method
    self.path = path
    self.headers = headers
    self.body = body
    self.connection = connection
  }

  /// The first header with this name, compared case-insensitively.
  public func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// The body parsed as a JSON object.
  public func json() throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
      throw FakeGroqError("request body is JSON but not an object")
    }
    return object
  }

  /// The path without its query string, percent-escapes kept.
  var route: String {
    path.firstIndex(of: "?").map { String(path[..<$0]) } ?? path
  }
}
