import Foundation

/// `groq roles`: system prompts kept as files, used with `chat -r NAME` and `/role NAME`.
struct RolesCommand: Command {
  static let readsSettings = false

  enum Action: String, CaseIterable, Sendable {
    case list, show, add, edit, remove
  }

  static let spec = CommandSpec(
    name: "roles",
    summary: "Keep system prompts as roles for chat -r and /role",
    discussion: """
      A role is a system prompt in $XDG_CONFIG_HOME/groq/roles/NAME.md (~/.config), optionally starting with \
      front matter between --- lines that sets its model, temperature (0 to 2) and reasoning_effort. 'groq chat -r \
      NAME' and 'groq reason -r NAME' use it, as does /role NAME in chat; an option given on the command line wins \
      over the role's. 'add' and 'edit' open $VISUAL or $EDITOR and keep the file only when it checks out; 'add' \
      reads the role from standard input when that is not a terminal.
      """,
    arguments: [
      ArgumentSpec(
        name: "action", help: "list (the default), show, add, edit or remove",
        completion: .choices(Action.allCases.map(\.rawValue))),
      ArgumentSpec(name: "name", help: "The role", completion: .roles),
    ],
    options: [OptionSpec(long: "names", help: "With list: only the names, one per line")],
    examples: [
      Example("Write a role in your editor", "groq roles add reviewer"),
      Example("Or from a file", "groq roles add reviewer < reviewer.md"),
      Example("Use it", "git diff | groq chat -r reviewer \"anything risky?\""),
    ],
    environment: [
      EnvironmentSpec("XDG_CONFIG_HOME", "Roles are in $XDG_CONFIG_HOME/groq/roles (~/.config)"),
      EnvironmentSpec("VISUAL", "The editor for add and edit (then EDITOR, then vi)"),
    ]
  )

  var action: Action
  var name: String?
  var namesOnly: Bool

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let rest: [String]
    (action, rest) = try Subcommand.parse(arguments.positionals, default: Action.list, command: "roles")
    try Subcommand.expect(rest, action == .list ? [] : ["name"], usage: "roles \(action)", command: "roles")
    name = rest.first
    namesOnly = arguments.flag("names")
    if namesOnly && action != .list { throw UsageError("--names goes with 'roles list'", command: "roles") }
    if let name, !Role.isValidName(name) {
      throw UsageError(
        "'\(name)' cannot be a role name", hint: "use letters, digits, '-', '_' and '.', at most 64", command: "roles")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    guard let store = RoleStore.standard(environment: context.environment) else {
      throw CLIError("there is no home directory to keep roles in", hint: "set HOME or XDG_CONFIG_HOME")
    }
    let terminal = context.terminal
    switch action {
    case .list: try terminal.out(list(store))
    case .show:
      let role = try store.load(name!)
      try terminal.out(try PrivateFile.read(store.file(role.name)) ?? "")
    case .add:
      let file = store.file(name!)
      if FileManager.default.fileExists(atPath: file.path) {
        throw CLIError("a role named '\(name!)' exists already", hint: "groq roles edit \(name!)", status: .usage)
      }
      if !terminal.stdinIsTTY {
        let text = String(decoding: try terminal.readStdin(limit: 1 << 20, what: "a role"), as: UTF8.self)
        _ = try RoleStore.parse(name: name!, text: text, path: "standard input")
        try PrivateFile.save(text, to: file)
      } else {
        try edit(file, template: Role.template, context: context)
      }
    case .edit:
      _ = try store.load(name!)
      try edit(store.file(name!), template: "", context: context)
    case .remove:
      _ = try store.load(name!)
      try FileManager.default.removeItem(at: store.file(name!))
    }
    return .success
  }

  private func list(_ store: RoleStore) -> String {
    let names = store.names()
    if namesOnly { return names.map { $0 + "\n" }.joined() }
    let rows = names.map { name -> [String] in
      guard let role = try? store.load(name) else { return [name, "(cannot be read: groq roles edit \(name))"] }
      let model = role.model.map { "[\($0)] " } ?? ""
      return [name, model + ConversationSummary.shorten(role.prompt)]
    }
    return ConversationsCommand.table(rows)
  }

  private func edit(_ file: URL, template: String, context: CommandContext) throws {
    let name = self.name!
    let edit = CheckedEdit(file: file, template: template) { text, copy in
      _ = try RoleStore.parse(name: name, text: text, path: copy.path)
    }
    _ = try edit.run(environment: context.environment, terminal: context.terminal)
  }
}
