import GroqKit

extension ChatFeatures {
  /// Sends and prints the answer as `send` does, through `healing`: a model that stands in for a default Groq shut
  /// down gets its own family's reasoning fields. Returns the reply and the model that gave it.
  func send(
    _ request: ChatCompletionRequest, healing: ModelHealing, userNamed: Bool, resumed: Bool = false, stream: Bool,
    client: GroqClient, terminal: Terminal
  ) async throws -> (reply: ChatReply, model: String) {
    let (reply, model) = try await healing.send(
      model: request.model, userNamed: userNamed, resumed: resumed, client: client
    ) { model in
      var request = request
      request.model = model
      applyReasoning(to: &request)
      return try await send(request, stream: stream, client: client, terminal: terminal)
    }
    return (reply, model)
  }
}
