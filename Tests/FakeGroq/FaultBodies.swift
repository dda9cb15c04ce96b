import Foundation
@preconcurrency import Glibc

/// What the server saw while it flooded a client: how much it sent, and whether the client stopped taking it.
public final class FloodProbe: @unchecked Sendable {
  private let condition = NSCondition()
  private var sentBytes = 0
  private var blocked = false

  public init() {}

  /// Bytes written so far.
  public var sent: Int { condition.withLock { sentBytes } }
  /// True once a write had to wait: the client stopped reading, so its buffers are full (backpressure).
  public var stalled: Bool { condition.withLock { blocked } }

  func add(_ count: Int) {
    condition.withLock { sentBytes += count }
    condition.broadcast()
  }

  func markStalled() {
    condition.withLock { blocked = true }
    condition.broadcast()
  }

  /// Waits until the client stalls the server or `bytes` have gone out; false on timeout.
  public func wait(stalledOr bytes: Int, timeout: Double = 30) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while !blocked && sentBytes < bytes {
      if !condition.wait(until: deadline) { return blocked || sentBytes >= bytes }
    }
    return true
  }
}

/// Hand-made bodies for the hardening tests.
public enum FaultBodies {
  /// A gzip stream that inflates to `prefix` followed by `count` copies of `byte`, at about 1:160 (deflate's
  /// fixed Huffman codes: one literal, then 258-byte matches at distance 1). It has no end: the client must give
  /// up first.
  public static func gzipBomb(prefix: String, byte: UInt8, count: Int) -> Data {
    var writer = BitWriter()
    writer.bytes = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]  // gzip header: deflate, no name, Unix
    writer.bits(1, 1)  // BFINAL
    writer.bits(1, 2)  // BTYPE 01: fixed Huffman codes
    for byte in Array(prefix.utf8) + [byte] { writer.literal(byte) }
    for _ in 0..<(count / 258) {
      writer.huffman(0xC5, 8)  // length code 285: 258 bytes
      writer.huffman(0, 5)  // distance code 0: distance 1
    }
    return Data(writer.bytes)
  }

  private struct BitWriter {
    var bytes: [UInt8] = []
    private var accumulator: UInt32 = 0
    private var used = 0

    /// Deflate's extra bits and header fields: least significant bit first.
    mutating func bits(_ value: UInt32, _ count: Int) {
      accumulator |= value << UInt32(used)
      used += count
      while used >= 8 {
        bytes.append(UInt8(accumulator & 0xFF))
        accumulator >>= 8
        used -= 8
      }
    }

    /// Huffman codes go most significant bit first.
    mutating func huffman(_ code: UInt32, _ length: Int) {
      var reversed: UInt32 = 0
      for bit in 0..<length where code & (1 << UInt32(bit)) != 0 { reversed |= 1 << UInt32(length - 1 - bit) }
      bits(reversed, length)
    }

    /// A literal byte below 144: an 8-bit code from 0x30.
    mutating func literal(_ byte: UInt8) {
      precondition(byte < 144)
      huffman(0x30 + UInt32(byte), 8)
    }
  }
}
