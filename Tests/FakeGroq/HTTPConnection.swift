import Foundation
@preconcurrency import Glibc

/// One client connection: an HTTP/1.1 keep-alive loop of read request, record, answer.
final class HTTPConnection {
  private let fd: Int32
  private let number: Int
  private let core: ServerCore
  private var reader: RequestReader

  init(fd: Int32, number: Int, core: ServerCore) {
    self.fd = fd
    self.number = number
    self.core = core
    reader = RequestReader(fd: fd)
  }

  func run() {
    while let head = reader.readHead() {
      if head.header("expect")?.lowercased() == "100-continue" && reader.bodyExpected(head) {
        // libcurl waits up to a second for this before sending a large upload body.
        guard Socket.sendAll(fd, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
      }
      guard let body = reader.readBody(head) else { return }
      let request = RecordedRequest(
        method: head.method, path: head.target, headers: head.headers, body: body, connection: number)
      let response = core.respond(to: request)
      guard write(response, keepAlive: head.keepAlive) && head.keepAlive else { return }
    }
  }

  /// Sends `response`; false when the connection must close (client gone, `.cut`, `.hang`, or no keep-alive).
  private func write(_ response: FakeResponse, keepAlive: Bool) -> Bool {
    let framing: String
    switch response.payload {
    case .hang:
      holdOpen()
      return false
    case .fixed(let body):
      framing = "content-length: \(body.count)\r\n"
    case .chunked:
      framing = "transfer-encoding: chunked\r\n"
    }

    var defaults = [("content-type", response.contentType)]
    defaults.append(("x-request-id", response.requestID ?? GroqIDs.requestID()))
    defaults += core.defaultHeaders()
    var head = "HTTP/1.1 \(response.status) \(HTTPStatus.reason(response.status))\r\n"
    for (name, value) in HeaderList.merge(defaults, overrides: response.headers) {
      // The server owns framing: a scripted Content-Length would desynchronise the connection.
      let lower = name.lowercased()
      if lower == "content-length" || lower == "transfer-encoding" || lower == "connection" { continue }
      head += "\(name): \(value)\r\n"
    }
    head += framing
    if !keepAlive { head += "connection: close\r\n" }
    head += "\r\n"

    switch response.payload {
    case .fixed(let body):
      // One write for head and body: fewer packets, and the client never sees a half response.
      var bytes = Data(head.utf8)
      bytes.append(body)
      return Socket.sendAll(fd, bytes)
    case .chunked(let steps):
      guard Socket.sendAll(fd, Data(head.utf8)) else { return false }
      return play(steps)
    case .hang:
      return false
    }
  }

  /// Plays chunked steps; false if the connection ended early.
  private func play(_ steps: [FakeStep]) -> Bool {
    for step in steps {
      switch step {
      case .send(let data):
        // An empty chunk would be read as the end of the body.
        if data.isEmpty { continue }
        var chunk = Data(String(data.count, radix: 16).utf8)
        chunk.append(contentsOf: [0x0D, 0x0A])
        chunk.append(data)
        chunk.append(contentsOf: [0x0D, 0x0A])
        guard Socket.sendAll(fd, chunk) else { return false }
      case .pause(let milliseconds):
        guard core.wake.sleep(milliseconds: milliseconds) else { return false }
      case .hang:
        holdOpen()
        return false
      case .cut:
        return false
      case .flood(let piece, let times, let probe):
        guard flood(piece, times: times, probe: probe) else { return false }
      }
    }
    return Socket.sendAll(fd, Data("0\r\n\r\n".utf8))
  }

  /// Sends `piece` `times` times in chunks of about 256 KB, telling `probe` whenever a write has to wait half a
  /// second for the client: that is what a client that applies backpressure does to a fast server.
  private func flood(_ piece: Data, times: Int, probe: FloodProbe) -> Bool {
    let perChunk = max(1, (256 << 10) / max(1, piece.count))
    var batch = Data()
    for _ in 0..<perChunk { batch.append(piece) }
    var chunk = Data(String(batch.count, radix: 16).utf8)
    chunk.append(contentsOf: [0x0D, 0x0A])
    chunk.append(batch)
    chunk.append(contentsOf: [0x0D, 0x0A])
    var left = times
    while left > 0 {
      var writable = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
      if poll(&writable, 1, 500) == 0 { probe.markStalled() }
      let count = min(left, perChunk)
      if count < perChunk {
        var last = Data(String(piece.count * count, radix: 16).utf8)
        last.append(contentsOf: [0x0D, 0x0A])
        for _ in 0..<count { last.append(piece) }
        last.append(contentsOf: [0x0D, 0x0A])
        guard Socket.sendAll(fd, last) else { return false }
      } else {
        guard Socket.sendAll(fd, chunk) else { return false }
      }
      probe.add(piece.count * count)
      left -= count
    }
    return true
  }

  /// Keeps the socket open, discarding input, until the client closes it or the server stops.
  private func holdOpen() {
    var discard: [UInt8] = []
    while Socket.waitReadable(fd, orWake: core.wake.readFD) {
      discard.removeAll(keepingCapacity: true)
      guard Socket.receive(fd, into: &discard) else { return }
    }
  }
}

/// A parsed request line and header block.
struct RequestHead {
  let method: String
  let target: String
  let version: String
  let headers: [(name: String, value: String)]

