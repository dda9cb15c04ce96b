#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import GroqKit

/// The entry point: picks the command, runs it, and turns whatever happened into one exit status.
/// The only place that calls exit.
public enum CLI {
  /// Every command, in the order help lists them.
  static let commands: [any Command.Type] = [
    ChatCommand.self, ReasonCommand.self, TranscribeCommand.self, TranslateCommand.self, SpeakCommand.self,
    ModelsCommand.self, HelpCommand.self, CompletionCommand.self, ManCommand.self,
    ConversationsCommand.self, RolesCommand.self, ConfigCommand.self, AuthCommand.self, ConversationNamesCommand.self,
    ModelIDsCommand.self, BatchCommand.self, FilesCommand.self,
  ]

  /// Each of `commands`' name, in the same order (a test holds them equal): finding a command by its word must not
  /// build the spec of every command listed before it, which cost `groq models` 0.5 ms.
  static let names = [
    "chat", "reason", "transcribe", "translate", "speak", "models", "help", "completion", "__man", "conversations",
    "roles", "config", "auth", "__conversations", "__models", "batch", "files",
  ]

  #if os(Linux)
    /// The program, run on the main thread (see `MainThreadExecutor`).
    public static func start() -> Never {
      let executor = MainThreadExecutor()
      Task(executorPreference: executor) { await main() }
      executor.run()
    }
  #endif

  public static func main() async -> Never {
    // EPIPE from write(2) ends output quietly; the default SIGPIPE would kill groq mid-sentence with status 141.
    signal(SIGPIPE, SIG_IGN)
    Interrupts.unblock()
    let status = await run(Array(CommandLine.arguments.dropFirst()), environment: ProcessEnvironment.read())
    RunTemporaryDirectory.remove()
    // Everything groq prints has been written with write(2) or flushed here; the exit handlers that exit(3) would
    // run next (OpenSSL's, libcurl's, the C++ runtime's) only free memory the kernel frees anyway.
    fflush(nil)
    _exit(status.rawValue)
  }

  static func run(_ argv: [String], environment: [String: String]) async -> ExitStatus {
    let context = CommandContext(terminal: Terminal(environment: environment), environment: environment)
    do {
      return try await dispatch(argv, context: context)
    } catch {
      return report(error, terminal: context.terminal)
    }
  }

  private static func dispatch(_ argv: [String], context: CommandContext) async throws -> ExitStatus {
    // The whole program's spec (every command's, for help) is built only when help needs it: a command's run
    // does not, and building it cost `groq models` a tenth of its CPU.
    guard let first = argv.first else {
      try context.terminal.out(HelpText.root(ProgramSpec.groq))
      return .success
    }
    if first.hasPrefix("-") {
      let parsed = try ArgumentParser.parse(argv, options: ProgramSpec.options, command: nil)
      if parsed.flag("version") {
        try context.terminal.out("groq \(GroqVersion.current)\n")
        return .success
      }
      if parsed.flag("help") || parsed.positionals.isEmpty {
        try context.terminal.out(HelpText.root(ProgramSpec.groq))
        return .success
      }
      throw UsageError("options must follow the command: groq <command> [options]")
    }
    guard var type = names.firstIndex(of: first).map({ commands[$0] }) else {
      let names = ProgramSpec.groq.visibleCommands.map(\.name)
      throw UsageError(
        "unknown command '\(first)'",
        hint: Suggestion.closest(to: first, among: names).map { "did you mean '\($0)'?" }
          ?? "commands: " + names.joined(separator: ", "))
    }
    var rest = Array(argv.dropFirst())
    if !type.subcommands.isEmpty {
      guard let word = rest.first, !word.hasPrefix("-") else {
        if rest.isEmpty || rest == ["--help"] || rest == ["-h"] {
          try context.terminal.out(HelpText.command(type.spec, program: ProgramSpec.groq))
          return .success
        }
        throw UsageError("\(first) needs a command before its options", command: first)
      }
      let words = type.subcommands.map { $0.spec.word }
      guard let sub = type.subcommands.first(where: { $0.spec.word == word }) else {
        throw UsageError(
          "unknown command '\(first) \(word)'",
          hint: Suggestion.closest(to: word, among: words).map { "did you mean '\(first) \($0)'?" }
            ?? "commands: " + words.joined(separator: ", "), command: first)
      }
      type = sub
      rest.removeFirst()
    }
    let parsed = try ArgumentParser.parse(rest, options: type.spec.options, command: type.spec.name)
    if parsed.flag("help") {
      try context.terminal.out(HelpText.command(type.spec, program: ProgramSpec.groq))
      return .success
    }
    var context = context
    if type.readsSettings {
      context.settings = try ConfigFile.settings(environment: context.environment)
      context.terminal.applyColorSetting(context.settings.color, environment: context.environment)
    }
    let command = try type.init(parsed, context: context)
    return try await runCancellable(command, context: context)
  }

  /// Runs the command in this task, which Ctrl-C cancels; what was already printed stays printed.
  ///
  /// This is the program's main task (only `main` calls `run`), which lives until `_exit`: the handler can hold it
  /// without owning it. A child task, as before, cost each command a hop to another thread.
  private static func runCancellable(_ command: any Command, context: CommandContext) async throws -> ExitStatus {
    let task = withUnsafeCurrentTask { $0.map(MainTask.init) }
    Interrupts.install { task?.cancel() }
    let result: Result<ExitStatus, any Error>
    do {
      result = .success(try await command.run(context))
    } catch {
      result = .failure(error)
    }
    if Interrupts.happened { return Interrupts.status }
    return try result.get()
  }

  /// The main task, for the interrupt thread to cancel.
  private struct MainTask: @unchecked Sendable {
    let task: UnsafeCurrentTask
    func cancel() { task.cancel() }
  }

  /// One line on stderr, a hint, and the status; the single place errors become words.
  static func report(_ error: any Error, terminal: Terminal) -> ExitStatus {
    if let closed = (error as? OutputClosed) ?? ((error as? ReplyFailure)?.underlying as? OutputClosed) {
      if closed.isQuiet { return .success }
    }
    let failure = ErrorReport.make(error)
    if failure.status == .interrupted { return Interrupts.happened ? Interrupts.status : .interrupted }
    terminal.error(failure.message, hint: failure.hint)
    return failure.status
  }
}
