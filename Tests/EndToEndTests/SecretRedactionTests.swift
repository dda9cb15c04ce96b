import FakeGroq
import Foundation
import Testing

/// A server that echoes the API key back never makes groq print it (issue 11, item 5).
@Suite("the key redacted in what the server says")
struct SecretRedactionTests {
  static let key = GroqProcess.testKey

  static func check(_ result: GroqResult) {
    #expect(result.status == 1)
    #expect(!result.stderr.contains(key))
    #expect(!result.stdout.contains(key))
    #expect(result.stderr.contains("gsk_***"))
  }

  @Test("in a stream's event: error, its failed generation and the x-request-id")
  func streamError() throws {
    let server = try FakeGroqServer()
    let event =
      "event: error\ndata: {\"error\":{\"message\":\"bad key \(Self.key)\",\"type\":\"x\","
      + "\"code\":\"tool_use_failed\",\"failed_generation\":\"{\\\"k\\\":\\\"\(Self.key)\\\"}\"}}\n\n"
    server.enqueue(.raw(headers: [("x-request-id", "req-\(Self.key)")], steps: [.send(event)]))
    let result = try GroqProcess.run(["chat", "hi"], server: server)
    Self.check(result)
    #expect(result.stderr.contains("bad key gsk_***"))
  }

  @Test("in a saved conversation, even when the question quoted it")
  func savedConversation() throws {
    let server = try FakeGroqServer()
    let home = ConversationTests.home()
    let result = try GroqProcess.run(
      ["chat", "--session", "k", "is \(Self.key) my key?"], server: server, environment: home)
    #expect(result.status == 0)
    let saved = try String(
      contentsOfFile: home["HOME"]! + "/.local/share/groq/conversations/k.json", encoding: .utf8)
    #expect(!saved.contains(Self.key))
    #expect(saved.contains("is gsk_*** my key?"))
  }

  @Test("in --json output the server sent")
  func jsonOutput() throws {
    let server = try FakeGroqServer()
    server.enqueue(.json(#"{"object":"list","data":[{"id":"echo-\#(Self.key)","object":"model","owned_by":"x"}]}"#))
    let result = try GroqProcess.run(["models", "--json"], server: server)
    #expect(result.status == 0)
    #expect(!result.stdout.contains(Self.key))
    #expect(result.stdout.contains("echo-gsk_***"))
  }

  @Test("in an HTTP error's x-request-id")
  func requestID() throws {
    let server = try FakeGroqServer()
    server.enqueue(.groqError(status: 400, message: "no", headers: [("x-request-id", Self.key)]))
    Self.check(try GroqProcess.run(["chat", "hi"], server: server))
  }
}
