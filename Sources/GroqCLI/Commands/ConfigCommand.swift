import Foundation

/// `groq config`: read and change the settings file. It works even when the file is broken, so it can fix it.
struct ConfigCommand: Command {
  static let readsSettings = false
  enum Action: String, CaseIterable, Sendable {
    case list, get, set, unset, edit, path
  }

  static let spec = CommandSpec(
    name: "config",
    summary: "Show or change the settings in config.toml",
    discussion: """
      Settings live in $XDG_CONFIG_HOME/groq/config.toml (~/.config/groq/config.toml), a small TOML file: \
      'key = value' lines, [tables], strings in double quotes, numbers, true and false, and # comments. A flag on \
      the command line wins over an environment variable, which wins over the file, which wins over groq's \
      built-in defaults. An unknown key or a bad value stops every command except groq config with the file's \
      name and line, so it can be fixed here. 'set' changes one line and keeps the rest of the file, comments \
      included; 'edit' opens $VISUAL or $EDITOR on a copy and saves it only when it checks out.
      """,
    arguments: [
      ArgumentSpec(
        name: "action", help: "list (the default), get, set, unset, edit or path",
        completion: .choices(Action.allCases.map(\.rawValue))),
      ArgumentSpec(name: "key", help: "A key from the table below", completion: .choices(ConfigKey.names)),
      ArgumentSpec(name: "value", help: "The value for set"),
    ],
    options: [OptionSpec(long: "all", help: "With list: every key, set or not, with what it does")],
    examples: [
      Example("A faster default model for chat", "groq config set model.chat openai/gpt-oss-20b"),
      Example("A short name for a model", "groq config set alias.big openai/gpt-oss-120b"),
      Example("Read one setting", "groq config get model.chat"),
      Example("Open the file in your editor", "groq config edit"),
    ],
    environment: [
      EnvironmentSpec("XDG_CONFIG_HOME", "The file is $XDG_CONFIG_HOME/groq/config.toml (~/.config)"),
      EnvironmentSpec("VISUAL", "The editor for 'edit' (then EDITOR, then vi)"),
    ],
    tables: [
      DocsTable(
        title: "Keys",
        rows: (ConfigKey.all + [ConfigKey.alias]).map { key in
          (term: key.name, text: key.help + (key.environment.map { " (overridden by \($0))" } ?? ""))
        })
    ]
  )

  var action: Action
  var words: [String]
  var all: Bool

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    (action, words) = try Subcommand.parse(arguments.positionals, default: Action.list, command: "config")
    all = arguments.flag("all")
    switch action {
    case .list, .edit, .path: try Subcommand.expect(words, [], usage: "config \(action)", command: "config")
    case .get, .unset: try Subcommand.expect(words, ["key"], usage: "config \(action)", command: "config")
    case .set: try Subcommand.expect(words, ["key", "value"], usage: "config set", command: "config")
    }
    if all && action != .list { throw UsageError("--all goes with 'config list'", command: "config") }
    // unset takes any key, so a misspelt one that stops every other command can be removed.
    if action == .get || action == .set, ConfigKey.find(words[0]) == nil {
      throw UsageError(
        "unknown key '\(words[0])'",
        hint: Suggestion.closest(to: words[0], among: ConfigKey.names).map { "did you mean '\($0)'?" }
          ?? "'groq config list --all' lists them", command: "config")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    guard let file = ConfigFile.standard(environment: context.environment) else {
      throw CLIError("there is no home directory to keep settings in", hint: "set HOME or XDG_CONFIG_HOME")
    }
    let terminal = context.terminal
    switch action {
    case .path: try terminal.out(file.url.path + "\n")
    case .list: try terminal.out(try list(file))
    case .get:
      guard let entry = try file.document()?.entry(words[0]) else {
        throw CLIError("\(words[0]) is not set in \(file.url.path)", hint: "groq's default applies")
      }
      try terminal.out(entry.value.plainText + "\n")
    case .set:
      // A file that does not parse is never written over: the user's text would be lost.
      var document = try file.document() ?? ConfigDocument.empty
      let key = ConfigKey.find(words[0])!
      let value = ConfigValue.fromCommandLine(words[1], wants: key.kind)
      if let problem = key.problem(with: value) { throw CLIError(problem, status: .usage) }
      document.set(key.name, to: value)
      try file.write(document)
    case .unset:
      var document = try file.document() ?? ConfigDocument.empty
      guard document.unset(words[0]) else {
        if ConfigKey.find(words[0]) == nil {
          throw CLIError(
            "unknown key '\(words[0])'",
            hint: Suggestion.closest(to: words[0], among: ConfigKey.names).map { "did you mean '\($0)'?" },
            status: .usage)
        }
        return .success
      }
      try file.write(document)
    case .edit: return try edit(file, context: context)
    }
    return .success
  }

  /// The file's keys as written, or with --all every key, set or not.
  private func list(_ file: ConfigFile) throws(CLIError) -> String {
    let document = try file.document() ?? ConfigDocument.empty
    guard all else { return document.entries.map { "\($0.key) = \($0.value.tomlText)\n" }.joined() }
    let known = ConfigKey.all.map { key in
      document.entry(key.name).map { "\(key.name) = \($0.value.tomlText)\n" } ?? "# \(key.name): \(key.help)\n"
    }
    let aliases = document.entries.filter { $0.key.hasPrefix(ConfigKey.aliasPrefix) }.map {
      "\($0.key) = \($0.value.tomlText)\n"
    }
    return (known + aliases).joined()
  }

  /// The editor works on a copy; the copy replaces the file only when it parses and every key checks out.
  private func edit(_ file: ConfigFile, context: CommandContext) throws -> ExitStatus {
    let edit = CheckedEdit(file: file.url, template: ConfigDocument.template) { _, copy in
      let checked = ConfigFile(url: copy)
      if let document = try checked.document() { _ = try checked.check(document) }
    }
    _ = try edit.run(environment: context.environment, terminal: context.terminal)
    return .success
  }
}

extension ConfigDocument {
  static let empty = try! ConfigDocument(parsing: "")

  /// What `config edit` opens when there is no file yet: every key, commented out, with what it does.
  static var template: String {
    let keys = (ConfigKey.all + [ConfigKey.alias]).map { "# \($0.name) = ...  # \($0.help)" }
    return (["# groq settings: uncomment a line and give it a value; strings go in double quotes.", ""] + keys)
      .joined(separator: "\n") + "\n"
  }
}
