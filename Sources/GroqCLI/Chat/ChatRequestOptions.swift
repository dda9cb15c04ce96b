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
  /// Neither `-m` nor the environment named the model.
  var modelIsDefault = false
  /// `-m` named the model: it overrides the one a saved conversation used.
  var modelGiven = false

  /// - Parameter defaultModel: the variable that names the model when `-m` does not, and the model when neither does.
  init(
    _ arguments: ParsedArguments, environment: [String: String], command: String,
    defaultModel: (variable: String, model: String) = ("GROQ_MODEL", ChatCommand.defaultModel)
  ) throws(UsageError) {
    let fromEnvironment = environment[defaultModel.variable].flatMap { $0.isEmpty ? nil : $0 }
    model = arguments.value("model") ?? fromEnvironment ?? defaultModel.model
    modelGiven = arguments.value("model") != nil
    modelIsDefault = !modelGiven && fromEnvironment == nil
    if model.trimmingCharacters(in: .whitespaces).isEmpty {
      throw UsageError("the model id is empty", command: command)
    }
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
