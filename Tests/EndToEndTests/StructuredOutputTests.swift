import FakeGroq
import Foundation
import Testing

@Suite("JSON mode, schemas and the whole response")
struct StructuredOutputTests {
  @Test("--json-mode asks for a JSON object, without streaming, and prints the JSON for jq")
  func jsonMode() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      ["chat", "--json-mode", "-s", "Reply in JSON: {sentiment, confidence}", "I love it"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == #"{"sentiment":"positive","confidence":0.98}"# + "\n")
    #expect(result.stderr == "")
    let body = try #require(try server.requests.first?.json())
    #expect(body["stream"] == nil)
    #expect(body["response_format"] as? NSDictionary == ["type": "json_object"] as NSDictionary)
  }

  @Test("--schema sends the schema exactly as written, named from its title")
  func schema() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      Fixtures.resolve(["chat", "--schema", "@recipe.schema.json", "Apple pie"]), server: server)
    #expect(result.status == 0)
    #expect(result.stdout == #"{"minutes":1,"name":"example","steps":["example"]}"# + "\n")
    let request = try #require(server.requests.first)
    let text = String(decoding: request.body, as: UTF8.self)
    #expect(
      text.contains(
        #""response_format":{"type":"json_schema","json_schema":{"name":"Recipe","schema":"# + Fixtures.recipeSchema
          + "}}"))
    #expect(try request.json()["stream"] == nil)
  }

  @Test("a wrapped schema brings its name, description and strict; --schema-name wins")
  func wrappedSchema() throws {
    let server = try FakeGroqServer()
    _ = try GroqProcess.run(Fixtures.resolve(["chat", "--schema", "@wrapped.json", "x"]), server: server)
    _ = try GroqProcess.run(
      Fixtures.resolve(["chat", "--schema", "@wrapped.json", "--schema-name", "pie", "x"]), server: server)
    let formats = try server.requests.map { try #require($0.json()["response_format"] as? [String: Any]) }
    let first = try #require(formats.first?["json_schema"] as? [String: Any])
    #expect(first["name"] as? String == "recipe_v2")
    #expect(first["description"] as? String == "A recipe")
    #expect(first["strict"] as? Bool == true)
    #expect((first["schema"] as? [String: Any])?["title"] as? String == "Recipe")
    #expect((formats.last?["json_schema"] as? [String: Any])?["name"] as? String == "pie")
  }

  @Test("json_validate_failed prints the message and the model's output on stderr, exit 1")
  func validateFailed() throws {
    let server = try FakeGroqServer()
    server.enqueue(.jsonValidateFailed(failedGeneration: #"{"sentiment": "positive", "#))
    let result = try GroqProcess.run(["chat", "--json-mode", "I love it"], server: server)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("groq: error: the model's answer was not valid JSON: Failed to generate JSON."))
    #expect(result.stderr.contains(#"failed generation: {"sentiment": "positive", "#))
    #expect(server.requests.count == 1)
  }

  @Test("--json prints the response exactly as the server wrote it, fields groq does not know included")
  func wholeResponse() throws {
    let server = try FakeGroqServer()
    let body =
      #"{"id":"chatcmpl-1","object":"chat.completion","model":"openai/gpt-oss-120b","choices":[{"index":0,"#
      + #""message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"total_tokens":3},"#
      + #""usage_breakdown":null,"x_groq":{"id":"req_1","seed":7},"something_new":[1.50,{"b":null}]}"#
    server.enqueue(.json(body))
    let result = try GroqProcess.run(["chat", "--json", "hi"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == body + "\n")
    #expect(result.stderr == "")
    #expect(try server.requests.first?.json()["stream"] == nil)
    let reasoned = try GroqProcess.run(["reason", "--json", "r?"], server: server)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(reasoned.stdout.utf8)) as? [String: Any])
    let message = try #require((object["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])
    #expect(message["reasoning"] as? String == ReasonTests.reasoning)
    #expect(reasoned.stderr == "")
  }

  @Test("--prefill adds a trailing assistant message the answer continues from")
  func prefill() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "--prefill", "```json", "-s", "sys", "hi"], server: server)
    #expect(result.status == 0)
    let messages = try #require(try server.requests.first?.json()["messages"] as? [[String: Any]])
    #expect(messages.map { $0["role"] as? String } == ["system", "user", "assistant"])
    #expect(messages.last?["content"] as? String == "```json")
  }

  @Test("the moderation model's verdict is printed as it is")
  func moderation() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "-m", "meta-llama/llama-prompt-guard-2-86m", "How do I bake bread?"], server: server)
    #expect(result.status == 0)
    #expect(result.stdout == "safe\n")
  }
}
