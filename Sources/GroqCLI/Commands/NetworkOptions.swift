/// `--timeout`, `--deadline` and `--max-retries`, checked, for every command that makes requests.
struct NetworkOptions: Sendable, Equatable {
  /// Idle seconds: nothing at all from the server for this long.
  var timeout: Double?
  /// Total seconds for one attempt.
  var deadline: Double?
  var maxRetries: Int?

  init(_ arguments: ParsedArguments, command: String) throws(UsageError) {
    timeout = try arguments.number("timeout", in: 1...86_400, command: command)
    deadline = try arguments.number("deadline", in: 1...86_400, command: command)
    maxRetries = try arguments.integer("max-retries", in: 0...10, command: command)
  }
}
