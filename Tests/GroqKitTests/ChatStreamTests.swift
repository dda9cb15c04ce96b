import Foundation
import Testing

@testable import GroqKit

/// Chunks shaped as Groq sends them (groq-api.md 3.4).
private enum Fixture {
  static let first =
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"x_groq":{"id":"req_01abc"}}"#

  static func content(_ text: String) -> String {
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":"\#(text)"},"logprobs":null,"finish_reason":null}]}"#
  }

  static let usageJSON =
    #"{"queue_time":0.02,"prompt_tokens":9,"prompt_time":0.001,"completion_tokens":2,"completion_time":0.003,"total_tokens":11,"total_time":0.004}"#

  static let usage = Usage(
    promptTokens: 9, completionTokens: 2, totalTokens: 11, queueTime: 0.02, promptTime: 0.001, completionTime: 0.003,
    totalTime: 0.004)

  /// The finish chunk with usage in `x_groq`, Groq's default.
  static let finish =
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"x_groq":{"id":"req_01abc","usage":\#(usageJSON)}}"#

  /// A finish chunk without usage anywhere.
  static let bareFinish =
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}"#

  /// A finish chunk with a top-level `usage`, as recent traces show.
  static let finishWithTopLevelUsage =
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":\#(usageJSON)}"#

  /// The trailing chunk `stream_options.include_usage` adds.
  static let usageOnly =
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[],"usage":\#(usageJSON)}"#

  static func event(_ json: String) -> String { "data: \(json)\n\n" }
  static let done = "data: [DONE]\n\n"
}

private let request = ChatCompletionRequest(model: "m", messages: [.user("hi")])

/// Streams a scripted body through the public client API and collects the batches.
private func batches(_ reads: [String], headers: [String: String] = [:]) async throws -> [ChatStreamRead] {
  let transport = FakeTransport([.stream(reads, headers: headers)])
  let stream = try await makeClient(transport).streamChatCompletion(request)
  var result: [ChatStreamRead] = []
  for try await batch in stream { result.append(batch) }
  return result
}

/// Expects the stream to fail with a `GroqError`, and returns it.
private func streamError(_ reads: [String], headers: [String: String] = [:]) async throws -> GroqError {
  let transport = FakeTransport([.stream(reads, headers: headers)])
  let stream = try await makeClient(transport).streamChatCompletion(request)
  let error = await #expect(throws: GroqError.self) {
    for try await _ in stream {}
  }
  return try #require(error)
}

private func text(_ batches: [ChatStreamRead]) -> String {
  batches.map(\.text).joined()
}

/// The chunks that were not plain content, across reads.
private func chunks(_ batches: [ChatStreamRead]) -> [ChatCompletionChunk] {
  batches.flatMap(\.chunks)
}

@Suite struct ChatStreamTests {
  @Test("content deltas are concatenated into the answer")
  func concatenatesText() async throws {
    let reads =
      [Fixture.first, Fixture.content("Hel"), Fixture.content("lo, "), Fixture.content("world"), Fixture.finish]
      .map(Fixture.event) + [Fixture.done]
    #expect(text(try await batches(reads)) == "Hello, world")
  }

  @Test("usage is taken from x_groq.usage on the finish chunk")
  func usageFromXGroq() async throws {
    let reads = [Fixture.event(Fixture.first), Fixture.event(Fixture.finish), Fixture.done]
    #expect(chunks(try await batches(reads)).compactMap(\.anyUsage) == [Fixture.usage])
  }

  @Test("usage is taken from a top-level usage on the finish chunk")
  func usageFromTopLevel() async throws {
    let reads = [Fixture.event(Fixture.first), Fixture.event(Fixture.finishWithTopLevelUsage), Fixture.done]
    #expect(chunks(try await batches(reads)).compactMap(\.anyUsage) == [Fixture.usage])
  }

  @Test("usage is taken from a trailing chunk with empty choices")
  func usageFromEmptyChoicesChunk() async throws {
    let reads =
      [Fixture.first, Fixture.content("Hi"), Fixture.bareFinish, Fixture.usageOnly].map(Fixture.event) + [
        Fixture.done
      ]
    let result = try await batches(reads)
    let last = try #require(chunks(result).last)
    #expect(last.choices.isEmpty)
    #expect(last.content == nil)
    #expect(last.anyUsage == Fixture.usage)
    #expect(text(result) == "Hi")
  }

