import FakeGroq
import Foundation
import Testing

@Suite("tool calls")
struct ToolCallTests {
  static let weatherCall = #"{"id":"call_get_weat01","name":"get_weather","arguments":{"city":"example","unit":"c"}}"#

  @Test("--tools sends the definitions as written; the call, whole in one delta, is one JSON line on stdout")
  func streamed() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      Fixtures.resolve(["chat", "--tools", "@tools.json", "Weather in Paris?"]), server: server)
    #expect(result.status == 0)
    #expect(result.stdout == Self.weatherCall + "\n")
    #expect(result.stderr == "")
    let request = try #require(server.requests.first)
    #expect(String(decoding: request.body, as: UTF8.self).contains(#""tools":"# + Fixtures.weatherTools))
    #expect(try request.json()["stream"] as? Bool == true)
    #expect(try request.json()["tool_choice"] == nil)
  }

  @Test(
    "--tool-choice: a mode as a string, a tool's name as a named choice",
    arguments: [
      ("auto", "\"auto\"" as String), ("required", "\"required\""),
      ("get_time", #"{"type":"function","function":{"name":"get_time"}}"#),
    ])
  func choice(choice: String, json: String) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      Fixtures.resolve(["chat", "--no-stream", "--tools", "@tools.json", "--tool-choice", choice, "x"]), server: server)
    #expect(result.status == 0)
    #expect(
      String(decoding: try #require(server.requests.first).body, as: UTF8.self).contains(#""tool_choice":"# + json))
    let name = choice == "get_time" ? "get_time" : "get_weather"
    #expect(result.stdout.hasPrefix(#"{"id":"call_"# + name.prefix(8) + #"01","name":""# + name + "\""))
  }

  @Test("--tool-choice none gets a text answer")
  func none() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      Fixtures.resolve(["chat", "--tools", "@tools.json", "--tool-choice", "none", "hi"]), server: server)
    #expect(result.stdout == ChatTests.answer + "\n")
  }

  @Test("calls arriving in pieces are put together by index; arguments that are not JSON stay a string")
  func pieces() throws {
    let server = try FakeGroqServer()
    server.enqueue(
      .chatStream(deltas: [
        #"{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"a\":"}}]}"#,
        #"{"tool_calls":[{"index":1,"id":"call_2","type":"function","function":{"name":"g","arguments":"oops"}}]}"#,
        #"{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]}"#,
      ]))
    let result = try GroqProcess.run(Fixtures.resolve(["chat", "--tools", "@tools.json", "x"]), server: server)
    #expect(result.status == 0)
    #expect(
      result.stdout == #"{"id":"call_1","name":"f","arguments":{"a":1}}"# + "\n"
        + #"{"id":"call_2","name":"g","arguments":"oops"}"# + "\n")
  }

  @Test("tool_use_failed, as a 400 or mid-stream, is reported with the model's output, exit 1")
  func useFailed() throws {
    let server = try FakeGroqServer()
    server.enqueue(.toolUseFailed(failedGeneration: "<function=get_weather>{city: Paris}"))
    let whole = try GroqProcess.run(Fixtures.resolve(["chat", "--tools", "@tools.json", "x"]), server: server)
    #expect(whole.status == 1)
    #expect(whole.stderr.hasPrefix("groq: error: the model's tool call failed: Failed to call a function."))
    #expect(whole.stderr.contains("failed generation: <function=get_weather>{city: Paris}"))
    server.enqueue(.chatStream(tokens: ["a"], options: StreamOptions(errorAfterTokens: 0)))
    let streamed = try GroqProcess.run(Fixtures.resolve(["chat", "--tools", "@tools.json", "x"]), server: server)
    #expect(streamed.status == 1)
    #expect(streamed.stderr.hasPrefix("groq: error: the model's tool call failed: "))
    #expect(server.requests.count == 2)
  }
}
