import Foundation

/// The Groq API as async Swift: one value per configuration, safe to share.
public struct GroqClient: Sendable {
  public let configuration: Configuration
  private let transport: any HTTPTransport
  private let retryPolicy: RetryPolicy
  private let onRetry: @Sendable (RetryNotice) -> Void

  /// - Parameter onRetry: told before each wait for a retry, so a caller can say why nothing is happening.
  public init(
    configuration: Configuration, transport: (any HTTPTransport)? = nil,
    onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }
  ) {
    self.configuration = configuration
    self.transport = transport ?? Self.defaultTransport()
    self.retryPolicy = RetryPolicy(maxRetries: configuration.maxRetries)
    self.onRetry = onRetry
  }

  /// libcurl on Linux; URLSession on macOS, and on Linux with `GROQ_TRANSPORT=urlsession` (for one release, in case
  /// the new transport misbehaves somewhere).
  static func defaultTransport() -> any HTTPTransport {
    #if canImport(CCurl)
      if getenv("GROQ_TRANSPORT").map({ String(cString: $0) }) != "urlsession" { return CurlTransport() }
    #endif
    return URLSessionTransport()
  }

  // MARK: Models

  /// Every model the key can use, with the raw response for `--json`.
  public func models() async throws -> (models: [Model], raw: Data) {
    let raw = try await send(makeRequest("GET", path: "/models")).body.collect()
    return (try (ModelList.scan(raw) ?? decode(ModelList.self, from: raw)).data, raw)
  }

  /// One model. Ids may contain `/`, which goes as `%2F` so the path keeps its shape.
  public func model(id: String) async throws -> (model: Model, raw: Data) {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove("/")
    let encoded = id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    let raw = try await send(makeRequest("GET", path: "/models/" + encoded)).body.collect()
    return (try Model.scan(raw) ?? decode(Model.self, from: raw), raw)
  }

  // MARK: Chat

  /// The request as this server reads it: a server that is not Groq also gets the token limit as `max_tokens`,
  /// which llama.cpp's server reads instead of `max_completion_tokens` (Groq takes either, so it gets one).
  func compatible(_ request: ChatCompletionRequest) -> ChatCompletionRequest {
    guard !configuration.isGroq, request.maxTokens == nil, let limit = request.maxCompletionTokens else {
      return request
    }
    var request = request
    request.maxTokens = limit
    return request
  }

  /// A whole answer at once.
  public func chatCompletion(_ request: ChatCompletionRequest) async throws -> (completion: ChatCompletion, raw: Data) {
    var request = request
    request.stream = nil
    let raw = try await send(makeRequest("POST", path: "/chat/completions", json: try compatible(request).body())).body
      .collect()
    return (try decode(ChatCompletion.self, from: raw), raw)
  }

  /// An answer as it is generated. Retries end when this returns: once chunks flow, a failure is the caller's to report.
  public func streamChatCompletion(_ request: ChatCompletionRequest) async throws -> ChatCompletionStream {
    var request = request
    request.stream = true
    let http = makeRequest(
      "POST", path: "/chat/completions", json: try compatible(request).body(), accept: "text/event-stream")
    return ChatCompletionStream(response: try await send(http))
  }

  // MARK: Plumbing

  /// Builds a request with the headers every call carries; the one place the key is put on the wire.
  public func makeRequest(
    _ method: String, path: String, json: Data? = nil, accept: String = "application/json"
  ) -> HTTPRequest {
    let url = URL(string: configuration.baseURL.absoluteString + path) ?? configuration.baseURL
    var headers: [(name: String, value: String)] = [
      ("Authorization", "Bearer " + configuration.apiKey),
      ("User-Agent", configuration.userAgent),
      ("Accept", accept),
    ]
    if json != nil { headers.append(("Content-Type", "application/json")) }
    headers += configuration.customHeaders
    return HTTPRequest(method: method, url: url, headers: headers, body: json.map { .data($0) } ?? .none)
  }

  /// Sends with retries. A 2xx response comes back with its body unread; anything else becomes a `GroqError`.
  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    var retriesDone = 0
    while true {
      let (failure, headers): (GroqError, HTTPHeaders?)
      switch await attempt(request) {
      case .success(let response): return response
      case .fatal(let error): throw error
      case .retryable(let error, let responseHeaders): (failure, headers) = (error, responseHeaders)
      }
      guard retriesDone < retryPolicy.maxRetries else {
        var final = failure
        final.attempts = retriesDone + 1
        throw final
      }
      let delay = retryPolicy.delay(retriesDone: retriesDone, headers: headers)
      onRetry(RetryNotice(attempt: retriesDone + 1, delay: delay, reason: Self.retryReason(failure)))
      do {
        try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
      } catch {
        throw GroqError(kind: .cancelled, message: "cancelled")
      }
      retriesDone += 1
    }
  }

  private enum Outcome {
    case success(HTTPResponse)
    case retryable(GroqError, HTTPHeaders?)
    case fatal(GroqError)
  }

  private func attempt(_ request: HTTPRequest) async -> Outcome {
    let response: HTTPResponse
    do {
      if Task.isCancelled { return .fatal(GroqError(kind: .cancelled, message: "cancelled")) }
      response = try await transport.send(
        request, idleTimeout: configuration.idleTimeout, deadline: configuration.deadline)
    } catch let error as GroqError {
      return retryPolicy.shouldRetry(error) ? .retryable(error, nil) : .fatal(error)
    } catch {
      return .fatal(GroqError(kind: Task.isCancelled ? .cancelled : .connection, message: "\(error)"))
    }
    if (200..<300).contains(response.status) { return .success(response) }
    let body = (try? await response.body.collect(limit: 1 << 20)) ?? Data()
    let error = GroqError(status: response.status, headers: response.headers, body: body)
      .redacting(configuration.apiKey)
    if Task.isCancelled { return .fatal(GroqError(kind: .cancelled, message: "cancelled")) }
    return retryPolicy.shouldRetry(status: response.status, headers: response.headers)
      ? .retryable(error, response.headers) : .fatal(error)
  }

  /// The few words after "waiting 5.3 s:".
  static func retryReason(_ error: GroqError) -> String {
    switch error.kind {
    case .api(429):
      return error.type.map { "rate limited (\($0))" } ?? "rate limited"
    case .api(498): return "flex tier at capacity"
    case .api(let status): return "server answered \(status)"
    case .timeout: return "timed out"
    default: return error.message
    }
  }

  private func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  private func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch {
      throw GroqError(
        kind: .invalidResponse, message: "unexpected response from the server: \(describeDecodingError(error))")
    }
  }
}