  @Test("[DONE] ends the stream even when more bytes follow it")
  func doneEndsIteration() async throws {
    let reads = [
      Fixture.event(Fixture.first) + Fixture.done + "data: {not json\n\n",
      "event: error\ndata: {\"error\":{\"message\":\"after done\"}}\n\n",
    ]
    let result = try await batches(reads)
    #expect(result.map(\.chunks.count) == [1])
  }

  @Test("event: error throws a stream error with the server's message and code")
  func errorEventThrows() async throws {
    let reads = [
      Fixture.event(Fixture.first) + Fixture.event(Fixture.content("partial")),
      "event: error\ndata: {\"error\":{\"message\":\"Failed to call a function.\",\"type\":\"invalid_request_error\",\"code\":\"tool_use_failed\"}}\n\n",
    ]
    let error = try await streamError(reads)
    #expect(error.kind == .stream)
    #expect(error.message == "Failed to call a function.")
    #expect(error.code == "tool_use_failed")
    #expect(error.type == "invalid_request_error")
  }

  @Test("a stream error carries the request id from x_groq.id when the header is missing")
  func errorEventCarriesRequestID() async throws {
    let reads = [
      Fixture.event(Fixture.first),
      "event: error\ndata: {\"error\":{\"message\":\"boom\",\"type\":\"internal_server_error\"}}\n\n",
    ]
    let error = try await streamError(reads)
    #expect(error.requestID == "req_01abc")
  }

  @Test("a data object with an error key throws a stream error")
  func errorKeyThrows() async throws {
    let reads = [
      Fixture.event(Fixture.first),
      Fixture.event(
        #"{"error":{"message":"invalid tool call","type":"invalid_request_error","code":"invalid_tool_call"}}"#),
    ]
    let error = try await streamError(reads)
    #expect(error.kind == .stream)
    #expect(error.message == "invalid tool call")
    #expect(error.code == "invalid_tool_call")
  }

  @Test("x_groq.error throws a stream error with its text")
  func xGroqErrorThrows() async throws {
    let reads = [
      Fixture.event(Fixture.first),
      Fixture.event(
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[],"x_groq":{"id":"req_01abc","error":"over capacity"}}"#
      ),
    ]
    let error = try await streamError(reads)
    #expect(error.kind == .stream)
    #expect(error.message == "over capacity")
  }

  @Test("a body that ends before [DONE] and before a finish_reason is a connection error")
  func cutStreamThrows() async throws {
    let reads = [Fixture.event(Fixture.first), Fixture.event(Fixture.content("Hal"))]
    let error = try await streamError(reads, headers: ["x-request-id": "req_cut"])
    #expect(error.kind == .connection)
    #expect(error.requestID == "req_cut")
  }

  @Test("a body that ends after a finish_reason without [DONE] is complete")
  func finishWithoutDoneIsAccepted() async throws {
    let reads = [Fixture.first, Fixture.content("Hi"), Fixture.finish].map(Fixture.event)
    let result = try await batches(reads)
    #expect(text(result) == "Hi")
    // The plain content delta is text only; the role chunk and the finish chunk stay chunks.
    #expect(chunks(result).count == 2)
  }

  @Test("runs of empty-content deltas do not end the stream")
  func emptyDeltasContinue() async throws {
    let empties = Array(repeating: Fixture.event(Fixture.content("")), count: 20)
    let reads =
      [Fixture.event(Fixture.first)] + empties + [
        Fixture.event(Fixture.content("Hi")), Fixture.event(Fixture.finish), Fixture.done,
      ]
    let result = try await batches(reads)
    #expect(text(result) == "Hi")
    #expect(chunks(result).count == 2)
  }

