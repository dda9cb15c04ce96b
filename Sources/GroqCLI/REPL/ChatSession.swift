import Foundation
import GroqKit

/// A conversation in progress and the settings of the next request: the REPL's logic, with no I/O, so every slash
/// command's effect is tested without a terminal or a server.
struct ChatSession: Sendable {
  var conversation: Conversation
  /// Sampling options from the command line and /temperature; the model and system prompt live in `conversation`.
  var options: ChatRequestOptions
  var stats: Bool
  /// JSON output, tools, reasoning and the rest, applied to every request.
  var features: ChatFeatures
  /// Images waiting to go with the next message (/attach, or -i when the REPL opens).
  var attachments: [ContentPart] = []
  /// Text files waiting to go with the next message (/file, or -f when the REPL opens).
  var files = PromptFiles()
  /// Tokens used and rate limits left, for /stats.
  var totals = SessionTotals()

  init(conversation: Conversation, options: ChatRequestOptions, stats: Bool, features: ChatFeatures = ChatFeatures()) {
    self.conversation = conversation
    self.options = options
    self.stats = stats
    self.features = features
  }

  /// The next message: the text, with any attached images.
  func question(_ text: String) -> ChatMessage {
    ImageAttachment.message(prompt: files.prompt(text), images: attachments)
  }

  /// The request that asks the next question with everything before it as context.
  func request(sending message: ChatMessage) -> ChatCompletionRequest {
    request(context: conversation.context + [message])
  }

  /// The last question with the context it had, for /retry; nil when nothing was asked yet.
  func retryRequest() -> (question: ChatMessage, request: ChatCompletionRequest)? {
    var earlier = conversation
    guard let question = earlier.removeLastExchange() else { return nil }
    return (question, request(context: earlier.context + [question]))
  }

  /// The last question rewritten (/edit last), with the context it had.
  func retryRequest(replacingWith text: String) -> (question: ChatMessage, request: ChatCompletionRequest)? {
    var earlier = conversation
    guard earlier.removeLastExchange() != nil else { return nil }
    let question = ImageAttachment.message(prompt: text, images: [])
    return (question, request(context: earlier.context + [question]))
  }

  /// The text of the last answer and of the last question, for /copy and /edit last.
  var lastAnswer: String? { last(.assistant) }
  var lastQuestion: String? { last(.user) }

  private func last(_ role: ChatMessage.Role) -> String? {
    conversation.messages.last { $0.message.role == role }?.message.content?.text
  }

  private func request(context: [ChatMessage]) -> ChatCompletionRequest {
    var options = options
    options.model = conversation.model
    options.system = nil  // already first in the context
    var request = options.makeRequest(messages: context)
    features.apply(to: &request)
    return request
  }

  /// Keeps an exchange. An answer cut short stays, marked, because the user saw it and will refer to it.
  mutating func record(question: ChatMessage, reply: ChatReply, interrupted: Bool, replacingLast: Bool, date: Date) {
    if replacingLast { _ = conversation.removeLastExchange() }
    totals.add(reply)
    // Tool calls are not kept: sent back without their results, the API would refuse the conversation.
    // An answer that was only tool calls is kept as the JSON lines the user saw, not as an empty message.
    let text = reply.text.isEmpty ? ToolCallPrinter.lines(reply.toolCalls) : reply.text
    conversation.append(
      user: question, answer: .assistant(text), interrupted: interrupted, usage: reply.usage, date: date)
    if !replacingLast {
      attachments = []
      files = PromptFiles()
    }
  }

  mutating func undo() -> String {
    guard let removed = conversation.removeLastExchange() else { return "nothing to undo" }
    return "forgot: " + Self.excerpt(removed.content?.text ?? "")
  }

  mutating func setModel(_ id: String) -> String {
    conversation.model = id
    return "model: \(id)"
  }

  /// `/system` shows, `/system TEXT` sets, `/system --clear` removes; the new prompt applies from the next answer.
  mutating func system(_ argument: String?) -> String {
    switch argument {
    case nil: return conversation.system.map { "system prompt: " + $0 } ?? "no system prompt"
    case "--clear"?:
      conversation.system = nil
      return "system prompt cleared"
    case let text?:
      conversation.system = text
      return "system prompt set"
    }
  }

