import GroqKit

/// `groq __models [role]`: model ids, one per line, for the shells' Tab after -m. From the cache when it is younger
/// than a day, else from the server (refreshing the cache), else, offline, from a stale cache. With a role, only the
/// ids that can do it (no whisper for chat). Hidden: people see models with `groq models`.
struct ModelIDsCommand: Command {
  static let spec = CommandSpec(
    name: "__models", summary: "Print model ids for Tab completion, from the cache", hidden: true)

  var role: ModelRole?

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("__models takes at most a role", command: "__models")
    }
    if let name = arguments.positionals.first {
      guard let role = ModelRole(rawValue: name) else {
        throw UsageError(
          "unknown role '\(name)'", hint: "roles: " + ModelRole.allCases.map(\.rawValue).joined(separator: ", "),
          command: "__models")
      }
      self.role = role
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: 5, maxRetries: 0)
    let cache = ModelListCache(environment: context.environment, server: client.configuration.baseURL)
    let ids = await cache.ids(client) ?? []
    let shown = role.map { role in ids.filter { ModelRoles.can($0, role) } } ?? ids
    try context.terminal.out(shown.map { $0 + "\n" }.joined())
    return .success
  }
}
