import Foundation

/// What the fake answers when nothing is scripted: routing, auth and the models endpoints, like the real API.
struct DefaultGroq {
  let apiKey: String
  let batches = FakeBatchService()

  func respond(to request: RecordedRequest) -> FakeResponse {
    let route = request.route
    let isAPI = route == "/openai/v1" || route.hasPrefix("/openai/v1/")
    if isAPI && !authorized(request) {
      return .groqError(status: 401, message: "Invalid API Key", code: "invalid_api_key")
    }
    switch (request.method, route) {
    case ("GET", "/openai/v1/models"):
      return .json(ModelCatalogue.listJSON)
    case ("GET", _) where route.hasPrefix("/openai/v1/models/"):
      return model(encodedID: String(route.dropFirst("/openai/v1/models/".count)))
    case ("POST", "/openai/v1/chat/completions"):
      return ChatCompletions(request: request).respond()
    case ("POST", "/openai/v1/audio/transcriptions"), ("POST", "/openai/v1/audio/translations"):
      return AudioTranscriptions(request: request, translating: route.hasSuffix("/translations")).respond()
    case ("POST", "/openai/v1/audio/speech"): return AudioSpeech(request: request).respond()
    case _ where route.hasPrefix("/openai/v1/files") || route.hasPrefix("/openai/v1/batches"):
      return batches.respond(to: request) ?? Self.unknownURL(request)
    default:
      return Self.unknownURL(request)
    }
  }

  static func unknownURL(_ request: RecordedRequest) -> FakeResponse {
    .groqError(
      status: 404,
      message: "Unknown request URL: \(request.method) \(request.route). Please check the URL for typos, "
        + "or see the docs at https://console.groq.com/docs/",
      code: "unknown_url")
  }

  /// `Authorization: Bearer <key>`; the scheme is case-insensitive, the key is not.
  private func authorized(_ request: RecordedRequest) -> Bool {
    guard let value = request.header("Authorization") else { return false }
    let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    return parts.count == 2 && parts[0].lowercased() == "bearer" && parts[1] == apiKey
  }

  /// `GET /models/{id}`: the id may arrive with a raw `/` (SDK 0.25) or as `%2F` (SDK 1.7).
  private func model(encodedID: String) -> FakeResponse {
    let id = encodedID.removingPercentEncoding ?? encodedID
    guard let model = ModelCatalogue.model(id) else { return ModelCatalogue.unavailable(id) }
    return .json(model.json)
  }

  static func modelNotFound(_ id: String) -> FakeResponse {
    .groqError(
      status: 404, message: "The model `\(id)` does not exist or you do not have access to it.",
      code: "model_not_found")
  }
}
