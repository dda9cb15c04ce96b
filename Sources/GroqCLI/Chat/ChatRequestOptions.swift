import GroqKit

/// The sampling options chat and reason send, checked before any request: Groq would answer 400 anyway, but
/// only after the key, the network and the user's time.
struct ChatRequestOptions: Sendable, Equatable {
  var model: String
  var system: String?
  var temperature: Double?
  var topP: Double?
  var maxTokens: Int?
  var stop: [String]
  var seed: Int?
  /// The job the model is picked for, and where the id came from.
  var role: ModelRole
  var modelSource: ModelChoice.Source
  /// Neither `-m`, the environment nor the config file named the model: groq chose it, and may choose again.
  var modelIsDefault: Bool { modelSource == .builtIn }
  /// `-m` named the model: it overrides the one a saved conversation used.
  var modelGiven: Bool { modelSource == .flag }

  /// - Parameter configured: the config file's model for the role, which counts as named by the user.
  init(
    _ arguments: ParsedArguments, environment: [String: String], command: String, role: ModelRole = .chat,
    configured: String? = nil
  ) throws(UsageError) {
    let choice = try ModelChoice.resolve(
      role, flag: arguments.value("model"), environment: environment, configured: configured, command: command)
    model = choice.id
    self.role = role
    modelSource = choice.source
    system = arguments.value("system")
    temperature = try arguments.number("temperature", in: 0...2, command: command)
    topP = try arguments.number("top-p", in: 0...1, command: command)
    maxTokens = try arguments.integer("max-tokens", in: 1...Int(Int32.max), command: command)
    stop = arguments.values("stop")
    if stop.count > 4 {
      throw UsageError("--stop was given \(stop.count) times; the API takes at most 4", command: command)
    }
    if stop.contains(where: \.isEmpty) { throw UsageError("--stop needs a non-empty text", command: command) }
    seed = try arguments.integer("seed", in: Int(Int64.min + 1)...Int(Int64.max), command: command)
  }

  func makeRequest(messages: [ChatMessage]) -> ChatCompletionRequest {
    var request = ChatCompletionRequest(model: model, messages: messages)
    request.temperature = temperature
    request.topP = topP
    request.maxCompletionTokens = maxTokens
    request.stop = stop.isEmpty ? nil : stop
    request.seed = seed
    return request
  }
}
