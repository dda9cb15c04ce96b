import GroqKit

/// What `groq transcribe` and `groq translate` are beyond their help text: a task, the options both parse the same
/// way, and the runner both use. Each command states only its spec and its task.
protocol TranscriptionCommand: Command {
  static var task: TranscriptionRequest.Task { get }
  var options: TranscriptionOptions { get }
  init(options: TranscriptionOptions)
}

extension TranscriptionCommand {
  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    self.init(options: try TranscriptionOptions(arguments, task: Self.task, context: context))
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    try await TranscriptionRunner(options: options, context: context).run()
  }
}
