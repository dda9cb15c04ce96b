/// `groq help [COMMAND]`: the same screens as `--help`.
struct HelpCommand: Command {
  static let spec = CommandSpec(
    name: "help",
    summary: "Show help for groq or one of its commands",
    arguments: [
      ArgumentSpec(
        name: "command", help: "The command to explain, and its subcommand if it has them", completion: .commands)
    ],
    examples: [Example("How chat takes its input", "groq help chat")]
  )

  var topic: String?
  /// `groq help batch submit`: a subcommand of a group.
  var subtopic: CommandSpec?

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let words = arguments.positionals
    let group = words.first.flatMap { ProgramSpec.groq.command($0) }
    guard words.count <= 1 || (words.count == 2 && group?.isGroup == true) else {
      throw UsageError("help takes one command name", command: "help")
    }
    topic = words.first
    if words.count == 2, let group {
      guard let sub = group.subcommands.first(where: { $0.word == words[1] }) else {
        throw UsageError(
          "unknown command '\(group.name) \(words[1])'",
          hint: "commands: " + group.subcommands.map(\.word).joined(separator: ", "), command: "help")
      }
      subtopic = sub
    }
    if let topic, ProgramSpec.groq.command(topic) == nil {
      let names = ProgramSpec.groq.visibleCommands.map(\.name)
      throw UsageError(
        "unknown command '\(topic)'",
        hint: Suggestion.closest(to: topic, among: names).map { "did you mean '\($0)'?" }, command: "help")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let program = ProgramSpec.groq
    if let subtopic {
      try context.terminal.out(HelpText.command(subtopic, program: program))
    } else if let topic, let command = program.command(topic) {
      try context.terminal.out(HelpText.command(command, program: program))
    } else {
      try context.terminal.out(HelpText.root(program))
    }
    return .success
  }
}
