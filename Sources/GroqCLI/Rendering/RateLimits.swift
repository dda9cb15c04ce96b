import GroqKit

/// What the last response said is left of the key's limits, as /stats words it: requests per day, tokens per
/// minute. The headers are read once, by GroqKit's `RateLimitInfo`.
struct RateLimits: Sendable, Equatable {
  var info: RateLimitInfo

  /// nil when the response carried none.
  init?(headers: HTTPHeaders) {
    guard let info = RateLimitInfo(headers: headers), info.remainingRequests != nil || info.remainingTokens != nil
    else { return nil }
    self.info = info
  }

  /// `14,397 of 14,400 requests left today (resets in 2m59s); 5,800 of 6,000 tokens left this minute`.
  var summary: String {
    var parts: [String] = []
    if let left = info.remainingRequests {
      parts.append(describe(left, of: info.limitRequests, "requests", "today", resets: info.resetRequests))
    }
    if let left = info.remainingTokens {
      parts.append(describe(left, of: info.limitTokens, "tokens", "this minute", resets: info.resetTokens))
    }
    return parts.joined(separator: "; ")
  }

  private func describe(_ left: Int, of limit: Int?, _ unit: String, _ period: String, resets: Double?) -> String {
    Format.grouped(left) + (limit.map { " of " + Format.grouped($0) } ?? "") + " \(unit) left \(period)"
      + (resets.map { " (resets in \(Format.resetTime($0)))" } ?? "")
  }
}

/// What a REPL session has used so far, for /stats.
struct SessionTotals: Sendable, Equatable {
  var answers = 0
  var promptTokens = 0
  var completionTokens = 0
  var rateLimits: RateLimits?

  mutating func add(_ reply: ChatReply) {
    answers += 1
    promptTokens += reply.usage?.promptTokens ?? 0
    completionTokens += reply.usage?.completionTokens ?? 0
    if let limits = reply.rateLimits { rateLimits = limits }
  }

  var summary: String {
    var lines = [
      "this session: \(answers) answer\(answers == 1 ? "" : "s"), \(Format.grouped(promptTokens)) prompt tokens, "
        + "\(Format.grouped(completionTokens)) completion tokens"
    ]
    if let rateLimits { lines.append("rate limits: " + rateLimits.summary) }
    return lines.joined(separator: "\n")
  }
}
