import GroqKit

/// The config file's settings, checked and typed; what is not set is nil, so the command's own default applies.
///
/// Precedence is decided by the commands, each in one expression: flag, then environment variable, then these,
/// then the built-in default.
struct Settings: Sendable, Equatable {
  /// `model.<role>` by role name.
  var models: [String: String] = [:]
  /// `alias.<name>` by name.
  var aliases: [String: String] = [:]
  var voice: String?
  var format: String?
  var stream: Bool?
  var stats: Bool?
  var save: Bool?
  var history: Bool?
  var timeout: Double?
  var deadline: Double?
  var maxRetries: Int?
  var serviceTier: String?
  var baseURL: String?
  var apiKeyCommand: String?
  var color: String?
  var render: String?

  init() {}

  /// Checks every entry against the key table; the first problem is thrown with its line.
  init(_ document: ConfigDocument) throws(ConfigProblem) {
    for entry in document.entries {
      guard let key = ConfigKey.find(entry.key) else {
        throw ConfigProblem(
          line: entry.line, message: "unknown key '\(entry.key)'",
          suggestion: Suggestion.closest(to: entry.key, among: ConfigKey.names))
      }
      if let problem = key.problem(with: entry.value) {
        throw ConfigProblem(line: entry.line, message: problem, suggestion: nil)
      }
      apply(entry.key, entry.value)
    }
  }

  /// The model configured for a role, an alias already resolved.
  func model(for role: ModelRole) -> String? { models[role.rawValue].map(resolveAlias) }

  /// An alias's model, or the id itself: used wherever a model id is typed.
  func resolveAlias(_ id: String) -> String { aliases[id] ?? id }

  private mutating func apply(_ key: String, _ value: ConfigValue) {
    let text: String? = if case .string(let text) = value { text } else { nil }
    let flag: Bool? = if case .bool(let flag) = value { flag } else { nil }
    if key.hasPrefix("model.") {
      models[String(key.dropFirst("model.".count))] = text
      return
    }
    if key.hasPrefix(ConfigKey.aliasPrefix) {
      aliases[String(key.dropFirst(ConfigKey.aliasPrefix.count))] = text
      return
    }
    switch key {
    case "voice": voice = text
    case "format": format = text
    case "stream": stream = flag
    case "stats": stats = flag
    case "save": save = flag
    case "history": history = flag
    case "timeout": timeout = value.number
    case "deadline": deadline = value.number
    case "max_retries": maxRetries = value.number.map { Int($0) }
    case "service_tier": serviceTier = text
    case "base_url": baseURL = text
    case "api_key_command": apiKeyCommand = text
    case "color": color = text
    case "render": render = text
    default: break
    }
  }
}

/// A config entry that parsed but means nothing groq knows, or a value of the wrong kind.
struct ConfigProblem: Error, Sendable, Equatable {
  var line: Int
  var message: String
  var suggestion: String?
}
