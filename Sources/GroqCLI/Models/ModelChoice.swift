import GroqKit

/// The model a command uses for a role, and where it came from: a model the user named is never swapped for
/// another, while a built-in default heals when Groq has shut it down.
struct ModelChoice: Sendable, Equatable {
  /// Where the id came from, strongest first.
  enum Source: Sendable, Equatable {
    /// `-m`.
    case flag
    /// The role's variable, e.g. GROQ_MODEL.
    case environment(String)
    /// The config file's `model.<role>`.
    case configured
    /// The role's first preferred id in `ModelRoles`.
    case builtIn
  }

  var id: String
  var role: ModelRole
  var source: Source

  /// The user named the model (flag, variable or config file): groq must not pick another for them.
  var userNamed: Bool { source != .builtIn }

  /// The variable that names each role's model when `-m` does not.
  static func variable(for role: ModelRole) -> String? {
    switch role {
    case .chat: "GROQ_MODEL"
    case .reasoning: "GROQ_REASON_MODEL"
    case .fast, .vision, .tools, .safety, .transcription, .translation, .speech: nil
    }
  }

  /// Picks from `-m`, then the role's variable, then the configured value, then the built-in default. An empty
  /// variable counts as unset (`GROQ_MODEL= groq chat` is how a script clears it); an empty `-m` is a mistake.
  static func resolve(
    _ role: ModelRole, flag: String?, environment: [String: String], configured: String? = nil, command: String
  ) throws(UsageError) -> ModelChoice {
    if let flag {
      if isBlank(flag) {
        throw UsageError("the model id is empty", command: command)
      }
      return ModelChoice(id: flag, role: role, source: .flag)
    }
    if let variable = variable(for: role), let value = environment[variable],
      !isBlank(value)
    {
      return ModelChoice(id: value, role: role, source: .environment(variable))
    }
    if let configured, !isBlank(configured) {
      return ModelChoice(id: configured, role: role, source: .configured)
    }
    return ModelChoice(id: ModelRoles.defaultModel(for: role), role: role, source: .builtIn)
  }

  /// Empty or only spaces. Foundation's `trimmingCharacters(in:)` bridges to NSString on Linux, and its first use
  /// searched the binary's conformances before every chat's request.
  private static func isBlank(_ text: String) -> Bool { text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}
