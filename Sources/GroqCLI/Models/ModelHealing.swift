import Foundation
import GroqKit

extension GroqError {
  /// Groq says the model is gone: shut down (400 `model_decommissioned`) or unknown to this key (404
  /// `model_not_found`).
  var modelIsGone: Bool {
    code == "model_decommissioned" || (status == 404 && code == "model_not_found")
  }
}

/// What happens when Groq answers that the model is gone. A model groq chose heals: `/models` is asked once, the
/// role's next live id is used, one line on stderr says so, and the request goes again before any output. A model
/// the user named is never swapped: the error says it is gone and lists the live ids for the role.
struct ModelHealing: Sendable {
  let role: ModelRole
  let cache: ModelListCache
  let terminal: Terminal

  /// Sends with `model`; returns the result and the model that gave it.
  /// - Parameter userNamed: `-m`, a variable, the config file or a saved conversation named the model.
  /// - Parameter resumed: the model is a saved conversation's; the error then says how to switch.
  func send<T: Sendable>(
    model: String, userNamed: Bool, resumed: Bool = false, client: GroqClient,
    _ attempt: (String) async throws -> T
  ) async throws -> (result: T, model: String) {
    do {
      return (try await attempt(model), model)
    } catch let error as GroqError where error.modelIsGone {
      let live = (try? await cache.refresh(client)) ?? []
      let next = ModelRoles.candidates(for: role, among: live).first { $0 != model }
      guard !userNamed, let next else {
        throw Self.gone(model, error: error, role: role, live: live, resumed: resumed)
      }
      terminal.warning("\(model) is no longer available; using \(next) for \(role.rawValue)")
      return (try await attempt(next), next)
    }
  }

  /// The error for a model that is gone: shut down (with the date groq knows) or unknown, the live ids for the role.
  static func gone(_ model: String, error: GroqError, role: ModelRole, live: [String], resumed: Bool) -> CLIError {
    let retirement = ModelRoles.retirement(of: model)
    let message =
      if let retirement {
        "the model \(model) has been shut down by Groq (\(retirement.date))"
      } else if error.code == "model_decommissioned" {
        "the model \(model) has been shut down by Groq"
      } else {
        "the model \(model) does not exist or your key cannot use it"
      }
    var hints: [String] = []
    if ModelRoles.known(model)?.roles == [.tools] && retirement != nil {
      hints.append("compound was retired with no replacement: use --search or --code, Groq's built-in tools")
    }
    let candidates = ModelRoles.candidates(for: role, among: live)
    let listed = candidates.isEmpty ? ModelRoles.preferred[role, default: []] : candidates
    hints.append(
      "models your key can use for \(role.rawValue): " + listed.prefix(6).joined(separator: ", ") + " (groq models)")
    if resumed { hints.append("this conversation used it: switch with /model, or -m with --continue") }
    return CLIError(message, hint: hints.joined(separator: "\nhint: "))
  }
}
