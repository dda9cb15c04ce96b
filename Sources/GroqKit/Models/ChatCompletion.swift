/// The body of `POST /chat/completions`. Only fields set are encoded: Groq answers 400 to any property it does not
/// know, so nothing here may be sent by default.
public struct ChatCompletionRequest: Encodable, Sendable, Equatable {
  public var model: String
  public var messages: [ChatMessage]
  public var stream: Bool?
  public var temperature: Double?
  public var topP: Double?
  public var maxCompletionTokens: Int?
  /// The older name of the token limit, which llama.cpp's server and other OpenAI-compatible servers still read.
  public var maxTokens: Int?
  public var stop: [String]?
  public var seed: Int?
  public var responseFormat: ResponseFormat?
  /// Tool definitions as the user wrote them.
  public var tools: [JSONValue]?
  public var toolChoice: ToolChoice?
  public var reasoningFormat: ReasoningFormat?
  /// gpt-oss's switch for its reasoning; it cannot go with `reasoningFormat`.
  public var includeReasoning: Bool?
  public var reasoningEffort: ReasoningEffort?
  public var serviceTier: ServiceTier?

  /// `response_format`, `tools` and `tool_choice` are left out: they carry the user's JSON, which `body()` writes
  /// as it was written.
  enum CodingKeys: String, CodingKey {
    case model, messages, stream, temperature, stop, seed
    case topP = "top_p"
    case maxCompletionTokens = "max_completion_tokens"
    case maxTokens = "max_tokens"
    case reasoningFormat = "reasoning_format"
    case includeReasoning = "include_reasoning"
    case reasoningEffort = "reasoning_effort"
    case serviceTier = "service_tier"
  }

  public init(model: String, messages: [ChatMessage]) {
    self.model = model
    self.messages = messages
  }
}

/// Token counts and Groq's timings (float seconds).
public struct Usage: Codable, Sendable, Equatable {
  public var promptTokens: Int?
  public var completionTokens: Int?
  public var totalTokens: Int?
  public var queueTime: Double?
  public var promptTime: Double?
  public var completionTime: Double?
  public var totalTime: Double?

  enum CodingKeys: String, CodingKey {
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case totalTokens = "total_tokens"
    case queueTime = "queue_time"
    case promptTime = "prompt_time"
    case completionTime = "completion_time"
    case totalTime = "total_time"
  }

  public init(
    promptTokens: Int? = nil, completionTokens: Int? = nil, totalTokens: Int? = nil, queueTime: Double? = nil,
    promptTime: Double? = nil, completionTime: Double? = nil, totalTime: Double? = nil
  ) {
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.totalTokens = totalTokens
    self.queueTime = queueTime
    self.promptTime = promptTime
    self.completionTime = completionTime
    self.totalTime = totalTime
  }
}

/// Groq's own extras on a response or chunk.
public struct XGroq: Decodable, Sendable, Equatable {
  public var id: String?
  public var usage: Usage?
  /// Why a stream stopped early.
  public var error: String?
}

/// The assistant's side of an answer: a whole message, or (as a stream's delta) the next piece of one.
public struct AssistantMessage: Decodable, Sendable, Equatable {
  public var role: String?
  public var content: String?
  /// Parsed reasoning, kept apart from the answer (`reasoning_format: parsed`).
  public var reasoning: String?
  public var toolCalls: [ToolCall]?
  /// What Groq's built-in tools (and the retired compound models) ran before answering: web searches, code.
  public var executedTools: [ExecutedTool]?

  enum CodingKeys: String, CodingKey {
    case role, content, reasoning
    case toolCalls = "tool_calls"
    case executedTools = "executed_tools"
  }
}

/// A whole (non-streamed) answer.
public struct ChatCompletion: Decodable, Sendable, Equatable {
  public struct Choice: Decodable, Sendable, Equatable {
    public var index: Int?
    public var message: AssistantMessage
    public var finishReason: String?

    enum CodingKeys: String, CodingKey {
      case index, message
      case finishReason = "finish_reason"
    }
  }

  public var id: String?
  public var model: String?
  public var created: Int?
  public var choices: [Choice]
  public var usage: Usage?
  public var xGroq: XGroq?

  enum CodingKeys: String, CodingKey {
    case id, model, created, choices, usage
    case xGroq = "x_groq"
  }

  /// The request id for support: `x_groq.id`.
  public var requestID: String? { xGroq?.id }
}

/// One `chat.completion.chunk` of a stream.
public struct ChatCompletionChunk: Decodable, Sendable, Equatable {
  public struct Choice: Decodable, Sendable, Equatable {
    public var index: Int?
    public var delta: Delta
    public var finishReason: String?

    enum CodingKeys: String, CodingKey {
      case index, delta
      case finishReason = "finish_reason"
    }
  }

  /// What a chunk adds to the answer: the same fields as a whole message, each a piece of it.
  public typealias Delta = AssistantMessage

  public var id: String?
  public var model: String?
  /// Empty on the trailing usage chunk that `stream_options.include_usage` adds.
  public var choices: [Choice]
  public var usage: Usage?
  public var xGroq: XGroq?
  var error: ErrorPayload?

  enum CodingKeys: String, CodingKey {
    case id, model, choices, usage, error
    case xGroq = "x_groq"
  }

  init(
    id: String? = nil, model: String? = nil, choices: [Choice] = [], usage: Usage? = nil, xGroq: XGroq? = nil,
    error: ErrorPayload? = nil
  ) {
    self.id = id
    self.model = model
    self.choices = choices
    self.usage = usage
    self.xGroq = xGroq
    self.error = error
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decodeIfPresent(String.self, forKey: .id)
    model = try container.decodeIfPresent(String.self, forKey: .model)
    choices = try container.decodeIfPresent([Choice].self, forKey: .choices) ?? []
    usage = try container.decodeIfPresent(Usage.self, forKey: .usage)
    xGroq = try container.decodeIfPresent(XGroq.self, forKey: .xGroq)
    error = try? container.decodeIfPresent(ErrorPayload.self, forKey: .error)
  }

  /// Usage wherever this chunk carries it: `x_groq.usage` (Groq's default) or a top-level `usage`.
  public var anyUsage: Usage? { usage ?? xGroq?.usage }

  /// The text this chunk adds to the answer.
  public var content: String? { choices.first?.delta.content }
}
