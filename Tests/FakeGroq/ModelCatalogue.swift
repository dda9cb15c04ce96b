/// One entry of `GET /openai/v1/models`, with Groq's extra fields.
struct CatalogueModel {
  let id: String
  let created: Int
  let ownedBy: String
  let contextWindow: Int
  /// nil leaves the key out, as older list responses did.
  let maxCompletionTokens: Int?
  /// Whether `/chat/completions` accepts it (Whisper and TTS models do not).
  let chat: Bool

  /// Keys in Groq's order.
  var json: String {
    "{\"id\":\(GroqJSON.string(id)),\"object\":\"model\",\"created\":\(created),"
      + "\"owned_by\":\(GroqJSON.string(ownedBy)),\"active\":true,\"context_window\":\(contextWindow),"
      + "\"public_apps\":null"
      + (maxCompletionTokens.map { ",\"max_completion_tokens\":\($0)" } ?? "") + "}"
  }
}

/// The models the fake server knows, deliberately not sorted (the real API's order is arbitrary too).
enum ModelCatalogue {
  static let models: [CatalogueModel] = [
    CatalogueModel(
      id: "whisper-large-v3-turbo", created: 1_728_413_088, ownedBy: "OpenAI", contextWindow: 448,
      maxCompletionTokens: 448, chat: false),
    CatalogueModel(
      id: "llama-3.3-70b-versatile", created: 1_733_447_754, ownedBy: "Meta", contextWindow: 131_072,
      maxCompletionTokens: 32_768, chat: true),
    CatalogueModel(
      id: "playai-tts", created: 1_740_682_771, ownedBy: "PlayAI", contextWindow: 8_192,
      maxCompletionTokens: 8_192, chat: false),
    CatalogueModel(
      id: "meta-llama/llama-4-scout-17b-16e-instruct", created: 1_743_874_824, ownedBy: "Meta",
      contextWindow: 131_072, maxCompletionTokens: 8_192, chat: true),
    CatalogueModel(
      id: "llama-3.1-8b-instant", created: 1_693_721_698, ownedBy: "Meta", contextWindow: 131_072,
      maxCompletionTokens: 131_072, chat: true),
    CatalogueModel(
      id: "compound-beta", created: 1_740_880_017, ownedBy: "Groq", contextWindow: 131_072,
      maxCompletionTokens: 8_192, chat: true),
    CatalogueModel(
      id: "qwen/qwen3-32b", created: 1_748_396_646, ownedBy: "Alibaba Cloud", contextWindow: 131_072,
      maxCompletionTokens: 40_960, chat: true),
    CatalogueModel(
      id: "whisper-large-v3", created: 1_693_721_698, ownedBy: "OpenAI", contextWindow: 448,
      maxCompletionTokens: nil, chat: false),
    CatalogueModel(
      id: "deepseek-r1-distill-llama-70b", created: 1_737_924_940, ownedBy: "DeepSeek / Meta",
      contextWindow: 131_072, maxCompletionTokens: 131_072, chat: true),
    CatalogueModel(
      id: "qwen-qwq-32b", created: 1_741_214_760, ownedBy: "Alibaba Cloud", contextWindow: 131_072,
      maxCompletionTokens: 131_072, chat: true),
    CatalogueModel(
      id: "compound-beta-mini", created: 1_742_953_279, ownedBy: "Groq", contextWindow: 131_072,
      maxCompletionTokens: 8_192, chat: true),
    CatalogueModel(
      id: "llama-guard-3-8b", created: 1_693_721_698, ownedBy: "Meta", contextWindow: 8_192,
      maxCompletionTokens: 8_192, chat: true),
    CatalogueModel(
      id: "openai/gpt-oss-20b", created: 1_754_407_957, ownedBy: "OpenAI", contextWindow: 131_072,
      maxCompletionTokens: 65_536, chat: true),
    CatalogueModel(
      id: "openai/gpt-oss-120b", created: 1_754_408_224, ownedBy: "OpenAI", contextWindow: 131_072,
      maxCompletionTokens: 65_536, chat: true),
  ]

  static func model(_ id: String) -> CatalogueModel? {
    models.first { $0.id == id }
  }

  /// The body of `GET /openai/v1/models`.
  static var listJSON: String {
    "{\"object\":\"list\",\"data\":[" + models.map(\.json).joined(separator: ",") + "]}"
  }
}
