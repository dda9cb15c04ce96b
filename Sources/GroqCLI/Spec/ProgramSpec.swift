/// The whole command line: the root's own options and every subcommand, in the order help lists them.
public struct ProgramSpec: Sendable {
  public var name: String
  public var version: String
  public var summary: String
  public var options: [OptionSpec]
  public var commands: [CommandSpec]
  public var environment: [EnvironmentSpec]
  public var examples: [Example]

  public var visibleCommands: [CommandSpec] { commands.filter { !$0.hidden } }

  /// Every visible command with its subcommands right after it, for the man page and the completions.
  public var documentedCommands: [CommandSpec] {
    visibleCommands.flatMap { [$0] + $0.subcommands.filter { !$0.hidden } }
  }

  public func command(_ name: String) -> CommandSpec? { commands.first { $0.name == name } }
}

extension ProgramSpec {
  /// What `groq` takes before a command: read on every run, so apart from the whole spec.
  static let options: [OptionSpec] = [
    .help,
    OptionSpec(long: "version", help: "Print the version and exit"),
  ]

  /// groq as it ships.
  public static let groq = ProgramSpec(
    name: "groq",
    version: GroqVersion.current,
    summary: "Use Groq's fast models from the command line",
    options: options,
    commands: CLI.commands.map { $0.spec },
    environment: EnvironmentSpec.common,
    examples: [
      Example("Ask a question; the answer streams as it is written", "groq chat \"Why are fast models useful?\""),
      Example("Summarise a diff", "git diff | groq chat -s \"You review code\" \"Summarise this diff\""),
      Example("List the models your key can use", "groq models"),
    ]
  )
}

extension EnvironmentSpec {
  /// What every command that talks to the API reads.
  static let common: [EnvironmentSpec] = [
    EnvironmentSpec(
      "GROQ_API_KEY",
      "API key sent as a bearer token; else api_key_command, then the key 'groq auth login' stored (never argv)"),
    EnvironmentSpec(
      "GROQ_BASE_URL", "Server: a bare host gets /openai/v1 appended; a URL with a path is used as is"),
    EnvironmentSpec("GROQ_CUSTOM_HEADERS", "Extra request headers, one 'Name: value' per line"),
    EnvironmentSpec("GROQ_TRANSPORT", "'urlsession': URLSession instead of libcurl on Linux (for this release)"),
    EnvironmentSpec("CURL_CA_BUNDLE", "A CA bundle to trust instead of the system's (also SSL_CERT_FILE)"),
    EnvironmentSpec("NO_COLOR", "When set and not empty, never use colour"),
  ]
}

extension OptionSpec {
  /// Options every command that makes requests takes.
  static let network: [OptionSpec] = [
    OptionSpec(
      long: "timeout", value: ValueSpec("seconds"),
      help: "Give up when the server sends nothing for this long (keep-alive comments count as something)",
      defaultValue: "60"),
    OptionSpec(
      long: "deadline", value: ValueSpec("seconds"),
      help: "Give up when one attempt takes this long in all, however steadily the server sends", defaultValue: "600"),
    OptionSpec(
      long: "max-retries", value: ValueSpec("n"), help: "Retries for rate limits, server and connection errors",
      defaultValue: "2"),
  ]
}
