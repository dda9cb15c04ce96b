import Foundation

/// When and how long to wait before trying a request again, as the official SDKs do (groq-api.md section 8).
/// Retries happen only before a response body is handed to the caller, so nothing printed is ever printed twice.
public struct RetryPolicy: Sendable {
  public var maxRetries: Int
  /// The longest server hint we obey; past it the SDK falls back to its own backoff.
  public static let longestHint = 60.0

  public init(maxRetries: Int = 2) { self.maxRetries = maxRetries }

  /// Whether a response with this status is worth another attempt. `x-should-retry` wins when present.
  public func shouldRetry(status: Int, headers: HTTPHeaders) -> Bool {
    switch headers["x-should-retry"]?.lowercased() {
    case "true": return true
    case "false": return false
    // 498 is the flex tier at capacity: the SDKs leave it to the caller, and Groq's advice is to retry with jitter.
    default: return status == 408 || status == 409 || status == 429 || status == 498 || status >= 500
    }
  }

  /// Connection failures and timeouts are retried; a cancellation never is.
  public func shouldRetry(_ error: GroqError) -> Bool {
    error.kind == .connection || error.kind == .timeout
  }

  /// Seconds to wait after `retriesDone` retries. `random` is in 0..<1 (a seam for tests).
  public func delay(retriesDone: Int, headers: HTTPHeaders?, random: Double = Double.random(in: 0..<1)) -> Double {
    if let headers, let hint = Self.serverHint(headers), hint > 0, hint <= Self.longestHint { return hint }
    let base = min(0.5 * pow(2, Double(retriesDone)), 8)
    return base * (1 - 0.25 * random)
  }

  /// `retry-after-ms` (milliseconds), then `retry-after` (seconds, or an HTTP date).
  static func serverHint(_ headers: HTTPHeaders) -> Double? {
    if let text = headers["retry-after-ms"], let milliseconds = Double(text) { return milliseconds / 1000 }
    guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
    if let seconds = Double(text) { return seconds }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    return formatter.date(from: text).map { $0.timeIntervalSinceNow }
  }
}

/// What the client tells its caller before it sleeps for a retry, so the CLI can say why it is waiting.
public struct RetryNotice: Sendable {
  public var attempt: Int
  public var delay: Double
  public var reason: String
}
