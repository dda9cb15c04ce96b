import GroqKit

/// `groq __models [role|command]`: model ids, one per line, for the shells' Tab after -m. From the cache when it is
/// younger than a day, else from the server (refreshing the cache), else, offline, from a stale cache. With a role,
/// or a command whose role it names (the shells pass the command being completed), only the ids that can do the job:
/// no whisper after `chat -m`. Hidden: people see models with `groq models`.
struct ModelIDsCommand: Command {
  static let spec = CommandSpec(
    name: "__models", summary: "Print model ids for Tab completion, from the cache", hidden: true)

  /// The role of each command that takes -m.
  static let commandRoles: [String: ModelRole] = [
    "chat": .chat, "reason": .reasoning, "transcribe": .transcription, "translate": .translation, "speak": .speech,
  ]

  var role: ModelRole?

  /// Never a usage error: Tab must not print one. Anything else lists every id.
  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    role = arguments.positionals.first.flatMap { ModelRole(rawValue: $0) ?? Self.commandRoles[$0] }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: 5, maxRetries: 0)
    let cache = ModelListCache(context: context, client: client)
    let ids = await cache.ids(client) ?? []
    let shown = role.map { role in ids.filter { ModelRoles.can($0, role) } } ?? ids
    try context.terminal.out(shown.map { $0 + "\n" }.joined())
    return .success
  }
}
