#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One server-sent event.
public struct SSEEvent: Sendable, Equatable {
  /// The `event:` field; nil means the default, "message".
  public var event: String?
  /// The `data:` lines joined with "\n".
  public var data: String
  public var id: String?

  public init(event: String? = nil, data: String, id: String? = nil) {
    self.event = event
    self.data = data
    self.id = id
  }
}

/// One event as the decoder sees it, valid only inside the callback: its data are bytes in the decoder's or the
/// network read's memory, so the common event (one `data:` line) is never copied.
public struct SSEEventView {
  /// The `event:` field; nil means the default, "message".
  public var event: String?
  /// The `data:` lines joined with "\n".
  public var data: UnsafeRawBufferPointer
  public var id: String?

  /// A copy that outlives the callback.
  public var owned: SSEEvent {
    SSEEvent(event: event, data: String(decoding: data, as: UTF8.self), id: id)
  }
}

/// The text/event-stream format (WHATWG HTML, "Server-sent events"), decoded from bytes as they arrive.
///
/// One pass over the bytes of a read: a line is found with memchr and handled where it lies, and only a line cut by
/// the read's end is copied, to wait for the rest. It works on bytes and decodes UTF-8 only for whole lines, so a
/// character split across two network reads comes out whole (platform-notes section 3). Line ends may be LF, CRLF
/// or a lone CR, even a CRLF split across reads. It knows nothing of JSON or of `[DONE]`: that is
/// `ChatStreamInterpreter`'s job.
///
/// A line and an event are capped (`maxLine`, `maxEvent`): a server that sends a line without end, or `data:` lines
/// without the blank line that ends an event, gets an error instead of all of groq's memory.
public struct SSEDecoder: Sendable {
  /// A few MB: far above any chat chunk (a tool call's arguments included), far below trouble.
  public static let defaultLimit = 4 << 20

  /// The part of a line that the last read ended inside.
  private var carry: [UInt8] = []
  /// The last line ended in CR: a LF at the start of the next read belongs to it.
  private var skipLeadingLF = false
  private var eventType: String?
  /// The event's data when it has more than one line or outlived the read it arrived in.
  private var data: [UInt8] = []
  /// The event's one data line so far, in the current read's memory; moved into `data` before the read ends.
  nonisolated(unsafe) private var dataLine: UnsafeRawBufferPointer?
  private var hasData = false
  private var lastID: String?
  private let maxLine: Int
  private let maxEvent: Int

  public init(maxLine: Int = SSEDecoder.defaultLimit, maxEvent: Int = SSEDecoder.defaultLimit) {
    self.maxLine = maxLine
    self.maxEvent = maxEvent
  }

  /// Feeds bytes in; returns every event they complete.
  public mutating func push(_ bytes: some Sequence<UInt8>) throws -> [SSEEvent] {
    var events: [SSEEvent] = []
    let array = Array(bytes)
    try array.withUnsafeBytes { buffer in
      try push(buffer) { events.append($0.owned) }
    }
    return events
  }

  /// Feeds bytes in, calling `body` for each event they complete, in order.
  public mutating func push(
    _ bytes: UnsafeRawBufferPointer, _ body: (SSEEventView) throws -> Void
  ) throws {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    let count = bytes.count
    var start = 0
    if skipLeadingLF {
      skipLeadingLF = false
      if bytes[0] == 0x0A { start = 1 }
    }
    defer {
      // A one-line event whose blank line is still to come must not point into a read that is going away.
      if let line = dataLine {
        data.append(contentsOf: line)
        dataLine = nil
      }
    }
    while start < count {
      guard let end = Self.lineEnd(base + start, count - start).map({ start + $0 }) else {
        guard carry.count + (count - start) <= maxLine else { throw Self.tooLong("line", maxLine) }
        carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<count]))
        return
      }
      if carry.isEmpty {
        guard end - start <= maxLine else { throw Self.tooLong("line", maxLine) }
        try line(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), body)
      } else {
        guard carry.count + (end - start) <= maxLine else { throw Self.tooLong("line", maxLine) }
        carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        let whole = carry
        carry.removeAll(keepingCapacity: true)
        // The joined line is a copy: an event's one data line must not point into it once this call returns.
        try whole.withUnsafeBytes { line in
          try self.line(line, body)
          if let kept = dataLine {
            data.append(contentsOf: kept)
            dataLine = nil
          }
        }
      }
      if bytes[end] == 0x0D {
        if end + 1 < count {
          if bytes[end + 1] == 0x0A { start = end + 2 } else { start = end + 1 }
        } else {
          skipLeadingLF = true
          start = end + 1
        }
      } else {
        start = end + 1
      }
    }
  }

  /// The offset of the first CR or LF: memchr for LF (what Groq sends), then a look for a CR before it.
  private static func lineEnd(_ start: UnsafeRawPointer, _ count: Int) -> Int? {
    let lf = memchr(start, 0x0A, count).map { $0 - UnsafeMutableRawPointer(mutating: start) }
    let limit = lf ?? count
    if let cr = memchr(start, 0x0D, limit) { return cr - UnsafeMutableRawPointer(mutating: start) }
    return lf
  }

  private static func tooLong(_ what: String, _ limit: Int) -> GroqError {
    GroqError(
      kind: .invalidResponse, message: "the server sent a stream \(what) longer than \(limit >> 20) MB")
  }

  /// Ends the stream. An event without its closing blank line is dropped, as the spec says: the stream was cut.
  public mutating func finish() -> [SSEEvent] {
    carry.removeAll()
    data.removeAll()
    dataLine = nil
    hasData = false
    eventType = nil
    return []
  }

  private mutating func line(
    _ line: UnsafeRawBufferPointer, _ body: (SSEEventView) throws -> Void
  ) throws {
    guard let first = line.first else { return try dispatch(body) }
    if first == UInt8(ascii: ":") { return }  // a comment, e.g. a keep-alive
    let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.count
    var valueStart = min(colon + 1, line.count)
    if valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
    let value = UnsafeRawBufferPointer(rebasing: line[valueStart...])
    switch colon {
    case 4 where Self.equals(line, "data"):
      if hasData {
        if let kept = dataLine {
          data.append(contentsOf: kept)
          dataLine = nil
        }
        guard data.count + 1 + value.count <= maxEvent else { throw Self.tooLong("event", maxEvent) }
        data.append(0x0A)
        data.append(contentsOf: value)
      } else {
        dataLine = value
      }
      hasData = true
    case 5 where Self.equals(line, "event"): eventType = String(decoding: value, as: UTF8.self)
    case 2 where Self.equals(line, "id"):
      if !value.contains(0) { lastID = String(decoding: value, as: UTF8.self) }
    default: break  // `retry` and unknown fields mean nothing to a one-shot client
    }
  }

  private static func equals(_ line: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
    memcmp(line.baseAddress!, name.utf8Start, name.utf8CodeUnitCount) == 0
  }

  private mutating func dispatch(_ body: (SSEEventView) throws -> Void) throws {
    defer {
      data.removeAll(keepingCapacity: data.capacity <= 64 << 10)
      dataLine = nil
      hasData = false
      eventType = nil
    }
    guard hasData else { return }
    let type = eventType.flatMap { $0.isEmpty ? nil : $0 }
    if let line = dataLine {
      try body(SSEEventView(event: type, data: line, id: lastID))
    } else {
      try data.withUnsafeBytes { bytes in
        try body(SSEEventView(event: type, data: bytes, id: lastID))
      }
    }
  }
}
