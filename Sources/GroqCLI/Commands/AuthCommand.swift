import Foundation
import GroqKit

/// `groq auth`: store the API key once, see where it comes from, and forget it.
struct AuthCommand: Command {
  enum Action: String, CaseIterable, Sendable {
    case status, login, logout
  }

  static let spec = CommandSpec(
    name: "auth",
    summary: "Store, show or remove the API key",
    discussion: """
      groq looks for the key in GROQ_API_KEY, then runs api_key_command from the config file (for pass, op or \
      secret-tool: run without a shell, its first line used), then reads $XDG_CONFIG_HOME/groq/credentials. 'login' \
      reads the key without echoing it on a terminal, or from standard input, checks it against the API, and \
      stores it in that file, readable only by you; a credentials file others can read is refused, as ssh \
      refuses such a private key. The key is never taken from the command line, where the shell's history would \
      keep it. 'status' says where the key comes from and shows only its last four characters; it exits with \
      status 4 when there is none.
      """,
    arguments: [
      ArgumentSpec(
        name: "action", help: "status (the default), login or logout",
        completion: .choices(Action.allCases.map(\.rawValue)))
    ],
    options: [OptionSpec(long: "no-check", help: "With login: store the key without asking the API first")]
      + OptionSpec.network,
    examples: [
      Example("Paste the key once; it is checked, then stored", "groq auth login"),
      Example("Store it from a password manager", "pass show groq | groq auth login"),
      Example("Where does the key come from?", "groq auth status"),
    ],
    environment: EnvironmentSpec.common + [
      EnvironmentSpec("XDG_CONFIG_HOME", "The key is stored in $XDG_CONFIG_HOME/groq/credentials (~/.config)")
    ]
  )

  var action: Action
  var check: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let rest: [String]
    (action, rest) = try Subcommand.parse(arguments.positionals, default: Action.status, command: "auth")
    guard rest.isEmpty else {
      // Most likely the key itself: say why it is refused, without repeating it.
      throw UsageError(
        "auth \(action) takes no arguments; the key is never read from the command line",
        hint: "the shell's history would keep it: run 'groq auth login' and paste it, or pipe it in", command: "auth")
    }
    check = !arguments.flag("no-check")
    network = try NetworkOptions(arguments, command: "auth")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let lookup = APIKeyLookup(environment: context.environment, settings: context.settings)
    switch action {
    case .status: return try status(lookup, terminal: context.terminal)
    case .login: return try await login(lookup, context: context)
    case .logout: return logout(lookup, terminal: context.terminal)
    }
  }

  private func status(_ lookup: APIKeyLookup, terminal: Terminal) throws -> ExitStatus {
    guard let found = try lookup.find() else {
      throw CLIError(
        "no API key: GROQ_API_KEY is not set and none is stored",
        hint: "create a key at \(ErrorReport.keysPage), then run 'groq auth login'", status: .auth)
    }
    try terminal.out("key: \(APIKeyLookup.mask(found.key))\nfrom: \(found.sourceDescription)\n")
    return .success
  }

  private func login(_ lookup: APIKeyLookup, context: CommandContext) async throws -> ExitStatus {
    let terminal = context.terminal
    guard let file = lookup.credentials else {
      throw CLIError("there is no home directory to store the key in", hint: "set HOME or XDG_CONFIG_HOME")
    }
    let line: String?
    if terminal.stdinIsTTY {
      line = SecretInput.readLine(prompt: "Paste your Groq API key (it is not shown): ", terminal: terminal)
    } else {
      line = String(decoding: try terminal.readStdin(limit: 64 << 10, what: "an API key"), as: UTF8.self).split(
        whereSeparator: \.isNewline
      ).first
        .map(String.init)
    }
    let key = (line ?? "").trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty else {
      throw CLIError(
        "no key was given; nothing was stored", hint: "keys are at \(ErrorReport.keysPage)", status: .usage)
    }
    guard key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
      throw ConfigurationError.malformedAPIKey
    }
    if check {
      // The key must work before it replaces one that may: /models costs nothing and needs a valid key.
      var checking = context
      checking.environment["GROQ_API_KEY"] = key
      let client = try checking.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
      do {
        _ = try await client.models()
      } catch let error as GroqError where error.kind == .api(status: 401) {
        throw CLIError(
          "the server rejected this key; nothing was stored", hint: "copy it again from \(ErrorReport.keysPage)",
          status: .auth)
      }
    }
    try PrivateFile.save(key + "\n", to: file)
    terminal.err("stored the key \(APIKeyLookup.mask(key)) in \(file.path)\n")
    if let other = try? APIKeyLookup(environment: context.environment, settings: context.settings).find(),
      other.source != .file(file)
    {
      terminal.warning("groq uses the key from \(other.sourceDescription) first", hint: nil)
    }
    return .success
  }

  private func logout(_ lookup: APIKeyLookup, terminal: Terminal) -> ExitStatus {
    guard let file = lookup.credentials, FileManager.default.fileExists(atPath: file.path) else {
      terminal.err("no key is stored\n")
      return .success
    }
    unlink(file.path)
    terminal.err("removed \(file.path)\n")
    if let other = try? lookup.find() {
      terminal.warning("a key still comes from \(other.sourceDescription)", hint: nil)
    }
    return .success
  }
}
