import FakeGroq
import Foundation
import Testing

@Suite("groq reason: the reasoning apart from the answer")
struct ReasonTests {
  static let reasoning = "The user asks about r's in strawberry: s-t-r-a-w-b-e-r-r-y. Three."
  static let answer = "There are 3 r's in strawberry."

  @Test("sends the recommended settings and parsed reasoning; in a pipe only the answer is printed")
  func defaults() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["reason", "How many r's are in strawberry?"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == Self.answer + "\n")
    #expect(result.stderr == "")
    let body = try #require(try server.requests.first?.json())
    #expect(
      Set(body.keys) == [
        "model", "messages", "stream", "temperature", "top_p", "max_completion_tokens", "reasoning_format",
      ])
    #expect(body["model"] as? String == "deepseek-r1-distill-llama-70b")
    #expect(body["temperature"] as? Double == 0.6)
    #expect(body["top_p"] as? Double == 0.95)
    #expect(body["max_completion_tokens"] as? Int == 8192)
    #expect(body["reasoning_format"] as? String == "parsed")
    #expect(body["stream"] as? Bool == true)
  }

  @Test("--show-reasoning streams the reasoning to stderr, through runs of empty deltas, and the answer to stdout")
  func showReasoning() throws {
    let server = try FakeGroqServer()
    let streamed = try GroqProcess.run(["reason", "--show-reasoning", "r?"], server: server)
    let whole = try GroqProcess.run(["reason", "--show-reasoning", "--no-stream", "r?"], server: server)
    for result in [streamed, whole] {
      #expect(result.status == 0)
      #expect(result.stdout == Self.answer + "\n")
      #expect(result.stderr == Self.reasoning + "\n")
    }
  }

  @Test("on a terminal the reasoning is dimmed on stderr while stdout, redirected, gets only the answer")
  func terminal() throws {
    let server = try FakeGroqServer()
    let result = try PseudoTerminal.run(["reason", "r?"], server: server, pipeStdout: true)
    #expect(result.status == 0)
    #expect(result.stdout == Self.answer + "\n")
    #expect(result.stderr.contains("\u{1B}[2m"))
    let plain = result.stderr.replacingOccurrences(of: "\u{1B}[2m", with: "").replacingOccurrences(
      of: "\u{1B}[0m", with: "")
    #expect(plain == Self.reasoning + "\n\n")
    let hidden = try PseudoTerminal.run(["reason", "--hide-reasoning", "r?"], server: server, pipeStdout: true)
    #expect(hidden.stdout == Self.answer + "\n")
    #expect(hidden.stderr == "")
  }

  @Test("raw keeps <think> in the text on stdout; hidden sends the answer alone")
  func formats() throws {
    let server = try FakeGroqServer()
    let raw = try GroqProcess.run(["reason", "--reasoning-format", "raw", "r?"], server: server)
    #expect(raw.status == 0)
    #expect(raw.stdout == "<think>\n" + Self.reasoning + "\n</think>\n\n" + Self.answer + "\n")
    #expect(raw.stderr == "")
    let hidden = try GroqProcess.run(["reason", "--reasoning-format", "hidden", "r?"], server: server)
    #expect(hidden.stdout == Self.answer + "\n")
    let formats = try server.requests.map { try $0.json()["reasoning_format"] as? String }
    #expect(formats == ["raw", "hidden"])
  }

  @Test("an answer the token limit stopped, or never let begin, says so on stderr")
  func cutShort() throws {
    let server = try FakeGroqServer()
    let thinking = try GroqProcess.run(["reason", "--max-tokens", "5", "r?"], server: server)
    #expect(thinking.status == 0)
    #expect(thinking.stdout == "\n")
    #expect(
      thinking.stderr == """
        groq: warning: no answer: the token limit was reached before the answer began
        hint: raise --max-tokens (this request allowed 5)

        """)
    let cut = try GroqProcess.run(["chat", "--no-history", "--no-stream", "--max-tokens", "2", "hi"], server: server)
    #expect(cut.stdout == "Lorem ipsum\n")
    #expect(cut.stderr.hasPrefix("groq: warning: the answer was cut off at the token limit\n"))
    let whole = try GroqProcess.run(["chat", "--no-history", "hi"], server: server)
    #expect(whole.stderr == "")
  }

  @Test("GROQ_REASON_MODEL names the model, -m wins; given sampling values replace the recommended ones")
  func overrides() throws {
    let server = try FakeGroqServer()
    _ = try GroqProcess.run(["reason", "x"], server: server, environment: ["GROQ_REASON_MODEL": "qwen-qwq-32b"])
    _ = try GroqProcess.run(
      [
        "reason", "-m", "qwen/qwen3-32b", "--temperature", "0.2", "--top-p", "0.5", "--max-tokens", "100",
        "--reasoning-effort", "none", "x",
      ], server: server, environment: ["GROQ_REASON_MODEL": "qwen-qwq-32b"])
    let first = try #require(try server.requests.first?.json())
    let second = try #require(try server.requests.last?.json())
    #expect(first["model"] as? String == "qwen-qwq-32b")
    #expect(second["model"] as? String == "qwen/qwen3-32b")
    #expect(second["temperature"] as? Double == 0.2)
    #expect(second["top_p"] as? Double == 0.5)
    #expect(second["max_completion_tokens"] as? Int == 100)
    #expect(second["reasoning_effort"] as? String == "none")
  }

  @Test("chat sends no reasoning_format unless asked, and shows parsed reasoning when asked")
  func chatWithReasoningModel() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      ["chat", "-m", "qwen/qwen3-32b", "--reasoning-format", "parsed", "--show-reasoning", "r?"], server: server)
    #expect(result.stdout == Self.answer + "\n")
    #expect(result.stderr == Self.reasoning + "\n")
    _ = try GroqProcess.run(["chat", "-m", "qwen/qwen3-32b", "r?"], server: server)
    #expect(try server.requests.last?.json()["reasoning_format"] == nil)
  }
}
