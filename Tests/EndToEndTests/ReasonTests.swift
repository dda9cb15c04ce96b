import FakeGroq
import Foundation
import Testing

@Suite("groq reason: the reasoning apart from the answer")
struct ReasonTests {
  static let reasoning = "The user asks about r's in strawberry: s-t-r-a-w-b-e-r-r-y. Three."
  /// qwen3's answer; gpt-oss (the default) answers as any chat model does, its reasoning apart.
  static let answer = "There are 3 r's in strawberry."
  static let gptAnswer = ChatTests.answer

  @Test("sends the recommended settings and parsed reasoning; in a pipe only the answer is printed")
  func defaults() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["reason", "How many r's are in strawberry?"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == Self.gptAnswer + "\n")
    #expect(result.stderr == "")
    let body = try #require(try server.requests.first?.json())
    // gpt-oss gives its reasoning apart by default: no reasoning field. The fake is not api.groq.com, so the
    // limit goes under both names.
    #expect(
      Set(body.keys) == ["model", "messages", "stream", "temperature", "top_p", "max_completion_tokens", "max_tokens"])
    #expect(body["model"] as? String == "openai/gpt-oss-120b")
    #expect(body["temperature"] as? Double == 0.6)
    #expect(body["top_p"] as? Double == 0.95)
    #expect(body["max_completion_tokens"] as? Int == 8192)
    #expect(body["stream"] as? Bool == true)
  }

  @Test("--show-reasoning streams the reasoning to stderr, through runs of empty deltas, and the answer to stdout")
  func showReasoning() throws {
    let server = try FakeGroqServer()
    let streamed = try GroqProcess.run(["reason", "--show-reasoning", "r?"], server: server)
    let whole = try GroqProcess.run(["reason", "--show-reasoning", "--no-stream", "r?"], server: server)
    for result in [streamed, whole] {
      #expect(result.status == 0)
      #expect(result.stdout == Self.gptAnswer + "\n")
      #expect(result.stderr == Self.reasoning + "\n")
    }
  }

  @Test("on a terminal the reasoning is dimmed on stderr while stdout, redirected, gets only the answer")
  func terminal() throws {
    let server = try FakeGroqServer()
    let result = try PseudoTerminal.run(["reason", "r?"], server: server, pipeStdout: true)
    #expect(result.status == 0)
    #expect(result.stdout == Self.gptAnswer + "\n")
    #expect(result.stderr.contains("\u{1B}[2m"))
    let plain = result.stderr.replacingOccurrences(of: "\u{1B}[2m", with: "").replacingOccurrences(
      of: "\u{1B}[0m", with: "")
    #expect(plain == Self.reasoning + "\n\n")
    let hidden = try PseudoTerminal.run(["reason", "--hide-reasoning", "r?"], server: server, pipeStdout: true)
    #expect(hidden.stdout == Self.gptAnswer + "\n")
    #expect(hidden.stderr == "")
  }

  @Test("qwen3: raw keeps <think> in the text on stdout; hidden sends the answer alone")
  func formats() throws {
    let server = try FakeGroqServer()
    let qwen = ["reason", "-m", "qwen/qwen3.8-27b"]
    let raw = try GroqProcess.run(qwen + ["--reasoning-format", "raw", "r?"], server: server)
    #expect(raw.status == 0)
    #expect(raw.stdout == "<think>\n" + Self.reasoning + "\n</think>\n\n" + Self.answer + "\n")
    #expect(raw.stderr == "")
    let hidden = try GroqProcess.run(qwen + ["--reasoning-format", "hidden", "r?"], server: server)
    #expect(hidden.stdout == Self.answer + "\n")
    let formats = try server.requests.map { try $0.json()["reasoning_format"] as? String }
    #expect(formats == ["raw", "hidden"])
  }

  @Test("gpt-oss: hidden becomes include_reasoning false; efforts low, medium, high")
  func gptOSSFields() throws {
    let server = try FakeGroqServer()
    let hidden = try GroqProcess.run(
      ["reason", "--reasoning-format", "hidden", "--reasoning-effort", "high", "--show-reasoning", "r?"],
      server: server)
    #expect(hidden.status == 2)
    let quiet = try GroqProcess.run(
      ["chat", "--no-history", "--reasoning-format", "hidden", "--reasoning-effort", "high", "r?"], server: server)
    #expect(quiet.status == 0)
    #expect(quiet.stdout == Self.gptAnswer + "\n")
    let body = try #require(try server.requests.last?.json())
    #expect(body["include_reasoning"] as? Bool == false)
    #expect(body["reasoning_format"] == nil)
    #expect(body["reasoning_effort"] as? String == "high")
    #expect(server.requests.count == 1)
  }

  @Test(
    "every refused reasoning combination exits 2 before any request",
    arguments: [
      ["reason", "--reasoning-format", "raw", "r?"],
      ["chat", "-m", "openai/gpt-oss-20b", "--reasoning-format", "raw", "r?"],
      ["reason", "--reasoning-effort", "none", "r?"],
      ["reason", "--reasoning-effort", "default", "r?"],
      ["chat", "-m", "qwen/qwen3.8-27b", "--search", "r?"],
      ["chat", "--search", "--json-mode", "r?"],
      ["reason", "--reasoning-format", "raw", "--json-mode", "r?"],
      ["reason", "--reasoning-format", "hidden", "--show-reasoning", "r?"],
    ])
  func refusedCombinations(arguments: [String]) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(arguments, server: server)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("groq: error: "))
    #expect(server.requests.isEmpty)
  }

  @Test("<think> never reaches stdout from chat: a qwen3 model is asked for parsed reasoning")
  func noThinkOnStdout() throws {
    let server = try FakeGroqServer()
    for extra in [[], ["--no-stream"]] {
      let result = try GroqProcess.run(["chat", "-m", "qwen/qwen3.8-27b"] + extra + ["r?"], server: server)
      #expect(result.status == 0)
      #expect(result.stdout == Self.answer + "\n")
      #expect(!result.stdout.contains("<think>"))
      #expect(try server.requests.last?.json()["reasoning_format"] as? String == "parsed")
    }
    // A model of unknown family gets no reasoning field.
    _ = try GroqProcess.run(["chat", "-m", "allam-2-7b", "hi"], server: server)
    #expect(try server.requests.last?.json()["reasoning_format"] == nil)
  }

  @Test("an answer the token limit stopped, or never let begin, says so on stderr")
  func cutShort() throws {
    let server = try FakeGroqServer()
    let thinking = try GroqProcess.run(["reason", "--max-tokens", "5", "r?"], server: server)
    #expect(thinking.status == 0)
    #expect(thinking.stdout == "\n")
    #expect(try server.requests.last?.json()["max_tokens"] as? Int == 5)
    #expect(
      thinking.stderr == """
        groq: warning: no answer: the token limit was reached before the answer began
        hint: raise --max-tokens (this request allowed 5)

        """)
    let cut = try GroqProcess.run(
      ["chat", "-m", "allam-2-7b", "--no-history", "--no-stream", "--max-tokens", "2", "hi"], server: server)
    #expect(cut.stdout == "Lorem ipsum\n")
    #expect(cut.stderr.hasPrefix("groq: warning: the answer was cut off at the token limit\n"))
    let whole = try GroqProcess.run(["chat", "--no-history", "hi"], server: server)
    #expect(whole.stderr == "")
  }

  @Test("GROQ_REASON_MODEL names the model, -m wins; given sampling values replace the recommended ones")
  func overrides() throws {
    let server = try FakeGroqServer()
    _ = try GroqProcess.run(["reason", "x"], server: server, environment: ["GROQ_REASON_MODEL": "qwen/qwen3.8-27b"])
    _ = try GroqProcess.run(
      [
        "reason", "-m", "qwen/qwen3.8-27b", "--temperature", "0.2", "--top-p", "0.5", "--max-tokens", "100",
        "--reasoning-effort", "none", "x",
      ], server: server, environment: ["GROQ_REASON_MODEL": "qwen/qwen3.8-27b"])
    let first = try #require(try server.requests.first?.json())
    let second = try #require(try server.requests.last?.json())
    #expect(first["model"] as? String == "qwen/qwen3.8-27b")
    #expect(second["model"] as? String == "qwen/qwen3.8-27b")
    #expect(second["temperature"] as? Double == 0.2)
    #expect(second["top_p"] as? Double == 0.5)
    #expect(second["max_completion_tokens"] as? Int == 100)
    #expect(second["reasoning_effort"] as? String == "none")
  }

  @Test("chat shows parsed reasoning when asked")
  func chatWithReasoningModel() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      ["chat", "-m", "qwen/qwen3.8-27b", "--reasoning-format", "parsed", "--show-reasoning", "r?"], server: server)
    #expect(result.stdout == Self.answer + "\n")
    #expect(result.stderr == Self.reasoning + "\n")
  }
}
