import Foundation

/// Groq's chat behaviour beyond plain text (groq-api.md 3.1 to 3.4): reasoning in three formats, images, JSON mode
/// and schemas, tool calls, compound models' executed tools and the moderation model. Validation answers 400 in the
/// API's manner; `answer` gives the deterministic reply for the feature in use.
/// The efforts of the qwen3 family.
enum ReasoningEfforts {
  static let qwen = ["none", "default", "low", "medium", "high"]
}

struct ChatFeatureBehaviour {
  let object: [String: Any]
  let model: String

  /// gpt-oss: reasoning apart by default, switched with `include_reasoning`; built-in tools run here.
  static let gptOSSModels: Set = ["openai/gpt-oss-120b", "openai/gpt-oss-20b", "openai/gpt-oss-safeguard-20b"]
  /// qwen3: `reasoning_format` raw (the default), parsed or hidden.
  static let qwenModels: Set = ["qwen/qwen3.8-27b"]
  static let visionModels: Set = ["qwen/qwen3.8-27b"]
  static let guardModels: Set = ["meta-llama/llama-prompt-guard-2-86m"]
  static let builtInTools: Set = ["browser_search", "code_interpreter"]
  static let dataURLTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"]
  /// Base64 image data a request may carry (groq-api.md 3.2: 413 past it).
  static let base64Cap = 4 * 1024 * 1024

  static let reasoningTokens = [
    "The", " user", " asks", " about", " r", "'s", " in", " strawberry", ":", " s-t-r-a-w-b-e-r-r-y", ".", " Three",
    ".",
  ]
  static let reasoningAnswer = ["There", " are", " 3", " r", "'s", " in", " strawberry", "."]
  static let sentimentJSON = #"{"sentiment":"positive","confidence":0.98}"#
  static let compoundAnswer = ["Groq", " shipped", " faster", " models", " this", " week", "."]

  var reasoningFormat: String? { object["reasoning_format"] as? String }
  var responseFormat: [String: Any]? { object["response_format"] as? [String: Any] }
  var tools: [[String: Any]]? { object["tools"] as? [[String: Any]] }
  var messages: [[String: Any]] { object["messages"] as? [[String: Any]] ?? [] }

  // MARK: Validation

  func validate() -> FakeResponse? {
    if let failure = validateImages() { return failure }
    if let failure = oneOf("reasoning_format", ["raw", "parsed", "hidden"]) { return failure }
    if let failure = oneOf("reasoning_effort", ["none", "default", "low", "medium", "high"]) { return failure }
    if let failure = oneOf("service_tier", ["on_demand", "flex", "auto", "performance"]) { return failure }
    if let failure = validateReasoning() { return failure }
    if let failure = validateResponseFormat() { return failure }
    if let failure = validateTools() { return failure }
    if reasoningFormat == "raw" && (isJSON || tools != nil) {
      return Self.invalid(
        "reasoning_format=raw is not supported with JSON mode or tool calling", param: "reasoning_format")
    }
    return nil
  }

  /// The fields of each reasoning family, refused across families as the real API refuses them (groq-api.md 0b).
  private func validateReasoning() -> FakeResponse? {
    let gptOSS = Self.gptOSSModels.contains(model)
    if reasoningFormat != nil && !Self.qwenModels.contains(model) {
      return Self.invalid("`reasoning_format` is not supported with this model", param: "reasoning_format")
    }
    if object["include_reasoning"] != nil {
      if reasoningFormat != nil {
        return Self.invalid(
          "cannot specify both `include_reasoning` and `reasoning_format`", param: "include_reasoning")
      }
      if !gptOSS && !Self.qwenModels.contains(model) {
        return Self.invalid("`include_reasoning` is not supported with this model", param: "include_reasoning")
      }
      if !(object["include_reasoning"] is Bool) {
        return Self.invalid("'include_reasoning' : value must be a boolean", param: "include_reasoning")
      }
    }
    if let effort = object["reasoning_effort"] as? String {
      let efforts = gptOSS ? ["low", "medium", "high"] : Self.qwenModels.contains(model) ? ReasoningEfforts.qwen : []
      guard efforts.contains(effort) else {
        return Self.invalid(
          efforts.isEmpty
            ? "`reasoning_effort` is not supported with this model"
            : "`reasoning_effort` must be one of " + efforts.joined(separator: ", ") + " for this model",
          param: "reasoning_effort")
      }
    }
    if !usedBuiltInTools.isEmpty {
      guard gptOSS else {
        return Self.invalid("built-in tools (\(usedBuiltInTools.joined(separator: ", "))) are not supported with this model")
      }
      if responseFormat != nil {
        return Self.invalid("built-in tools are not supported with `response_format`", param: "response_format")
      }
    }
    return nil
  }

