import Foundation
import GroqKit

/// One prompt, one answer: what `chat` and `reason` do once their options are parsed and checked.
///
/// chat saves the exchange into a conversation (new, --continue or --session) so a later `groq chat -c` can follow
/// up; reason keeps no record.
struct OneShotChat: Sendable {
  var request: ChatRequestOptions
  var features: ChatFeatures
  var promptWords: [String]
  var stream: Bool
  var stats: Bool
  var network: NetworkOptions
  var conversation = ConversationChoice.new
  /// Whether conversations are read and written (not with --no-history, nor for reason).
  var saves = false

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let terminal = context.terminal
    let client = try context.makeClient(
      timeout: network.timeout, maxRetries: network.maxRetries, deadline: network.deadline)
    let store = ConversationStore.standard(environment: context.environment, keeps: saves)
    let current = try conversation.resolve(store: store, options: request, date: Date())
    var session = ChatSession(conversation: current, options: request, stats: stats, features: features)
    let role = features.role(for: request, resumed: !current.messages.isEmpty)
    if role != request.role {
      session.conversation.model = context.settings.model(for: role) ?? ModelRoles.defaultModel(for: role)
    }
    try features.check(model: session.conversation.model, command: request.role == .reasoning ? "reason" : "chat")
    // Files first: `-f -` takes standard input before the prompt would.
    let files = try PromptFiles.read(features.files, recursive: features.recursive) { () throws(CLIError) in
      try terminal.readStdin(limit: InputLimits.chat, what: "a file")
    }
    let prompt = files.prompt(try PromptInput.assemble(words: promptWords, terminal: terminal))
    try PromptFiles.checkFits(prompt, model: session.conversation.model)
    let question = ImageAttachment.message(prompt: prompt, images: features.images)
    let body = session.request(sending: question)
    let healing = ModelHealing(role: role, context: context, client: client)
    let reply: ChatReply
    do {
      (reply, session.conversation.model) = try await features.send(
        body, healing: healing, userNamed: !request.modelIsDefault || !current.messages.isEmpty,
        resumed: !current.messages.isEmpty, stream: stream, client: client, terminal: terminal)
    } catch let failure as ReplyFailure where !failure.partial.text.isEmpty {
      // A stdout that failed (not a closed pipe) still let the whole answer arrive: it is kept whole.
      let whole = (failure.underlying as? OutputClosed).map { !$0.isQuiet } ?? false
      session.record(
        question: question, reply: failure.partial, interrupted: !whole, replacingLast: false, date: Date())
      save(session.conversation, to: store, terminal: terminal)
      throw failure
    }
    if stats { terminal.err(StatsFooter.render(reply, terminal: terminal)) }
    session.record(question: question, reply: reply, interrupted: false, replacingLast: false, date: Date())
    save(session.conversation, to: store, terminal: terminal)
    return .success
  }

  /// The answer is already on stdout, so a failure to save it is a warning, not a failed command.
  private func save(_ conversation: Conversation, to store: ConversationStore?, terminal: Terminal) {
    guard let store else { return }
    do {
      try store.save(conversation)
    } catch {
      terminal.warning(error.message, hint: error.hint)
    }
  }
}
