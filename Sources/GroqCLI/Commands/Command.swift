import GroqKit

/// A subcommand: a spec, a parse-and-validate step that never touches the network, and a run.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  /// Builds the command from parsed arguments, checking every value, so bad input fails before any request.
  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError)
  func run(_ context: CommandContext) async throws -> ExitStatus
}

/// What a running command may use: the terminal, the environment, and a client made on demand.
struct CommandContext: Sendable {
  var terminal: Terminal
  var environment: [String: String]

  /// A client for the API. Reading the configuration here, not at start-up, keeps `--help` free of it.
  func makeClient(timeout: Double?, maxRetries: Int?) throws -> GroqClient {
    var configuration = try Configuration(
      environment: environment, userAgent: "groq/\(GroqVersion.current)")
    if let timeout { configuration.idleTimeout = timeout }
    if let maxRetries { configuration.maxRetries = maxRetries }
    let terminal = terminal
    return GroqClient(configuration: configuration) { notice in
      // Short waits pass unremarked; a longer one says why nothing is happening.
      guard notice.delay > 1 else { return }
      terminal.err(terminal.style("waiting \(Format.seconds(notice.delay)) s: \(notice.reason)", .dim) + "\n")
    }
  }
}

/// `--timeout` and `--max-retries`, checked, for every command that makes requests.
struct NetworkOptions: Sendable, Equatable {
  var timeout: Double?
  var maxRetries: Int?

  init(_ arguments: ParsedArguments, command: String) throws(UsageError) {
    timeout = try arguments.number("timeout", in: 1...86_400, command: command)
    maxRetries = try arguments.integer("max-retries", in: 0...10, command: command)
  }
}

extension ParsedArguments {
  /// A decimal option's value, checked against its range; nil when absent.
  func number(_ long: String, in range: ClosedRange<Double>, command: String) throws(UsageError) -> Double? {
    guard let text = value(long) else { return nil }
    guard let number = Double(text), number.isFinite, range.contains(number) else {
      throw UsageError(
        "invalid value '\(text)' for --\(long): expected a number from \(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))",
        command: command)
    }
    return number
  }

  /// An integer option's value, checked against its range; nil when absent.
  func integer(_ long: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
    guard let text = value(long) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      let bound =
        range.upperBound == Int.max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
      throw UsageError("invalid value '\(text)' for --\(long): expected a whole number \(bound)", command: command)
    }
    return number
  }
}
