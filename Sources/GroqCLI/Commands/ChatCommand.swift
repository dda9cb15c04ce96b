import Foundation
import GroqKit

/// `groq chat`: one question answered as it streams, or, on a terminal with no prompt, an interactive session.
struct ChatCommand: Command {
  static let defaultModel = ModelRoles.defaultModel(for: .chat)

  static let spec = CommandSpec(
    name: "chat",
    summary: "Chat with a model, streaming the answer as it is written",
    discussion: """
      The prompt is the arguments joined by spaces. Text piped to standard input comes first, then the arguments, \
      so 'git diff | groq chat "Summarise this"' sends the diff followed by the request. An argument '-' reads \
      standard input in its place (at most 32 MB of it). The answer goes to standard output as it arrives; \
      errors and --stats go to standard error.

      With no prompt on a terminal, groq chat opens an interactive session: line editing, history that later runs \
      remember, Tab completion, and commands that start with '/' (type /help). Ctrl-C stops an answer and keeps \
      the part shown; Ctrl-D leaves.

      Every conversation is saved as it goes, so --continue picks up the last one and --session a named one, \
      interactively or for a single question. --no-history keeps no record of the run.
      """,
    arguments: [ArgumentSpec(name: "prompt", help: "The message to send ('-' reads standard input)", variadic: true)],
    options: [
      OptionSpec(
        long: "model", short: "m", value: ValueSpec("id", completion: .models), help: "Model to answer",
        defaultValue: defaultModel, environment: "GROQ_MODEL"),
      OptionSpec(
        long: "system", short: "s", value: ValueSpec("text"), help: "System prompt that sets the model's role"),
      ChatProfile.roleOption,
      OptionSpec(
        long: "temperature", value: ValueSpec("x"), help: "Sampling temperature, 0 to 2; lower is more focused"),
      OptionSpec(long: "top-p", value: ValueSpec("x"), help: "Nucleus sampling, 0 to 1"),
      OptionSpec(long: "max-tokens", value: ValueSpec("n"), help: "Longest answer, in tokens"),
      OptionSpec(
        long: "stop", value: ValueSpec("text"), help: "Stop the answer at this text (at most 4)", repeatable: true),
      OptionSpec(long: "seed", value: ValueSpec("n"), help: "Seed for best-effort repeatable answers"),
      OptionSpec(long: "no-stream", help: "Wait for the whole answer instead of streaming it"),
      OptionSpec(long: "stats", help: "Print timings, speed and the request id on standard error"),
      OptionSpec(long: "continue", short: "c", help: "Continue the most recent conversation"),
      OptionSpec(
        long: "session", value: ValueSpec("name", completion: .conversations),
        help: "Continue the conversation with this name, or start it"),
      OptionSpec(long: "no-history", help: "Keep no record: no line history, no saved conversation"),
    ] + ChatFeatureOptions.specs + OptionSpec.network,
    examples: [
      Example("Ask once", "groq chat \"Explain the importance of fast language models\""),
      Example(
        "Review piped text with a system prompt", "git diff | groq chat -s \"You review code\" \"Summarise this diff\""),
      Example(
        "A small, fast model, with timings", "groq chat --stats -m \(ModelRoles.defaultModel(for: .fast)) \"hi\""),
      Example("Talk interactively (on a terminal)", "groq chat"),
      Example("Follow up on the last answer", "groq chat -c \"and in one line?\""),
      Example("Resume a named conversation interactively", "groq chat --session notes"),
      Example("Ask about two images", "groq chat -i photo.jpg -i https://example.com/b.png \"What differs?\""),
      Example("The model's tool calls as JSON lines", "groq chat --tools tools.json \"Weather in Paris?\""),
    ],
    environment: EnvironmentSpec.common + [
      EnvironmentSpec("GROQ_MODEL", "Default model for chat"),
      EnvironmentSpec("GROQ_HISTORY", "Set to 0 to keep no record, as --no-history does"),
      EnvironmentSpec("XDG_DATA_HOME", "Conversations go in $XDG_DATA_HOME/groq/conversations (~/.local/share)"),
      EnvironmentSpec("XDG_STATE_HOME", "Line history goes in $XDG_STATE_HOME/groq/history (~/.local/state)"),
    ],
    tables: [
      DocsTable(
        title: "Interactive commands", rows: SlashCommand.allCases.map { (term: $0.usage, text: $0.summary) })
    ]
  )

