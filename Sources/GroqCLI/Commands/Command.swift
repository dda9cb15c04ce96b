import GroqKit

/// A subcommand: a spec, a parse-and-validate step that never touches the network, and a run.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  /// Builds the command from parsed arguments, checking every value, so bad input fails before any request.
  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError)
  func run(_ context: CommandContext) async throws -> ExitStatus
  /// Whether the config file is read before `init`: not by `groq config`, which must work on a broken file, nor
  /// by commands that only print what groq itself knows.
  static var readsSettings: Bool { get }
  /// A command made of subcommands lists their types; CLI dispatches on the next word.
  static var subcommands: [any Command.Type] { get }
}

extension Command {
  static var readsSettings: Bool { true }
  static var subcommands: [any Command.Type] { [] }
}

/// What a running command may use: the terminal, the environment, and a client made on demand.
struct CommandContext: Sendable {
  var terminal: Terminal
  var environment: [String: String]
  /// The config file's settings, checked; empty for commands that do not read it.
  var settings = Settings()

  /// A client for the API. Reading the configuration here, not at start-up, keeps `--help` free of it.
  /// Each value is the flag's, else the config file's, else the built-in default; the key and the server come from
  /// the environment first, then the config (and the key's other sources).
  func makeClient(timeout: Double?, maxRetries: Int?, deadline: Double? = nil) throws -> GroqClient {
    var environment = environment
    if (environment["GROQ_BASE_URL"] ?? "").isEmpty, let url = settings.baseURL { environment["GROQ_BASE_URL"] = url }
    // The base URL is checked before the key, so that a typo in it is reported even when the key is missing too.
    _ = try Configuration.resolveBaseURL(environment["GROQ_BASE_URL"])
    environment["GROQ_API_KEY"] = try APIKeyLookup(environment: environment, settings: settings).find()?.key
    var configuration = try Configuration(
      environment: environment, userAgent: "groq/\(GroqVersion.current)")
    if let timeout = timeout ?? settings.timeout { configuration.idleTimeout = timeout }
    if let deadline = deadline ?? settings.deadline { configuration.deadline = deadline }
    if let maxRetries = maxRetries ?? settings.maxRetries { configuration.maxRetries = maxRetries }
    // Whatever its source, the key is hidden wherever it would be printed.
    Secrets.register(configuration.apiKey)
    let terminal = terminal
    return GroqClient(configuration: configuration) { notice in
      // Short waits pass unremarked; a longer one says why nothing is happening.
      guard notice.delay > 1 else { return }
      terminal.err(terminal.style("waiting \(Format.seconds(notice.delay)) s: \(notice.reason)", .dim) + "\n")
    }
  }
}
