import Foundation

/// One step of a chunked response body, played in order.
public enum FakeStep: Sendable {
  /// Written and flushed as one HTTP chunk.
  case send(Data)
  /// Waits before the next step (cut short if the server stops).
  case pause(milliseconds: Int)
  /// Stops sending but keeps the connection open until the client goes away or the server stops.
  case hang
  /// Closes the connection without the terminating 0-length chunk.
  case cut
  /// The same bytes again and again, as fast as the client reads (see `FakeStep.flood`).
  case flood(Data, times: Int, probe: FloodProbe)

  /// A `.send` of UTF-8 text.
  public static func send(_ text: String) -> FakeStep { .send(Data(text.utf8)) }
}

/// A scripted answer. Default headers (x-request-id, x-ratelimit-*, Content-Type) are added when the response is
/// written; a header in `headers` replaces a default of the same name.
public struct FakeResponse: Sendable {
  /// How the body goes on the wire.
  enum Payload: Sendable {
    /// Sent with Content-Length.
    case fixed(Data)
    /// Sent with Transfer-Encoding: chunked, step by step.
    case chunked([FakeStep])
    /// No status line at all.
    case hang
  }

  public var status: Int
  public var headers: [(String, String)]
  var payload: Payload
  var contentType: String
  /// The x-request-id to send when `headers` has none; nil makes a fresh one. Streams use it so that the header
  /// matches `x_groq.id` in the body.
  var requestID: String?

  init(
    status: Int, headers: [(String, String)], payload: Payload, contentType: String, requestID: String? = nil
  ) {
    self.status = status
    self.headers = headers
    self.payload = payload
    self.contentType = contentType
    self.requestID = requestID
  }

  /// A JSON body, sent as is.
  public static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> FakeResponse {
    FakeResponse(status: status, headers: headers, payload: .fixed(Data(body.utf8)), contentType: "application/json")
  }

  /// A text body (Groq answers `response_format=text` transcriptions this way).
  public static func text(
    _ body: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8",
    headers: [(String, String)] = []
  ) -> FakeResponse {
    FakeResponse(status: status, headers: headers, payload: .fixed(Data(body.utf8)), contentType: contentType)
  }

  /// Raw bytes, e.g. TTS audio.
  public static func data(
    _ body: Data, status: Int = 200, contentType: String = "application/octet-stream",
    headers: [(String, String)] = []
  ) -> FakeResponse {
    FakeResponse(status: status, headers: headers, payload: .fixed(body), contentType: contentType)
  }

  /// An error in Groq's shape: `{"error":{"message","type","code"?,"param"?,"failed_generation"?}}`.
  /// Absent optional keys are left out.
  public static func groqError(
    status: Int, message: String, type: String = "invalid_request_error", code: String? = nil,
    param: String? = nil, failedGeneration: String? = nil, headers: [(String, String)] = []
  ) -> FakeResponse {
    let body = GroqJSON.error(
      message: message, type: type, code: code, param: param, failedGeneration: failedGeneration)
    return .json(body, status: status, headers: headers)
  }

  /// A 429 with Groq's rate-limit message, `retry-after` (when not nil) and exhausted x-ratelimit-* headers.
  /// `type` is `tokens` (TPM) or `requests` (RPM), as in Groq's error type.
  public static func rateLimited(
    retryAfter: String? = "2", type: String = "tokens", headers: [(String, String)] = []
  ) -> FakeResponse {
    let model = "openai/gpt-oss-120b"
    let organization = "org_01jz0000000000000000000000"
    var defaults: [(String, String)]
    let message: String
    if type == "requests" {
      message =
        "Rate limit reached for model `\(model)` in organization `\(organization)` on requests per minute (RPM): "
        + "Limit 30, Used 30, Requested 1. Please try again in 2s."
      defaults = [
        ("x-ratelimit-limit-requests", "30"), ("x-ratelimit-remaining-requests", "0"),
        ("x-ratelimit-reset-requests", "2s"),
      ]
    } else {
      message =
        "Rate limit reached for model `\(model)` in organization `\(organization)` on tokens per minute (TPM): "
        + "Limit 6000, Used 5981, Requested 120. Please try again in 1.01s."
      defaults = [
        ("x-ratelimit-limit-tokens", "6000"), ("x-ratelimit-remaining-tokens", "19"),
        ("x-ratelimit-reset-tokens", "1.01s"),
      ]
    }
    if let retryAfter { defaults.append(("retry-after", retryAfter)) }
    return .groqError(
      status: 429, message: message, type: type, code: "rate_limit_exceeded",
      headers: HeaderList.merge(defaults, overrides: headers))
  }

  /// Groq's exact SSE for a chat completion that streams `tokens` as content.
  public static func chatStream(
    tokens: [String], options: StreamOptions = .init(), headers: [(String, String)] = []
  ) -> FakeResponse {
    let steps = ChatStreamBuilder(options: options).steps(tokens: tokens)
    return FakeResponse(
      status: 200, headers: headers, payload: .chunked(steps), contentType: "text/event-stream",
      requestID: options.requestID)
  }

  /// The whole SSE body `chatStream(tokens:options:)` would send, joined, without timing. Ids and timestamps differ
  /// per call but keep their widths, so byte offsets found here (e.g. for `splitAt`) hold for the real stream.
  public static func sseBody(tokens: [String], options: StreamOptions = .init()) -> Data {
    var body = Data()
    for case .send(let data) in ChatStreamBuilder(options: options).steps(tokens: tokens) { body.append(data) }
    return body
  }

  /// A non-streamed `chat.completion` whose message content is `content`.
  public static func chatCompletion(
    content: String, model: String = "openai/gpt-oss-120b", finishReason: String = "stop",
    headers: [(String, String)] = []
  ) -> FakeResponse {
    let requestID = GroqIDs.requestID()
    let usage = Usage(promptTokens: 18, completionTokens: max(1, content.utf8.count / 4))
    let body = GroqJSON.chatCompletion(
      content: content, model: model, finishReason: finishReason, usage: usage, requestID: requestID)
    return FakeResponse(
      status: 200, headers: headers, payload: .fixed(Data(body.utf8)), contentType: "application/json",
      requestID: requestID)
  }

  /// Any chunked response, built step by step (for hand-written SSE bytes). Content-Type defaults to
  /// text/event-stream.
  public static func raw(status: Int = 200, headers: [(String, String)] = [], steps: [FakeStep]) -> FakeResponse {
    FakeResponse(status: status, headers: headers, payload: .chunked(steps), contentType: "text/event-stream")
  }

  /// Reads the request and never sends a status line.
  public static let hang = FakeResponse(status: 0, headers: [], payload: .hang, contentType: "")
}

/// Header-list helpers: names compare case-insensitively, as HTTP says.
enum HeaderList {
  /// `base` with each header named in `overrides` replaced in place (keeping the wire order), then the remaining
  /// overrides appended.
  static func merge(_ base: [(String, String)], overrides: [(String, String)]) -> [(String, String)] {
    var pending = overrides
    var result: [(String, String)] = []
    for header in base {
      let name = header.0.lowercased()
      let replacements = pending.filter { $0.0.lowercased() == name }
      pending.removeAll { $0.0.lowercased() == name }
      result += replacements.isEmpty ? [header] : replacements
    }
    return result + pending
  }
}
