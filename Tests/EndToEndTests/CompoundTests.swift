import FakeGroq
import Foundation
import Testing

@Suite("compound models and the flex tier")
struct CompoundTests {
  static let answer = "Groq shipped faster models this week."

  @Test("in a pipe only the answer is printed; --json carries the executed tools in full")
  func pipe() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "-m", "compound-beta", "What happened in AI this week?"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == Self.answer + "\n")
    #expect(result.stderr == "")
    let json = try GroqProcess.run(["chat", "-m", "compound-beta-mini", "--json", "news?"], server: server)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let message = try #require((object["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])
    let tools = try #require(message["executed_tools"] as? [[String: Any]])
    #expect(tools.map { $0["type"] as? String } == ["search", "python"])
    #expect((tools[0]["search_results"] as? [String: Any])?["results"] != nil)
  }

  @Test(
    "on a terminal the searches and code runs show on stderr as they ran, streamed or whole",
    arguments: [[], ["--no-stream"]])
  func terminal(extra: [String]) throws {
    let server = try FakeGroqServer()
    let result = try PseudoTerminal.run(
      ["chat", "-m", "compound-beta"] + extra + ["What happened in AI this week?"], server: server,
      environment: ["NO_COLOR": "1"], pipeStdout: true)
    #expect(result.status == 0)
    #expect(result.stdout == Self.answer + "\n")
    #expect(
      result.stderr == """
        • search: What happened in AI this week?
            Groq news — https://groq.com/news
            AI this week — https://example.com/ai-week
        • python:
            print(6 * 7)
          output:
            42


        """)
  }

  /// With no pause the deltas tend to share one read; with one they tend to come apart. The output must not differ.
  @Test(
    "reasoning and tool runs keep their order on stderr, each run on its own line, one blank line before the answer",
    arguments: [0, 5])
  func reasoningAroundToolRuns(pause: Int) throws {
    let server = try FakeGroqServer()
    let search = #"{"index":0,"type":"search","arguments":"{\"query\":\"groq\"}""#
    server.enqueue(
      .chatStream(
        deltas: [
          #"{"reasoning":"I will search."}"#,
          #"{"executed_tools":["# + search + "}]}",
          #"{"executed_tools":["# + search
            + #","search_results":{"results":[{"title":"Groq","url":"https://groq.com"}]}}]}"#,
          #"{"reasoning":" Found it."}"#,
          #"{"content":"Done."}"#,
        ], options: StreamOptions(tokenDelayMilliseconds: pause, model: "compound-beta")))
    let result = try PseudoTerminal.run(
      ["chat", "--no-history", "-m", "compound-beta", "news?"], server: server, environment: ["NO_COLOR": "1"],
      pipeStdout: true)
    #expect(result.status == 0)
    #expect(result.stdout == "Done.\n")
    #expect(result.stderr == "I will search.\n• search: groq\n    Groq — https://groq.com\n Found it.\n\n")
  }

  @Test("a 498 from the flex tier is retried like a 429; when it persists the message says what to do")
  func capacity() throws {
    let server = try FakeGroqServer()
    let fast = [("retry-after-ms", "1")]
    server.enqueue(.capacityExceeded(headers: fast))
    let retried = try GroqProcess.run(["chat", "--service-tier", "flex", "hi"], server: server)
    #expect(retried.status == 0)
    #expect(retried.stdout == ChatTests.answer + "\n")
    #expect(server.requests.count == 2)
    #expect(try server.requests.first?.json()["service_tier"] as? String == "flex")
    server.enqueue(
      .capacityExceeded(headers: fast), .capacityExceeded(headers: fast), .capacityExceeded(headers: fast))
    let failed = try GroqProcess.run(["chat", "--service-tier", "flex", "hi"], server: server)
    #expect(failed.status == 1)
    #expect(server.requests.count == 5)
    #expect(failed.stderr.hasPrefix("groq: error: Groq's flex tier is at capacity: "))
    #expect(failed.stderr.contains("(after 3 attempts)"))
    #expect(failed.stderr.contains("hint: try again shortly, or use --service-tier on_demand"))
  }
}
