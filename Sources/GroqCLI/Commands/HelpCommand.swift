/// `groq help [COMMAND]`: the same screens as `--help`.
struct HelpCommand: Command {
  static let readsSettings = false
  static let spec = CommandSpec(
    name: "help",
    summary: "Show help for groq or one of its commands",
    arguments: [ArgumentSpec(name: "command", help: "The command to explain", completion: .commands)],
    examples: [Example("How chat takes its input", "groq help chat")]
  )

  var topic: String?

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count <= 1 else { throw UsageError("help takes one command name", command: "help") }
    topic = arguments.positionals.first
    if let topic, ProgramSpec.groq.command(topic) == nil {
      let names = ProgramSpec.groq.visibleCommands.map(\.name)
      throw UsageError(
        "unknown command '\(topic)'",
        hint: Suggestion.closest(to: topic, among: names).map { "did you mean '\($0)'?" }, command: "help")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let program = ProgramSpec.groq
    if let topic, let command = program.command(topic) {
      try context.terminal.out(HelpText.command(command, program: program))
    } else {
      try context.terminal.out(HelpText.root(program))
    }
    return .success
  }
}
