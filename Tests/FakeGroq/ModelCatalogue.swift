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

/// The models the fake server knows: Groq's lineup of 2026-11 (groq-api.md 0b), deliberately not sorted (the real
/// API's order is arbitrary too). Kept apart from GroqKit's `ModelRoles` on purpose: a test checks that they agree.
enum ModelCatalogue {
  static let models: [CatalogueModel] = [
    CatalogueModel(
      id: "whisper-large-v3-turbo", created: 1_728_413_088, ownedBy: "OpenAI", contextWindow: 448,
      maxCompletionTokens: 448, chat: false),
    CatalogueModel(
      id: "openai/gpt-oss-120b", created: 1_754_408_224, ownedBy: "OpenAI", contextWindow: 131_072,
      maxCompletionTokens: 65_536, chat: true),
    CatalogueModel(
      id: "canopylabs/orpheus-v1-english", created: 1_766_102_400, ownedBy: "Canopy Labs", contextWindow: 4_000,
      maxCompletionTokens: 50_000, chat: false),
    CatalogueModel(
      id: "qwen/qwen3.8-27b", created: 1_789_000_000, ownedBy: "Alibaba Cloud", contextWindow: 131_072,
      maxCompletionTokens: 40_960, chat: true),
    CatalogueModel(
      id: "openai/gpt-oss-20b", created: 1_754_407_957, ownedBy: "OpenAI", contextWindow: 131_072,
      maxCompletionTokens: 65_536, chat: true),
    CatalogueModel(
      id: "allam-2-7b", created: 1_737_672_203, ownedBy: "SDAIA", contextWindow: 4_096, maxCompletionTokens: 4_096,
      chat: true),
    CatalogueModel(
      id: "openai/gpt-oss-safeguard-20b", created: 1_761_955_200, ownedBy: "OpenAI", contextWindow: 131_072,
      maxCompletionTokens: 65_536, chat: true),
    CatalogueModel(
      id: "whisper-large-v3", created: 1_693_721_698, ownedBy: "OpenAI", contextWindow: 448,
      maxCompletionTokens: nil, chat: false),
    CatalogueModel(
      id: "canopylabs/orpheus-arabic-saudi", created: 1_766_102_400, ownedBy: "Canopy Labs", contextWindow: 4_000,
      maxCompletionTokens: 50_000, chat: false),
    CatalogueModel(
      id: "meta-llama/llama-prompt-guard-2-86m", created: 1_748_632_165, ownedBy: "Meta", contextWindow: 512,
      maxCompletionTokens: 512, chat: true),
  ]

  /// The seed's models, shut down: those that went before 2026 answer 400 `model_decommissioned`, later ones 404
  /// `model_not_found`, as the real API does (groq-api.md 0b).
  static let decommissioned: Set = [
    "deepseek-r1-distill-llama-70b", "qwen-qwq-32b", "llama-guard-3-8b", "distil-whisper-large-v3-en", "playai-tts",
    "playai-tts-arabic",
  ]
  static let removed: Set = [
    "llama-3.3-70b-versatile", "llama-3.1-8b-instant", "qwen/qwen3-32b", "meta-llama/llama-4-scout-17b-16e-instruct",
    "qwen/qwen3.6-27b", "compound-beta", "compound-beta-mini", "groq/compound", "groq/compound-mini",
    "meta-llama/llama-guard-4-12b",
  ]

  static func model(_ id: String) -> CatalogueModel? {
    models.first { $0.id == id }
  }

  /// The error for an id that is not live: decommissioned, or never heard of.
  static func unavailable(_ id: String) -> FakeResponse {
    guard decommissioned.contains(id) else { return DefaultGroq.modelNotFound(id) }
    return .groqError(
      status: 400,
      message: "The model `\(id)` has been decommissioned and is no longer supported. Please refer to "
        + "https://console.groq.com/docs/deprecations for a recommendation on which model to use instead.",
      code: "model_decommissioned")
  }

  /// The body of `GET /openai/v1/models`.
  static var listJSON: String {
    "{\"object\":\"list\",\"data\":[" + models.map(\.json).joined(separator: ",") + "]}"
  }
}

/// The fake's model list for callers outside the library (fake-groq's --gone, tests), with some ids shut down.
public enum FakeModelList {
  public static func json(excluding gone: Set<String>) -> String {
    "{\"object\":\"list\",\"data\":[" + ModelCatalogue.models.filter { !gone.contains($0.id) }.map(\.json)
      .joined(separator: ",") + "]}"
  }
}