  mutating func temperature(_ argument: String?) -> Result<String, CLIError> {
    switch argument {
    case nil: return .success("temperature: " + (options.temperature.map(Format.number) ?? "the model's default"))
    case "--clear"?:
      options.temperature = nil
      return .success("temperature: the model's default")
    case let text?:
      guard let value = Double(text), (0...2).contains(value) else {
        return .failure(CLIError("the temperature must be a number from 0 to 2, not '\(text)'"))
      }
      options.temperature = value
      return .success("temperature: \(Format.number(value))")
    }
  }

  /// `/stats` shows the session's totals and rate limits; `/stats on` and `off` turn the footer after each answer.
  mutating func stats(_ argument: String?) -> Result<String, CLIError> {
    switch argument?.lowercased() {
    case nil: return .success(totals.summary + "\ntimings after each answer: " + (stats ? "on" : "off (/stats on)"))
    case "on"?: stats = true
    case "off"?: stats = false
    case let other?: return .failure(CLIError("/stats takes on or off, not '\(other)'"))
    }
    return .success("stats " + (stats ? "on" : "off"))
  }

  /// `/reasoning` shows or sets the reasoning format, refusing what the other settings rule out.
  mutating func reasoning(_ argument: String?) -> Result<String, CLIError> {
    guard let argument else {
      return .success("reasoning: " + (features.reasoningFormat?.rawValue ?? "the model's default"))
    }
    guard let format = ReasoningFormat(rawValue: argument.lowercased()) else {
      let names = ReasoningFormat.allCases.map(\.rawValue).joined(separator: ", ")
      return .failure(CLIError("/reasoning takes \(names), not '\(argument)'"))
    }
    var changed = features
    changed.reasoningFormat = format
    changed.reasoningFormatGiven = true
    do {
      try changed.checkReasoning(command: nil)
    } catch {
      return .failure(CLIError(error.message, hint: error.hint))
    }
    features = changed
    return .success("reasoning: \(format.rawValue)")
  }

  /// `/attach` adds an image to the next message, checked as -i checks it; `--clear` drops the waiting ones.
  mutating func attach(_ argument: String?) -> Result<String, CLIError> {
    switch argument {
    case nil:
      return .success(
        attachments.isEmpty ? "no images attached" : "\(attachments.count) image(s) wait for your next message")
    case "--clear"?:
      attachments = []
      return .success("attachments dropped")
    case let source?:
      do {
        let part = try ImageAttachment.part(for: source, command: nil)
        try ImageAttachment.checkTotal(attachments + [part], command: nil)
        attachments.append(part)
      } catch {
        return .failure(CLIError(error.message, hint: error.hint))
      }
      var status = "attached; \(attachments.count) image(s) go with your next message"
      if let warning = ImageAttachment.countWarning(attachments.count) { status += " (\(warning))" }
      return .success(status)
    }
  }

  /// `/file PATH`: a text file (or a glob's) for the next message, refused as -f refuses it.
  mutating func addFile(_ argument: String?) -> Result<String, CLIError> {
    guard let argument else {
      let names = files.files.map(\.name)
      return .success(names.isEmpty ? "no files attached" : "with your next message: " + names.joined(separator: ", "))
    }
    do {
      let added = try PromptFiles.read([argument], recursive: false) { () throws(CLIError) in
        throw CLIError("/file reads files, not standard input")
      }
      var all = files
      all.files += added.files
      try PromptFiles.checkFits(all.block, model: conversation.model)
      files = all
    } catch {
      return .failure(error)
    }
    let tokens = PromptFiles.estimatedTokens(files.block)
    return .success("\(files.files.count) file(s), about \(Format.grouped(tokens)) tokens, go with your next message")
  }

  /// A new, empty conversation with the same model and system prompt.
  mutating func clear(id: String, date: Date) {
    conversation = Conversation(
      id: id, named: false, model: conversation.model, system: conversation.system, date: date)
  }

  /// The conversation as /history prints it.
  var transcript: String {
    var blocks: [String] = []
    if let system = conversation.system { blocks.append("system: " + system) }
    for entry in conversation.messages {
      let label =
        switch entry.message.role {
        case .user: "you"
        case .assistant: "assistant"
        case .system: "system"
        case .tool: "tool"
        }
      let mark = entry.interrupted ? " [interrupted]" : ""
      blocks.append("\(label): " + (entry.message.content?.text ?? "") + mark)
    }
    return blocks.isEmpty ? "the conversation is empty\n" : blocks.joined(separator: "\n\n") + "\n"
  }

  /// The first line of a message, shortened to fit a status line.
  static func excerpt(_ text: String, limit: Int = 60) -> String {
    let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
    return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
  }
}