  /// browser_search and code_interpreter, as the request names them.
  var usedBuiltInTools: [String] {
    (tools ?? []).compactMap { $0["type"] as? String }.filter { Self.builtInTools.contains($0) }
  }

  private func oneOf(_ name: String, _ values: [String]) -> FakeResponse? {
    guard let value = object[name], !(value is NSNull) else { return nil }
    guard let text = value as? String, values.contains(text) else {
      return Self.invalid(
        "'\(name)' : value must be one of " + values.map { "'\($0)'" }.joined(separator: ", "), param: name)
    }
    return nil
  }

  var isJSON: Bool {
    let type = responseFormat?["type"] as? String
    return type == "json_object" || type == "json_schema"
  }

  private func validateResponseFormat() -> FakeResponse? {
    guard let format = object["response_format"], !(format is NSNull) else { return nil }
    guard let format = format as? [String: Any], let type = format["type"] as? String else {
      return Self.invalid("'response_format' : discriminator property 'type' is missing")
    }
    switch type {
    case "text", "json_object":
      if let extra = format.keys.sorted().first(where: { $0 != "type" }) {
        return Self.invalid("'response_format' : property '\(extra)' is unsupported")
      }
    case "json_schema":
      if let extra = format.keys.sorted().first(where: { $0 != "type" && $0 != "json_schema" }) {
        return Self.invalid("'response_format' : property '\(extra)' is unsupported")
      }
      guard let schema = format["json_schema"] as? [String: Any] else {
        return Self.invalid("'response_format.json_schema' : property 'json_schema' is missing")
      }
      let allowed: Set = ["name", "description", "schema", "strict"]
      if let extra = schema.keys.sorted().first(where: { !allowed.contains($0) }) {
        return Self.invalid("'response_format.json_schema' : property '\(extra)' is unsupported")
      }
      guard let name = schema["name"] as? String,
        name.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil
      else {
        return Self.invalid("'response_format.json_schema.name' : value must match ^[a-zA-Z0-9_-]{1,64}$")
      }
      if schema["schema"] != nil && !(schema["schema"] is [String: Any]) {
        return Self.invalid("'response_format.json_schema.schema' : value must be an object")
      }
    default:
      return Self.invalid("'response_format.type' : value must be one of 'text', 'json_object', 'json_schema'")
    }
    return nil
  }

  private func validateTools() -> FakeResponse? {
    if let value = object["tools"], !(value is NSNull) {
      guard let tools = value as? [Any], tools.count <= 128 else {
        return Self.invalid("'tools' : value must be an array of at most 128 items")
      }
      for (index, tool) in tools.enumerated() {
        let path = "'tools.\(index)'"
        guard let tool = tool as? [String: Any], let type = tool["type"] as? String else {
          return Self.invalid("\(path) : discriminator property 'type' is missing")
        }
        if type == "browser_search" || type == "code_interpreter" { continue }
        guard type == "function" else { return Self.invalid("\(path) : 'type' has invalid value '\(type)'") }
        if let extra = tool.keys.sorted().first(where: { $0 != "type" && $0 != "function" }) {
          return Self.invalid("\(path) : property '\(extra)' is unsupported")
        }
        guard let function = tool["function"] as? [String: Any], function["name"] is String else {
          return Self.invalid("\(path).function : property 'name' is missing")
        }
        let allowed: Set = ["name", "description", "parameters", "strict"]
        if let extra = function.keys.sorted().first(where: { !allowed.contains($0) }) {
          return Self.invalid("\(path).function : property '\(extra)' is unsupported")
        }
      }
    }
    guard let choice = object["tool_choice"], !(choice is NSNull) else { return nil }
    if let mode = choice as? String {
      return ["none", "auto", "required"].contains(mode)
        ? nil : Self.invalid("'tool_choice' : value must be one of 'none', 'auto', 'required'")
    }
    guard let name = ((choice as? [String: Any])?["function"] as? [String: Any])?["name"] as? String else {
      return Self.invalid("'tool_choice' : value must be a string or a named tool choice")
    }
    guard functionNames.contains(name) else {
      return Self.invalid("Invalid tool_choice: tool '\(name)' is not in the tools list")
    }
    return nil
  }