  func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked.
  var keepAlive: Bool {
    let connection = header("connection")?.lowercased() ?? ""
    if version == "HTTP/1.0" { return connection.contains("keep-alive") }
    return !connection.contains("close")
  }

  var isChunked: Bool {
    header("transfer-encoding")?.lowercased().contains("chunked") ?? false
  }

  var contentLength: Int {
    header("content-length").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
  }
}

/// Reads requests off a socket, keeping bytes that belong to the next (pipelined) request.
struct RequestReader {
  let fd: Int32
  private var buffer: [UInt8] = []

  init(fd: Int32) {
    self.fd = fd
  }

  /// The next request head, or nil when the client closed the connection (or sent garbage).
  mutating func readHead() -> RequestHead? {
    var searchFrom = 0
    while true {
      if let end = find([0x0D, 0x0A, 0x0D, 0x0A], from: searchFrom) {
        let text = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        return Self.parseHead(text)
      }
      searchFrom = max(0, buffer.count - 3)
      guard buffer.count < 1 << 20, Socket.receive(fd, into: &buffer) else { return nil }
    }
  }

  func bodyExpected(_ head: RequestHead) -> Bool {
    head.isChunked || head.contentLength > buffer.count
  }

  /// The body by Content-Length or chunked transfer encoding; nil if the connection ended first.
  mutating func readBody(_ head: RequestHead) -> Data? {
    if head.isChunked { return readChunkedBody() }
    let length = head.contentLength
    guard fill(length) else { return nil }
    let body = Data(buffer[0..<length])
    buffer.removeFirst(length)
    return body
  }

  private mutating func readChunkedBody() -> Data? {
    var body = Data()
    while true {
      guard let line = readLine() else { return nil }
      let size = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      guard let count = Int(size, radix: 16) else { return nil }
      if count == 0 {
        // Trailer fields, up to the blank line.
        while true {
          guard let trailer = readLine() else { return nil }
          if trailer.isEmpty { return body }
        }
      }
      guard fill(count + 2) else { return nil }
      body.append(contentsOf: buffer[0..<count])
      buffer.removeFirst(count + 2)
    }
  }

  private mutating func readLine() -> String? {
    var searchFrom = 0
    while true {
      if let end = find([0x0D, 0x0A], from: searchFrom) {
        let line = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 2)
        return line
      }
      searchFrom = max(0, buffer.count - 1)
      guard Socket.receive(fd, into: &buffer) else { return nil }
    }
  }

  /// Reads until the buffer holds at least `count` bytes.
  private mutating func fill(_ count: Int) -> Bool {
    while buffer.count < count {
      guard Socket.receive(fd, into: &buffer) else { return false }
    }
    return true
  }

  private func find(_ pattern: [UInt8], from start: Int) -> Int? {
    guard buffer.count >= pattern.count else { return nil }
    var index = start
    while index <= buffer.count - pattern.count {
      if buffer[index] == pattern[0] && Array(buffer[index..<index + pattern.count]) == pattern { return index }
      index += 1
    }
    return nil
  }

  static func parseHead(_ text: String) -> RequestHead? {
    var lines = text.components(separatedBy: "\r\n")
    // Tolerate stray CRLFs between keep-alive requests (RFC 9112 2.2).
    while lines.first?.isEmpty == true { lines.removeFirst() }
    guard !lines.isEmpty else { return nil }
    let parts = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 3 else { return nil }
    let headers = lines.compactMap { line -> (name: String, value: String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    return RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
  }
}

/// Reason phrases for the status line.
enum HTTPStatus {
  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 204: "No Content"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 408: "Request Timeout"
    case 409: "Conflict"
    case 413: "Payload Too Large"
    case 422: "Unprocessable Entity"
    case 424: "Failed Dependency"
    case 429: "Too Many Requests"
    case 498: "Flex Tier Capacity Exceeded"
    case 499: "Client Closed Request"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: "Status \(status)"
    }
  }
}
