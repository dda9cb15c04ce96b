import Foundation

/// `POST /openai/v1/chat/completions` when nothing is scripted: Groq's strict validation, then a deterministic
/// answer, streamed or not.
struct ChatCompletions {
  let request: RecordedRequest

  /// Every parameter of groq-api.md 3.1, in the order used to break did-you-mean ties.
  static let knownParameters = [
    "messages", "model", "temperature", "top_p", "max_completion_tokens", "max_tokens", "stop", "stream",
    "stream_options", "seed", "n", "response_format", "tools", "tool_choice", "parallel_tool_calls",
    "reasoning_format", "include_reasoning", "reasoning_effort", "service_tier", "user", "frequency_penalty",
    "presence_penalty", "logprobs", "top_logprobs", "logit_bias", "metadata", "store", "functions", "function_call",
    "search_settings", "include_domains", "exclude_domains", "compound_custom", "documents", "citation_options",
    "disable_tool_validation",
  ]

  /// Message fields per role (groq-api.md 3.2). `name` is accepted because the SDK allows it.
  static let messageFields: [String: Set<String>] = [
    "system": ["role", "content", "name"],
    "developer": ["role", "content", "name"],
    "user": ["role", "content", "name"],
    "assistant": ["role", "content", "name", "tool_calls", "reasoning", "function_call"],
    "tool": ["role", "content", "tool_call_id"],
    "function": ["role", "content", "name"],
  ]

  /// The answer when no token budget is given.
  static let answerTokens = [
    "Fast", " language", " models", " give", " you", " answers", " before", " you", " lose", " your", " train",
    " of", " thought", ".",
  ]

  /// Cycled through when `max_completion_tokens` asks for an exact length.
  static let fillerWords = [
    " lorem", " ipsum", " dolor", " sit", " amet", " consectetur", " adipiscing", " elit", " sed", " do",
  ]

  /// Groq's default token budget per minute, echoed in x-ratelimit-limit-tokens.
  static let tokenLimit = 18_000

