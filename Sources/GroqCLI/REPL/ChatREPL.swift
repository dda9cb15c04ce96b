import Foundation
import GroqKit

/// The interactive chat: reads lines, runs slash commands, streams answers, and saves the conversation after each
/// exchange. Nothing that goes wrong in one turn ends the loop: errors print one line and the prompt comes back.
struct ChatREPL {
  let terminal: Terminal
  let client: GroqClient
  /// nil with --no-history: nothing is written.
  let store: ConversationStore?
  let stream: Bool
  let editor: LineEditor
  let models: ModelIDCache
  var session: ChatSession
  /// Where /role finds roles; nil when there is no home.
  var roles: RoleStore? = nil
  /// The config's aliases, for /model and /role.
  var aliases = Settings()
  /// For $EDITOR and the clipboard's tools.
  var environment: [String: String] = [:]
  /// Heals the first answer of a new conversation on a default model Groq shut down; nil: no healing.
  var healing: ModelHealing?

  /// Runs until /exit or Ctrl-D; always ends with success, because every failure inside was already reported.
  mutating func run() async -> ExitStatus {
    Interrupts.secondEndsProcess = false
    Interrupts.install {}
    models.prefetch(client)
    defer { editor.close() }
    greet()
    var input = MultilineInput()
    while true {
      let prompt = input.isPending ? "... " : REPLBanner.prompt
      switch await editor.read(prompt: prompt) {
      case .end:
        if input.isPending {
          input.reset()
          terminal.err("\n" + terminal.style("(the unfinished message was dropped; Ctrl-D again leaves)", .dim) + "\n")
          continue
        }
        try? terminal.out("\n")
        return .success
      case .interrupted:
        // SIGTERM or SIGHUP: leave as Ctrl-D would; CLI turns the signal into the exit status.
        if Interrupts.isEnding { return .success }
        Interrupts.reset()
        input.reset()
      case .pasted(let text):
        // Part of an open block, or a message of its own; never a command, and kept out of the history.
        if input.isPending {
          for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let message = input.feed(String(line)) { await send(message.text) }
          }
        } else {
          await send(text)
        }
      case .line(let line):
        editor.remember(line)
        guard let message = input.feed(line) else { continue }
        if message.literal {
          await send(message.text)
        } else if await perform(message.text) == .exit {
          return .success
        }
        // An answer cut short by SIGTERM or SIGHUP has been saved: nothing more to do.
        if Interrupts.isEnding { return .success }
      }
    }
  }

  private enum Next { case next, exit }

  /// A line that is not part of a block: a slash command or a message.
  private mutating func perform(_ line: String) async -> Next {
    switch SlashCommand.parse(line) {
    case .message(let text):
      await send(text)
    case .unknown(let name, let suggestion):
      terminal.error(
        "unknown command \(name)", hint: (suggestion.map { "did you mean \($0)? " } ?? "") + "/help lists commands")
    case .command(let command, let argument):
      return await run(command, argument)
    }
    return .next
  }

  private mutating func run(_ command: SlashCommand, _ argument: String?) async -> Next {
    switch command {
    case .help: print(SlashCommand.helpText)
    case .exit: return .exit
    case .model: await switchModel(argument)
    case .models:
      do {
        let ids = try await models.load(client)
        print(ids.map { $0 == session.conversation.model ? "\($0) *" : $0 }.joined(separator: "\n") + "\n")
      } catch {
        report(error)
      }
    case .system: status(session.system(argument))
    case .temperature: outcome(session.temperature(argument))
    case .reasoning: outcome(session.reasoning(argument))
    case .search: outcome(session.builtInTool(.search, argument))
    case .code: outcome(session.builtInTool(.code, argument))
    case .attach:
      outcome(session.attach(argument))
      // As -i does in one shot: the message would fail with a 400 on a model that cannot see.
      let current = session.conversation.model
      if !session.attachments.isEmpty && !ModelRoles.can(current, .vision) {
        _ = session.setModel(ChatFeatures.visionModel)
        status("\(current) cannot see images: switched to \(ChatFeatures.visionModel) (/model \(current) goes back)")
        save()
      }
    case .file: outcome(session.addFile(argument))
    case .stats: outcome(session.stats(argument))
    case .clear:
      session.clear(id: Conversation.generatedID(date: Date()), date: Date())
      status("new conversation")
    case .undo:
      status(session.undo())
      save()
    case .retry:
      guard let (question, request) = session.retryRequest() else {
        status("nothing to retry")
        break
      }
      await ask(question, request, replacingLast: true)
    case .history: print(session.transcript)
    case .copy: await copy(argument)
    case .edit: await edit(argument)
    case .save: saveAs(argument)
    case .load: load(argument)
    case .role: useRole(argument)
    case .title: setTitle(argument)
    }
    return .next
  }

  // MARK: Asking

  private mutating func send(_ text: String) async {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
    let question = session.question(text)
    await ask(question, session.request(sending: question), replacingLast: false)
  }

  /// Streams one answer in a task Ctrl-C cancels. The exchange is kept when any of the answer was shown, even cut
  /// short; a failure before that leaves the conversation as it was, and the question is still in the history.
  private mutating func ask(_ question: ChatMessage, _ request: ChatCompletionRequest, replacingLast: Bool) async {
    let client = client
    let stream = stream
    let terminal = terminal
    let features = session.features
    let healing = healing
    // Only groq's own choice heals, before the conversation has gone anywhere with it.
    let chosen =
      session.options.modelIsDefault && session.conversation.messages.isEmpty
      && request.model == session.options.model
    let task = Task {
      try features.check(model: request.model, command: nil)
      guard let healing else {
        return (try await features.send(request, stream: stream, client: client, terminal: terminal), request.model)
      }
      return try await features.send(
        request, healing: healing, userNamed: !chosen, stream: stream, client: client, terminal: terminal)
    }
    Interrupts.install { task.cancel() }
    let result = await task.result
    Interrupts.install {}
    let interrupted = Interrupts.happened
    Interrupts.reset()

    switch result {
    case .success(let (reply, model)):
      session.conversation.model = model
      session.record(question: question, reply: reply, interrupted: false, replacingLast: replacingLast, date: Date())
      if session.stats { terminal.err(StatsFooter.render(reply, terminal: terminal)) }
      save()
    case .failure(let error):
      if let partial = (error as? ReplyFailure)?.partial, !partial.text.isEmpty {
        session.record(
          question: question, reply: partial, interrupted: true, replacingLast: replacingLast, date: Date())
        save()
      }
      if interrupted || error is CancellationError || (error as? GroqError)?.kind == .cancelled {
        terminal.err(terminal.style("[interrupted]", .dim) + "\n")
      } else {
        report(error)
      }
    }
  }

  // MARK: Commands with effects beyond the session

  private mutating func switchModel(_ argument: String?) async {
    guard let id = argument.map(aliases.resolveAlias) else {
      status("model: \(session.conversation.model)")
      return
    }
    // An id the API does not list would fail at the next question; say so now, when the typo is on screen.
    if let known = models.known(), !known.contains(id) {
      let suggestion = Suggestion.closest(to: id, among: known)
      terminal.error(
        "no model named '\(id)'",
        hint: suggestion.map { "did you mean \($0)? /models lists them" } ?? "/models lists them")
      return
    }
    // A speech or safety model would only answer 400 to a chat message.
    if !ModelRoles.can(id, .chat) {
      let chat = (models.known() ?? []).filter { ModelRoles.can($0, .chat) }.prefix(5)
      terminal.error(
        "\(id) cannot chat", hint: chat.isEmpty ? "/models lists the models" : "try " + chat.joined(separator: ", "))
      return
    }
    status(session.setModel(id))
    save()
  }

  // MARK: The clipboard and the editor

  private func copy(_ argument: String?) async {
    guard let answer = session.lastAnswer else { return status("nothing to copy yet") }
    switch argument?.lowercased() {
    case nil:
      status(await Clipboard.copy(answer, terminal: terminal, environment: environment))
    case "code"?:
      guard let code = CodeBlocks.all(in: answer).last else { return status("the last answer has no code block") }
      status(await Clipboard.copy(code, terminal: terminal, environment: environment))
    case let other?:
      terminal.error("/copy takes code or nothing, not '\(other)'")
    }
  }

  private mutating func edit(_ argument: String?) async {
    let last = argument?.lowercased() == "last"
    guard argument == nil || last else { return terminal.error("/edit takes last or nothing, not '\(argument!)'") }
    guard !last || session.lastQuestion != nil else { return status("nothing to edit yet") }
    // The editor needs the terminal as the user left it, not as the line editor holds it between prompts.
    editor.close()
    let edited: Result<String?, any Error>
    do {
      edited = .success(try await MessageEditor.edit(last ? session.lastQuestion ?? "" : "", environment: environment))
    } catch {
      edited = .failure(error)
    }
    editor.resume()
    switch edited {
    case .failure(let error):
      report(error)
    case .success(nil):
      status("nothing to send")
    case .success(let text?):
      if last, let (question, request) = session.retryRequest(replacingWith: text) {
        await ask(question, request, replacingLast: true)
      } else {
        await send(text)
      }
    }
  }

  // MARK: Output

  private func greet() {
    for line in REPLBanner.greeting(session.conversation, columns: terminal.windowSize.columns) { status(line) }
  }

  func describe(_ conversation: Conversation) -> String {
    "\(REPLBanner.count(conversation)), model \(conversation.model)"
  }

  /// What the user asked to see (/help, /history, /models) goes to stdout.
  private func print(_ text: String) {
    try? terminal.out(terminal.stdoutIsTTY ? VisibleControls.escape(text) : text)
  }

  /// How a command changed things: a dim line on stderr.
  func status(_ text: String) {
    terminal.err(terminal.style(terminal.stderrIsTTY ? VisibleControls.escape(text) : text, .dim) + "\n")
  }

  private func outcome(_ result: Result<String, CLIError>) {
    switch result {
    case .success(let text): status(text)
    case .failure(let error): terminal.error(error.message, hint: error.hint)
    }
  }

  func report(_ error: any Error) {
    var failure = ErrorReport.make(error)
    if ErrorReport.isContextLength(error) {
      failure.hint =
        "the conversation is longer than the model takes: /undo drops the last exchange, /clear starts afresh"
    }
    terminal.error(failure.message, hint: failure.hint)
  }
}