  var request: ChatRequestOptions
  var promptWords: [String]
  var stream: Bool
  var stats: Bool
  var conversation: ConversationChoice
  var keepsHistory: Bool
  /// No prompt on a terminal: the interactive session.
  var interactive: Bool
  var network: NetworkOptions
  var features: ChatFeatures
  /// One-shot exchanges are saved (the config's `save`); the REPL always saves while history is kept.
  var savesOneShot: Bool

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    let profile = try ChatProfile(arguments, context: context, command: "chat")
    request = try ChatRequestOptions(
      arguments, environment: context.environment, command: "chat", configured: context.settings.model(for: .chat))
    profile.apply(to: &request)
    promptWords = arguments.positionals
    stream = profile.stream(arguments)
    stats = profile.stats(arguments)
    network = try NetworkOptions(arguments, command: "chat")
    features = try ChatFeatures(arguments, stop: request.stop, command: "chat")
    profile.apply(to: &features)
    features.rendering = AnswerRendering.choose(
      stdoutIsTTY: context.terminal.stdoutIsTTY, raw: arguments.flag("raw"), environment: context.environment,
      configured: context.settings.rendersAnswers)
    keepsHistory = profile.keepsHistory(arguments, environment: context.environment)
    savesOneShot = keepsHistory && (context.settings.save ?? true)
    switch (arguments.flag("continue"), arguments.value("session")) {
    case (true, _?):
      throw UsageError("--continue and --session both choose a conversation; give one", command: "chat")
    case (true, nil): conversation = .latest
    case (false, let name?):
      guard Conversation.isValidName(name) else {
        throw UsageError(
          "'\(name)' cannot be a session name", hint: "use letters, digits, '-', '_' and '.', at most 64",
          command: "chat")
      }
      conversation = .named(name)
    case (false, nil): conversation = .new
    }
    let terminal = context.terminal
    interactive = promptWords.isEmpty && terminal.stdinIsTTY && terminal.stdoutIsTTY
    if promptWords.isEmpty && terminal.stdinIsTTY && !interactive {
      throw UsageError(
        "no prompt given", hint: "groq chat \"your question\", or pipe text in: echo hi | groq chat", command: "chat")
    }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    if interactive { return try await converse(context) }
    return try await OneShotChat(
      request: request, features: features, promptWords: promptWords, stream: stream, stats: stats, network: network,
      conversation: conversation, saves: savesOneShot || (keepsHistory && conversation != .new)
    ).run(context)
  }

  /// The interactive session: the REPL, with the conversation --continue or --session chose.
  private func converse(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(
      timeout: network.timeout, maxRetries: network.maxRetries, deadline: network.deadline)
    let store = ConversationStore.standard(environment: context.environment, keeps: keepsHistory)
    let current = try conversation.resolve(store: store, options: request, date: Date())
    var features = features
    // Images given with -i go with the first message typed.
    let attachments = features.images
    features.images = []
    var session = ChatSession(conversation: current, options: request, stats: stats, features: features)
    session.attachments = attachments
    // So do files given with -f.
    session.files = try PromptFiles.read(features.files, recursive: features.recursive) { () throws(CLIError) in
      throw CLIError("-f - cannot read standard input in an interactive session", status: .usage)
    }
    let key = client.configuration.apiKey
    let models = ModelIDCache()
    let roles = RoleStore.standard(environment: context.environment)
    let completion = REPLCompletion(store: store, models: models, roles: roles)
    let editor = try LineEditor(
      historyFile: historyFile(UserDirectories(environment: context.environment), terminal: context.terminal),
      completer: completion.complete, describer: completion.describe,
      // A key pasted by mistake must not end up in a file that outlives the session.
      keepOutOfHistory: { line in !key.isEmpty && line.contains(key) })
    var repl = ChatREPL(
      terminal: context.terminal, client: client, store: store, stream: stream, editor: editor, models: models,
      session: session, roles: roles, aliases: context.settings, environment: context.environment)
    repl.healing = ModelHealing(
      role: .chat, cache: ModelListCache(environment: context.environment, server: client.configuration.baseURL),
      terminal: context.terminal)
    return await repl.run()
  }

  /// The line history's file, its directory made; nil when history is off or cannot be kept (with a warning).
  private func historyFile(_ directories: UserDirectories, terminal: Terminal) -> URL? {
    guard keepsHistory, let file = directories.history else { return nil }
    do throws(CLIError) {
      try UserDirectories.create(file.deletingLastPathComponent())
      // A folder others write to could hold a planted history; a FIFO or /dev/zero would hang the start.
      try PrivateFiles.checkPrivate(file.deletingLastPathComponent(), what: "the line history")
      guard PrivateFiles.isRegularOrAbsent(file) else {
        throw CLIError("the line history \(file.path) is not a regular file", hint: "move it away")
      }
      return file
    } catch {
      terminal.warning(error.message + "; line history is off", hint: error.hint)
      return nil
    }
  }
}
