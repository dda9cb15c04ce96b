/// A model as `GET /models` describes it. Only `id` is certain; Groq's extras come and go.
public struct Model: Decodable, Sendable, Equatable {
  public var id: String
  public var object: String?
  public var created: Int?
  public var ownedBy: String?
  public var active: Bool?
  public var contextWindow: Int?
  public var maxCompletionTokens: Int?

  enum CodingKeys: String, CodingKey {
    case id, object, created, active
    case ownedBy = "owned_by"
    case contextWindow = "context_window"
    case maxCompletionTokens = "max_completion_tokens"
  }

  public init(
    id: String, ownedBy: String? = nil, active: Bool? = nil, contextWindow: Int? = nil, maxCompletionTokens: Int? = nil
  ) {
    self.id = id
    self.ownedBy = ownedBy
    self.active = active
    self.contextWindow = contextWindow
    self.maxCompletionTokens = maxCompletionTokens
  }
}

struct ModelList: Decodable, Sendable {
  var data: [Model]
}
