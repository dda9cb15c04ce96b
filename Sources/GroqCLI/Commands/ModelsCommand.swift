import Foundation
import GroqKit

/// `groq models [ID]`: a table on a terminal, tab-separated lines in a pipe, the API's objects with --json.
struct ModelsCommand: Command {
  static let spec = CommandSpec(
    name: "models",
    summary: "List the models your key can use",
    discussion: """
      On a terminal, a table sorted by id: owner, context window, largest completion and what groq would use the \
      model for (chat, fast, reasoning, vision, tools, safety, transcription, translation, speech). In a pipe, one \
      tab-separated line per model in the same order, for cut and awk. With an id, that one model. The list is \
      always asked of the server, and kept for a day in $XDG_CACHE_HOME/groq/models.json (~/.cache) for Tab \
      completion and for picking a live model when a default one is shut down.
      """,
    arguments: [ArgumentSpec(name: "id", help: "Show only this model", completion: .models)],
    options: [
      OptionSpec(long: "json", help: "Print the API's model objects as JSON")
    ] + OptionSpec.network,
    examples: [
      Example("Pick a model id for a script", "groq models --json | jq -r '.[].id'"),
      Example("One model's limits", "groq models \(ModelRoles.defaultModel(for: .chat))"),
    ],
    environment: EnvironmentSpec.common
  )

  var id: String?
  var json: Bool
  var network: NetworkOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("expected at most one model id, got \(arguments.positionals.count)", command: "models")
    }
    id = arguments.positionals.first
    if id?.isEmpty == true { throw UsageError("the model id is empty", command: "models") }
    json = arguments.flag("json")
    network = try NetworkOptions(arguments, command: "models")
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(
      timeout: network.timeout, maxRetries: network.maxRetries, deadline: network.deadline)
    let terminal = context.terminal
    if let id {
      let model: Model
      let raw: Data
      do {
        (model, raw) = try await client.model(id: id)
      } catch let error as GroqError where error.status == 404 {
        throw CLIError("no model named '\(id)'", hint: "run 'groq models' to list the models your key can use")
      }
      try terminal.out(
        json ? try ModelRendering.json(object: raw) : ModelRendering.detail(model, tty: terminal.stdoutIsTTY))
      return .success
    }
    let (models, raw) = try await client.models()
    if json {
      try terminal.out(try ModelRendering.json(listData: raw))
    } else {
      let sorted = models.sorted { $0.id < $1.id }
      try terminal.out(terminal.stdoutIsTTY ? ModelRendering.table(sorted) : ModelRendering.lines(sorted))
    }
    // The answer first: the cache is for later commands, and writing it is no part of what the user waits for.
    ModelListCache(context: context, client: client).write(models.map(\.id).sorted())
    return .success
  }
}
