import Foundation
import GroqKit

/// What happens when Groq answers that the model is gone. A model groq chose heals: `/models` is asked once, the
/// role's next live id is used, one line on stderr says so, and the request goes again before any output. A model
/// the user named is never swapped: the error says it is gone and lists the live ids for the role.
struct ModelHealing: Sendable {
  let role: ModelRole
  let cache: ModelListCache
  let terminal: Terminal
  /// What replaced groq's choice in this run, so that the pieces of one upload or text after the first go to it.
  let healed: HealedModel

  init(role: ModelRole, cache: ModelListCache, terminal: Terminal, healed: HealedModel = HealedModel()) {
    self.role = role
    self.cache = cache
    self.terminal = terminal
    self.healed = healed
  }

  /// Healing for a command's role, with the model list cached for the client's server.
  init(role: ModelRole, context: CommandContext, client: GroqClient, healed: HealedModel = HealedModel()) {
    self.init(
      role: role, cache: ModelListCache(context: context, client: client), terminal: context.terminal, healed: healed)
  }

  /// Sends with `model`; returns the result and the model that gave it. A default that healed earlier in this run,
  /// or that groq found gone within the last day, is not tried again: what replaced it is sent at once.
  /// - Parameter userNamed: `-m`, a variable, the config file or a saved conversation named the model.
  /// - Parameter resumed: the model is a saved conversation's; the error then says how to switch.
  /// - Parameter accepts: whether a live id may stand in (speech: one that has the voice the user chose).
  func send<T: Sendable>(
    model chosen: String, userNamed: Bool, resumed: Bool = false, client: GroqClient,
    accepts: (String) -> Bool = { _ in true }, _ attempt: (String) async throws -> T
  ) async throws -> (result: T, model: String) {
    let remembered = HealedDefaults(beside: cache)
    let model = userNamed ? chosen : healed.id ?? remembered.replacement(for: chosen, role: role)
    do {
      let result = try await attempt(model)
      if model != chosen { healed.id = model }
      return (result, model)
    } catch let error as GroqError where error.modelIsGone {
      let live = (try? await cache.refresh(client)) ?? []
      let next = ModelRoles.candidates(for: role, among: live).first { $0 != model && accepts($0) }
      guard !userNamed, let next else {
        throw Self.gone(model, error: error, role: role, live: live, resumed: resumed)
      }
      terminal.warning("\(model) is no longer available; using \(next) for \(role.rawValue)")
      remembered.record(gone: model, using: next, role: role)
      healed.id = next
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
    let listed = candidates.isEmpty ? ModelRoles.preferred(for: role) : candidates
    hints.append(
      "models your key can use for \(role.rawValue): " + listed.prefix(6).joined(separator: ", ") + " (groq models)")
    if resumed { hints.append("this conversation used it: switch with /model, or -m with --continue") }
    return CLIError(message, hint: hints.joined(separator: "\nhint: "))
  }
}

/// The model a healed default moved to, shared by the pieces of one run.
final class HealedModel: @unchecked Sendable {
  private let lock = NSLock()
  private var value: String?

  var id: String? {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}
