#if canImport(CCurl)
  @preconcurrency import Glibc
  import CCurl
  import Foundation

  /// The transport on Linux: libcurl called directly, every request driven by one thread (`CurlDriver`).
  ///
  /// URLSession on Linux is libcurl underneath, plus an Operation, a dispatch hop and a timer reset for every HTTP
  /// chunk; for a token stream that machinery cost several times groq's own work (issue 10). Here libcurl's write
  /// callback hands each read straight to the `ResponseBody`, and a reader that falls behind pauses the transfer
  /// (CURL_WRITEFUNC_PAUSE) instead of letting the backlog grow.
  public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// libcurl's set-up (loading it, then `curl_global_init`: about 5 ms) starts on its own thread, while the
    /// command builds its request; the first transfer waits for it if it is not done.
    public init() { CurlGlobal.startInBackground() }

    public func send(_ request: HTTPRequest, idleTimeout: Double, deadline: Double) async throws -> HTTPResponse {
      let transfer = try CurlTransfer(request, idleTimeout: idleTimeout, deadline: deadline)
      return try await withTaskCancellationHandler {
        try await withUnsafeThrowingContinuation { (head: UnsafeContinuation<HTTPResponse, any Error>) in
          transfer.start(head: head)
        }
      } onCancel: {
        transfer.cancel()
      }
    }
  }

  /// libcurl's set-up: loading the library (see Sources/CCurl/loader.c) and `curl_global_init`, which must run
  /// once, before any other libcurl call and before threads use libcurl.
  ///
  /// It takes about 5 ms, so it starts on a thread of its own while the command builds its request. Whoever needs
  /// libcurl first waits on a condition variable, asleep: a `static let` would make the waiter spin in the kernel on
  /// the Swift runtime's priority-inheritance lock for as long as the set-up runs, a core's worth of CPU for nothing.
  ///
  /// Starting it earlier (from a C constructor, before Swift's runtime) was measured and gains little: glibc's
  /// dlopen holds the lock pthread_create needs, so the next thread groq starts waits for it anyway, and the two
  /// threads slow each other's page faults down.
  enum CurlGlobal {
    private enum Phase { case idle, running, done }
    private static let condition = NSCondition()
    // Guarded by `condition`.
    nonisolated(unsafe) private static var phase = Phase.idle
    nonisolated(unsafe) private static var failure: String?

    /// Starts the set-up on its own thread, unless it has started already. That thread then stays on as the
    /// driver of every transfer (`CurlDriver`), which saves starting another.
    static func startInBackground() {
      guard claim() else { return }
      let started = PlainThread.start {
        let failure = setUp()
        finish(failure)
        if failure == nil { CurlDriver.shared.driveOnThisThread() }
      }
      if !started { finish(setUp()) }  // no thread: done here, at once
    }

    /// Waits for the set-up, doing it here if nobody has started it: nil once libcurl is ready, else why not.
    static func ready() -> String? {
      if claim() { finish(setUp()) }
      condition.lock()
      defer { condition.unlock() }
      while phase != .done { condition.wait() }
      return failure
    }

    /// True for the one caller that moves the set-up from idle to running.
    private static func claim() -> Bool {
      condition.lock()
      defer { condition.unlock() }
      guard phase == .idle else { return false }
      phase = .running
      return true
    }

    private static func finish(_ result: String?) {
      condition.lock()
      failure = result
      phase = .done
      condition.broadcast()
      condition.unlock()
    }

    private static func setUp() -> String? {
      if let error = groq_curl_load() { return "could not load libcurl: " + String(cString: error) }
      return curl_global_init(groq_curl_global_all) == CURLE_OK ? nil : "libcurl's global set-up failed"
    }
  }

  /// What other threads ask of a transfer: to stop, or to read again after a pause. The response body's callbacks
  /// hold this rather than the transfer, which the body's owner would otherwise keep alive (a cycle), and which a
  /// weak reference would give a side table, making every retain and release of it, several per read, the slow
  /// kind.
  final class CurlRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var resumeRequested = false

    func cancel() {
      lock.lock()
      cancelled = true
      lock.unlock()
      CurlDriver.shared.wake()
    }

    func resume() {
      lock.lock()
      resumeRequested = true
      lock.unlock()
      CurlDriver.shared.wake()
    }

    /// Whether to stop, and whether to resume reading; each request is taken once.
    func take() -> (cancel: Bool, resume: Bool) {
      lock.lock()
      defer { lock.unlock() }
      let resume = resumeRequested
      resumeRequested = false
      return (cancelled, resume)
    }
  }

  /// One request in flight: its easy handle, owned by the driver's thread once started.
  ///
  /// Other threads only set flags under `lock` and wake the driver with `curl_multi_wakeup`: cancelling, and asking
  /// it to resume a paused transfer.
  final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let source: CurlBodySource?
    private let progress: (@Sendable (Int64, Int64) -> Void)?
    private let idleTimeout: Double
    private let deadline: Double

    private let lock = NSLock()
    /// Taken under `lock` and cleared before it is resumed, so resumed once (see `ResponseBody.waiter`).
    private var head: UnsafeContinuation<HTTPResponse, any Error>?
    private let requests = CurlRequests()
    private var headDelivered = false

    // Touched only by the driver's thread (in libcurl's callbacks or its loop).
    private var status = 0
    private var headers: [String: String] = [:]
    var paused = false
    var lastActivity = 0.0
    /// An SSE response, whose reads the driver batches (`CurlDriver.batchPause`); downloads are never held.
    private var isEventStream = false
    var started = 0.0
    private var lastUploaded: Int64 = 0
    private(set) var body: ResponseBody!

    init(_ request: HTTPRequest, idleTimeout: Double, deadline: Double) throws {
      // The body first: a file that cannot be read fails before any libcurl handle exists to leak.
      switch request.body {
      case .none: source = nil
      case .data(let data): source = CurlBodySource(data: data)
      case .file(let url): source = try CurlBodySource(parts: [.file(url)])
      case .parts(let parts): source = try CurlBodySource(parts: parts)
      }
      // Waits for the background set-up, if it is still running.
      if let failure = CurlGlobal.ready() { throw GroqError(kind: .unavailable, message: failure) }
      guard let easy = curl_easy_init() else {
        throw GroqError(kind: .connection, message: "could not start libcurl")
      }
      self.easy = easy
      self.idleTimeout = idleTimeout > 0 ? idleTimeout : .infinity
      self.deadline = deadline > 0 ? deadline : .infinity
      self.progress = request.uploadProgress
      errorBuffer[0] = 0
      body = ResponseBody(
        onCancel: { [requests] in requests.cancel() }, onResume: { [requests] in requests.resume() })
      body.readerExecutor = CurlDriver.shared
      try configure(request)
    }

    deinit {
      curl_slist_free_all(headerList)
      errorBuffer.deallocate()
    }

    private func set(_ option: CURLoption, _ value: Int) { _ = groq_curl_setopt_long(easy, option, value) }
    private func set(_ option: CURLoption, _ value: String) { _ = groq_curl_setopt_string(easy, option, value) }

    private func configure(_ request: HTTPRequest) throws {
      set(CURLOPT_URL, request.url.absoluteString)
      // Signals are groq's (Ctrl-C); libcurl must not install handlers or use alarm() for DNS timeouts.
      set(CURLOPT_NOSIGNAL, 1)
      // Redirects are not followed: the Authorization header would go wherever they point. The 3xx is the answer.
      set(CURLOPT_FOLLOWLOCATION, 0)
      // What URLSession asked for; libcurl decodes it, and the body's cap and backpressure bound what that makes.
      set(CURLOPT_ACCEPT_ENCODING, "")
      set(CURLOPT_TCP_NODELAY, 1)
      set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
      if idleTimeout.isFinite { set(CURLOPT_CONNECTTIMEOUT_MS, Int(idleTimeout * 1000)) }
      _ = groq_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
      configureProxy(request.url)
      configureCertificates()

      switch request.method {
      case "GET": set(CURLOPT_HTTPGET, 1)
      case "POST": set(CURLOPT_POST, 1)
      default: set(CURLOPT_CUSTOMREQUEST, request.method)
      }
      var lines = request.headers.map { "\($0.name): \($0.value)" }
      // libcurl would send `Expect: 100-continue` before a large body and wait for the server's go-ahead.
      lines.append("Expect:")
      for line in lines { headerList = curl_slist_append(headerList, line) }
      _ = groq_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)

      let context = Unmanaged.passUnretained(self).toOpaque()
      _ = groq_curl_setopt_write(easy, CURLOPT_WRITEFUNCTION, curlWrite)
      _ = groq_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
      _ = groq_curl_setopt_write(easy, CURLOPT_HEADERFUNCTION, curlHeader)
      _ = groq_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
      _ = groq_curl_setopt_xferinfo(easy, CURLOPT_XFERINFOFUNCTION, curlProgress)
      _ = groq_curl_setopt_pointer(easy, CURLOPT_XFERINFODATA, context)
      set(CURLOPT_NOPROGRESS, 0)
      if let source {
        // A known length: libcurl sends Content-Length, not chunked, and reads the body as it goes.
        _ = groq_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(source.length))
        _ = groq_curl_setopt_read(easy, CURLOPT_READFUNCTION, curlRead)
        _ = groq_curl_setopt_pointer(easy, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque())
      } else if request.method == "POST" {
        _ = groq_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, 0)
        set(CURLOPT_POSTFIELDS, "")
      }
    }

    /// libcurl already reads `https_proxy`, `http_proxy` (lowercase only), `all_proxy` and `no_proxy` per
    /// transfer. A request to this machine never goes through a proxy: it is the one place groq sends the key in
    /// clear text. Set per request; the environment is left alone.
    private func configureProxy(_ url: URL) {
      // Configuration.host, not URL.host: that loads ICU's IDNA tables, and this runs before every request.
      let host = (Configuration.host(of: url) ?? "").lowercased()
      if Configuration.isLoopback(host) { set(CURLOPT_PROXY, "") }
    }

    /// The system CA store is libcurl's default; `CURL_CA_BUNDLE` and `SSL_CERT_FILE` (and `SSL_CERT_DIR`) replace
    /// it as they do for the curl command, which libcurl itself does not read.
    private func configureCertificates() {
      // getenv, not ProcessInfo's environment, which copies every variable into a dictionary for three lookups.
      func variable(_ name: String) -> String? {
        guard let value = getenv(name), value.pointee != 0 else { return nil }
        return String(cString: value)
      }
      if let bundle = variable("CURL_CA_BUNDLE") ?? variable("SSL_CERT_FILE") { set(CURLOPT_CAINFO, bundle) }
      if let directory = variable("SSL_CERT_DIR") { set(CURLOPT_CAPATH, directory) }
    }

    // MARK: Other threads

    func start(head: UnsafeContinuation<HTTPResponse, any Error>) {
      lock.lock()
      self.head = head
      lock.unlock()
      CurlDriver.shared.add(self)
    }

    /// Ends the transfer from any thread; the driver notices within one wake-up.
    func cancel() { requests.cancel() }

    /// Whether to stop, and whether to resume reading; each request is taken once.
    func takeRequests() -> (cancel: Bool, resume: Bool) { requests.take() }

    // MARK: The driver's thread

    enum Ending {
      case finished(CURLcode)
      case cancelled
      case idle
      case deadline
    }

    /// The limit that has run out at `now`, if any.
    func expired(at now: Double) -> Ending? {
      if now - started >= deadline { return .deadline }
      // A paused transfer waits for the reader, not the server: the idle timer does not run.
      if paused { lastActivity = now }
      if now - lastActivity >= idleTimeout { return .idle }
      return nil
    }

    /// Seconds until a limit could run out.
    func secondsLeft(at now: Double) -> Double {
      min(started + deadline - now, paused ? .infinity : lastActivity + idleTimeout - now)
    }

    /// Called after the driver has removed the handle from its multi handle.
    func finish(_ ending: Ending) {
      curl_easy_cleanup(easy)
      source?.close()
      conclude(ending)
    }

    private func conclude(_ ending: Ending) {
      var failure: GroqError?
      switch ending {
      case .finished(let code) where code == CURLE_OK: failure = nil
      case .finished(let code): failure = describe(code)
      case .cancelled: failure = GroqError(kind: .cancelled, message: "cancelled")
      case .idle: failure = .idleTimeout(idleTimeout)
      case .deadline: failure = .deadlineExceeded(deadline)
      }
      lock.lock()
      let head = self.head
      self.head = nil
      lock.unlock()
      if let head {
        if let failure {
          head.resume(throwing: failure)
        } else {
          head.resume(returning: response())
          body.finish()
        }
      } else {
        body.finish(throwing: failure)
      }
    }

    private func response() -> HTTPResponse {
      HTTPResponse(status: status, headers: HTTPHeaders(headers), body: body)
    }

    /// libcurl's code in the words a user needs; the error buffer has the detail (a TLS problem, say).
    private func describe(_ code: CURLcode) -> GroqError {
      let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
      switch code {
      case CURLE_COULDNT_CONNECT: return GroqError(kind: .connection, message: "could not connect to the server")
      case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
        return GroqError(kind: .connection, message: "could not resolve the server's host name")
      case CURLE_OPERATION_TIMEDOUT: return .idleTimeout(idleTimeout)
      case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING:
        return GroqError(kind: .connection, message: "the connection was lost")
      case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
        // CURL_CA_BUNDLE and SSL_CERT_FILE name a bundle to trust; the CLI's help lists them.
        return GroqError(kind: .connection, message: "the server's TLS certificate is not trusted: \(detail)")
      case CURLE_READ_ERROR: return GroqError(kind: .connection, message: "could not read the upload: \(detail)")
      default: return GroqError(kind: .connection, message: detail)
      }
    }

    static func now() -> Double {
      var time = timespec()
      clock_gettime(CLOCK_MONOTONIC, &time)
      return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    // MARK: libcurl's callbacks, on the transfer's thread

    fileprivate func received(_ bytes: UnsafeRawBufferPointer) -> Int {
      deliverHead()
      guard body.offer(bytes) else {
        paused = true
        return groq_curl_writefunc_pause
      }
      lastActivity = Self.now()
      if isEventStream { CurlDriver.shared.eventBytesThisRound += bytes.count }
      return bytes.count
    }

    /// One header line, read as bytes: Foundation's trimming and splitting bridge to NSString on Linux, and their
    /// first use cost a search of the binary's conformances on every response.
    fileprivate func receivedHeader(_ line: UnsafeRawBufferPointer) {
      lastActivity = Self.now()
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
      var end = line.count
      while end > 0 && isSpace(line[end - 1]) { end -= 1 }
      func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self)
      }
      if end >= 5 && line.starts(with: "HTTP/".utf8) {
        // A new status line: an interim 100 Continue's headers are not the response's.
        headers = [:]
        var start = 0
        while start < end && line[start] != 0x20 { start += 1 }
        while start < end && line[start] == 0x20 { start += 1 }
        var stop = start
        while stop < end && line[stop] != 0x20 { stop += 1 }
        status = Int(text(start..<stop)) ?? 0
      } else if end == 0 {
        if status >= 200 { deliverHead() }
      } else if let colon = line[0..<end].firstIndex(of: UInt8(ascii: ":")) {
        let name = text(0..<colon).lowercased()
        var start = colon + 1
        while start < end && isSpace(line[start]) { start += 1 }
        let value = text(start..<end)
        headers[name] = headers[name].map { $0 + ", " + value } ?? value
      }
    }

    private func deliverHead() {
      guard !headDelivered else { return }
      headDelivered = true
      isEventStream = headers["content-type"]?.hasPrefix("text/event-stream") ?? false
      lock.lock()
      let head = self.head
      self.head = nil
      lock.unlock()
      head?.resume(returning: response())
    }

    fileprivate func uploaded(_ sent: Int64, of total: Int64) {
      guard sent != lastUploaded else { return }
      lastUploaded = sent
      lastActivity = Self.now()
      progress?(sent, total)
    }
  }

  /// The one thread that drives every transfer, through one multi handle: its connection cache keeps a
  /// connection (and a TLS session, and an HTTP/2 stream's connection) open from one request to the next, as
  /// URLSession's session did, so a REPL's second question does not pay for a new handshake.
  ///
  /// It is also a task executor: a stream's reader that prefers it (`ResponseBody.readerExecutor`) runs on this
  /// thread, between two polls, as the curl command reads and writes on one thread. Handing each read to a reader
  /// on another thread cost a futex wake-up and two context switches per network read, most of a stream's CPU
  /// beyond curl's (issue 10).
  final class CurlDriver: TaskExecutor, @unchecked Sendable {
    static let shared = CurlDriver()

    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var incoming: [CurlTransfer] = []
    private var jobs: [UnownedJob] = []
    private var started = false
    /// The driver thread's id, set under `lock` before it runs anything.
    private var driverThread: pthread_t?
    // Only the driver's thread touches these.
    private var active: [CurlTransfer] = []
    /// Bytes of event streams the transfers' write callbacks took since the last poll.
    var eventBytesThisRound = 0

    /// How long the driver waits after reading an event stream before it polls again, in microseconds.
    ///
    /// Groq sends each token as its own event, and on a fast stream the socket becomes readable again for every
    /// TCP segment: polling at once meant a wake-up, a read, a decoding pass and a write to stdout for every one or
    /// two tokens, about 600 reads and 1,300 polls for 5,000 tokens, which cost half the stream's CPU (curl's
    /// per-event writes slow its own reads down, so it reads 16 KB at a time). Half a millisecond lets the next
    /// segments gather, so they are read, decoded and printed as one batch. No one can see half a millisecond on a
    /// terminal, and the first token is never held: the pause comes after a read, not before one.
    static let batchPause: UInt32 = 500
    /// A round that read this much has fallen behind and probably left more in the socket: no pause then.
    /// libcurl reads at most its buffer, 16 KB by default, per call.
    static let fullRound = 16_384

    private init() {
      _ = CurlGlobal.ready()  // a transfer exists, so libcurl is ready
      multi = curl_multi_init()!
    }

    func add(_ transfer: CurlTransfer) {
      lock.lock()
      incoming.append(transfer)
      startThreadLocked()
      lock.unlock()
      wake()
    }

    /// Makes the calling thread the driver and runs it for good, unless a driver has started already.
    func driveOnThisThread() {
      lock.lock()
      let first = !started
      started = true
      lock.unlock()
      if first { drive() }
    }

    private func startThreadLocked() {
      guard !started else { return }
      started = true
      let running = PlainThread.start { [self] in drive() }
      // Every request would wait for ever on a driver that never ran: better said at once.
      precondition(running, "groq could not start libcurl's thread (out of threads or memory)")
    }

    /// The driver's loop, on the calling thread, which is recorded first so that its own jobs wake nothing.
    private func drive() -> Never {
      lock.lock()
      driverThread = pthread_self()
      lock.unlock()
      run()
    }

    /// Makes a waiting `curl_multi_poll` return at once; safe from any thread.
    func wake() { curl_multi_wakeup(multi) }

    /// A job from the driver's own thread (a reader resumed by the write callback) runs before the next poll, with
    /// no wake-up; one from elsewhere (Ctrl-C's cancellation) wakes the poll.
    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      lock.lock()
      jobs.append(job)
      startThreadLocked()
      let local = driverThread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
      lock.unlock()
      if !local { wake() }
    }

    /// Runs every queued job, including those the jobs themselves queue.
    private func runJobs() {
      while true {
        lock.lock()
        let ready = jobs
        jobs.removeAll(keepingCapacity: true)
        lock.unlock()
        if ready.isEmpty { return }
        for job in ready { job.runSynchronously(on: asUnownedTaskExecutor()) }
      }
    }

    private func run() -> Never {
      while true {
        runJobs()
        lock.lock()
        let arrived = incoming
        incoming.removeAll()
        lock.unlock()
        var now = CurlTransfer.now()
        for transfer in arrived {
          transfer.started = now
          transfer.lastActivity = now
          curl_multi_add_handle(multi, transfer.easy)
          active.append(transfer)
        }
        for transfer in active {
          let (cancel, resume) = transfer.takeRequests()
          if cancel {
            end(transfer, .cancelled)
          } else if resume && transfer.paused {
            transfer.paused = false
            transfer.lastActivity = now
            curl_easy_pause(transfer.easy, groq_curlpause_cont)
          }
        }
        var running: Int32 = 0
        curl_multi_perform(multi, &running)
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
          guard message.pointee.msg == CURLMSG_DONE,
            let transfer = active.first(where: { $0.easy == message.pointee.easy_handle })
          else { continue }
          end(transfer, .finished(message.pointee.data.result))
        }
        now = CurlTransfer.now()
        var wait = active.isEmpty ? 60.0 : 1.0
        for transfer in active {
          if let ending = transfer.expired(at: now) {
            end(transfer, ending)
          } else {
            wait = min(wait, transfer.secondsLeft(at: now))
          }
        }
        // The readers of what this perform received, or of a transfer that just ended: they decode and print it
        // before the next poll. A job queued from this thread wakes nothing, so none may be left waiting.
        runJobs()
        if eventBytesThisRound > 0 && eventBytesThisRound < Self.fullRound { usleep(Self.batchPause) }
        eventBytesThisRound = 0
        curl_multi_poll(multi, nil, 0, Int32(max(1, (wait * 1000).rounded(.up))), nil)
      }
    }

    private func end(_ transfer: CurlTransfer, _ ending: CurlTransfer.Ending) {
      curl_multi_remove_handle(multi, transfer.easy)
      active.removeAll { $0 === transfer }
      transfer.finish(ending)
    }
  }

  /// A request body read by libcurl as it sends: bytes from memory and ranges of files, one after the other, so a
  /// 25 MB upload is never in memory and never copied to a temporary file.
  final class CurlBodySource: @unchecked Sendable {
    /// One piece, with its length known before the transfer (Content-Length).
    private enum Segment {
      case bytes(Data)
      case file(path: String, offset: UInt64, length: Int)
    }

    let length: Int
    private let segments: [Segment]
    private var current = 0
    /// Bytes of the current segment already handed to libcurl.
    private var done = 0
    private var descriptor: Int32 = -1

    convenience init(data: Data) {
      try! self.init(parts: [.bytes(data)])
    }

    init(parts: [MultipartBody.Content]) throws {
      var segments: [Segment] = []
      for part in parts {
        switch part {
        case .bytes(let data): segments.append(.bytes(data))
        case .file(let url, let offset, let length):
          var info = stat()
          guard stat(url.path, &info) == 0 else {
            throw GroqError(
              kind: .connection, message: "could not read \(url.path): \(String(cString: strerror(errno)))")
          }
          let available = max(0, Int(info.st_size) - Int(offset))
          segments.append(.file(path: url.path, offset: offset, length: min(available, length.map(Int.init) ?? .max)))
        }
      }
      self.segments = segments
      length = segments.reduce(0) { total, segment in
        switch segment {
        case .bytes(let data): total + data.count
        case .file(_, _, let length): total + length
        }
      }
    }

    /// Fills `buffer` from the current segment; 0 at the end, CURL_READFUNC_ABORT on a read error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
      while current < segments.count {
        switch segments[current] {
        case .bytes(let data):
          let count = min(buffer.count, data.count - done)
          if count > 0 {
            data.withUnsafeBytes { bytes in
              buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[done..<(done + count)]))
            }
            done += count
            return count
          }
        case .file(let path, let offset, let length):
          if descriptor < 0 {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0, lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
              return Int(CURL_READFUNC_ABORT)
            }
          }
          let wanted = min(buffer.count, length - done)
          if wanted > 0 {
            let count = Glibc.read(descriptor, buffer.baseAddress, wanted)
            if count < 0 && errno == EINTR { continue }
            // A file that shrank would leave the server waiting for bytes promised in Content-Length.
            guard count > 0 else { return Int(CURL_READFUNC_ABORT) }
            done += count
            return count
          }
          close()
        }
        current += 1
        done = 0
      }
      return 0
    }

    func close() {
      if descriptor >= 0 { Glibc.close(descriptor) }
      descriptor = -1
    }
  }

  // C callbacks cannot capture context: the transfer (or the body source) comes through libcurl's user pointer,
  // unretained, as the transfer's thread holds it for as long as libcurl can call back.
  private let curlWrite: curl_write_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.received(UnsafeRawBufferPointer(start: pointer, count: size * count))
  }

  private let curlHeader: curl_write_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receivedHeader(UnsafeRawBufferPointer(start: pointer, count: size * count))
    return size * count
  }

  private let curlRead: curl_read_callback = { pointer, size, count, context in
    guard let pointer, let context else { return Int(CURL_READFUNC_ABORT) }
    let source = Unmanaged<CurlBodySource>.fromOpaque(context).takeUnretainedValue()
    return source.read(into: UnsafeMutableRawBufferPointer(start: pointer, count: size * count))
  }

  private let curlProgress: curl_xferinfo_callback = { context, _, _, total, sent in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.uploaded(Int64(sent), of: Int64(total))
    return 0
  }
#endif
