/// `groq __conversations`: saved conversation names, newest first, one per line, for the shells' Tab after
/// `--session`. Hidden: people list them with Tab after /load in the REPL.
struct ConversationNamesCommand: Command {
  static let readsSettings = false
  static let spec = CommandSpec(
    name: "__conversations", summary: "Print the saved conversations' names, newest first", hidden: true)

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("__conversations takes no arguments", command: "__conversations")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    guard let directory = UserDirectories(environment: context.environment).conversations else { return .success }
    let names = ConversationStore(directory: directory).list().map(\.id)
    try context.terminal.out(names.map { $0 + "\n" }.joined())
    return .success
  }
}
