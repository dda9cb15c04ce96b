import Foundation
@preconcurrency import Glibc

/// Thin wrappers over Glibc sockets. Every descriptor is close-on-exec so `groq` processes spawned by tests never
/// inherit a server socket (an inherited socket would keep a connection open after the server closed it).
enum Socket {
  /// Opens a TCP listener on 127.0.0.1 (`port` 0 picks a free one) and returns it with the port actually bound.
  static func listen(port: Int) throws -> (fd: Int32, port: Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw FakeGroqError(call: "socket") }
    var one: Int32 = 1
    // Lets a benchmark restart on a fixed port while old connections sit in TIME_WAIT.
    _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))

    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    address.sin_addr = in_addr(s_addr: in_addr_t(0x7F00_0001).bigEndian)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else {
      let error = FakeGroqError(call: "bind")
      close(fd)
      throw error
    }
    guard Glibc.listen(fd, 128) == 0 else {
      let error = FakeGroqError(call: "listen")
      close(fd)
      throw error
    }

    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else {
      let error = FakeGroqError(call: "getsockname")
      close(fd)
      throw error
    }
    return (fd, Int(UInt16(bigEndian: address.sin_port)))
  }

  /// Accepts one connection, or nil on a transient failure (the caller just polls again).
  static func accept(_ listener: Int32) -> Int32? {
    // accept4/pipe2 are _GNU_SOURCE and not imported into Swift, hence accept + fcntl.
    let fd = Glibc.accept(listener, nil, nil)
    guard fd >= 0 else { return nil }
    setCloseOnExec(fd)
    var one: Int32 = 1
    // Without TCP_NODELAY, Nagle + the client's delayed ACK add ~40 ms to every small response.
    _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    return fd
  }

  static func setCloseOnExec(_ fd: Int32) {
    _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
  }

  /// Writes every byte, retrying on EINTR and short writes. False when the peer is gone (EPIPE, ECONNRESET, …).
  static func sendAll(_ fd: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { raw -> Bool in
      guard var pointer = raw.baseAddress else { return true }
      var remaining = raw.count
      while remaining > 0 {
        // MSG_NOSIGNAL: a closed peer must give EPIPE, never kill the test runner with SIGPIPE.
        let written = send(fd, pointer, remaining, Int32(MSG_NOSIGNAL))
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        pointer += written
        remaining -= written
      }
      return true
    }
  }

  /// Reads what is available (blocking) and appends it to `buffer`. Returns false on EOF or error.
  static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 {
        buffer.append(contentsOf: chunk[0..<count])
        return true
      }
      if count < 0 && errno == EINTR { continue }
      return false
    }
  }

  /// Waits until `fd` is readable or `wake` fires. Returns true only when `fd` has data (or EOF) to read.
  static func waitReadable(_ fd: Int32, orWake wake: Int32) -> Bool {
    var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
    while true {
      let ready = poll(&fds, 2, -1)
      if ready < 0 && errno == EINTR { continue }
      if ready < 0 || fds[1].revents != 0 { return false }
      if fds[0].revents != 0 { return true }
    }
  }
}

/// A self-pipe that is made readable once, at stop, so every poll() in the server wakes up and sees it.
/// It is never drained: later polls must see it too.
final class WakePipe: @unchecked Sendable {
  let readFD: Int32
  private let writeFD: Int32

  init() throws {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw FakeGroqError(call: "pipe") }
    readFD = fds[0]
    writeFD = fds[1]
    Socket.setCloseOnExec(readFD)
    Socket.setCloseOnExec(writeFD)
  }

  /// Makes the read end readable forever.
  func fire() {
    var byte: UInt8 = 1
    _ = write(writeFD, &byte, 1)
  }

  /// Sleeps for `milliseconds` unless the pipe fires first; returns false if it fired (the server is stopping).
  func sleep(milliseconds: Int) -> Bool {
    let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
    var fds = [pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)]
    while true {
      let left = Int32(max(0, (deadline.timeIntervalSinceNow * 1000).rounded(.up)))
      let ready = poll(&fds, 1, left)
      if ready < 0 && errno == EINTR { continue }
      if ready > 0 { return false }
      if left == 0 || ready == 0 { return true }
    }
  }

  deinit {
    close(readFD)
    close(writeFD)
  }
}

/// An OS-level failure while setting the server up.
public struct FakeGroqError: Error, CustomStringConvertible {
  public let description: String

  init(call: String) {
    description = "\(call) failed: \(String(cString: strerror(errno)))"
  }

  init(_ message: String) {
    description = message
  }
}
