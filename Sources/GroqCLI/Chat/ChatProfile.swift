import GroqKit

/// What the user set up beforehand and did not repeat on the command line: a role (`-r`) and the config file's
/// settings, applied to chat's and reason's options. Order: a flag wins, then the role, then an environment
/// variable, then the config file, then groq's default.
struct ChatProfile: Sendable {
  var role: Role?
  var settings: Settings

  static let roleOption = OptionSpec(
    long: "role", short: "r", value: ValueSpec("name", completion: .roles),
    help: "Use a saved role: its system prompt, and its model and temperature unless given")

  /// The role `-r` names, read and checked before anything is sent.
  init(_ arguments: ParsedArguments, context: CommandContext, command: String) throws(UsageError) {
    settings = context.settings
    guard let name = arguments.value("role") else { return }
    guard let store = RoleStore.standard(environment: context.environment) else {
      throw UsageError("there is no home directory to find roles in", command: command)
    }
    do {
      role = try store.load(name)
    } catch {
      throw UsageError(error.message, hint: error.hint, command: command)
    }
  }

  /// Fills the request options the command line left open. The config's model for the role is not here: it goes
  /// to `ChatRequestOptions` as `configured`, below the environment variable.
  func apply(to options: inout ChatRequestOptions) {
    if let role {
      if !options.modelGiven, let model = role.model {
        options.model = model
        // Chosen on this command line as surely as -m: it is never healed away, and it switches a continued
        // conversation's model.
        options.modelSource = .flag
      }
      if options.system == nil { options.system = role.prompt }
      if options.temperature == nil { options.temperature = role.temperature }
    }
    options.model = settings.resolveAlias(options.model)
  }

  func apply(to features: inout ChatFeatures) {
    if features.reasoningEffort == nil { features.reasoningEffort = role?.reasoningEffort }
    if features.serviceTier == nil { features.serviceTier = settings.serviceTier.flatMap(ServiceTier.init(rawValue:)) }
  }

  /// Streaming: --no-stream, else the config, else on.
  func stream(_ arguments: ParsedArguments) -> Bool {
    !arguments.flag("no-stream") && (settings.stream ?? true)
  }

  /// Timings: --stats, else the config, else off.
  func stats(_ arguments: ParsedArguments) -> Bool {
    arguments.flag("stats") || (settings.stats ?? false)
  }

  /// Any record at all: --no-history, else GROQ_HISTORY, else the config, else on.
  func keepsHistory(_ arguments: ParsedArguments, environment: [String: String]) -> Bool {
    if arguments.flag("no-history") { return false }
    if let variable = environment["GROQ_HISTORY"], !variable.isEmpty { return variable != "0" }
    return settings.history ?? true
  }
}