  @Test("a read takes every chunk that has arrived: separate arrivals stay separate, a backlog comes at once")
  func batchesFollowArrivals() async throws {
    let third = Fixture.event(Fixture.content("c"))
    let cut = third.index(third.startIndex, offsetBy: 40)
    let body = ResponseBody()
    let stream = ChatCompletionStream(response: HTTPResponse(status: 200, headers: HTTPHeaders(), body: body))
    var iterator = stream.makeAsyncIterator()
    body.append(Data((Fixture.event(Fixture.first) + Fixture.event(Fixture.content("a")) + String(third[..<cut])).utf8))
    let first = try await iterator.next()
    #expect(first?.chunks.count == 1)
    #expect(first?.text == "a")
    body.append(Data((String(third[cut...]) + Fixture.event(Fixture.content("d"))).utf8))
    let second = try await iterator.next()
    #expect(second?.text == "cd")
    #expect(second?.chunks.isEmpty == true)
    body.append(Data(": keep-alive\n\n".utf8))
    body.append(Data(Fixture.event(Fixture.content("e")).utf8))
    body.append(Data((Fixture.event(Fixture.finish) + Fixture.done).utf8))
    body.finish()
    let last = try await iterator.next()
    #expect(last?.text == "e")
    #expect(last?.chunks.count == 1)
    #expect(try await iterator.next() == nil)
  }

  @Test("an error in the same read as some chunks comes after those chunks, so none is lost")
  func errorAfterChunksOfOneRead() async throws {
    let body = ResponseBody([
      Data(
        (Fixture.event(Fixture.first) + Fixture.event(Fixture.content("kept"))
          + "event: error\ndata: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}\n\n").utf8)
    ])
    let stream = ChatCompletionStream(response: HTTPResponse(status: 200, headers: HTTPHeaders(), body: body))
    var iterator = stream.makeAsyncIterator()
    #expect(try await iterator.next()?.text == "kept")
    await #expect(throws: GroqError.self) { try await iterator.next() }
  }

  @Test("content cut across reads, inside a multi-byte character, comes out whole and in order")
  func contentSplitAcrossReads() async throws {
    let events =
      [Fixture.first, Fixture.content("h\u{e9}llo "), Fixture.content("\u{1F600}\u{4E16}"), Fixture.finish]
      .map(Fixture.event).joined() + Fixture.done
    let bytes = Array(events.utf8)
    // Cut inside the é's two bytes and twice inside the emoji's four: no read alone is valid UTF-8.
    let eAcute = try #require(bytes.firstIndex(of: 0xC3))
    let emoji = try #require(bytes.firstIndex(of: 0xF0))
    let cuts = [0, eAcute + 1, emoji + 2, emoji + 3, bytes.count]
    let body = ResponseBody(zip(cuts, cuts.dropFirst()).map { Data(bytes[$0..<$1]) })
    let stream = ChatCompletionStream(response: HTTPResponse(status: 200, headers: HTTPHeaders(), body: body))
    var result: [ChatStreamRead] = []
    for try await read in stream { result.append(read) }
    #expect(text(result) == "h\u{e9}llo \u{1F600}\u{4E16}")
    #expect(result.allSatisfy { String(validating: $0.content, as: UTF8.self) != nil })
  }

  @Test("escaped content is decoded, and content in other chunks keeps its place between plain pieces")
  func escapesAndOrder() async throws {
    let reasoningAndContent =
      #"{"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":"B","reasoning":"why"},"finish_reason":null}]}"#
    let events = [
      Fixture.first, Fixture.content(#"A\n\"q\" \u00e9\ud83d\ude00"#), reasoningAndContent, Fixture.content("C"),
      Fixture.finish,
    ]
    let result = try await batches([events.map(Fixture.event).joined() + Fixture.done])
    #expect(text(result) == "A\n\"q\" \u{e9}\u{1F600}BC")
    #expect(chunks(result).compactMap(\.choices.first?.delta.reasoning) == ["why"])
  }

  @Test("an unreadable data event is an invalid response")
  func unreadableEventThrows() async throws {
    let error = try await streamError([Fixture.event(Fixture.first), "data: {\"choices\":\n\n"])
    #expect(error.kind == .invalidResponse)
  }

  @Test("the stream exposes the response's request id")
  func requestIDFromHeader() async throws {
    let transport = FakeTransport([.stream([Fixture.done], headers: ["x-request-id": "req_hdr"])])
    let stream = try await makeClient(transport).streamChatCompletion(request)
    #expect(stream.requestID == "req_hdr")
  }
}
