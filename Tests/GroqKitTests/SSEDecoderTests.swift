import Testing

@testable import GroqKit

/// A text/event-stream literal and the events it must decode to, however the network cuts it up.
struct SSECase: Sendable, CustomTestStringConvertible {
  var name: String
  var input: String
  var expected: [SSEEvent]

  var testDescription: String { name }
  var bytes: [UInt8] { Array(input.utf8) }

  init(_ name: String, _ input: String, _ expected: [SSEEvent]) {
    self.name = name
    self.input = input
    self.expected = expected
  }

  static let all: [SSECase] = [
    SSECase("LF line ends", "data: a\n\ndata: b\n\n", [SSEEvent(data: "a"), SSEEvent(data: "b")]),
    SSECase("CRLF line ends", "data: a\r\n\r\ndata: b\r\n\r\n", [SSEEvent(data: "a"), SSEEvent(data: "b")]),
    SSECase("lone CR line ends", "data: a\r\rdata: b\r\r", [SSEEvent(data: "a"), SSEEvent(data: "b")]),
    SSECase(
      "CRLF line ends inside a multi-line event", "data: a\r\ndata: b\r\n\r\n", [SSEEvent(data: "a\nb")]),
    SSECase(
      "comments are skipped", ": keep-alive\n\ndata: x\n: a comment between fields\ndata: y\n\n: bye\n\n",
      [SSEEvent(data: "x\ny")]),
    SSECase(
      "multi-line data joined with LF", "data: line 1\ndata: line 2\ndata: line 3\n\n",
      [SSEEvent(data: "line 1\nline 2\nline 3")]),
    SSECase(
      "event: error names the event, and only that one",
      "event: error\ndata: {\"error\":{\"message\":\"boom\"}}\n\ndata: next\n\n",
      [SSEEvent(event: "error", data: #"{"error":{"message":"boom"}}"#), SSEEvent(data: "next")]),
    SSECase("data: without a space", "data:x\n\n", [SSEEvent(data: "x")]),
    SSECase("only the first space after the colon is dropped", "data:  two\n\n", [SSEEvent(data: " two")]),
    SSECase(
      "id: is kept for later events", "id: 42\ndata: x\n\ndata: y\n\n",
      [SSEEvent(data: "x", id: "42"), SSEEvent(data: "y", id: "42")]),
    SSECase("an empty data line is an event with empty data", "data:\n\n", [SSEEvent(data: "")]),
    SSECase("an empty data line adds an empty line", "data: a\ndata:\n\n", [SSEEvent(data: "a\n")]),
    SSECase("a field without a colon has an empty value", "data\n\n", [SSEEvent(data: "")]),
    SSECase("event without a colon is the default type", "event\ndata: x\n\n", [SSEEvent(data: "x")]),
    SSECase("unknown fields and retry are ignored", "retry: 1000\nfoo: bar\ndata: x\n\n", [SSEEvent(data: "x")]),
    SSECase("a blank line with no data dispatches nothing", "event: ping\n\n\n\ndata: x\n\n", [SSEEvent(data: "x")]),
    SSECase(
      "an event without its closing blank line is dropped", "data: a\n\ndata: cut\n", [SSEEvent(data: "a")]),
    SSECase("a last line without its line end is dropped", "data: a\n\ndata: cut", [SSEEvent(data: "a")]),
    SSECase(
      "UTF-8 characters come out whole", "data: héllo wörld 🎉 日本\n\n", [SSEEvent(data: "héllo wörld 🎉 日本")]),
    SSECase(
      "Groq chunks then [DONE]", "data: {\"choices\":[]}\n\ndata: [DONE]\n\n",
      [SSEEvent(data: #"{"choices":[]}"#), SSEEvent(data: "[DONE]")]),
  ]
}

private func decodeWhole(_ bytes: [UInt8]) throws -> [SSEEvent] {
  var decoder = SSEDecoder()
  return try decoder.push(bytes) + decoder.finish()
}

private func decodeByteByByte(_ bytes: [UInt8]) throws -> [SSEEvent] {
  var decoder = SSEDecoder()
  return try bytes.flatMap { try decoder.push([$0]) } + decoder.finish()
}

private func decodeSplit(_ bytes: [UInt8], at offset: Int) throws -> [SSEEvent] {
  var decoder = SSEDecoder()
  return try decoder.push(bytes[..<offset]) + decoder.push(bytes[offset...]) + decoder.finish()
}

@Suite struct SSEDecoderTests {
  @Test("decodes the input pushed whole", arguments: SSECase.all)
  func whole(_ sample: SSECase) throws {
    #expect(try decodeWhole(sample.bytes) == sample.expected)
  }

  @Test("decodes the input pushed one byte at a time", arguments: SSECase.all)
  func byteByByte(_ sample: SSECase) throws {
    #expect(try decodeByteByByte(sample.bytes) == sample.expected)
  }

  @Test("decodes the input split into two pushes at every offset", arguments: SSECase.all)
  func everySplit(_ sample: SSECase) throws {
    let bytes = sample.bytes
    for offset in 0...bytes.count {
      #expect(try decodeSplit(bytes, at: offset) == sample.expected, "split at byte \(offset)")
    }
  }

  @Test("a LF at the start of a push completes a CR that ended the previous one")
  func crlfSplitAcrossPushes() throws {
    var decoder = SSEDecoder()
    // Were the LF a line of its own, it would be a blank line and end the event after "a".
    let events = try decoder.push(Array("data: a\r".utf8)) + decoder.push(Array("\ndata: b\r\n\r\n".utf8))
    #expect(events == [SSEEvent(data: "a\nb")])
  }

  @Test("a CR at the end of a push followed by a CR is a blank line")
  func crThenCrAcrossPushes() throws {
    var decoder = SSEDecoder()
    let events = try decoder.push(Array("data: a\r".utf8)) + decoder.push(Array("\rdata: b\r\r".utf8))
    #expect(events == [SSEEvent(data: "a"), SSEEvent(data: "b")])
  }

  @Test("a character split inside its bytes across pushes comes out whole")
  func utf8SplitInsideACharacter() throws {
    let bytes = Array("data: 🎉\n\n".utf8)
    var decoder = SSEDecoder()
    // "data: " is 6 bytes; the emoji is the next 4. Cut after its second byte.
    let first = try decoder.push(bytes[..<8])
    let second = try decoder.push(bytes[8...])
    #expect(first.isEmpty)
    #expect(second == [SSEEvent(data: "🎉")])
  }

  @Test("one push returns every event it completes")
  func manyEventsInOnePush() throws {
    let text = (0..<100).map { "data: event \($0)\n\n" }.joined()
    var decoder = SSEDecoder()
    let events = try decoder.push(Array(text.utf8))
    #expect(events.count == 100)
    #expect(events.first == SSEEvent(data: "event 0"))
    #expect(events.last == SSEEvent(data: "event 99"))
  }

  @Test("a push that completes no event returns none, and the next push finishes it")
  func partialEventWaitsForTheRest() throws {
    var decoder = SSEDecoder()
    #expect(try decoder.push(Array("data: hal".utf8)).isEmpty)
    #expect(try decoder.push(Array("f\n".utf8)).isEmpty)
    #expect(try decoder.push(Array("\n".utf8)) == [SSEEvent(data: "half")])
  }

  @Test("finish drops the event in progress, so a later push starts afresh")
  func finishDropsPendingEvent() throws {
    var decoder = SSEDecoder()
    _ = try decoder.push(Array("event: error\ndata: cut".utf8))
    #expect(decoder.finish().isEmpty)
    #expect(try decoder.push(Array("data: fresh\n\n".utf8)) == [SSEEvent(data: "fresh")])
  }

  @Test("a line that never ends is refused once it passes the cap, read by read")
  func lineCap() throws {
    var decoder = SSEDecoder(maxLine: 1000, maxEvent: 1000)
    #expect(try decoder.push(Array("data: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 900)).isEmpty)
    let error = #expect(throws: GroqError.self) {
      try decoder.push(Array(repeating: UInt8(ascii: "x"), count: 200))
    }
    #expect(error?.message.contains("line longer than") == true)
  }

  @Test("a complete line past the cap in one read is refused")
  func lineCapInOneRead() throws {
    var decoder = SSEDecoder(maxLine: 1000, maxEvent: 1000)
    #expect(throws: GroqError.self) {
      try decoder.push(Array("data: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 2000) + [0x0A])
    }
  }

  @Test("data lines with no blank line between them are refused once the event passes the cap")
  func eventCap() throws {
    var decoder = SSEDecoder(maxLine: 1000, maxEvent: 5000)
    let line = Array("data: ".utf8) + Array(repeating: UInt8(ascii: "y"), count: 90) + [0x0A]
    for _ in 0..<50 { #expect(try decoder.push(line).isEmpty) }
    #expect(throws: GroqError.self) { for _ in 0..<10 { _ = try decoder.push(line) } }
  }

  @Test("an event whose one data line outlives its read comes out intact")
  func dataLineAcrossReads() throws {
    var decoder = SSEDecoder()
    #expect(try decoder.push(Array("data: kept\n".utf8)).isEmpty)
    #expect(try decoder.push(Array("\n".utf8)) == [SSEEvent(data: "kept")])
  }
}
