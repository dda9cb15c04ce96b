/// `groq completion SHELL`: the completion script, generated from the command description.
struct CompletionCommand: Command {
  static let readsSettings = false
  static let spec = CommandSpec(
    name: "completion",
    summary: "Print a shell completion script",
    discussion: "Model ids complete by asking the API, so Tab after -m needs GROQ_API_KEY.",
    arguments: [
      ArgumentSpec(name: "shell", help: "One of bash, zsh, fish", optional: false, completion: .shells)
    ],
    examples: [
      Example("Load completions into this bash session", "source <(groq completion bash)"),
      Example("Install them for zsh", "groq completion zsh > \"${fpath[1]}/_groq\""),
    ]
  )

  enum Shell: String, CaseIterable {
    case bash, zsh, fish
  }

  var shell: Shell

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let names = Shell.allCases.map(\.rawValue)
    guard arguments.positionals.count == 1, let name = arguments.positionals.first else {
      throw UsageError("name one shell: \(names.joined(separator: ", "))", command: "completion")
    }
    guard let shell = Shell(rawValue: name) else {
      throw UsageError(
        "unknown shell '\(name)'",
        hint: Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }, command: "completion")
    }
    self.shell = shell
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let program = ProgramSpec.groq
    switch shell {
    case .bash: try context.terminal.out(BashCompletion.script(for: program))
    case .zsh: try context.terminal.out(ZshCompletion.script(for: program))
    case .fish: try context.terminal.out(FishCompletion.script(for: program))
    }
    return .success
  }
}
