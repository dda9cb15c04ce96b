import Foundation
import Testing

@testable import GroqKit

@Suite struct JSONValueTests {
  @Test("parsing keeps member order, number text and escapes; serializing gives compact JSON")
  func roundTrip() throws {
    let text = #"{ "z": 1.50, "a": [true, false, null, -2e3, 12345678901234567890], "m": "q\"\\\n\u00e9 🎉", "e": {} }"#
    let value = try #require(JSONValue(parsing: Data(text.utf8)))
    #expect(
      value.serialized == #"{"z":1.50,"a":[true,false,null,-2e3,12345678901234567890],"m":"q\"\\\né 🎉","e":{}}"#)
    #expect(value["m"]?.stringValue == "q\"\\\né 🎉")
    #expect(value["missing"] == nil)
  }

  @Test("what is not one complete JSON value is refused", arguments: ["", "{", "{\"a\":}", "[1,]", "1 2", "nul", "{'a':1}"])
  func refuses(text: String) {
    #expect(JSONValue(parsing: Data(text.utf8)) == nil)
  }

  @Test("a file that starts with a UTF-8 byte order mark parses as its JSON")
  func byteOrderMark() throws {
    let value = try #require(JSONValue(parsing: Data([0xEF, 0xBB, 0xBF]) + Data(#"{"b":1,"a":2}"#.utf8)))
    #expect(value.serialized == #"{"b":1,"a":2}"#)
  }

  @Test("the request body keeps a schema's and the tools' member order as written")
  func bodyKeepsOrder() throws {
    let schema = try #require(JSONValue(parsing: Data(#"{"type":"object","properties":{"z":{},"a":{}}}"#.utf8)))
    let tool = try #require(JSONValue(parsing: Data(#"{"type":"function","function":{"name":"f","parameters":{}}}"#.utf8)))
    var request = ChatCompletionRequest(model: "m", messages: [.user("hi")])
    request.responseFormat = .jsonSchema(name: "n", description: nil, schema: schema, strict: true)
    request.tools = [tool]
    request.toolChoice = .function("f")
    request.reasoningFormat = .parsed
    request.serviceTier = .onDemand
    let body = String(decoding: try request.body(), as: UTF8.self)
    #expect(
      body.hasSuffix(
        #","response_format":{"type":"json_schema","json_schema":{"name":"n","schema":"#
          + #"{"type":"object","properties":{"z":{},"a":{}}},"strict":true}},"#
          + #""tools":[{"type":"function","function":{"name":"f","parameters":{}}}],"#
          + #""tool_choice":{"type":"function","function":{"name":"f"}}}"#))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    #expect(object["reasoning_format"] as? String == "parsed")
    #expect(object["service_tier"] as? String == "on_demand")
    #expect(Set(object.keys) == [
      "model", "messages", "response_format", "tools", "tool_choice", "reasoning_format", "service_tier",
    ])
  }

  @Test("a plain request's body is what JSONEncoder writes, with nothing added")
  func plainBody() throws {
    let body = try ChatCompletionRequest(model: "m", messages: [.user("a/b")]).body()
    let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    #expect(Set(object.keys) == ["model", "messages"])
    #expect(String(decoding: body, as: UTF8.self).contains("a/b"))
  }
}

@Suite struct ToolCallCollectorTests {
  @Test("whole calls keep their order; pieces of one index are joined; the index is dropped")
  func collects() {
    var collector = ToolCallCollector()
    collector.add([
      ToolCall(index: 0, id: "call_1", function: .init(name: "f", arguments: "{\"a\":")),
      ToolCall(index: 1, id: "call_2", function: .init(name: "g", arguments: "{}")),
    ])
    collector.add([ToolCall(index: 0, id: nil, type: nil, function: .init(arguments: "1}"))])
    #expect(
      collector.calls == [
        ToolCall(id: "call_1", function: .init(name: "f", arguments: "{\"a\":1}")),
        ToolCall(id: "call_2", function: .init(name: "g", arguments: "{}")),
      ])
  }

  @Test("calls without an index are kept as separate calls")
  func noIndex() {
    var collector = ToolCallCollector()
    collector.add([ToolCall(id: "a"), ToolCall(id: "b")])
    #expect(collector.calls.map(\.id) == ["a", "b"])
  }
}

@Suite struct ExecutedToolTests {
  @Test("a later entry for the same index adds the output and keeps the arguments")
  func merges() throws {
    let first = ExecutedTool(index: 0, type: "search", arguments: #"{"query":"q"}"#)
    let later = try JSONDecoder().decode(
      ExecutedTool.self,
      from: Data(
        #"{"index":0,"type":"search","output":"o","search_results":{"results":[{"title":"T","url":"https://u"}]}}"#
          .utf8))
    let merged = first.merging(later)
    #expect(merged.arguments == #"{"query":"q"}"#)
    #expect(merged.output == "o")
    #expect(merged.searchResults?.results?.first?.url == "https://u")
  }

  @Test("chunks with tool calls or executed tools are left to JSONDecoder, which reads them")
  func slowPath() throws {
    let json =
      #"{"id":"c","choices":[{"index":0,"delta":{"executed_tools":[{"index":0,"type":"python","arguments":"{}"}]}}]}"#
    var text = json
    #expect(text.withUTF8 { ChatCompletionChunk.scan(UnsafeRawBufferPointer($0)) } == nil)
    var interpreter = ChatStreamInterpreter()
    guard case .chunk(let chunk)? = try interpreter.interpret(SSEEvent(event: nil, data: json, id: nil)) else {
      Issue.record("no chunk")
      return
    }
    #expect(chunk.choices.first?.delta.executedTools?.first?.type == "python")
  }
}
