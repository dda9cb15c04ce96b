/// A message in a conversation, in the shape `/chat/completions` takes.
public struct ChatMessage: Codable, Sendable, Equatable {
  public enum Role: String, Codable, Sendable {
    case system, user, assistant, tool
  }

  public var role: Role
  public var content: MessageContent?
  /// Parsed reasoning fed back with an assistant message.
  public var reasoning: String?
  public var toolCalls: [ToolCall]?
  public var toolCallID: String?

  enum CodingKeys: String, CodingKey {
    case role, content, reasoning
    case toolCalls = "tool_calls"
    case toolCallID = "tool_call_id"
  }

  public init(
    role: Role, content: MessageContent?, reasoning: String? = nil, toolCalls: [ToolCall]? = nil,
    toolCallID: String? = nil
  ) {
    self.role = role
    self.content = content
    self.reasoning = reasoning
    self.toolCalls = toolCalls
    self.toolCallID = toolCallID
  }

  public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: .text(text)) }
  public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: .text(text)) }
  public static func assistant(_ text: String) -> ChatMessage { ChatMessage(role: .assistant, content: .text(text)) }
}

/// A message's content: a plain string, or parts (text and images) for vision models.
public enum MessageContent: Codable, Sendable, Equatable {
  case text(String)
  case parts([ContentPart])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self = .text(text)
    } else {
      self = .parts(try container.decode([ContentPart].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .text(let text): try container.encode(text)
    case .parts(let parts): try container.encode(parts)
    }
  }

  /// The text of the content, images left out.
  public var text: String {
    switch self {
    case .text(let text): return text
    case .parts(let parts): return parts.compactMap(\.text).joined(separator: "\n")
    }
  }
}

/// One part of a multi-part message.
public struct ContentPart: Codable, Sendable, Equatable {
  public struct ImageURL: Codable, Sendable, Equatable {
    public var url: String
    public var detail: String?
    public init(url: String, detail: String? = nil) {
      self.url = url
      self.detail = detail
    }
  }

  public var type: String
  public var text: String?
  public var imageURL: ImageURL?

  enum CodingKeys: String, CodingKey {
    case type, text
    case imageURL = "image_url"
  }

  public static func text(_ text: String) -> ContentPart { ContentPart(type: "text", text: text, imageURL: nil) }
  public static func image(url: String) -> ContentPart {
    ContentPart(type: "image_url", text: nil, imageURL: ImageURL(url: url))
  }
}

/// A function call the model asked for.
public struct ToolCall: Codable, Sendable, Equatable {
  public struct Function: Codable, Sendable, Equatable {
    public var name: String?
    /// JSON text, exactly as the model wrote it.
    public var arguments: String?

    public init(name: String? = nil, arguments: String? = nil) {
      self.name = name
      self.arguments = arguments
    }
  }

  /// Position in a streamed answer; calls are collected by it.
  public var index: Int?
  public var id: String?
  public var type: String?
  public var function: Function?

  public init(index: Int? = nil, id: String? = nil, type: String? = "function", function: Function? = nil) {
    self.index = index
    self.id = id
    self.type = type
    self.function = function
  }
}
