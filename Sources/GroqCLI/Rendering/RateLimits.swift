import GroqKit

/// What the last response said is left of the key's limits (Groq's `x-ratelimit-*` headers): requests per day,
/// tokens per minute.
struct RateLimits: Sendable, Equatable {
  var requestsLeft: Int?
  var requestsLimit: Int?
  var requestsReset: String?
  var tokensLeft: Int?
  var tokensLimit: Int?
  var tokensReset: String?

  /// nil when the response carried none.
  init?(headers: HTTPHeaders) {
    requestsLeft = headers["x-ratelimit-remaining-requests"].flatMap { Int($0) }
    requestsLimit = headers["x-ratelimit-limit-requests"].flatMap { Int($0) }
    requestsReset = headers["x-ratelimit-reset-requests"]
    tokensLeft = headers["x-ratelimit-remaining-tokens"].flatMap { Int($0) }
    tokensLimit = headers["x-ratelimit-limit-tokens"].flatMap { Int($0) }
    tokensReset = headers["x-ratelimit-reset-tokens"]
    if requestsLeft == nil && tokensLeft == nil { return nil }
  }

  /// `14,397 of 14,400 requests left today (resets in 2m59s); 5,800 of 6,000 tokens left this minute`.
  var summary: String {
    var parts: [String] = []
    if let left = requestsLeft {
      parts.append(
        describe(left, of: requestsLimit, "requests", "today") + (requestsReset.map { " (resets in \($0))" } ?? ""))
    }
    if let left = tokensLeft {
      parts.append(
        describe(left, of: tokensLimit, "tokens", "this minute") + (tokensReset.map { " (resets in \($0))" } ?? ""))
    }
    return parts.joined(separator: "; ")
  }

  private func describe(_ left: Int, of limit: Int?, _ unit: String, _ period: String) -> String {
    Format.grouped(left) + (limit.map { " of " + Format.grouped($0) } ?? "") + " \(unit) left \(period)"
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
