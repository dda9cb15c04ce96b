import FakeGroq
import Foundation
import Testing

@testable import GroqKit

/// One scripted answer of `FakeTransport`.
enum ScriptedReply: Sendable {
  /// A response whose body arrives as these reads, one `Data` each, then ends (or fails with `failure`).
  case response(status: Int, headers: [String: String] = [:], reads: [Data] = [], failure: GroqError? = nil)
  /// The transport throws before any response, as a refused connection does.
  case error(GroqError)

  static func response(status: Int, headers: [String: String] = [:], body: String) -> ScriptedReply {
    .response(status: status, headers: headers, reads: body.isEmpty ? [] : [Data(body.utf8)])
  }

  /// A 200 `text/event-stream` whose body is these reads, in order.
  static func stream(_ reads: [String], headers: [String: String] = [:]) -> ScriptedReply {
    var all = ["content-type": "text/event-stream"]
    all.merge(headers) { _, new in new }
    return .response(status: 200, headers: all, reads: reads.map { Data($0.utf8) })
  }
}

/// An `HTTPTransport` that answers from a script and remembers every request, so client tests need no network.
final class FakeTransport: HTTPTransport {
  private let replies: Locked<[ScriptedReply]>
  private let recorded = Locked<[HTTPRequest]>([])

  init(_ replies: [ScriptedReply]) { self.replies = Locked(replies) }

  var requests: [HTTPRequest] { recorded.current }

  func send(_ request: HTTPRequest, idleTimeout: Double, deadline: Double) async throws -> HTTPResponse {
    recorded.withValue { $0.append(request) }
    let reply = replies.withValue { $0.isEmpty ? nil : $0.removeFirst() }
    switch reply {
    case nil:
      Issue.record("the client sent more requests than were scripted")
      throw GroqError(kind: .connection, message: "no scripted reply")
    case .error(let error):
      throw error
    case .response(let status, let headers, let reads, let failure):
      return HTTPResponse(status: status, headers: HTTPHeaders(headers), body: ResponseBody(reads, failure: failure))
    }
  }
}

extension HTTPRequest {
  /// The value of the first header with this name, compared case-insensitively.
  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The JSON body as a dictionary, or nil when there is none.
  func jsonBody() throws -> [String: Any]? {
    guard case .data(let data) = body else { return nil }
    return try JSONSerialization.jsonObject(with: data) as? [String: Any]
  }
}

/// A client over `transport` that talks to the default Groq URL with a test key.
func makeClient(
  _ transport: FakeTransport, maxRetries: Int = 2, baseURL: String = "https://api.groq.com/openai/v1",
  customHeaders: [(name: String, value: String)] = [], onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }
) -> GroqClient {
  let configuration = Configuration(
    apiKey: "gsk_test_key", baseURL: URL(string: baseURL)!, maxRetries: maxRetries, userAgent: "groq/9.9.9",
    customHeaders: customHeaders)
  return GroqClient(configuration: configuration, transport: transport, onRetry: onRetry)
}
