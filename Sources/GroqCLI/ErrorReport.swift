import Foundation
import GroqKit

/// Turns any error into the words and exit status a user sees.
enum ErrorReport {
  static let keysPage = "https://console.groq.com/keys"

  static func make(_ error: any Error) -> CLIError {
    var report = words(error)
    report.message = FoundationErrorText.translate(report.message)
    report.hint = report.hint.map(FoundationErrorText.translate)
    return report
  }

  private static func words(_ error: any Error) -> CLIError {
    switch error {
    case let error as ReplyFailure: return words(error.underlying)
    case let error as CLIError: return error
    case let error as OutputClosed: return error.failure
    case let error as UsageError:
      let help = error.command.map { "groq \($0) --help" } ?? "groq --help"
      let hint = error.hint.map { "\($0) (see '\(help)')" } ?? "see '\(help)'"
      return CLIError(error.message, hint: hint, status: .usage)
    case let error as ConfigurationError: return configuration(error)
    case let error as GroqError: return api(error)
    case is CancellationError: return CLIError("cancelled", status: .interrupted)
    default: return CLIError(FoundationErrorText.describe(error as NSError) ?? "\(error)")
    }
  }

  /// The conversation no longer fits the model's context window: only trimming it helps, never a retry.
  static func isContextLength(_ error: any Error) -> Bool {
    if let failure = error as? ReplyFailure { return isContextLength(failure.underlying) }
    guard let error = error as? GroqError, error.status == 400 || error.status == 413 else { return false }
    let message = error.message.lowercased()
    return error.code == "context_length_exceeded" || message.contains("context length")
      || message.contains("context window") || message.contains("reduce the length")
  }

  static func configuration(_ error: ConfigurationError) -> CLIError {
    switch error {
    case .missingAPIKey:
      return CLIError(
        "no API key: GROQ_API_KEY is not set and none is stored",
        hint: "create a key at \(keysPage), then run 'groq auth login' (or export GROQ_API_KEY=gsk_...)",
        status: .auth)
    case .malformedAPIKey:
      return CLIError(
        "the API key contains spaces or control characters", hint: "copy the key again from \(keysPage)",
        status: .auth)
    case .invalidBaseURL(let value):
      return CLIError(
        "GROQ_BASE_URL is not an http or https URL: '\(value)'", hint: "for example: https://api.groq.com",
        status: .usage)
    case .insecureBaseURL(let host):
      return CLIError(
        "refusing to send the API key over plain http to \(host)",
        hint: "use https://, or http:// only for a server on this machine (127.0.0.1 or localhost)",
        status: .usage)
    }
  }

  static func api(_ error: GroqError) -> CLIError {
    var message = error.message
    var hint: String?
    var status = ExitStatus.failure
    switch error.kind {
    case .cancelled: return CLIError("cancelled", status: .interrupted)
    case .api(401):
      message = "the server rejected the API key: \(error.message)"
      hint = "check GROQ_API_KEY; keys are at \(keysPage)"
      status = .auth
    case _ where TodaysAPIErrors.words(error) != nil:
      (message, hint) = TodaysAPIErrors.words(error)!
    case .api(429):
      message = "rate limited: \(error.message)"
      hint = rateLimitHint(error)
    case .api(498):
      message = "Groq's flex tier is at capacity: \(error.message)"
      hint = "try again shortly, or use --service-tier on_demand"
    case .api(400) where error.code == "json_validate_failed":
      message = "the model's answer was not valid JSON: \(error.message)"
    case _ where error.code == "tool_use_failed":
      message = "the model's tool call failed: \(error.message)"
    case .api(413):
      hint = "the request is too large for your limits; send less text or lower --max-tokens"
    case .api(let code) where (300..<400).contains(code):
      hint = "the API key goes only where GROQ_BASE_URL points; set it to the address the server gave"
    case .api(let code) where code >= 500:
      let detail = error.message == "HTTP \(code)" ? "" : ": " + error.message
      message = "the server failed (HTTP \(code))" + detail
    case .api(let code) where error.message == "HTTP \(code)":
      message = "the server answered HTTP \(code)"
    case .stream: message = "the answer stopped: \(error.message)"
    case .connection: hint = "check your network connection, or GROQ_BASE_URL if you set it"
    case .timeout:
      message = "timed out: \(error.message)"
      switch error.timeLimit {
      case .deadline?: hint = "--deadline sets how long one attempt may take in all"
      default: hint = "--timeout sets how long groq waits for the server to send anything"
      }
    case .invalidResponse: hint = "is GROQ_BASE_URL an OpenAI-compatible API?"
    case .unavailable: hint = "groq needs libcurl 4 to connect: apt-get install libcurl4"
    default: break
    }
    if error.attempts > 1 { message += " (after \(error.attempts) attempts)" }
    if let id = error.requestID { message += " [request \(id)]" }
    if let generation = error.failedGeneration {
      hint = (hint.map { $0 + "\n" } ?? "") + "failed generation: " + generation
    }
    return CLIError(message, hint: hint, status: status)
  }

  /// When the budgets reset, from the x-ratelimit-* headers.
  private static func rateLimitHint(_ error: GroqError) -> String {
    var parts: [String] = []
    if let info = error.rateLimit {
      if let reset = info.resetTokens, info.remainingTokens == 0 || error.type == "tokens" {
        parts.append("tokens reset in \(Format.duration(reset))")
      }
      if let reset = info.resetRequests, info.remainingRequests == 0 || error.type == "requests" {
        parts.append("requests reset in \(Format.duration(reset))")
      }
    }
    parts.append("--max-retries sets how often groq tries again")
    return parts.joined(separator: "; ")
  }
}
