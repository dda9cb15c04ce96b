import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The one real transport: URLSession with a data delegate, because on Linux `bytes(for:)` does not exist and the
/// async `data(for:)` family buffers whole bodies (platform-notes section 2). Each server read becomes one `Data`
/// in the response's body stream the moment libcurl hands it over.
public final class URLSessionTransport: NSObject, HTTPTransport, URLSessionDataDelegate, @unchecked Sendable {
  /// State of one request in flight, touched from the session's delegate queue and from callers, under `lock`.
  private final class Exchange: @unchecked Sendable {
    var head: CheckedContinuation<HTTPResponse, any Error>?
    let body: ResponseBody
    let progress: (@Sendable (Int64, Int64) -> Void)?
    /// The deadline, once it fired.
    var deadlineExpired: Double?
    var idleTimeout = 0.0
    /// Cancelled when the request ends: a pending timer would keep its closure for the whole deadline (ten minutes),
    /// which over a 50,000-request batch run is tens of megabytes.
    var deadlineTimer: (any DispatchSourceTimer)?

    init(body: ResponseBody, progress: (@Sendable (Int64, Int64) -> Void)?) {
      self.body = body
      self.progress = progress
    }
  }

  private let lock = NSLock()
  private var exchanges: [Int: Exchange] = [:]
  private var session: URLSession?

  public override init() { super.init() }

  private func urlSession(idleTimeout: Double) -> URLSession {
    lock.lock()
    defer { lock.unlock() }
    if let session { return session }
    let configuration = FoundationLitter.sweep { URLSessionConfiguration.ephemeral }
    // libcurl truncates the idle timer to whole seconds, and 0.5 would fire at once (platform-notes section 2).
    configuration.timeoutIntervalForRequest = max(1, idleTimeout.rounded(.up))
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    let created = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    session = created
    return created
  }

  public func send(_ request: HTTPRequest, idleTimeout: Double, deadline: Double) async throws -> HTTPResponse {
    if request.url.scheme == "http", let host = request.url.host { Self.bypassProxies(for: host) }
    var urlRequest = URLRequest(url: request.url)
    urlRequest.httpMethod = request.method
    urlRequest.timeoutInterval = max(1, idleTimeout.rounded(.up))
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }

    let session = urlSession(idleTimeout: idleTimeout)
    let task: URLSessionTask
    switch request.body {
    case .none: task = session.dataTask(with: urlRequest)
    case .data(let data):
      urlRequest.httpBody = data
      task = session.dataTask(with: urlRequest)
    case .file(let url): task = session.uploadTask(with: urlRequest, fromFile: url)
    case .parts(let parts):
      // uploadTask(fromFile:) is the one way to a Content-Length without the body in memory (platform notes).
      let file = try MultipartBody.write(parts)
      defer { try? FileManager.default.removeItem(at: file) }
      var copy = request
      copy.body = .file(file)
      // The server answers once it has the whole body; the file can go then (an open file outlives its name).
      return try await send(copy, idleTimeout: idleTimeout, deadline: deadline)
    }