  private var functionNames: [String] {
    (tools ?? []).compactMap { ($0["function"] as? [String: Any])?["name"] as? String }
  }

  /// Content parts: text and image_url only, with http(s) or base64 data URLs of the four image types, on a vision
  /// model, under the base64 cap.
  private func validateImages() -> FakeResponse? {
    var base64Total = 0
    for (index, message) in messages.enumerated() {
      guard let parts = message["content"] as? [Any] else { continue }
      for (number, part) in parts.enumerated() {
        let path = "'messages.\(index).content.\(number)'"
        guard let part = part as? [String: Any], let type = part["type"] as? String else {
          return Self.invalid("\(path) : discriminator property 'type' is missing")
        }
        switch type {
        case "text":
          guard part["text"] is String, part.count == 2 else {
            return Self.invalid("\(path) : a text part has exactly 'type' and 'text'")
          }
        case "image_url":
          guard message["role"] as? String == "user" else {
            return Self.invalid("\(path) : images are only supported in user messages")
          }
          guard part.count == 2, let image = part["image_url"] as? [String: Any], let url = image["url"] as? String,
            image.keys.allSatisfy({ $0 == "url" || $0 == "detail" })
          else {
            return Self.invalid("\(path) : an image part has 'type' and 'image_url': {'url', 'detail'?}")
          }
          guard Self.visionModels.contains(model) else {
            return Self.invalid("\(path) : image input is not supported for model `\(model)`")
          }
          if url.hasPrefix("http://") || url.hasPrefix("https://") { continue }
          guard let length = Self.base64Length(dataURL: url) else {
            return Self.invalid("\(path) : the image URL must be http(s) or a base64 data URL of a supported image")
          }
          base64Total += length
        default:
          return Self.invalid("\(path) : 'type' has invalid value '\(type)'")
        }
      }
    }
    if base64Total > Self.base64Cap {
      return .groqError(status: 413, message: "Request Entity Too Large: base64 images exceed 4 MB")
    }
    return nil
  }

  /// The payload's length for `data:image/<type>;base64,<valid base64>`, else nil.
  static func base64Length(dataURL url: String) -> Int? {
    guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else { return nil }
    let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
    guard header.hasSuffix(";base64"), dataURLTypes.contains(String(header.dropLast(7))) else { return nil }
    let payload = url[url.index(after: comma)...]
    guard Data(base64Encoded: String(payload)) != nil else { return nil }
    return payload.utf8.count
  }

  private static func invalid(_ message: String, param: String? = nil) -> FakeResponse {
    .groqError(status: 400, message: message, param: param)
  }

  // MARK: Answers

  /// The answer for the feature in use, or nil for the plain default answer.
  func answer(stream: Bool, budget: Int?, promptTokens: Int, headers: [(String, String)]) -> FakeResponse? {
    let reply: Reply
    if let tools, !tools.isEmpty, (object["tool_choice"] as? String) != "none", let call = toolCall() {
      reply = Reply(toolCalls: [call])
    } else if !usedBuiltInTools.isEmpty {
      reply = Reply(
        content: Self.compoundAnswer, executedTools: Self.executedTools(query: lastUserText, using: usedBuiltInTools))
    } else if isJSON {
      reply = Reply(content: [jsonAnswer])
    } else if Self.gptOSSModels.contains(model) && object["include_reasoning"] as? Bool != false {
      // gpt-oss thinks; the reasoning comes apart and counts against the budget first (a cap, not a target), so a
      // small budget leaves no answer. With include_reasoning false it answers as a plain model does (the default
      // path: an exact length for a budget, which the benchmarks' long streams use).
      reply = Reply(
        content: ChatCompletions.echo(object) ?? ChatCompletions.answerTokens, reasoning: Self.reasoningTokens,
        format: "parsed")
    } else if Self.qwenModels.contains(model) && imageCount == 0 {
      reply = Reply(content: Self.reasoningAnswer, reasoning: Self.reasoningTokens, format: reasoningFormat ?? "raw")
    } else if Self.guardModels.contains(model) {
      reply = Reply(content: ["safe"])
    } else if imageCount > 0 {
      reply = Reply(content: ["I", " see", " \(imageCount)", " image" + (imageCount == 1 ? "" : "s"), "."])
    } else {
      return nil
    }
    return stream
      ? reply.stream(model: model, budget: budget, promptTokens: promptTokens, headers: headers)
      : reply.whole(model: model, budget: budget, promptTokens: promptTokens, headers: headers)
  }

