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

/// The text/event-stream format (WHATWG HTML, "Server-sent events"), decoded from bytes as they arrive.
///
/// It works on bytes and decodes UTF-8 only for whole lines, so a character split across two network reads comes
/// out whole (platform-notes section 3). Line ends may be LF, CRLF or a lone CR, even a CRLF split across reads.
/// It knows nothing of JSON or of `[DONE]`: that is `ChatStreamInterpreter`'s job.
public struct SSEDecoder: Sendable {
  private var buffer: [UInt8] = []
  /// The last line ended in CR: a LF at the start of the next read belongs to it.
  private var skipLeadingLF = false
  private var eventType: String?
  private var data: String = ""
  private var hasData = false
  private var lastID: String?

  public init() {}

  /// Feeds bytes in; returns every event they complete.
  public mutating func push(_ bytes: some Sequence<UInt8>) -> [SSEEvent] {
    buffer.append(contentsOf: bytes)
    var events: [SSEEvent] = []
    var lineStart = 0
    var index = 0
    let count = buffer.count
    if skipLeadingLF, count > 0 {
      if buffer[0] == 0x0A { lineStart = 1; index = 1 }
      skipLeadingLF = false
    }
    while index < count {
      let byte = buffer[index]
      if byte == 0x0A || byte == 0x0D {
        if let event = processLine(buffer[lineStart..<index]) { events.append(event) }
        if byte == 0x0D {
          if index + 1 < count {
            if buffer[index + 1] == 0x0A { index += 1 }
          } else {
            skipLeadingLF = true
          }
        }
        lineStart = index + 1
      }
      index += 1
    }
    buffer.removeFirst(lineStart)
    return events
  }

  /// Ends the stream. An event without its closing blank line is dropped, as the spec says: the stream was cut.
  public mutating func finish() -> [SSEEvent] {
    buffer.removeAll()
    data = ""
    hasData = false
    eventType = nil
    return []
  }

  private mutating func processLine(_ line: ArraySlice<UInt8>) -> SSEEvent? {
    if line.isEmpty { return dispatch() }
    if line.first == UInt8(ascii: ":") { return nil }  // a comment, e.g. a keep-alive
    let colon = line.firstIndex(of: UInt8(ascii: ":"))
    let nameBytes = line[line.startIndex..<(colon ?? line.endIndex)]
    var valueStart = colon.map { $0 + 1 } ?? line.endIndex
    if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
    let value = line[valueStart..<line.endIndex]
    switch String(decoding: nameBytes, as: UTF8.self) {
    case "data":
      if hasData { data.append("\n") }
      data.append(String(decoding: value, as: UTF8.self))
      hasData = true
    case "event": eventType = String(decoding: value, as: UTF8.self)
    case "id":
      if !value.contains(0) { lastID = String(decoding: value, as: UTF8.self) }
    default: break  // `retry` and unknown fields mean nothing to a one-shot client
    }
    return nil
  }

  private mutating func dispatch() -> SSEEvent? {
    defer {
      data = ""
      hasData = false
      eventType = nil
    }
    guard hasData else { return nil }
    return SSEEvent(event: eventType.flatMap { $0.isEmpty ? nil : $0 }, data: data, id: lastID)
  }
}
