import Foundation
import Testing

@testable import GroqKit

@Suite("Batch objects and planning")
struct BatchPlanningTests {
  func check(_ lines: [String]) -> [Result<BatchInputLine, BatchLineProblem>] {
    var checker = BatchInputCheck()
    return lines.enumerated().map { checker.check(Data($0.element.utf8), number: $0.offset + 1) }
  }

  func problems(_ lines: [String]) -> [String] {
    check(lines).compactMap { if case .failure(let problem) = $0 { problem.description } else { nil } }
  }

  static let good =
    #"{"custom_id":"1","method":"POST","url":"/v1/chat/completions","body":{"model":"openai/gpt-oss-20b","messages":[{"role":"user","content":"hi"}]}}"#

  @Test("a good line passes with its id, endpoint and body")
  func goodLine() throws {
    let line = try check([Self.good])[0].get()
    #expect(line.customID == "1")
    #expect(line.endpoint == .chat)
    #expect(line.body["model"]?.stringValue == "openai/gpt-oss-20b")
  }

  @Test("each bad line is named by its number")
  func badLines() {
    let lines = [
      Self.good,
      "not json",
      Self.good,
      Self.good.replacingOccurrences(of: #""custom_id":"1","#, with: ""),
      Self.good.replacingOccurrences(of: "\"1\"", with: "\"4\"").replacingOccurrences(
        of: "/v1/chat/completions", with: "/v1/audio/speech"),
      Self.good.replacingOccurrences(of: "\"1\"", with: "\"5\"").replacingOccurrences(
        of: #""model":"openai/gpt-oss-20b""#, with: #""model":"openai/gpt-oss-20b","service_tier":"flex""#),
      Self.good.replacingOccurrences(of: "\"1\"", with: "\"6\"").replacingOccurrences(
        of: "openai/gpt-oss-20b", with: "canopylabs/orpheus-v1-english"),
      Self.good.replacingOccurrences(of: "\"1\"", with: "\"7\"").replacingOccurrences(
        of: "/v1/chat/completions", with: "/v1/audio/transcriptions"),
      "",
    ]
    let found = problems(lines)
    #expect(found.count == 8)
    #expect(found[0] == "line 2: not a JSON object")
    #expect(found[1] == "line 3: custom_id '1' is already used on line 1")
    #expect(found[2].hasPrefix("line 4: no custom_id"))
    #expect(found[3] == "line 5: text to speech (Orpheus) is not available in batch")
    #expect(found[4] == "line 6: service_tier is not allowed in a batch request")
    #expect(found[5] == "line 7: canopylabs/orpheus-v1-english (text to speech) is not available in batch")
    #expect(found[6].hasPrefix("line 8: url '/v1/audio/transcriptions' differs"))
    #expect(found[7] == "line 9: empty line")
  }

  @Test("limits: lines and bytes are counted")
  func limits() {
    var checker = BatchInputCheck()
    _ = checker.check(Data(Self.good.utf8), number: 1)
    #expect(checker.overLimits == nil)
    #expect(checker.lines == 1)
    #expect(checker.bytes == Self.good.utf8.count + 1)
    var small = BatchInputCheck(maxLines: 2, maxBytes: 1_000_000)
    for number in 1...3 {
      _ = small.check(Data(Self.good.replacingOccurrences(of: "\"1\"", with: "\"\(number)\"").utf8), number: number)
    }
    #expect(small.overLimits == "3 lines; a batch file takes at most 2")
    var bytes = BatchInputCheck(maxLines: 10, maxBytes: 100)
    _ = bytes.check(Data(Self.good.utf8), number: 1)
    #expect(bytes.overLimits?.hasSuffix("bytes; a batch file takes at most 0 MB") == true)
  }

  @Test("a split plan starts a new part at the line limit and at the byte limit")
  func split() {
    var plan = BatchSplitPlan(maxLines: 3, maxBytes: 100)
    #expect(plan.parts == 0)
    #expect((0..<7).map { _ in plan.place(length: 10)! } == [0, 0, 0, 1, 1, 1, 2])
    var bytes = BatchSplitPlan(maxLines: 100, maxBytes: 25)
    #expect([10, 10, 10, 25, 1].map { bytes.place(length: $0) } == [0, 0, 1, 2, 3])
    #expect(bytes.place(length: 26) == nil)
    #expect(bytes.parts == 4)
  }

  @Test("completion windows from 24h to 7d")
  func windows() {
    #expect(CompletionWindow("24h")?.hours == 24)
    #expect(CompletionWindow("7d")?.hours == 168)
    #expect(CompletionWindow("48H")?.text == "48h")
    #expect(CompletionWindow("23h") == nil)
    #expect(CompletionWindow("8d") == nil)
    #expect(CompletionWindow("1w") == nil)
  }

  @Test("a batch object decodes every field, errors as a bare array")
  func batchDecodes() throws {
    let json = #"""
      {"id":"batch_01","object":"batch","endpoint":"/v1/chat/completions","input_file_id":"file_in",
       "completion_window":"24h","status":"failed","output_file_id":null,"error_file_id":"file_err",
       "errors":[{"code":"invalid_json","message":"bad line","param":null,"line":3}],
       "request_counts":{"total":5,"completed":2,"failed":3},"metadata":{"job":"nightly"},
       "created_at":1736000000,"in_progress_at":1736000010,"finalizing_at":null,"completed_at":null,
       "failed_at":1736000020,"expired_at":null,"expires_at":1736086400,"cancelling_at":null,"cancelled_at":null}
      """#
    let batch = try JSONDecoder().decode(Batch.self, from: Data(json.utf8))
    #expect(batch.status == .failed)
    #expect(batch.status.isFinal)
    #expect(batch.errors == [BatchError(code: "invalid_json", message: "bad line", line: 3)])
    #expect(batch.requestCounts == BatchRequestCounts(total: 5, completed: 2, failed: 3))
    #expect(batch.metadata == ["job": "nightly"])
    #expect(batch.inputFileID == "file_in")
    #expect(batch.errorFileID == "file_err")
    #expect(batch.failedAt == 1_736_000_020)
    #expect(batch.expiresAt == 1_736_086_400)
  }

  @Test("errors as a list object, and a status not known today, decode")
  func batchShapes() throws {
    let json = #"""
      {"id":"batch_02","status":"archiving","errors":{"object":"list","data":[{"message":"m","line":1}]}}
      """#
    let batch = try JSONDecoder().decode(Batch.self, from: Data(json.utf8))
    #expect(batch.status.rawValue == "archiving")
    #expect(!batch.status.isFinal)
    #expect(batch.errors.first?.line == 1)
    #expect(batch.requestCounts == nil)
  }

  @Test("a page of batches carries its next cursor")
  func page() throws {
    let json = #"{"object":"list","data":[{"id":"b1","status":"completed"}],"paging":{"next_cursor":"c2"}}"#
    let page = try JSONDecoder().decode(BatchPage.self, from: Data(json.utf8))
    #expect(page.batches.map(\.id) == ["b1"])
    #expect(page.nextCursor == "c2")
  }

  @Test("request lines keep the body's bytes; output lines read back")
  func lines() throws {
    let line = BatchLine.request(customID: "a\"b", endpoint: .chat, body: Data(#"{"model":"m"}"#.utf8))
    #expect(
      String(decoding: line, as: UTF8.self)
        == #"{"custom_id":"a\"b","method":"POST","url":"/v1/chat/completions","body":{"model":"m"}}"#)
    let ok = BatchLine.output(
      customID: "7", requestID: "req_1", statusCode: 200,
      body: Data(#"{"choices":[{"message":{"content":"yes"}}]}"#.utf8), error: nil)
    let read = try #require(BatchOutputLine(ok))
    #expect(read.customID == "7")
    #expect(read.succeeded)
    #expect(read.answerText == "yes")
    let failed = BatchLine.output(
      customID: "8", requestID: "req_2", statusCode: 400,
      body: Data(#"{"error":{"message":"bad model"}}"#.utf8), error: nil)
    #expect(BatchOutputLine(failed)?.errorMessage == "bad model")
    let expired = BatchLine.output(
      customID: "9", requestID: nil, statusCode: nil, body: nil, error: ("batch_expired", "expired"))
    #expect(BatchOutputLine(expired)?.errorMessage == "expired")
    #expect(BatchOutputLine(expired)?.answerText == nil)
  }
}

@Suite("Local run pacing")
struct RunPacingTests {
  func info(limit: Int, remaining: Int, reset: String = "6s") -> RateLimitInfo? {
    RateLimitInfo(
      headers: HTTPHeaders([
        "x-ratelimit-limit-tokens": String(limit), "x-ratelimit-remaining-tokens": String(remaining),
        "x-ratelimit-reset-tokens": reset,
      ]))
  }

  @Test("without -j, the count fits the token budget to the measured request, more while the budget is full")
  func fits() {
    var pacing = RunPacing(jobs: nil)
    #expect(pacing.jobs == 1)
    // 60,000 TPM, 100 tokens taking 1 s: 10 in flight use 60,000 a minute.
    #expect(pacing.observe(info(limit: 60_000, remaining: 2_000), tokens: 100, seconds: 1) == nil)
    #expect(pacing.jobs == 10)
    // 6,000 tokens left pay for 60 more: a quarter of that may go at once.
    _ = pacing.observe(info(limit: 6_000, remaining: 6_000), tokens: 100, seconds: 1)
    #expect(pacing.jobs == 15)
    _ = pacing.observe(info(limit: 6_000_000, remaining: 5_000_000), tokens: 100, seconds: 1)
    #expect(pacing.jobs == 16)
  }

  @Test("low remaining tokens pause for the reset time; -j keeps its count")
  func pauses() {
    var pacing = RunPacing(jobs: 8)
    #expect(pacing.observe(info(limit: 6_000, remaining: 500, reset: "2.5s"), tokens: 100, seconds: 1) == 2.5)
    // 300 tokens short at 1,000 a second: 0.3 s, not the 9 s until the budget is full.
    let wait = pacing.observe(info(limit: 60_000, remaining: 500, reset: "9s"), tokens: 100, seconds: 1)
    #expect(abs((wait ?? 0) - 0.3) < 0.001)
    #expect(pacing.jobs == 8)
    #expect(pacing.rateLimited(retryAfter: 3) == 3)
    #expect(pacing.jobs == 8)
    var free = RunPacing(jobs: nil)
    _ = free.observe(info(limit: 60_000, remaining: 2_000), tokens: 100, seconds: 1)
    #expect(free.rateLimited(retryAfter: nil) == 1)
    #expect(free.jobs == 5)
  }
}
