import Foundation

/// A response body as it arrives from the network, held to a bounded size.
///
/// Unlike an `AsyncThrowingStream<Data>`, a read takes everything that has arrived since the last read. libcurl hands
/// over each HTTP chunk separately (one per SSE event from Groq's servers); a consumer that falls behind by a hundred
/// of them catches up in one read, one decode pass and one write, instead of a hundred task switches.
///
/// A consumer that stays behind (stdout into a slow pipe, a server that floods) must not make groq hold the whole
/// backlog: past `highWater` bytes the transport is told to stop reading, and `onResume` restarts it once the reader
/// has taken what was pending. The kernel's socket buffers then push back on the server.
public final class ResponseBody: AsyncSequence, @unchecked Sendable {
  public typealias Element = Data

  /// What a body holds before the transport stops reading: enough for thousands of events per read.
  public static let defaultHighWater = 1 << 20

  private let lock = NSLock()
  private var pending = Data()
  private var ended = false
  private var failure: (any Error)?
  /// Unsafe rather than checked: `waiter` is taken under `lock` and cleared before it is resumed, so it is resumed
  /// once, and the checked kind costs an allocation per read and, for its type, a search of the binary's
  /// conformance tables at the first one.
  private var waiter: UnsafeContinuation<Data?, any Error>?
  /// The transport was told to stop reading and waits for `onResume`.
  private var paused = false
  private let highWater: Int
  private let onCancel: @Sendable () -> Void
  private let onResume: @Sendable () -> Void
  #if os(Linux)
    /// Where a reader is cheapest to run: the thread that fills this body, if the transport offers it (libcurl's).
    /// A reader that prefers it (`withTaskExecutorPreference`) is resumed there with no thread hop per network
    /// read. Set by the transport before the body is handed out. (Task executors need macOS 15; macOS uses
    /// URLSession, which has no thread to offer.)
    public internal(set) var readerExecutor: (any TaskExecutor)?
  #endif

  /// - Parameters:
  ///   - onCancel: stops the transfer when the reader is cancelled (closes the socket).
  ///   - onResume: restarts reading after `offer` refused bytes or `append` asked for a pause.
  public init(
    highWater: Int = ResponseBody.defaultHighWater, onCancel: @escaping @Sendable () -> Void = {},
    onResume: @escaping @Sendable () -> Void = {}
  ) {
    self.highWater = highWater
    self.onCancel = onCancel
    self.onResume = onResume
  }

  /// A body that is already complete, for tests and fakes.
  public convenience init(_ pieces: [Data], failure: (any Error)? = nil) {
    self.init(highWater: .max)
    for piece in pieces { append(piece) }
    finish(throwing: failure)
  }

  /// Takes bytes unless the reader is behind; false means nothing was taken and the transport must stop reading
  /// until `onResume` (libcurl's CURL_WRITEFUNC_PAUSE keeps the bytes and hands them over again).
  public func offer(_ bytes: UnsafeRawBufferPointer) -> Bool {
    lock.lock()
    if let waiter {
      self.waiter = nil
      lock.unlock()
      waiter.resume(returning: Data(bytes))
      return true
    }
    if ended {
      lock.unlock()
      return true  // cancelled: the transport is stopping anyway
    }
    if !pending.isEmpty && pending.count + bytes.count > highWater {
      paused = true
      lock.unlock()
      return false
    }
    pending.append(bytes.assumingMemoryBound(to: UInt8.self))
    lock.unlock()
    return true
  }

  /// Hands bytes to the reader; called by a transport that cannot refuse them (URLSession). Returns true when the
  /// reader is behind: the transport should stop reading until `onResume`.
  @discardableResult
  public func append(_ data: Data) -> Bool {
    lock.lock()
    if let waiter {
      self.waiter = nil
      lock.unlock()
      waiter.resume(returning: data)
      return false
    }
    pending.append(data)
    let behind = pending.count > highWater && !paused
    if behind { paused = true }
    lock.unlock()
    return behind
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

  /// Stops the transfer; the reader gets a `CancellationError`, and whatever was pending is dropped.
  public func cancel() {
    lock.lock()
    if !ended {
      ended = true
      failure = CancellationError()
    } else if failure == nil && !pending.isEmpty {
      failure = CancellationError()
    }
    pending = Data()
    let waiter = self.waiter
    self.waiter = nil
    lock.unlock()
    waiter?.resume(throwing: CancellationError())
    onCancel()
  }

  /// Everything that arrived since the last read, waiting if nothing has; nil at the end. A cancelled task gets
  /// a `CancellationError` at once, however much is pending: Ctrl-C must not wait for a backlog to be printed.
  public func read() async throws -> Data? {
    if Task.isCancelled {
      cancel()
      throw CancellationError()
    }
    if let ready = takeIfReady() { return try ready.get() }
    return try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Data?, any Error>) in
        lock.lock()
        if !pending.isEmpty || ended {
          let (result, resume) = takeLocked()
          lock.unlock()
          if resume { onResume() }
          continuation.resume(with: result)
        } else {
          waiter = continuation
          let resume = paused
          paused = false
          lock.unlock()
          if resume { onResume() }
        }
      }
    } onCancel: {
      cancel()
    }
  }

  /// The next read's result when it needs no waiting.
  private func takeIfReady() -> Result<Data?, any Error>? {
    lock.lock()
    guard !pending.isEmpty || ended else {
      lock.unlock()
      return nil
    }
    let (result, resume) = takeLocked()
    lock.unlock()
    if resume { onResume() }
    return result
  }

  /// The pending bytes (or the end), and whether the transport should now be told to read again.
  private func takeLocked() -> (Result<Data?, any Error>, Bool) {
    let resume = paused && !ended
    paused = false
    if !pending.isEmpty {
      let data = pending
      pending = Data()
      return (.success(data), resume)
    }
    if let failure { return (.failure(failure), false) }
    return (.success(nil), false)
  }

  /// Reads the rest of the body, refusing to hold more than `limit` bytes.
  public func collect(limit: Int = 64 << 20) async throws -> Data {
    var data = Data()
    while let piece = try await read() {
      data.append(piece)
      if data.count > limit {
        cancel()
        throw GroqError(kind: .invalidResponse, message: "response larger than \(limit) bytes")
      }
    }
    return data
  }

  public struct AsyncIterator: AsyncIteratorProtocol {
    let body: ResponseBody
    public mutating func next() async throws -> Data? { try await body.read() }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(body: self) }
}
