import GroqKit

/// A subcommand: a spec, a parse-and-validate step that never touches the network, and a run.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  /// Builds the command from parsed arguments, checking every value, so bad input fails before any request.
  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError)
  func run(_ context: CommandContext) async throws -> ExitStatus
  /// A command made of subcommands lists their types; CLI dispatches on the next word.
  static var subcommands: [any Command.Type] { get }
}

extension Command {
  static var subcommands: [any Command.Type] { [] }
}

/// What a running command may use: the terminal, the environment, and a client made on demand.
struct CommandContext: Sendable {
  var terminal: Terminal
  var environment: [String: String]

  /// A client for the API. Reading the configuration here, not at start-up, keeps `--help` free of it.
  func makeClient(timeout: Double?, maxRetries: Int?, deadline: Double? = nil) throws -> GroqClient {
    var configuration = try Configuration(
      environment: environment, userAgent: "groq/\(GroqVersion.current)")
    if let timeout { configuration.idleTimeout = timeout }
    if let deadline { configuration.deadline = deadline }
    if let maxRetries { configuration.maxRetries = maxRetries }
    Secrets.register(configuration.apiKey)
    let terminal = terminal
    return GroqClient(configuration: configuration) { notice in
      // Short waits pass unremarked; a longer one says why nothing is happening.
      guard notice.delay > 1 else { return }
      terminal.err(terminal.style("waiting \(Format.seconds(notice.delay)) s: \(notice.reason)", .dim) + "\n")
    }
  }
}
