import Foundation
import GroqKit
import Testing

@testable import GroqCLI

@Suite("built-in tools and reasoning fields per model family")
struct BuiltInToolTests {
  static func session(model: String) throws -> ChatSession {
    var session = try ChatSessionTests.session()
    session.conversation.model = model
    return session
  }

  @Test("/search on turns browser_search on for the next requests; off and a toggle turn it off")
  func searchOnOff() throws {
    var session = try Self.session(model: "openai/gpt-oss-120b")
    #expect(try session.builtInTool(.search, "on").get() == "search on")
    let request = session.request(sending: .user("news?"))
    #expect(request.tools == [.object([.init("type", .string("browser_search"))])])
    #expect(try session.builtInTool(.search, nil).get() == "search off")
    #expect(session.request(sending: .user("x")).tools == nil)
    guard case .failure = session.builtInTool(.code, "maybe") else {
      Issue.record("a bad argument must be refused")
      return
    }
  }

  @Test("/search on a model known to lack built-in tools is refused, and the session is unchanged")
  func searchRefusedOnQwen() throws {
    var session = try Self.session(model: "qwen/qwen3.8-27b")
    guard case .failure(let error) = session.builtInTool(.search, "on") else {
      Issue.record("qwen3 has no built-in tools")
      return
    }
    #expect(error.message.contains("cannot run Groq's built-in tools"))
    #expect(session.features.builtInTools.isEmpty)
  }

  @Test("gpt-oss gets include_reasoning, qwen3 reasoning_format, an unknown family nothing unless asked")
  func reasoningFields() throws {
    var features = ChatFeatures()
    features.reasoningFormat = .hidden
    var request = ChatCompletionRequest(model: "openai/gpt-oss-20b", messages: [.user("x")])
    features.applyReasoning(to: &request)
    #expect(request.includeReasoning == false && request.reasoningFormat == nil)
    request.model = "qwen/qwen3.8-27b"
    features.applyReasoning(to: &request)
    #expect(request.includeReasoning == nil && request.reasoningFormat == .hidden)
    request.model = "mistral-7b"
    features.applyReasoning(to: &request)
    #expect(request.reasoningFormat == nil)
    features.reasoningFormatGiven = true
    features.applyReasoning(to: &request)
    #expect(request.reasoningFormat == .hidden)
  }
}
