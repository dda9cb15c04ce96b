import Foundation

/// A response body as it arrives from the network.
///
/// Unlike an `AsyncThrowingStream<Data>`, a read takes everything that has arrived since the last read. libcurl hands
/// over each HTTP chunk separately (one per SSE event from Groq's servers); a consumer that falls behind by a hundred
/// of them catches up in one read, one decode pass and one write, instead of a hundred task switches.
public final class ResponseBody: AsyncSequence, @unchecked Sendable {
  public typealias Element = Data

  private let lock = NSLock()
  private var pending = Data()
  private var ended = false
  private var failure: (any Error)?
  private var waiter: CheckedContinuation<Data?, any Error>?
  private let onCancel: @Sendable () -> Void

  /// - Parameter onCancel: stops the transfer when the reader is cancelled (closes the socket).
  public init(onCancel: @escaping @Sendable () -> Void = {}) {
    self.onCancel = onCancel
  }

  /// A body that is already complete, for tests and fakes.
  public convenience init(_ pieces: [Data], failure: (any Error)? = nil) {
    self.init()
    for piece in pieces { append(piece) }
    finish(throwing: failure)
  }

  /// Hands bytes to the reader; called by the transport as they arrive.
  public func append(_ data: Data) {
    lock.lock()
    if let waiter {
      self.waiter = nil
      lock.unlock()
      waiter.resume(returning: data)
    } else {
      pending.append(data)
      lock.unlock()
    }
  }

  /// Ends the body; a reader sees the bytes still pending first, then the end or the error.
  public func finish(throwing error: (any Error)? = nil) {
    lock.lock()
    guard !ended else { return lock.unlock() }
    ended = true
    failure = error
    let waiter = self.waiter
    self.waiter = nil
    lock.unlock()
    if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
  }

  /// Stops the transfer; the reader gets a `CancellationError`.
  public func cancel() {
    // Ended first, so the reader sees the cancellation, not the transport's own report of it racing in.
    finish(throwing: CancellationError())
    onCancel()
  }

  /// Everything that arrived since the last read, waiting if nothing has; nil at the end.
  public func read() async throws -> Data? {
    if let ready = takeIfReady() { return try ready.get() }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
        lock.lock()
        if !pending.isEmpty || ended {
          let result = takeLocked()
          lock.unlock()
          continuation.resume(with: result)
        } else {
          waiter = continuation
          lock.unlock()
        }
      }
    } onCancel: {
      cancel()
    }
  }

  /// The next read's result when it needs no waiting.
  private func takeIfReady() -> Result<Data?, any Error>? {
    lock.withLock { !pending.isEmpty || ended ? takeLocked() : nil }
  }

  private func takeLocked() -> Result<Data?, any Error> {
    if !pending.isEmpty {
      let data = pending
      pending = Data()
      return .success(data)
    }
    if let failure { return .failure(failure) }
    return .success(nil)
  }

  /// Reads the rest of the body, refusing to hold more than `limit` bytes.
  public func collect(limit: Int = 64 << 20) async throws -> Data {
    var data = Data()
    while let piece = try await read() {
      data.append(piece)
      if data.count > limit { throw GroqError(kind: .invalidResponse, message: "response larger than \(limit) bytes") }
    }
    return data
  }

  public struct AsyncIterator: AsyncIteratorProtocol {
    let body: ResponseBody
    public mutating func next() async throws -> Data? { try await body.read() }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(body: self) }
}
