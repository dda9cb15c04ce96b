import FakeGroq
import Foundation
import Testing

@Suite("groq chat, one shot")
struct ChatTests {
  static let answer = "Fast language models give you answers before you lose your train of thought."

  @Test("streams the answer to stdout with a final newline, sending only what the user asked for")
  func streams() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "Explain the importance of fast language models"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == Self.answer + "\n")
    #expect(result.stderr == "")
    let request = try #require(server.requests.first)
    #expect(request.method == "POST")
    #expect(request.path == "/openai/v1/chat/completions")
    #expect(request.header("Authorization") == "Bearer \(GroqProcess.testKey)")
    #expect(request.header("User-Agent")?.hasPrefix("groq/") == true)
    #expect(request.header("Content-Type") == "application/json")
    let body = try request.json()
    #expect(Set(body.keys) == ["model", "messages", "stream"])
    #expect(body["model"] as? String == "openai/gpt-oss-120b")
    #expect(body["stream"] as? Bool == true)
    let messages = try #require(body["messages"] as? [[String: Any]])
    #expect(messages.count == 1)
    #expect(messages[0]["role"] as? String == "user")
    #expect(messages[0]["content"] as? String == "Explain the importance of fast language models")
  }

  @Test("piped stdin comes first, then the prompt, after the system message")
  func pipedStdin() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      ["chat", "-s", "You review code", "Summarise this diff"], stdin: "diff --git a/x b/x\n+hello\n", server: server)
    #expect(result.status == 0)
    let messages = try #require(try server.requests.first?.json()["messages"] as? [[String: Any]])
    #expect(messages.map { $0["role"] as? String } == ["system", "user"])
    #expect(messages[0]["content"] as? String == "You review code")
    #expect(messages[1]["content"] as? String == "diff --git a/x b/x\n+hello\n\nSummarise this diff")
  }

  @Test("stdin alone is the prompt; '-' puts stdin where it stands")
  func stdinOnly() throws {
    let server = try FakeGroqServer()
    _ = try GroqProcess.run(["chat"], stdin: "hi\n", server: server)
    _ = try GroqProcess.run(["chat", "Translate", "-", "to French"], stdin: "good morning\n", server: server)
    let contents = try server.requests.map { request in
      try #require((request.json()["messages"] as? [[String: Any]])?.last?["content"] as? String)
    }
    #expect(contents == ["hi", "Translate good morning to French"])
  }

  @Test("every sampling option lands in the request under its API name")
  func options() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      [
        "chat", "-m", "openai/gpt-oss-20b", "--temperature", "0.2", "--top-p=0.9", "--max-tokens", "7",
        "--stop", "END", "--stop", "\n\n", "--seed", "42", "hi",
      ], server: server)
    #expect(result.status == 0)
    let body = try #require(try server.requests.first?.json())
    #expect(body["model"] as? String == "openai/gpt-oss-20b")
    #expect(body["temperature"] as? Double == 0.2)
    #expect(body["top_p"] as? Double == 0.9)
    #expect(body["max_completion_tokens"] as? Int == 7)
    #expect(body["stop"] as? [String] == ["END", "\n\n"])
    #expect(body["seed"] as? Int == 42)
    // The fake is not api.groq.com: servers like llama.cpp read only the older name, so both go.
    #expect(body["max_tokens"] as? Int == 7)
  }

  @Test("GROQ_MODEL picks the default model; -m wins over it")
  func modelFromEnvironment() throws {
    let server = try FakeGroqServer()
    _ = try GroqProcess.run(["chat", "hi"], server: server, environment: ["GROQ_MODEL": "openai/gpt-oss-20b"])
    _ = try GroqProcess.run(
      ["chat", "-m", "qwen/qwen3.8-27b", "hi"], server: server, environment: ["GROQ_MODEL": "openai/gpt-oss-20b"])
    let models = try server.requests.map { try $0.json()["model"] as? String }
    #expect(models == ["openai/gpt-oss-20b", "qwen/qwen3.8-27b"])
  }

  @Test("--no-stream asks for the whole answer and prints it")
  func noStream() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "--no-stream", "hi"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == Self.answer + "\n")
    let body = try #require(try server.requests.first?.json())
    #expect(body["stream"] == nil)
  }

  @Test("--stats puts Groq's timings and the request id on stderr, leaving stdout alone")
  func stats() throws {
    let server = try FakeGroqServer()
    let stream = StreamOptions(requestID: "req_01statstest")
    server.enqueue(.chatStream(tokens: ["Hi", " there"], options: stream))
    let result = try GroqProcess.run(["chat", "--stats", "hi"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == "Hi there\n")
    #expect(result.stderr.contains("queue "))
    #expect(result.stderr.contains("completion "))
    #expect(result.stderr.contains("tokens/s"))
    #expect(result.stderr.contains("first token "))
    #expect(result.stderr.contains("req_01statstest"))
    #expect(!result.stderr.contains("\u{1B}["))
  }

  @Test("usage at the top level or in a trailing choices:[] chunk is read as well")
  func usageElsewhere() throws {
    let server = try FakeGroqServer()
    server.enqueue(.chatStream(tokens: ["a"], options: StreamOptions(topLevelUsage: true)))
    server.enqueue(.chatStream(tokens: ["b"], options: StreamOptions(includeUsageChunk: true)))
    let first = try GroqProcess.run(["chat", "--stats", "x"], server: server)
    let second = try GroqProcess.run(["chat", "--stats", "x"], server: server)
    #expect(first.stdout == "a\n")
    #expect(second.stdout == "b\n")
    #expect(first.stderr.contains("tokens/s"))
    #expect(second.stderr.contains("tokens/s"))
  }

  @Test("a character split across network reads comes out whole")
  func utf8Split() throws {
    let server = try FakeGroqServer()
    let event = Data(
      (#"data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"héllo wörld 🎉 日本"},"finish_reason":null}]}"#
        + "\n\n").utf8)
    let finish =
      #"data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#
    // Cut inside 🎉 (4 bytes) and inside 日 (3 bytes), each piece flushed on its own.
    let emoji = try #require(event.firstIndex(of: 0xF0)) + 2
    let kanji = try #require(event.firstIndex(of: 0xE6)) + 1
    server.enqueue(
      .raw(steps: [
        .send(event[..<emoji]), .pause(milliseconds: 5), .send(event[emoji..<kanji]), .pause(milliseconds: 5),
        .send(event[kanji...]), .send(finish + "\n\n"), .send("data: [DONE]\n\n"),
      ]))
    let result = try GroqProcess.run(["chat", "x"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == "héllo wörld 🎉 日本\n")
  }

  @Test("CRLF framing, lone CR framing and SSE comments decode the same")
  func framing() throws {
    let server = try FakeGroqServer()
    server.enqueue(.chatStream(tokens: ["one", " two"], options: StreamOptions(lineEnding: .crlf, comments: true)))
    server.enqueue(.chatStream(tokens: ["one", " two"], options: StreamOptions(lineEnding: .cr)))
    #expect(try GroqProcess.run(["chat", "x"], server: server).stdout == "one two\n")
    #expect(try GroqProcess.run(["chat", "x"], server: server).stdout == "one two\n")
  }

  @Test("multi-byte input arrives intact in the request body")
  func unicodeInput() throws {
    let server = try FakeGroqServer()
    _ = try GroqProcess.run(["chat", "hello wörld 🎉 日本"], server: server)
    let messages = try #require(try server.requests.first?.json()["messages"] as? [[String: Any]])
    #expect(messages.last?["content"] as? String == "hello wörld 🎉 日本")
  }

  @Test("GROQ_BASE_URL with a path is used as given, for any OpenAI-compatible server")
  func baseURLWithPath() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      ["chat", "hi"], server: server, environment: ["GROQ_BASE_URL": server.baseURL + "/openai/v1/"])
    #expect(result.status == 0)
    #expect(server.requests.first?.path == "/openai/v1/chat/completions")
  }
}