  func respond() -> FakeResponse {
    let object: [String: Any]
    do {
      guard let parsed = try JSONSerialization.jsonObject(with: request.body) as? [String: Any] else {
        return Self.invalid("request body must be a JSON object")
      }
      object = parsed
    } catch {
      return Self.invalid("We could not parse the JSON body of your request. The body must be valid JSON.")
    }
    if let failure = validate(object) { return failure }

    let modelID = object["model"] as? String ?? ""
    guard let model = ModelCatalogue.model(modelID) else { return ModelCatalogue.unavailable(modelID) }
    guard model.chat else {
      return Self.invalid("The model `\(modelID)` does not support chat completions")
    }
    let features = ChatFeatureBehaviour(object: object, model: modelID)
    if let failure = features.validate() { return failure }

    let budget = (object["max_completion_tokens"] as? Int) ?? (object["max_tokens"] as? Int)
    if let budget {
      if budget < 1 { return Self.invalid("'max_completion_tokens' : number must be at least 1") }
      if let limit = model.maxCompletionTokens, budget > limit {
        return Self.invalid(
          "`max_tokens` must be less than or equal to `\(limit)`, the maximum value for `max_tokens` is less than "
            + "the `context_window` for this model")
      }
    }
    let tokens = budget.map(Self.filler) ?? Self.echo(object) ?? Self.answerTokens
    let finishReason = budget == nil ? "stop" : "length"
    let promptTokens = Self.promptTokens(object["messages"] as? [Any] ?? [])
    let remaining = max(0, Self.tokenLimit - promptTokens - tokens.count)
    let headers = [("x-ratelimit-remaining-tokens", String(remaining))]
    if let answer = features.answer(
      stream: object["stream"] as? Bool == true, budget: budget, promptTokens: promptTokens, headers: headers)
    {
      return answer
    }

    if object["stream"] as? Bool == true {
      var options = StreamOptions(model: modelID, finishReason: finishReason, promptTokens: promptTokens)
      options.tokenDelayMilliseconds = request.header("x-fake-token-delay-ms").flatMap { Int($0) } ?? 0
      options.includeUsageChunk = (object["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true
      return .chatStream(tokens: tokens, options: options, headers: headers)
    }
    let requestID = GroqIDs.requestID()
    let body = GroqJSON.chatCompletion(
      content: tokens.joined(), model: modelID, finishReason: finishReason,
      usage: Usage(promptTokens: promptTokens, completionTokens: tokens.count), requestID: requestID)
    var response = FakeResponse.json(body, headers: headers)
    response.requestID = requestID
    return response
  }

  /// Schema checks in the order Groq reports them: unknown properties first, then required ones, then values.
  private func validate(_ object: [String: Any]) -> FakeResponse? {
    let known = Set(Self.knownParameters)
    if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
      let suggestion = Self.closest(to: unknown, in: Self.knownParameters).map { ", did you mean '\($0)'?" } ?? ""
      return Self.invalid("property '\(unknown)' is unsupported" + suggestion)
    }
    guard let model = object["model"] else { return Self.invalid("property 'model' is missing") }
    guard model is String else { return Self.invalid("'model' : value must be a string") }
    guard let rawMessages = object["messages"] else { return Self.invalid("property 'messages' is missing") }
    guard let messages = rawMessages as? [Any] else { return Self.invalid("'messages' : value must be an array") }
    guard !messages.isEmpty else { return Self.invalid("'messages' : minimum number of items is 1") }
    for (index, message) in messages.enumerated() {
      if let failure = validate(message: message, at: index) { return failure }
    }

    if let stream = object["stream"], !(stream is NSNull), !(stream is Bool) {
      return Self.invalid("'stream' : value must be a boolean")
    }
    if let n = object["n"], !(n is NSNull), (n as? Int) != 1 {
      let bound = (n as? Int).map { $0 < 1 } == true ? "at least" : "at most"
      return Self.invalid("'n' : number must be \(bound) 1", param: "n")
    }
    if let failure = Self.range(object, "temperature", 0...2) { return failure }
    if let failure = Self.range(object, "top_p", 0...1) { return failure }
    if let stops = object["stop"] as? [Any], stops.count > 4 {
      return Self.invalid("'stop' : maximum number of items is 4")
    }
    for name in ["logprobs", "top_logprobs", "logit_bias"] {
      if let value = object[name], !(value is NSNull), (value as? Bool) != false {
        return Self.invalid("`\(name)` is not supported", param: name)
      }
    }
    let format = (object["response_format"] as? [String: Any])?["type"] as? String
    if format == "json_object" && object["stream"] as? Bool == true {
      return Self.invalid("`response_format` does not support streaming")
    }
    return nil
  }

  private func validate(message: Any, at index: Int) -> FakeResponse? {
    let path = "'messages.\(index)'"
    guard let message = message as? [String: Any] else { return Self.invalid("\(path) : value must be an object") }
    guard let role = message["role"] as? String else {
      return Self.invalid("\(path) : discriminator property 'role' is missing")
    }
    guard let allowed = Self.messageFields[role] else {
      return Self.invalid("\(path) : discriminator property 'role' has invalid value '\(role)'")
    }
    if let unknown = message.keys.sorted().first(where: { !allowed.contains($0) }) {
      return Self.invalid("\(path) : property '\(unknown)' is unsupported")
    }
    var required = ["content"]
    if role == "assistant" { required = message["tool_calls"] == nil ? ["content"] : [] }
    if role == "tool" { required.append("tool_call_id") }
    if let missing = required.first(where: { message[$0] == nil }) {
      return Self.invalid(
        "\(path) : for 'role:\(role)' the following must be satisfied"
          + "[('messages.\(index).\(missing)' : property '\(missing)' is missing)]")
    }
    return nil
  }

  /// A 400 if `object[name]` is a number outside `range`.
  private static func range(_ object: [String: Any], _ name: String, _ range: ClosedRange<Double>) -> FakeResponse? {
    guard let value = object[name], !(value is NSNull) else { return nil }
    guard let number = value as? Double else { return invalid("'\(name)' : value must be a number") }
    if number < range.lowerBound {
      return invalid("'\(name)' : number must be at least \(Int(range.lowerBound))", param: name)
    }
    if number > range.upperBound {
      return invalid("'\(name)' : number must be at most \(Int(range.upperBound))", param: name)
    }
    return nil
  }

  private static func invalid(_ message: String, param: String? = nil) -> FakeResponse {
    .groqError(status: 400, message: message, param: param)
  }

  /// A last message `echo: text` is answered `text`, so tests can tell one answer from another (batch order).
  static func echo(_ object: [String: Any]) -> [String]? {
    guard let last = (object["messages"] as? [[String: Any]])?.last, let text = last["content"] as? String,
      text.hasPrefix("echo: ")
    else { return nil }
    return [String(text.dropFirst("echo: ".count))]
  }

  /// Exactly `count` tokens: "Lorem ipsum dolor…", cycling.
  static func filler(_ count: Int) -> [String] {
    (0..<count).map { $0 == 0 ? "Lorem" : fillerWords[$0 % fillerWords.count] }
  }

  /// A rough tokenizer stand-in: 4 characters a token plus a few per message, as chat templates add.
  static func promptTokens(_ messages: [Any]) -> Int {
    var characters = 0
    for case let message as [String: Any] in messages {
      if let text = message["content"] as? String {
        characters += text.count
      } else if let parts = message["content"] as? [[String: Any]] {
        characters += parts.compactMap { $0["text"] as? String }.reduce(0) { $0 + $1.count }
      }
    }
    return characters / 4 + 7 * messages.count + 3
  }

  /// The known name within a small edit distance of `name`, if any (for "did you mean").
  static func closest(to name: String, in candidates: [String]) -> String? {
    let limit = max(2, name.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(name, candidate)
      if distance <= limit && distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.name
  }

  /// Levenshtein distance.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
