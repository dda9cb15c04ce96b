import Foundation
@preconcurrency import Glibc

/// A local stand-in for api.groq.com that speaks its wire format over real HTTP/1.1 on 127.0.0.1.
///
/// Requests are answered from the `enqueue` FIFO first, then by the handler, then by default Groq behaviour.
public final class FakeGroqServer: @unchecked Sendable {
  public let port: Int
  public var baseURL: String { "http://127.0.0.1:\(port)" }
  // Threads hold the core, not this object, so deinit can run (and stop them) while they are still blocked.
  private let core: ServerCore

  /// Binds 127.0.0.1:`port` (0 picks a free one). The socket is listening before init returns, so tests can
  /// connect at once.
  public init(apiKey: String = "gsk_test_key", port: Int = 0) throws {
    // Writes use MSG_NOSIGNAL already; this covers anything else in the process that writes to a closed socket.
    signal(SIGPIPE, SIG_IGN)
    let listener = try Socket.listen(port: port)
    self.port = listener.port
    do {
      core = try ServerCore(apiKey: apiKey, listener: listener.fd)
    } catch {
      close(listener.fd)
      throw error
    }
    core.start()
  }

  deinit {
    core.stop()
  }

  /// Scripted answers, consumed in order by the next requests on any path.
  public func enqueue(_ responses: FakeResponse...) {
    core.enqueue(responses)
  }

  /// Consulted after the queue; returning nil falls back to default behaviour.
  public func setHandler(_ handler: (@Sendable (RecordedRequest) -> FakeResponse?)?) {
    core.setHandler(handler)
  }

  /// How the fake Files and Batches API behaves (clock, limits, faults).
  public var batchSettings: FakeBatchSettings {
    get { core.batches.settings }
    set { core.batches.settings = newValue }
  }

  /// A token budget and a delay for chat completions (benchmarks of paced clients).
  public var chatPacing: FakeChatPacing {
    get { core.budget.settings }
    set { core.budget.settings = newValue }
  }

  /// Every request received, in arrival order.
  public var requests: [RecordedRequest] { core.requests }

  /// Blocks until at least `count` requests have arrived or `timeout` seconds pass; true if they arrived.
  @discardableResult
  public func waitForRequests(_ count: Int, timeout: Double = 5) -> Bool {
    core.waitForRequests(count, timeout: timeout)
  }

  /// Closes the listener and every connection, waking threads blocked in reads, pauses or `.hang`.
  public func stop() {
    core.stop()
  }
}

/// The shared state behind `FakeGroqServer`: queue, handler, recorded requests, and the socket bookkeeping that
/// lets `stop()` wake every thread.
final class ServerCore: @unchecked Sendable {
  let wake: WakePipe
  private let defaults: DefaultGroq
  var batches: FakeBatchService { defaults.batches }
  let budget = FakeTokenBudget()
  private let listener: Int32
  // One NSCondition guards everything below and signals both new requests and exiting threads.
  private let condition = NSCondition()
  private var recorded: [RecordedRequest] = []
  private var queue: [FakeResponse] = []
  private var handler: (@Sendable (RecordedRequest) -> FakeResponse?)?
  private var connections: Set<Int32> = []
  private var liveThreads = 0
  private var connectionCount = 0
  private var stopped = false

  init(apiKey: String, listener: Int32) throws {
    self.listener = listener
    defaults = DefaultGroq(apiKey: apiKey)
    wake = try WakePipe()
  }

  func start() {
    liveThreads = 1
    let thread = Thread { [self] in acceptLoop() }
    thread.name = "fake-groq accept"
    thread.start()
  }

  private func acceptLoop() {
    while Socket.waitReadable(listener, orWake: wake.readFD) {
      guard let fd = Socket.accept(listener) else { continue }
      condition.lock()
      if stopped {
        condition.unlock()
        close(fd)
        break
      }
      connectionCount += 1
      let number = connectionCount
      connections.insert(fd)
      liveThreads += 1
      condition.unlock()
      let thread = Thread { [self] in
        HTTPConnection(fd: fd, number: number, core: self).run()
        finished(connection: fd)
      }
      thread.name = "fake-groq connection \(number)"
      thread.start()
    }
    condition.lock()
    close(listener)
    liveThreads -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Closes a connection's socket under the lock, so `stop()` never shuts down a reused descriptor.
  private func finished(connection fd: Int32) {
    condition.lock()
    connections.remove(fd)
    close(fd)
    liveThreads -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Records `request`, then picks its answer: queue, handler, default.
  func respond(to request: RecordedRequest) -> FakeResponse {
    condition.lock()
    recorded.append(request)
    condition.broadcast()
    let scripted = queue.isEmpty ? nil : queue.removeFirst()
    let handler = handler
    condition.unlock()
    if let scripted { return scripted }
    if let answer = handler?(request) { return answer }
    if request.method == "POST" && request.route == "/openai/v1/chat/completions",
      let paced = budget.admit(request, wake: wake, answer: { defaults.respond(to: request) })
    {
      return paced
    }
    return defaults.respond(to: request)
  }

  /// The default x-ratelimit-* and x-request-id headers; remaining requests count down per request.
  func defaultHeaders() -> [(String, String)] {
    condition.lock()
    let used = recorded.count
    condition.unlock()
    let perDay = budget.settings.requestsPerDay
    return [
      ("x-ratelimit-limit-requests", String(perDay)),
      ("x-ratelimit-limit-tokens", String(ChatCompletions.tokenLimit)),
      ("x-ratelimit-remaining-requests", String(max(0, perDay - used))),
      ("x-ratelimit-remaining-tokens", String(ChatCompletions.tokenLimit)),
      ("x-ratelimit-reset-requests", "2m59.56s"),
      ("x-ratelimit-reset-tokens", "7.66s"),
    ]
  }

  func enqueue(_ responses: [FakeResponse]) {
    condition.lock()
    queue.append(contentsOf: responses)
    condition.unlock()
  }

  func setHandler(_ handler: (@Sendable (RecordedRequest) -> FakeResponse?)?) {
    condition.lock()
    self.handler = handler
    condition.unlock()
  }

  var requests: [RecordedRequest] {
    condition.lock()
    defer { condition.unlock() }
    return recorded
  }

  func waitForRequests(_ count: Int, timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while recorded.count < count {
      if !condition.wait(until: deadline) { return recorded.count >= count }
    }
    return true
  }

  /// Wakes every thread (self-pipe for polls and pauses, shutdown for blocked reads and writes), then waits a
  /// bounded time for them to close their sockets. Bounded, because a user handler may still be running.
  func stop() {
    condition.lock()
    defer { condition.unlock() }
    if !stopped {
      stopped = true
      wake.fire()
      for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
    }
    let deadline = Date().addingTimeInterval(2)
    while liveThreads > 0 {
      if !condition.wait(until: deadline) { break }
    }
  }
}
