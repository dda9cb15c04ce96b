import Foundation

/// Turns SSE events into chat chunks: `[DONE]`, `event: error`, data objects with an `error` key and
/// `x_groq.error` are understood here, and nowhere else.
struct ChatStreamInterpreter {
  enum Output {
    case chunk(ChatCompletionChunk)
    case done
  }

  private let decoder = JSONDecoder()
  private var cache = ChatCompletionChunk.ScanCache()
  var requestID: String?

  mutating func interpret(_ event: SSEEvent) throws -> Output? {
    var data = event.data
    return try data.withUTF8 { try interpret(SSEEventView(event: event.event, data: UnsafeRawBufferPointer($0))) }
  }

  /// The fast path reads the chunk's fields straight from the event's bytes: no String for the line, no
  /// JSONDecoder. Anything it does not model goes to JSONDecoder, which stays the reference.
  mutating func interpret(_ event: SSEEventView) throws -> Output? {
    let bytes = event.data
    if bytes.starts(with: "[DONE]".utf8) { return .done }
    if event.event != "error", let chunk = ChatCompletionChunk.scan(bytes, cache: &cache) {
      return try check(chunk)
    }
    let copy = Data(bytes)
    if event.event == "error" {
      let payload =
        (try? decoder.decode(ErrorEnvelope.self, from: copy).error)
        ?? (try? decoder.decode(ErrorPayload.self, from: copy))
      throw GroqError(
        streamPayload: payload ?? ErrorPayload(message: String(decoding: bytes, as: UTF8.self)),
        requestID: requestID)
    }
    let chunk: ChatCompletionChunk
    do {
      chunk = try decoder.decode(ChatCompletionChunk.self, from: copy)
    } catch {
      throw GroqError(kind: .invalidResponse, message: "unreadable stream event: \(describeDecodingError(error))")
    }
    return try check(chunk)
  }

  /// A chunk can still carry an error: an `error` object, or `x_groq.error` saying why the stream stopped.
  private mutating func check(_ chunk: ChatCompletionChunk) throws -> Output {
    if requestID == nil { requestID = chunk.xGroq?.id }
    if let payload = chunk.error { throw GroqError(streamPayload: payload, requestID: requestID) }
    if let reason = chunk.xGroq?.error, !reason.isEmpty {
      throw GroqError(streamPayload: ErrorPayload(message: reason), requestID: requestID)
    }
    return .chunk(chunk)
  }
}

/// What one network read of a stream completed.
///
/// Plain content deltas, almost every event, never become chunk values: their text is appended straight to
/// `content` (see `ContentDelta`). Every other chunk is in `chunks`, and its content, if any, is in `content` too,
/// in order, so `content` is the whole text the read added and one write prints it.
public struct ChatStreamRead: Sendable {
  /// The read's text as UTF-8. A JSON string is always whole within its event, so this is always whole characters.
  public var content: [UInt8] = []
  /// The chunks that carried more than content: role, reasoning, tool calls, finish reason, usage, `x_groq`.
  public var chunks: [ChatCompletionChunk] = []

  /// The read's text, as one String.
  public var text: String { String(decoding: content, as: UTF8.self) }

  var isEmpty: Bool { content.isEmpty && chunks.isEmpty }
}

/// A streamed chat answer. Each element is what one network read completed, so a caller can print a whole read
/// with one write instead of one write per token.
public struct ChatCompletionStream: AsyncSequence, Sendable {
  public typealias Element = ChatStreamRead

  /// The response's headers (request id, rate limits).
  public let headers: HTTPHeaders
  private let body: ResponseBody

  init(response: HTTPResponse) {
    headers = response.headers
    body = response.body
  }

  public var requestID: String? { headers["x-request-id"] }

  /// Runs `operation`, which reads this stream, where reading it is cheapest: on the thread that receives it, when
  /// the transport offers one (see `ResponseBody.readerExecutor`).
  public func withPreferredReader<T>(_ operation: () async throws -> T) async rethrows -> T {
    #if os(Linux)
      return try await withTaskExecutorPreference(body.readerExecutor, operation: operation)
    #else
      return try await operation()
    #endif
  }

  public func makeAsyncIterator() -> Iterator {
    var interpreter = ChatStreamInterpreter()
    interpreter.requestID = requestID
    return Iterator(body: body, interpreter: interpreter)
  }

  public struct Iterator: AsyncIteratorProtocol {
    let body: ResponseBody
    var interpreter: ChatStreamInterpreter
    var decoder = SSEDecoder()
    var finished = false
    var sawFinishReason = false
    /// The bytes around the content of the last plain content chunk, which the next ones repeat.
    var shape = ContentDelta.Shape()

    /// An error found after chunks of the same read: those chunks are returned first, so nothing shown is lost.
    var pendingError: (any Error)?

    public mutating func next() async throws -> ChatStreamRead? {
      if let error = pendingError {
        pendingError = nil
        finished = true
        throw error
      }
      while !finished {
        let received: Data?
        do {
          received = try await body.read()
        } catch is CancellationError {
          throw GroqError(kind: .cancelled, message: "cancelled")
        }
        guard let data = received else {
          finished = true
          _ = decoder.finish()
          // Some compatible servers end without [DONE]; an answer that reached its finish_reason is complete.
          if sawFinishReason { return nil }
          throw GroqError(
            kind: .connection, message: "the stream ended before the answer was complete",
            requestID: interpreter.requestID)
        }
        var read = ChatStreamRead()
        do {
          try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws in
            try decoder.push(bytes) { event in
              guard !finished else { return }
              if event.event != "error", ContentDelta.append(event.data, to: &read.content, shape: &shape) { return }
              switch try interpreter.interpret(event) {
              case .chunk(let chunk):
                if chunk.choices.contains(where: { $0.finishReason != nil }) { sawFinishReason = true }
                if let content = chunk.content { read.content.append(contentsOf: content.utf8) }
                read.chunks.append(chunk)
              case .done:
                finished = true
              case nil: break
              }
            }
          }
        } catch {
          if read.isEmpty { throw error }
          pendingError = error
        }
        if !read.isEmpty { return read }
      }
      return nil
    }
  }
}

/// "missing key `choices`" rather than Foundation's paragraph about coding paths.
func describeDecodingError(_ error: any Error) -> String {
  guard let error = error as? DecodingError else { return "\(error)" }
  func path(_ context: DecodingError.Context, _ last: String? = nil) -> String {
    let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } + (last.map { [$0] } ?? [])
    return keys.joined(separator: ".")
  }
  switch error {
  case .keyNotFound(let key, let context): return "missing key `\(path(context, key.stringValue))`"
  case .typeMismatch(_, let context), .valueNotFound(_, let context):
    return context.codingPath.isEmpty ? "not the expected JSON" : "unexpected value at `\(path(context))`"
  case .dataCorrupted(let context):
    return context.codingPath.isEmpty ? "not valid JSON" : "unexpected value at `\(path(context))`"
  @unknown default: return "\(error)"
  }
}