    // A reader that is cancelled (Ctrl-C, an EPIPE on stdout) closes the socket.
    // A reader that falls behind suspends the task (Darwin only, see didReceive data).
    #if canImport(FoundationNetworking)
      let resume: @Sendable () -> Void = {}
    #else
      let resume: @Sendable () -> Void = { task.resume() }
    #endif
    let exchange = Exchange(
      body: ResponseBody(onCancel: { task.cancel() }, onResume: resume), progress: request.uploadProgress)
    exchange.idleTimeout = idleTimeout
    scheduleDeadline(deadline, for: task, exchange: exchange)

    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (head: CheckedContinuation<HTTPResponse, any Error>) in
        lock.lock()
        exchange.head = head
        exchanges[task.taskIdentifier] = exchange
        lock.unlock()
        task.resume()
      }
    } onCancel: {
      task.cancel()
    }
  }

  /// libcurl takes `http_proxy` from the environment, and URLSession on Linux ignores `connectionProxyDictionary`,
  /// so a plain-http request to this machine (the only plain http groq allows) would hand the key to the proxy in
  /// clear text. Naming the host in `no_proxy` before the transfer keeps it direct.
  private static func bypassProxies(for host: String) {
    proxyLock.lock()
    defer { proxyLock.unlock() }
    for name in ["no_proxy", "NO_PROXY"] {
      // getenv, not ProcessInfo: it sees what an earlier call here set.
      let current = getenv(name).map { String(cString: $0) } ?? ""
      let hosts = current.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      if hosts.contains(host) || hosts.contains("*") { continue }
      setenv(name, hosts.isEmpty ? host : current + "," + host, 1)
    }
  }

  private static let proxyLock = NSLock()

  /// URLSession ignores `timeoutIntervalForResource` on Linux, so the overall deadline is ours.
  private func scheduleDeadline(_ seconds: Double, for task: URLSessionTask, exchange: Exchange) {
    guard seconds > 0, seconds.isFinite else { return }
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + seconds)
    timer.setEventHandler { [weak self, weak task, weak exchange] in
      guard let self, let task, let exchange else { return }
      self.lock.lock()
      let live = self.exchanges[task.taskIdentifier] === exchange
      if live { exchange.deadlineExpired = seconds }
      self.lock.unlock()
      if live { task.cancel() }
    }
    exchange.deadlineTimer = timer
    timer.resume()
  }

  private func exchange(for task: URLSessionTask, remove: Bool = false) -> Exchange? {
    lock.lock()
    defer { lock.unlock() }
    return remove ? exchanges.removeValue(forKey: task.taskIdentifier) : exchanges[task.taskIdentifier]
  }

  // MARK: URLSessionDataDelegate

  public func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    guard let exchange = exchange(for: dataTask) else { return completionHandler(.cancel) }
    let http = response as? HTTPURLResponse
    var headers: [String: String] = [:]
    for (name, value) in http?.allHeaderFields ?? [:] {
      if let name = name as? String { headers[name] = "\(value)" }
    }
    let head = HTTPResponse(
      status: http?.statusCode ?? 0, headers: HTTPHeaders(headers), body: exchange.body)
    lock.lock()
    let continuation = exchange.head
    exchange.head = nil
    lock.unlock()
    completionHandler(.allow)
    continuation?.resume(returning: head)
  }

  /// Redirects are not followed: Foundation would copy the Authorization header onto the new request, wherever it
  /// points. The 3xx arrives as the response, and the caller reports where the server wanted to send the key.
  public func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }

  public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let behind = exchange(for: dataTask)?.body.append(data) == true
    // On Darwin a suspended task stops reading. swift-corelibs-foundation traps when a task is suspended inside
    // this callback, so on Linux URLSession has no backpressure: one more reason libcurl is the default there.
    #if !canImport(FoundationNetworking)
      if behind { dataTask.suspend() }
    #else
      _ = behind
    #endif
  }

  public func urlSession(
    _ session: URLSession, task: URLSessionTask, didSendBodyData bytesSent: Int64, totalBytesSent: Int64,
    totalBytesExpectedToSend: Int64
  ) {
    exchange(for: task)?.progress?(totalBytesSent, totalBytesExpectedToSend)
  }

  public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    guard let exchange = exchange(for: task, remove: true) else { return }
    exchange.deadlineTimer?.cancel()
    lock.lock()
    let head = exchange.head
    exchange.head = nil
    let deadlineExpired = exchange.deadlineExpired
    lock.unlock()
    let failure = error.map { Self.describe($0, deadlineExpired: deadlineExpired, idleTimeout: exchange.idleTimeout) }
    if let head {
      head.resume(throwing: failure ?? GroqError(kind: .invalidResponse, message: "the server sent no response"))
    } else {
      exchange.body.finish(throwing: failure)
    }
  }

  /// Turns libcurl's URLError into the words a user needs; the TLS text lives only in NSLocalizedDescription.
  static func describe(_ error: any Error, deadlineExpired: Double?, idleTimeout: Double) -> GroqError {
    if let deadlineExpired { return .deadlineExceeded(deadlineExpired) }
    let nsError = error as NSError
    guard nsError.domain == NSURLErrorDomain else {
      return GroqError(kind: .connection, message: nsError.localizedDescription)
    }
    let detail = (nsError.userInfo[NSLocalizedDescriptionKey] as? String) ?? nsError.localizedDescription
    switch nsError.code {
    case NSURLErrorCancelled: return GroqError(kind: .cancelled, message: "cancelled")
    case NSURLErrorTimedOut: return .idleTimeout(max(1, idleTimeout.rounded(.up)))
    case NSURLErrorCannotConnectToHost: return GroqError(kind: .connection, message: "could not connect to the server")
    case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
      return GroqError(kind: .connection, message: "could not resolve the server's host name")
    case NSURLErrorNetworkConnectionLost: return GroqError(kind: .connection, message: "the connection was lost")
    case NSURLErrorNotConnectedToInternet: return GroqError(kind: .connection, message: "no network connection")
    default: return GroqError(kind: .connection, message: detail)
    }
  }
}
