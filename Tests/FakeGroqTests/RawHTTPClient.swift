import Foundation
@preconcurrency import Glibc
import Testing

/// One response as it came off the wire, chunk framing included.
struct RawResponse {
  var status = 0
  var headers: [(name: String, value: String)] = []
  var body = Data()
  /// The chunk payloads in order (empty for Content-Length bodies).
  var chunks: [Data] = []
  /// False when the connection ended before the body did (no terminating chunk, short Content-Length).
  var complete = false

  func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  var text: String { String(decoding: body, as: UTF8.self) }

  func json() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
  }
}

/// A minimal HTTP/1.1 client on a raw socket, so tests can see exact bytes, chunk boundaries and connection reuse.
final class RawHTTPClient {
  private let fd: Int32
  private var buffer: [UInt8] = []

  init(port: Int) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    address.sin_addr = in_addr(s_addr: in_addr_t(0x7F00_0001).bigEndian)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    // A failing test must not block forever on a read.
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    try #require(connected == 0)
  }

  deinit {
    close(fd)
  }

  /// Sends a request with the given body (Content-Length set) and the test API key unless `auth` is nil.
  func request(
    _ method: String, _ path: String, body: String? = nil, auth: String? = "gsk_test_key",
    headers: [String] = []
  ) -> RawResponse {
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if let auth { head += "Authorization: Bearer \(auth)\r\n" }
    for header in headers { head += header + "\r\n" }
    if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
    send(head + "\r\n" + (body ?? ""))
    return readResponse()
  }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if count <= 0 { return }
      sent += count
    }
  }

  /// Reads one status line (skipping interim 1xx responses), headers and body.
  func readResponse() -> RawResponse {
    var response = RawResponse()
    repeat {
      guard let statusLine = readLine() else { return response }
      response = RawResponse()
      response.status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
      while let line = readLine(), !line.isEmpty {
        guard let colon = line.firstIndex(of: ":") else { continue }
        response.headers.append(
          (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
      }
    } while (100..<200).contains(response.status)

    if response.header("transfer-encoding")?.lowercased() == "chunked" {
      while let sizeLine = readLine(), let size = Int(sizeLine, radix: 16) {
        if size == 0 {
          response.complete = readLine() != nil
          return response
        }
        guard let chunk = read(size + 2) else { return response }
        response.chunks.append(Data(chunk.prefix(size)))
        response.body.append(contentsOf: chunk.prefix(size))
      }
      return response
    }
    let length = Int(response.header("content-length") ?? "0") ?? 0
    if let body = read(length) {
      response.body = Data(body)
      response.complete = true
    }
    return response
  }

  /// True when the server has closed the connection (EOF) rather than sending more bytes.
  func readsEOF() -> Bool {
    buffer.isEmpty && !fill()
  }

  private func readLine() -> String? {
    while true {
      if let index = buffer.firstIndex(of: 0x0A) {
        var line = Array(buffer[..<index])
        buffer.removeFirst(index + 1)
        if line.last == 0x0D { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
      }
      guard fill() else { return nil }
    }
  }

  private func read(_ count: Int) -> [UInt8]? {
    while buffer.count < count {
      guard fill() else { return nil }
    }
    defer { buffer.removeFirst(count) }
    return Array(buffer[..<count])
  }

  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    buffer.append(contentsOf: chunk[..<count])
    return true
  }
}