  private var imageCount: Int {
    messages.reduce(0) { count, message in
      count + ((message["content"] as? [[String: Any]])?.filter { $0["type"] as? String == "image_url" }.count ?? 0)
    }
  }

  private var lastUserText: String {
    guard let message = messages.last(where: { $0["role"] as? String == "user" }) else { return "" }
    if let text = message["content"] as? String { return text }
    return (message["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined(separator: " ") ?? ""
  }

  /// A call to the tool `tool_choice` names, else the first function, with an example value for each parameter.
  private func toolCall() -> String? {
    let named = ((object["tool_choice"] as? [String: Any])?["function"] as? [String: Any])?["name"] as? String
    guard let name = named ?? functionNames.first else { return nil }
    let function = tools?.compactMap { $0["function"] as? [String: Any] }.first { $0["name"] as? String == name }
    // Arguments are always an object, even for a function that declares no parameters.
    var parameters = function?["parameters"] as? [String: Any] ?? [:]
    parameters["type"] = "object"
    let arguments = Self.example(for: parameters)
    return "{\"id\":\"call_\(name.prefix(8))01\",\"type\":\"function\",\"function\":{\"name\":"
      + GroqJSON.string(name) + ",\"arguments\":" + GroqJSON.string(arguments) + "}}"
  }

  /// JSON mode's answer, or an instance of the requested schema.
  private var jsonAnswer: String {
    guard responseFormat?["type"] as? String == "json_schema",
      let schema = (responseFormat?["json_schema"] as? [String: Any])?["schema"] as? [String: Any]
    else { return Self.sentimentJSON }
    return Self.example(for: schema)
  }

  /// A value of a JSON Schema's type, keys sorted: objects fill every property.
  static func example(for schema: [String: Any]) -> String {
    let type = (schema["type"] as? String) ?? (schema["properties"] != nil ? "object" : "string")
    switch type {
    case "object":
      let properties = schema["properties"] as? [String: Any] ?? [:]
      let members = properties.keys.sorted().map { key in
        GroqJSON.string(key) + ":" + example(for: properties[key] as? [String: Any] ?? [:])
      }
      return "{" + members.joined(separator: ",") + "}"
    case "array": return "[" + example(for: schema["items"] as? [String: Any] ?? [:]) + "]"
    case "integer": return "1"
    case "number": return "1.5"
    case "boolean": return "true"
    case "null": return "null"
    default: return GroqJSON.string((schema["enum"] as? [String])?.first ?? "example")
    }
  }

  /// A web search and a code run, as the built-in tools report them: only those the request turned on.
  static func executedTools(query: String, using tools: [String]) -> [(call: String, result: String)] {
    let search =
      "\"index\":0,\"type\":\"search\",\"arguments\":" + GroqJSON.string("{\"query\": " + GroqJSON.string(query) + "}")
    let code = "\"index\":1,\"type\":\"python\",\"arguments\":" + GroqJSON.string("{\"code\": \"print(6 * 7)\"}")
    let results =
      #""search_results":{"results":[{"title":"Groq news","url":"https://groq.com/news","content":"Faster models.","score":0.91},"#
      + #"{"title":"AI this week","url":"https://example.com/ai-week","content":"A busy week.","score":0.84}],"images":[]}"#
    var runs: [(call: String, result: String)] = []
    if tools.contains("browser_search") {
      runs.append(("{" + search + "}", "{" + search + ",\"output\":\"Groq news: Faster models.\"," + results + "}"))
    }
    if tools.contains("code_interpreter") {
      let code = tools.contains("browser_search") ? code : code.replacingOccurrences(of: "\"index\":1", with: "\"index\":0")
      runs.append(("{" + code + "}", "{" + code + ",\"output\":\"42\\n\"}"))
    }
    return runs
  }
}

/// One feature answer, streamed or whole.
private struct Reply {
  var content: [String] = []
  var reasoning: [String] = []
  /// raw, parsed or hidden; only for reasoning models.
  var format: String?
  var toolCalls: [String] = []
  var executedTools: [(call: String, result: String)] = []

  init(
    content: [String] = [], reasoning: [String] = [], format: String? = nil, toolCalls: [String] = [],
    executedTools: [(call: String, result: String)] = []
  ) {
    self.content = content
    self.reasoning = reasoning
    self.format = format
    self.toolCalls = toolCalls
    self.executedTools = executedTools
  }

  var finishReason: String { toolCalls.isEmpty ? "stop" : "tool_calls" }

  /// Reasoning (as content in raw form) then the answer, cut to the token budget: a cap, not a target.
  private func tokens(budget: Int?) -> (reasoning: [String], content: [String], finish: String) {
    var thinking = format == "parsed" ? reasoning : []
    var text = format == "raw" ? ["<think>", "\n"] + reasoning + ["\n</think>\n\n"] + content : content
    guard let budget, thinking.count + text.count > budget else { return (thinking, text, finishReason) }
    thinking = Array(thinking.prefix(budget))
    text = Array(text.prefix(budget - thinking.count))
    return (thinking, text, "length")
  }

  func stream(model: String, budget: Int?, promptTokens: Int, headers: [(String, String)]) -> FakeResponse {
    let (thinking, text, finish) = tokens(budget: budget)
    var deltas: [String] = []
    for (offset, token) in thinking.enumerated() {
      deltas.append("{\"reasoning\":" + GroqJSON.string(token) + "}")
      // Runs of empty deltas while a model thinks (groq-api.md 11 #7) must not end anything.
      if offset == 2 { deltas += [#"{"content":""}"#, "{}", #"{"reasoning":""}"#] }
    }
    if format == "hidden" { deltas += [#"{"content":""}"#, #"{"content":""}"#, "{}"] }
    for tool in executedTools {
      deltas.append("{\"executed_tools\":[" + tool.call + "]}")
      deltas.append("{\"executed_tools\":[" + tool.result + "]}")
    }
    deltas += text.map(ChunkJSON.contentDelta)
    // Groq sends each tool call whole, in one delta.
    deltas += toolCalls.enumerated().map { index, call in
      "{\"tool_calls\":[{\"index\":\(index)," + call.dropFirst() + "]}"
    }
    let options = StreamOptions(
      model: model, finishReason: finish, promptTokens: promptTokens)
    return .chatStream(deltas: deltas, options: options, headers: headers)
  }

  func whole(model: String, budget: Int?, promptTokens: Int, headers: [(String, String)]) -> FakeResponse {
    let (thinking, text, finish) = tokens(budget: budget)
    var message = "{\"role\":\"assistant\",\"content\":"
    message += toolCalls.isEmpty ? GroqJSON.string(text.joined()) : "null"
    if format == "parsed" { message += ",\"reasoning\":" + GroqJSON.string(thinking.joined()) }
    if !executedTools.isEmpty {
      message += ",\"executed_tools\":[" + executedTools.map(\.result).joined(separator: ",") + "]"
    }
    if !toolCalls.isEmpty { message += ",\"tool_calls\":[" + toolCalls.joined(separator: ",") + "]" }
    message += "}"
    let requestID = GroqIDs.requestID()
    let usage = Usage(promptTokens: promptTokens, completionTokens: thinking.count + text.count)
    let body = GroqJSON.chatCompletion(
      message: message, model: model, finishReason: finish, usage: usage, requestID: requestID)
    var response = FakeResponse.json(body, headers: headers)
    response.requestID = requestID
    return response
  }
}

extension FakeResponse {
  /// Groq's SSE for a stream of arbitrary deltas (each a JSON object), with the usual first and finish chunks.
  public static func chatStream(
    deltas: [String], options: StreamOptions = .init(), headers: [(String, String)] = []
  ) -> FakeResponse {
    let steps = ChatStreamBuilder(options: options).steps(deltas: deltas)
    return FakeResponse(
      status: 200, headers: headers, payload: .chunked(steps), contentType: "text/event-stream",
      requestID: options.requestID)
  }

  /// JSON mode's or a schema's failure: 400 `json_validate_failed` with the model's output.
  public static func jsonValidateFailed(failedGeneration: String) -> FakeResponse {
    .groqError(
      status: 400,
      message: "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.",
      code: "json_validate_failed", failedGeneration: failedGeneration)
  }

  /// A tool call the model botched: 400 `tool_use_failed` with the model's output.
  public static func toolUseFailed(failedGeneration: String) -> FakeResponse {
    .groqError(
      status: 400,
      message: "Failed to call a function. Please adjust your prompt. See 'failed_generation' for more details.",
      code: "tool_use_failed", failedGeneration: failedGeneration)
  }

  /// The flex tier at capacity: 498 `capacity_exceeded`.
  public static func capacityExceeded(headers: [(String, String)] = []) -> FakeResponse {
    .groqError(
      status: 498, message: "Capacity exceeded for the flex tier. Please try again later.",
      type: "capacity_exceeded", code: "capacity_exceeded", headers: headers)
  }
}
