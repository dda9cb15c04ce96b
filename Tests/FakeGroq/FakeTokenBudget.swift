import Foundation

/// A tokens-per-minute budget for chat completions, with a delay per answer, so a benchmark can compare a client that
/// keeps several requests in flight with one that sends them one by one under the same limit.
public struct FakeChatPacing: Sendable {
  /// nil: no budget (the default, and what tests use).
  public var tokensPerMinute: Int?
  /// How long each chat answer takes, as a model would.
  public var latencyMilliseconds = 0
  /// The day's request budget the x-ratelimit-*-requests headers count down from (Groq's free tier: 14,400).
  public var requestsPerDay = 14_400

  public init() {}
}

/// The budget itself: it refills continuously and holds at most ten seconds' worth, so a burst cannot spend a whole
/// minute's budget at once. A request that does not fit gets Groq's 429 with `retry-after`.
final class FakeTokenBudget: @unchecked Sendable {
  private let lock = NSLock()
  private var pacing = FakeChatPacing()
  private var tokens = 0.0
  private var refilled = Date()

  var settings: FakeChatPacing {
    get { lock.withLock { pacing } }
    set {
      lock.withLock {
        pacing = newValue
        tokens = Double(newValue.tokensPerMinute ?? 0) / 6
        refilled = Date()
      }
    }
  }

  /// Paces a chat request: waits out the latency, then spends its tokens or answers 429. nil when unpaced.
  func admit(_ request: RecordedRequest, wake: WakePipe, answer: () -> FakeResponse) -> FakeResponse? {
    let pacing = settings
    guard pacing.tokensPerMinute != nil || pacing.latencyMilliseconds > 0 else { return nil }
    if pacing.latencyMilliseconds > 0 { _ = wake.sleep(milliseconds: pacing.latencyMilliseconds) }
    guard let limit = pacing.tokensPerMinute else { return answer() }
    let messages = ((try? request.json())?["messages"] as? [Any]) ?? []
    let cost = Double(ChatCompletions.promptTokens(messages) + ChatCompletions.answerTokens.count)
    let perSecond = Double(limit) / 60
    let (fits, left, wait): (Bool, Double, Double) = lock.withLock {
      tokens = min(Double(limit) / 6, tokens + Date().timeIntervalSince(refilled) * perSecond)
      refilled = Date()
      if tokens >= cost {
        tokens -= cost
        return (true, tokens, 0)
      }
      return (false, tokens, (cost - tokens) / perSecond)
    }
    let headers = [
      ("x-ratelimit-limit-tokens", String(limit)), ("x-ratelimit-remaining-tokens", String(Int(left))),
      ("x-ratelimit-reset-tokens", String(format: "%.2fs", (Double(limit) / 6 - left) / perSecond)),
    ]
    guard fits else { return .rateLimited(retryAfter: String(format: "%.2f", wait), headers: headers) }
    var response = answer()
    response.headers = HeaderList.merge(response.headers, overrides: headers)
    return response
  }
}
