import Foundation

/// The `x-ratelimit-*` headers Groq puts on every response.
public struct RateLimitInfo: Sendable, Equatable {
  public var limitRequests: Int?
  public var limitTokens: Int?
  public var remainingRequests: Int?
  public var remainingTokens: Int?
  /// Seconds until the daily request budget resets.
  public var resetRequests: Double?
  /// Seconds until the per-minute token budget resets.
  public var resetTokens: Double?

  public init?(headers: HTTPHeaders) {
    limitRequests = headers["x-ratelimit-limit-requests"].flatMap { Int($0) }
    limitTokens = headers["x-ratelimit-limit-tokens"].flatMap { Int($0) }
    remainingRequests = headers["x-ratelimit-remaining-requests"].flatMap { Int($0) }
    remainingTokens = headers["x-ratelimit-remaining-tokens"].flatMap { Int($0) }
    resetRequests = headers["x-ratelimit-reset-requests"].flatMap(GoDuration.seconds)
    resetTokens = headers["x-ratelimit-reset-tokens"].flatMap(GoDuration.seconds)
    if self == RateLimitInfo() { return nil }
  }

  private init() {}
}

/// Go's `time.Duration` text (`2m59.56s`, `1h2m3s`, `250ms`, `7.66s`), which Groq uses for reset times.
public enum GoDuration {
  /// Seconds, or nil when the text is not a Go duration. A bare number is taken as seconds.
  public static func seconds(_ text: String) -> Double? {
    let text = Configuration.trimmed(text)
    if let plain = Double(text) { return plain >= 0 ? plain : nil }
    let units: [(String, Double)] = [
      ("h", 3600), ("ms", 0.001), ("us", 1e-6), ("µs", 1e-6), ("ns", 1e-9), ("m", 60), ("s", 1),
    ]
    var rest = Substring(text)
    var total = 0.0
    guard !rest.isEmpty else { return nil }
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
      rest = rest.dropFirst(unit.count)
      total += value * scale
    }
    return total
  }
}
