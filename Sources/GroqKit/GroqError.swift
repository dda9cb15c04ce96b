import Foundation

/// Every failure GroqKit reports: the server's own words, where it said any, plus what a user needs to act on it.
public struct GroqError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// A non-2xx response.
    case api(status: Int)
    /// An error event inside a 200 stream.
    case stream
    case connection
    case timeout
    case cancelled
    /// The server answered with something that is not the API's shape.
    case invalidResponse
    /// Something groq needs on this machine is missing (libcurl could not be loaded); retrying cannot help.
    case unavailable
  }

  public var kind: Kind
  /// The server's message, word for word, or ours when the server said nothing.
  public var message: String
  public var type: String?
  public var code: String?
  public var param: String?
  /// The model's raw output for `json_validate_failed` and `tool_use_failed`.
  public var failedGeneration: String?
  public var requestID: String?
  public var rateLimit: RateLimitInfo?
  /// The server's `retry-after` (or `retry-after-ms`) in seconds, for a caller that paces its own retries.
  public var retryAfter: Double?
  /// Set when the error came after retries, for the message.
  public var attempts: Int = 1
  /// Which limit fired, for a `.timeout`.
  public var timeLimit: TimeLimit?

  public init(
    kind: Kind, message: String, type: String? = nil, code: String? = nil, param: String? = nil,
    failedGeneration: String? = nil, requestID: String? = nil, rateLimit: RateLimitInfo? = nil
  ) {
    self.kind = kind
    self.message = message
    self.type = type
    self.code = code
    self.param = param
    self.failedGeneration = failedGeneration
    self.requestID = requestID
    self.rateLimit = rateLimit
  }

  public var status: Int? {
    if case .api(let status) = kind { return status }
    return nil
  }

  public var description: String { message }

  /// Hides `secret` wherever the server quoted it back: some compatible servers echo the key they rejected.
  func redacting(_ secret: String) -> GroqError {
    guard !secret.isEmpty else { return self }
    var copy = self
    copy.message = message.replacingOccurrences(of: secret, with: "gsk_***")
    copy.failedGeneration = failedGeneration?.replacingOccurrences(of: secret, with: "gsk_***")
    return copy
  }

  /// Builds the error for a non-2xx response from Groq's `{"error":{...}}` body, or from the status alone when the
  /// body is not that shape (a proxy's HTML page, say).
  public init(status: Int, headers: HTTPHeaders, body: Data) {
    let payload = try? JSONDecoder().decode(ErrorEnvelope.self, from: body).error
    var message = payload?.message ?? ""
    if (300..<400).contains(status) {
      message = "the server redirected to \(headers["location"] ?? "another address"), and redirects are not followed"
    } else if message.isEmpty {
      let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      message = text.isEmpty || text.hasPrefix("<") ? "HTTP \(status)" : text
    }
    self.init(
      kind: .api(status: status), message: message, type: payload?.type, code: payload?.code,
      param: payload?.param, failedGeneration: payload?.failedGeneration,
      requestID: headers["x-request-id"], rateLimit: RateLimitInfo(headers: headers))
    retryAfter = RetryPolicy.serverHint(headers)
  }

  /// An error carried by a stream (`event: error`, or a data object with an `error` key).
  init(streamPayload payload: ErrorPayload, requestID: String?) {
    self.init(
      kind: .stream, message: payload.message ?? "the stream reported an error", type: payload.type,
      code: payload.code, param: payload.param, failedGeneration: payload.failedGeneration, requestID: requestID)
  }
}

/// Groq's error object: `message` and `type` always, the rest sometimes.
struct ErrorPayload: Decodable, Sendable, Equatable {
  var message: String?
  var type: String?
  var code: String?
  var param: String?
  var failedGeneration: String?

  enum CodingKeys: String, CodingKey {
    case message, type, code, param
    case failedGeneration = "failed_generation"
  }

  init(message: String?) {
    self.message = message
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    message = try? container.decodeIfPresent(String.self, forKey: .message)
    type = try? container.decodeIfPresent(String.self, forKey: .type)
    // Some OpenAI-compatible servers send a numeric code.
    if let text = try? container.decodeIfPresent(String.self, forKey: .code) {
      code = text
    } else if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
      code = String(number)
    }
    param = try? container.decodeIfPresent(String.self, forKey: .param)
    failedGeneration = try? container.decodeIfPresent(String.self, forKey: .failedGeneration)
  }
}

struct ErrorEnvelope: Decodable, Sendable {
  var error: ErrorPayload
}
