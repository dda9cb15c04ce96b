import GroqKit

/// The words for errors of the API as it is in 2026 (groq-api.md 0b and 6), one line and a hint each, never the raw
/// JSON: gone models, terms to accept, a spend cap, reasoning fields a model refuses, a tier the plan lacks.
enum TodaysAPIErrors {
  static let consoleModels = "https://console.groq.com/docs/models"

  static func words(_ error: GroqError) -> (message: String, hint: String)? {
    let text = error.message.lowercased()
    switch error.code {
    case "model_decommissioned":
      return (
        "the model has been shut down by Groq: \(error.message)",
        "run 'groq models' to list the models your key can use"
      )
    case "model_not_found" where error.status == 404:
      return (error.message, "run 'groq models' to list the models your key can use")
    case "model_terms_required":
      return (
        "this model's terms must be accepted first: \(error.message)",
        "accept them in the Groq console (https://console.groq.com), then run the command again"
      )
    case "blocked_api_access":
      return (
        "the organisation's spend limit is reached: \(error.message)",
        "raise the limit in the Groq console's billing settings (https://console.groq.com/settings/billing)"
      )
    default: break
    }
    guard error.status == 400 else { return nil }
    if text.contains("reasoning_format") && text.contains("not supported") {
      return (
        "this model does not take --reasoning-format: \(error.message)",
        "leave out --reasoning-format; gpt-oss models take --reasoning-format hidden or parsed only"
      )
    }
    if text.contains("service_tier") || text.contains("service tier") || text.contains("flex")
      || text.contains("performance tier")
    {
      return (
        "the service tier is not on your plan: \(error.message)",
        "flex needs the Developer plan and performance is enterprise only; use --service-tier on_demand"
      )
    }
    return nil
  }
}
