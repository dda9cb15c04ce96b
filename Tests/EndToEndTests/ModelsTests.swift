import FakeGroq
import Foundation
import Testing

@Suite("groq models")
struct ModelsTests {
  @Test("in a pipe: one tab-separated line per model, sorted by id")
  func pipedLines() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["models"], server: server)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let ids = lines.map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
    #expect(ids == ids.sorted())
    #expect(ids.contains("openai/gpt-oss-120b"))
    #expect(lines.contains("openai/gpt-oss-120b\tOpenAI\t131072\t65536\tchat,fast,reasoning,tools"))
    #expect(lines.contains("whisper-large-v3\tOpenAI\t448\t\ttranscription,translation"))
    #expect(server.requests.map(\.path) == ["/openai/v1/models"])
  }

  @Test("--json prints the API's model objects as an array")
  func json() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["models", "--json"], server: server)
    #expect(result.status == 0)
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(objects.count >= 5)
    let llama = try #require(objects.first { $0["id"] as? String == "openai/gpt-oss-120b" })
    // Groq's extras pass through untouched, even ones groq itself does not use.
    #expect(llama["context_window"] as? Int == 131072)
    #expect(llama.keys.contains("public_apps"))
  }

  @Test("an id with a slash is sent as %2F and printed as one line")
  func oneModel() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["models", "qwen/qwen3.8-27b"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("qwen/qwen3.8-27b\tAlibaba Cloud\t"))
    #expect(server.requests.first?.path == "/openai/v1/models/qwen%2Fqwen3.8-27b")
  }

  @Test("an unknown id is 'no model named', exit 1")
  func unknownModel() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["models", "llama-9"], server: server)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("groq: error: no model named 'llama-9'\n"))
    #expect(result.stderr.contains("hint: run 'groq models'"))
  }

  @Test("on a terminal: an aligned table with a header")
  func table() throws {
    let server = try FakeGroqServer()
    let result = try PseudoTerminal.run(["models"], server: server)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("ID") == true)
    #expect(lines.first?.contains("CONTEXT") == true)
    let llama = try #require(lines.first { $0.hasPrefix("openai/gpt-oss-120b ") })
    #expect(llama.contains("131,072"))
    #expect(!result.stdout.contains("\t"))
  }
}
