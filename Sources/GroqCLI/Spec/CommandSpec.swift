/// The one declarative description of a command: parsing, `--help`, the shell completions and the man page are
/// all produced from it, so none of them can say something the parser does not do.
public struct CommandSpec: Sendable {
  public var name: String
  /// Imperative, no period, at most 60 characters: "Chat with a model".
  public var summary: String
  /// A paragraph for `--help` and the man page.
  public var discussion: String?
  public var arguments: [ArgumentSpec]
  public var options: [OptionSpec]
  public var examples: [Example]
  public var environment: [EnvironmentSpec]
  /// Left out of help, completions and the man page.
  public var hidden: Bool
  /// More term-and-text lists for help and the man page, after the options (chat's REPL commands).
  public var tables: [DocsTable]
  /// For a command made of subcommands (`groq batch`): theirs, each named with the full path (`batch submit`).
  public var subcommands: [CommandSpec]

  public init(
    name: String, summary: String, discussion: String? = nil, arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = [], examples: [Example] = [], environment: [EnvironmentSpec] = [], hidden: Bool = false,
    tables: [DocsTable] = [], subcommands: [CommandSpec] = []
  ) {
    self.name = name
    self.summary = summary
    self.discussion = discussion
    self.arguments = arguments
    self.options = options + [.help]
    self.examples = examples
    self.environment = environment
    self.hidden = hidden
    self.tables = tables
    self.subcommands = subcommands
  }

  /// The last word of the name: `submit` for `batch submit`.
  public var word: String { name.split(separator: " ").last.map(String.init) ?? name }

  public var isGroup: Bool { !subcommands.isEmpty }
}

/// A titled list of terms and their one-line explanations.
public struct DocsTable: Sendable {
  public var title: String
  public var rows: [(term: String, text: String)]

  public init(title: String, rows: [(term: String, text: String)]) {
    self.title = title
    self.rows = rows
  }
}

/// An option: a flag (`--stats`) or one that takes a value (`-m ID`, `--model ID`, `--model=ID`).
public struct OptionSpec: Sendable {
  public var long: String
  public var short: Character?
  /// nil for a flag.
  public var value: ValueSpec?
  /// One line, sentence case, no period.
  public var help: String
  /// May be given more than once; every value is kept (`--stop`).
  public var repeatable: Bool
  /// Shown in help and the man page; the command applies it.
  public var defaultValue: String?
  /// The environment variable that supplies the default.
  public var environment: String?

  public init(
    long: String, short: Character? = nil, value: ValueSpec? = nil, help: String, repeatable: Bool = false,
    defaultValue: String? = nil, environment: String? = nil
  ) {
    self.long = long
    self.short = short
    self.value = value
    self.help = help
    self.repeatable = repeatable
    self.defaultValue = defaultValue
    self.environment = environment
  }

  public var takesValue: Bool { value != nil }

  public static let help = OptionSpec(long: "help", short: "h", help: "Show help for this command")
}

/// What an option's value or an argument is, for help (`<id>`) and for completion.
public struct ValueSpec: Sendable {
  public var name: String
  public var completion: Completion

  public init(_ name: String, completion: Completion = .none) {
    self.name = name
    self.completion = completion
  }
}

/// How a shell completes a value.
public enum Completion: Sendable, Equatable {
  case none
  case file
  case choices([String])
  /// Model ids, asked of `groq models` when the user presses Tab.
  case models
  /// Saved conversation names, from `groq __conversations`.
  case conversations
  case commands
  case shells
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
  public var name: String
  public var help: String
  public var optional: Bool
  public var variadic: Bool
  public var completion: Completion

  public init(name: String, help: String, optional: Bool = true, variadic: Bool = false, completion: Completion = .none)
  {
    self.name = name
    self.help = help
    self.optional = optional
    self.variadic = variadic
    self.completion = completion
  }
}

/// `# comment` then `$ groq ...`, as gh prints them.
public struct Example: Sendable {
  public var comment: String
  public var command: String

  public init(_ comment: String, _ command: String) {
    self.comment = comment
    self.command = command
  }
}

/// An environment variable the command reads.
public struct EnvironmentSpec: Sendable {
  public var name: String
  public var help: String

  public init(_ name: String, _ help: String) {
    self.name = name
    self.help = help
  }
}
