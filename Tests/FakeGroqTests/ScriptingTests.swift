import FakeGroq
import Foundation
import Testing

/// Scripted answers: the FIFO, handler, stream options and connection-level failures.
@Suite struct ScriptingTests {
  let server: FakeGroqServer
  let client: RawHTTPClient

  init() throws {
    server = try FakeGroqServer()
    client = try RawHTTPClient(port: server.port)
  }

  @Test func scripted429ThenDefaultAnswerOnSameConnection() throws {
    server.enqueue(.rateLimited())
    let limited = client.request("POST", "/openai/v1/chat/completions", body: chatBody())
    #expect(limited.status == 429)
    #expect(limited.header("retry-after") == "2")
    #expect(limited.header("x-ratelimit-remaining-tokens") == "19")
    #expect(limited.header("x-request-id")?.hasPrefix("req_01") == true)
    let error = try #require(try limited.json()["error"] as? [String: Any])
    #expect((error["message"] as? String)?.hasPrefix("Rate limit reached for model `openai/gpt-oss-120b`") == true)
    #expect(error["type"] as? String == "tokens")
    #expect(error["code"] as? String == "rate_limit_exceeded")

    let retried = client.request("POST", "/openai/v1/chat/completions", body: chatBody())
    #expect(retried.status == 200)
    #expect(server.waitForRequests(2))
    #expect(server.requests.map(\.connection) == [1, 1])
    #expect(try server.requests[0].json()["model"] as? String == "allam-2-7b")
  }

  @Test func groqErrorOmitsAbsentKeysAndHeadersOverrideDefaults() {
    server.enqueue(
      .groqError(
        status: 400, message: "Failed to generate JSON.", code: "json_validate_failed", failedGeneration: "{\"a\":",
        headers: [("X-Request-Id", "req_01custom"), ("x-extra", "1")]))
    let response = client.request("GET", "/anything")
    #expect(
      response.text
        == #"{"error":{"message":"Failed to generate JSON.","type":"invalid_request_error","#
        + #""code":"json_validate_failed","failed_generation":"{\"a\":"}}"#)
    #expect(response.headers.filter { $0.name.lowercased() == "x-request-id" }.map(\.value) == ["req_01custom"])
    #expect(response.header("x-extra") == "1")
  }

  @Test func handlerIsConsultedAfterQueueAndNilFallsBack() {
    server.setHandler { request in request.path == "/teapot" ? .text("short and stout", status: 418) : nil }
    server.enqueue(.json("{}", status: 503))
    #expect(client.request("GET", "/teapot").status == 503)
    #expect(client.request("GET", "/teapot").status == 418)
    #expect(client.request("GET", "/openai/v1/models").status == 200)
  }

  // A stop() that did not wake the connection would hang past the time limit, which fails the test; no timing of
  // our own, so a slow machine cannot fail it.
  @Test(.timeLimit(.minutes(1))) func hangNeverAnswersAndStopEndsIt() {
    server.enqueue(.hang)
    client.send("GET /openai/v1/models HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(server.waitForRequests(1))
    server.stop()
    #expect(client.readsEOF())
  }

  @Test(.timeLimit(.minutes(1))) func stopWakesAStreamPausedMidway() {
    server.enqueue(.raw(steps: [.send("data: {}\n\n"), .pause(milliseconds: 600_000), .send("data: [DONE]\n\n")]))
    client.send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(server.waitForRequests(1))
    server.stop()
    #expect(!client.readResponse().complete)
  }

  @Test func splitAtBreaksInsideUTF8WithoutChangingBytes() throws {
    let tokens = ["Hé", "llo ", "🎉", " 日本"]
    server.enqueue(.chatStream(tokens: tokens, options: StreamOptions(requestID: "req_01fixed")))
    let whole = client.request("GET", "/stream")

    // The offset of the second byte of 🎉 is the same in every run: ids and timestamps have fixed widths.
    let emoji = Data("🎉".utf8)
    let offset = try #require(whole.body.range(of: emoji)).lowerBound + 2
    server.enqueue(
      .chatStream(tokens: tokens, options: StreamOptions(splitAt: [offset, 7], requestID: "req_01fixed")))
    let split = client.request("GET", "/stream")

    #expect(split.complete)
    #expect(normalized(split.body) == normalized(whole.body))
    let probe = FakeResponse.sseBody(tokens: tokens, options: StreamOptions(requestID: "req_01fixed"))
    #expect(normalized(probe) == normalized(whole.body))
    let boundaries = split.chunks.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    #expect(boundaries.contains(offset))
    #expect(boundaries.contains(7))
    #expect(split.chunks.count == whole.chunks.count + 2)
  }

  @Test func cutEndsWithoutTerminatingChunk() {
    server.enqueue(.chatStream(tokens: ["a", "b", "c"], options: StreamOptions(cutAfterTokens: 2)))
    let response = client.request("GET", "/s")
    #expect(!response.complete)
    #expect(dataPayloads(response.text).count == 3)
    #expect(!response.text.contains("[DONE]"))
  }

  @Test func errorEventEndsTheBodyCleanly() {
    var options = StreamOptions(errorAfterTokens: 1)
    options.errorMessage = "boom"
    options.errorCode = nil
    server.enqueue(.chatStream(tokens: ["a", "b"], options: options))
    let response = client.request("GET", "/s")
    #expect(response.complete)
    #expect(
      response.text.hasSuffix(
        "event: error\ndata: {\"error\":{\"message\":\"boom\",\"type\":\"invalid_request_error\"}}\n\n"))
  }

  @Test func crlfCommentsAndUsageVariants() {
    let options = StreamOptions(
      lineEnding: .crlf, comments: true, topLevelUsage: true, includeUsageChunk: true, finishReason: "length")
    server.enqueue(.chatStream(tokens: ["x"], options: options))
    let text = client.request("GET", "/s").text
    #expect(text.hasSuffix("data: [DONE]\r\n\r\n"))
    #expect(text.contains(": keep-alive\r\n\r\ndata: "))
    #expect(text.contains(#""finish_reason":"length"}],"usage":{"#))
    #expect(text.contains(#""choices":[],"usage":{"#))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }

  @Test func acceptsChunkedUploadWithExpectContinue() throws {
    client.send(
      "POST /openai/v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer gsk_test_key\r\n"
        + "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
    let body = chatBody()
    let half = body.utf8.count / 2
    let first = String(decoding: Array(body.utf8)[..<half], as: UTF8.self)
    let second = String(decoding: Array(body.utf8)[half...], as: UTF8.self)
    client.send(
      String(first.utf8.count, radix: 16) + "\r\n" + first + "\r\n" + String(second.utf8.count, radix: 16) + "\r\n"
        + second + "\r\n0\r\n\r\n")
    let response = client.readResponse()
    #expect(response.status == 200)
    #expect(server.requests.first?.body == Data(body.utf8))
  }

  /// The body with the per-response completion id and timestamp blanked out.
  private func normalized(_ body: Data) -> String {
    String(decoding: body, as: UTF8.self)
      .replacingOccurrences(of: #"chatcmpl-[0-9a-f-]+"#, with: "chatcmpl-X", options: .regularExpression)
      .replacingOccurrences(of: #""created":[0-9]+"#, with: #""created":0"#, options: .regularExpression)
  }
}
