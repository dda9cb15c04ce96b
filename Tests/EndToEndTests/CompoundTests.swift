import FakeGroq
import Foundation
import Testing

@Suite("built-in tools (compound's successor) and the flex tier")
struct CompoundTests {
  static let answer = "Groq shipped faster models this week."

  @Test("--search and --code send Groq's built-in tools; in a pipe only the answer; --json carries the runs in full")
  func pipe() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "--search", "What happened in AI this week?"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == Self.answer + "\n")
    #expect(result.stderr == "")
    let body = try #require(try server.requests.first?.json())
    #expect(body["model"] as? String == "openai/gpt-oss-120b")
    #expect((body["tools"] as? [[String: String]]) == [["type": "browser_search"]])
    let json = try GroqProcess.run(["reason", "--search", "--code", "--json", "news?"], server: server)
    let sent = try #require(try server.requests.last?.json()["tools"] as? [[String: String]])
    #expect(sent == [["type": "browser_search"], ["type": "code_interpreter"]])
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
      ["chat", "--search", "--code"] + extra + ["What happened in AI this week?"], server: server,
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

  @Test("-m compound-beta: shut down, with the hint to use --search or --code")
  func compoundIsGone() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "-m", "compound-beta", "news?"], server: server)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("groq: error: the model compound-beta has been shut down by Groq (2026-09-21)\n"))
    #expect(result.stderr.contains("use --search or --code"))
    #expect(server.requests.map(\.path) == ["/openai/v1/chat/completions", "/openai/v1/models"])
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
        ], options: StreamOptions(tokenDelayMilliseconds: pause, model: "openai/gpt-oss-120b")))
    let result = try PseudoTerminal.run(
      ["chat", "--no-history", "--search", "news?"], server: server, environment: ["NO_COLOR": "1"],
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
