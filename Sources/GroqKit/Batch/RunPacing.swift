import Foundation

/// How many requests a local batch run keeps in flight, and when it must pause, from Groq's rate-limit headers.
///
/// Concurrency that keeps pace with the token budget is `tokens per minute × seconds per request / (60 × tokens per
/// request)`; while many tokens are left (a full bucket) more may go at once, a quarter of what the remaining budget
/// would pay for, and the count falls back as the budget runs low. The first answers measure both; until then one
/// request goes at a time.
public struct RunPacing: Sendable, Equatable {
  /// Requests allowed in flight now.
  public private(set) var jobs: Int
  public let maxJobs: Int
  /// `-j` was given: the count stays, only pauses apply.
  public let fixed: Bool
  private var tokensPerRequest: Double?

  public init(jobs: Int?, maxJobs: Int = 16) {
    self.maxJobs = maxJobs
    self.fixed = jobs != nil
    self.jobs = jobs ?? 1
  }

  /// Learns from one answer: its headers, its tokens and how long it took. Returns seconds to pause everyone when
  /// the budget left would not cover the requests in flight.
  public mutating func observe(_ info: RateLimitInfo?, tokens: Int?, seconds: Double) -> Double? {
    if let tokens, tokens > 0 {
      tokensPerRequest = tokensPerRequest.map { $0 * 0.8 + Double(tokens) * 0.2 } ?? Double(tokens)
    }
    guard let info else { return nil }
    if !fixed, let perRequest = tokensPerRequest {
      var fits = 1.0
      if let limit = info.limitTokens, seconds > 0 { fits = max(fits, Double(limit) * seconds / (60 * perRequest)) }
      if let remaining = info.remainingTokens { fits = max(fits, Double(remaining) / (4 * perRequest)) }
      jobs = min(maxJobs, max(1, Int(fits.rounded(.down))))
    }
    if let remaining = info.remainingRequests, remaining <= 0 {
      return min(60, info.resetRequests ?? 1)
    }
    if let remaining = info.remainingTokens, let perRequest = tokensPerRequest,
      Double(remaining) < perRequest * Double(jobs)
    {
      // Long enough for the budget to cover the requests in flight, at the rate it refills; reset-tokens is when it
      // is full again, which is longer than a run needs to wait.
      let short = perRequest * Double(jobs) - Double(remaining)
      var wait = info.limitTokens.map { short / (Double(max($0, 1)) / 60) } ?? info.resetTokens ?? 1
      if let reset = info.resetTokens { wait = min(wait, reset) }
      return min(60, max(0.05, wait))
    }
    return nil
  }

  /// A 429: everyone waits for `retry-after` (or a second), and a run that chose its own count halves it.
  public mutating func rateLimited(retryAfter: Double?) -> Double {
    if !fixed { jobs = max(1, jobs / 2) }
    return min(60, max(0.05, retryAfter ?? 1))
  }
}
