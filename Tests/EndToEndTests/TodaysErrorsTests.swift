import FakeGroq
import Foundation
import Testing

/// The errors of the 2026 API, each one line and a hint, never the raw JSON; and a server that is not Groq.
@Suite("errors of today's API, and other OpenAI-compatible servers")
struct TodaysErrorsTests {
  @Test(
    "each error code is one line and a hint",
    arguments: [
      (400, "model_terms_required", "The model requires terms acceptance.", "accept them in the Groq console"),
      (400, "blocked_api_access", "Organization has reached its spend limit.", "raise the limit"),
      (400, nil, "`reasoning_format` is not supported with this model", "leave out --reasoning-format"),
      (400, nil, "service_tier `flex` is not available on your plan", "--service-tier on_demand"),
      (400, "model_decommissioned", "The model `x` has been decommissioned.", "groq models"),
    ] as [(Int, String?, String, String)])
  func errorCodes(status: Int, code: String?, message: String, hint: String) throws {
    let server = try FakeGroqServer()
    // transcribe and speak have no healing; chat's is tested apart: a named model here keeps it out of the way.
    server.enqueue(.groqError(status: status, message: message, code: code))
    let result = try GroqProcess.run(["chat", "-m", "openai/gpt-oss-20b", "hi"], server: server)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count <= 3, "\(result.stderr)")
    #expect(lines.first?.hasPrefix("groq: error: ") == true)
    #expect(!result.stderr.contains("{\""))
    #expect(result.stderr.contains("hint: "))
    #expect(result.stderr.contains(hint), "\(result.stderr)")
  }

  @Test("--max-tokens takes effect on a server that reads only max_tokens (llama.cpp)")
  func maxTokensForLlamaCpp() throws {
    let server = try FakeGroqServer()
    // llama.cpp's server: answers as many tokens as max_tokens says, and ignores max_completion_tokens.
    server.setHandler { request in
      guard request.path == "/openai/v1/chat/completions", let body = try? request.json() else { return nil }
      let limit = body["max_tokens"] as? Int ?? 50
      let words = Array(repeating: "w", count: limit).joined(separator: " ")
      return .json(
        #"{"id":"c","object":"chat.completion","model":"local","choices":[{"index":0,"message":{"role":"assistant","content":"\#(words)"},"finish_reason":"length"}]}"#
      )
    }
    let result = try GroqProcess.run(
      ["chat", "-m", "local", "--no-stream", "--max-tokens", "3", "hi"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == "w w w\n")
  }
}
