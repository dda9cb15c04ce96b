/// `groq __man`: the man page, for `make docs`. Hidden: users read it with `man groq`.
struct ManCommand: Command {
  static let readsSettings = false
  static let spec = CommandSpec(name: "__man", summary: "Print the groq(1) man page in roff", hidden: true)

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else { throw UsageError("__man takes no arguments", command: "__man") }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    try context.terminal.out(ManPage.render(.groq, date: ManPage.date))
    return .success
  }
}
