import Foundation
import GroqKit

/// Every key the config file may hold, its type and its check, in one table: `groq config`, the loader, help and the
/// man page all read it, so a key cannot be accepted in one place and unknown in another.
struct ConfigKey: Sendable {
  /// What a value must be.
  enum Kind: Sendable, Equatable {
    /// A model id or alias: text without spaces.
    case model
    case text
    case flag
    case seconds(ClosedRange<Double>)
    case count(ClosedRange<Int>)
    case choice([String])
    case url
  }

  var name: String
  var kind: Kind
  var help: String
  /// The environment variable that overrides it, for help and the man page.
  var environment: String?

  /// The roles a model can be configured for, as `model.<role>`.
  static let modelRoles = ModelRole.allCases.map(\.rawValue)

  static let colorChoices = ["auto", "always", "never"]

  /// The table. `alias.<name>` keys are matched by `find`, not listed one by one.
  static let all: [ConfigKey] =
    modelRoles.map { role in
      ConfigKey(name: "model.\(role)", kind: .model, help: "Model for the \(role) role")
    } + [
      ConfigKey(name: "voice", kind: .text, help: "Voice for speak", environment: nil),
      ConfigKey(
        name: "format", kind: .choice(SpeechCatalogue.formats.map(\.name)), help: "Audio format for speak"),
      ConfigKey(name: "stream", kind: .flag, help: "Stream answers as they are written (chat, reason)"),
      ConfigKey(name: "stats", kind: .flag, help: "Print timings after each answer"),
      ConfigKey(
        name: "save", kind: .flag, help: "Save one-shot chat exchanges as conversations (the REPL always saves)"),
      ConfigKey(
        name: "history", kind: .flag, help: "Keep line history and conversations at all", environment: "GROQ_HISTORY"),
      ConfigKey(name: "timeout", kind: .seconds(1...86_400), help: "Seconds of silence before a request fails"),
      ConfigKey(name: "deadline", kind: .seconds(1...86_400), help: "Seconds one attempt may take in all"),
      ConfigKey(name: "max_retries", kind: .count(0...10), help: "Retries for rate limits and server errors"),
      ConfigKey(
        name: "service_tier", kind: .choice(ServiceTier.allCases.map(\.rawValue)), help: "Service tier for chat"),
      ConfigKey(name: "base_url", kind: .url, help: "Server to talk to", environment: "GROQ_BASE_URL"),
      ConfigKey(
        name: "api_key_command", kind: .text,
        help: "Command that prints the API key (run without a shell; its first line is used)"),
      ConfigKey(
        name: "color", kind: .choice(colorChoices), help: "Colour on stderr: auto (on a terminal), always, never"),
      ConfigKey(
        name: "render", kind: .choice(colorChoices),
        help: "Markdown answers rendered on a terminal: auto and always yes, never no (as --raw)"),
    ]

  static let aliasPrefix = "alias."
  static let alias = ConfigKey(
    name: aliasPrefix + "<name>", kind: .model, help: "A short name usable wherever a model id is")

  /// Names for "did you mean" and completion.
  static var names: [String] { all.map(\.name) }

  /// The key named, with `alias.NAME` matched by its prefix.
  static func find(_ name: String) -> ConfigKey? {
    if let key = all.first(where: { $0.name == name }) { return key }
    if name.hasPrefix(aliasPrefix), isAliasName(String(name.dropFirst(aliasPrefix.count))) {
      return ConfigKey(name: name, kind: .model, help: alias.help)
    }
    return nil
  }

  /// An alias is typed where a model id is, so it keeps to characters a shell leaves alone.
  static func isAliasName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }
  }

  /// Why the value does not fit, or nil when it does.
  func problem(with value: ConfigValue) -> String? {
    switch kind {
    case .model:
      guard case .string(let text) = value else { return "\(name) must be a string, not \(value.kindName)" }
      if text.isEmpty || text.contains(where: \.isWhitespace) { return "\(name) must be a model id without spaces" }
    case .text:
      guard case .string(let text) = value else { return "\(name) must be a string, not \(value.kindName)" }
      if text.trimmingCharacters(in: .whitespaces).isEmpty { return "\(name) must not be empty" }
    case .flag:
      guard case .bool = value else { return "\(name) must be true or false, not \(value.kindName)" }
    case .seconds(let range):
      guard let number = value.number, range.contains(number) else {
        return "\(name) must be a number of seconds from \(Format.number(range.lowerBound)) to "
          + Format.number(range.upperBound)
      }
    case .count(let range):
      guard case .integer(let number) = value, range.contains(number) else {
        return "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
      }
    case .choice(let choices):
      guard case .string(let text) = value, choices.contains(text) else {
        return "\(name) must be one of: " + choices.joined(separator: ", ")
      }
    case .url:
      guard case .string(let text) = value else { return "\(name) must be a string, not \(value.kindName)" }
      do {
        _ = try Configuration.resolveBaseURL(text)
      } catch {
        return "\(name) must be an http or https URL"
      }
    }
    return nil
  }
}
