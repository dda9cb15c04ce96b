import Foundation
import Testing

@testable import GroqKit

private func isClose(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tolerance
}

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy(maxRetries: 2)

  @Test("statuses the SDK retries are retried, and the flex tier's 498", arguments: [408, 409, 429, 498, 500, 502, 503])
  func retriedStatuses(_ status: Int) {
    #expect(policy.shouldRetry(status: status, headers: HTTPHeaders()))
  }

  @Test("statuses the SDK does not retry are not", arguments: [400, 401, 403, 404, 413, 422])
  func unretriedStatuses(_ status: Int) {
    #expect(!policy.shouldRetry(status: status, headers: HTTPHeaders()))
  }

  @Test("x-should-retry: true makes any status retried", arguments: [400, 404, 413, 498])
  func shouldRetryTrueOverrides(_ status: Int) {
    #expect(policy.shouldRetry(status: status, headers: HTTPHeaders(["x-should-retry": "true"])))
  }

  @Test("x-should-retry: false stops a retry", arguments: [408, 429, 500, 503])
  func shouldRetryFalseOverrides(_ status: Int) {
    #expect(!policy.shouldRetry(status: status, headers: HTTPHeaders(["X-Should-Retry": "false"])))
  }

  @Test("connection errors and timeouts are retried, cancellation is not")
  func retriedErrors() {
    #expect(policy.shouldRetry(GroqError(kind: .connection, message: "refused")))
    #expect(policy.shouldRetry(GroqError(kind: .timeout, message: "timed out")))
    #expect(!policy.shouldRetry(GroqError(kind: .cancelled, message: "cancelled")))
    #expect(!policy.shouldRetry(GroqError(kind: .stream, message: "boom")))
  }

  @Test(
    "backoff doubles from 0.5 s up to 8 s, less up to a quarter of jitter",
    arguments: [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0)])
  func backoff(_ retriesDone: Int, _ base: Double) {
    #expect(isClose(policy.delay(retriesDone: retriesDone, headers: nil, random: 0), base))
    #expect(isClose(policy.delay(retriesDone: retriesDone, headers: nil, random: 0.999), base * (1 - 0.25 * 0.999)))
  }

  @Test("retry-after-ms wins over retry-after")
  func retryAfterMillisecondsFirst() {
    let headers = HTTPHeaders(["retry-after-ms": "1500", "retry-after": "7"])
    #expect(isClose(policy.delay(retriesDone: 0, headers: headers, random: 0.5), 1.5))
  }

  @Test("retry-after in seconds is obeyed")
  func retryAfterSeconds() {
    #expect(isClose(policy.delay(retriesDone: 0, headers: HTTPHeaders(["retry-after": "2"]), random: 0.5), 2))
  }

  @Test("a retry-after over 60 s falls back to backoff")
  func retryAfterTooLong() {
    #expect(isClose(policy.delay(retriesDone: 1, headers: HTTPHeaders(["retry-after": "61"]), random: 0), 1))
  }

  @Test("a retry-after-ms over 60 s falls back to backoff")
  func retryAfterMillisecondsTooLong() {
    #expect(isClose(policy.delay(retriesDone: 0, headers: HTTPHeaders(["retry-after-ms": "61000"]), random: 0), 0.5))
  }

  @Test("a retry-after of 0 falls back to backoff")
  func retryAfterZero() {
    #expect(isClose(policy.delay(retriesDone: 0, headers: HTTPHeaders(["retry-after": "0"]), random: 0), 0.5))
  }

  @Test("an unreadable retry-after falls back to backoff")
  func retryAfterGarbage() {
    #expect(isClose(policy.delay(retriesDone: 2, headers: HTTPHeaders(["retry-after": "soon"]), random: 0), 2))
  }

  @Test("retry-after as an HTTP date waits until that time")
  func retryAfterHTTPDate() {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    let text = formatter.string(from: Date().addingTimeInterval(30))
    let delay = policy.delay(retriesDone: 0, headers: HTTPHeaders(["retry-after": text]), random: 0)
    // The date has whole seconds and a moment passes, so a little under 30 s.
    #expect(delay > 25 && delay <= 30, "delay \(delay) for \(text)")
  }

  @Test("an HTTP date in the past falls back to backoff")
  func retryAfterPastDate() {
    let headers = HTTPHeaders(["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"])
    #expect(isClose(policy.delay(retriesDone: 0, headers: headers, random: 0), 0.5))
  }
}

@Suite struct GoDurationTests {
  @Test(
    "Go durations are read as seconds",
    arguments: [
      ("2m59.56s", 179.56), ("7.66s", 7.66), ("1h2m3s", 3723), ("250ms", 0.25), ("6s", 6), ("1.57s", 1.57),
      ("0", 0), ("0s", 0), ("42", 42), ("1.5", 1.5), ("1m30s", 90), ("1h", 3600), ("500us", 0.0005),
    ])
  func parses(_ text: String, _ seconds: Double) {
    #expect(isClose(GoDuration.seconds(text), seconds), "\(text)")
  }

  @Test(
    "text that is not a Go duration is nil", arguments: ["garbage", "1x", "", "s", "-5", "-5s", "1.2.3s", "5s junk"])
  func rejects(_ text: String) {
    #expect(GoDuration.seconds(text) == nil)
  }
}

@Suite struct RateLimitInfoTests {
  @Test("every x-ratelimit header is read, resets as seconds")
  func readsHeaders() throws {
    let headers = HTTPHeaders([
      "x-ratelimit-limit-requests": "14400",
      "x-ratelimit-limit-tokens": "18000",
      "x-ratelimit-remaining-requests": "14370",
      "x-ratelimit-remaining-tokens": "17997",
      "x-ratelimit-reset-requests": "2m59.56s",
      "x-ratelimit-reset-tokens": "7.66s",
    ])
    let info = try #require(RateLimitInfo(headers: headers))
    #expect(info.limitRequests == 14400)
    #expect(info.limitTokens == 18000)
    #expect(info.remainingRequests == 14370)
    #expect(info.remainingTokens == 17997)
    #expect(isClose(info.resetRequests, 179.56))
    #expect(isClose(info.resetTokens, 7.66))
  }

  @Test("no rate-limit headers means no info")
  func absentHeaders() {
    #expect(RateLimitInfo(headers: HTTPHeaders(["content-type": "application/json"])) == nil)
  }

  @Test("one header is enough, the rest stay nil")
  func partialHeaders() throws {
    let info = try #require(RateLimitInfo(headers: HTTPHeaders(["X-RateLimit-Remaining-Tokens": "5"])))
    #expect(info.remainingTokens == 5)
    #expect(info.limitTokens == nil)
    #expect(info.resetTokens == nil)
  }
}
