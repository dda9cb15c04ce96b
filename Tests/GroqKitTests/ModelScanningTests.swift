import FakeGroq
import Foundation
import Testing

@testable import GroqKit

/// The `/models` scanner must agree with JSONDecoder wherever it answers, and step aside where it cannot.
struct ModelScanningTests {
  static let agreeingLists: [String] = [
    FakeModelList.json(excluding: []),
    // Groq's shape, with fields groq does not read (public_apps, an object, an array).
    #"{"object":"list","data":[{"id":"openai/gpt-oss-120b","object":"model","created":1733447754,"owned_by":"OpenAI","active":true,"context_window":131072,"public_apps":null,"max_completion_tokens":65536,"x":{"y":[1,"z"]}}]}"#,
    // Nulls, missing optional fields, escapes, spaces, an empty list.
    #"{"data":[{"id":"a","owned_by":null,"active":null,"context_window":null},{"id":"b\/c \u00e9 \"q\""}]}"#,
    #"  { "data" : [ { "id" : "spaced" , "active" : false } ] , "object" : "list" }  "#,
    #"{"object":"list","data":[]}"#,
  ]

  @Test("a model list agrees with JSONDecoder", arguments: agreeingLists)
  func listAgrees(json: String) throws {
    let reference = try JSONDecoder().decode(ModelList.self, from: Data(json.utf8)).data
    let fast = try #require(ModelList.scan(Data(json.utf8))).data
    #expect(fast == reference)
    #expect(fast.map(\.object) == reference.map(\.object))
    #expect(fast.map(\.created) == reference.map(\.created))
  }

  @Test("one model agrees with JSONDecoder")
  func modelAgrees() throws {
    let json =
      #"{"id":"whisper-large-v3","object":"model","created":1693721698,"owned_by":"OpenAI","active":true,"context_window":448,"max_completion_tokens":448}"#
    let reference = try JSONDecoder().decode(Model.self, from: Data(json.utf8))
    let fast = try #require(Model.scan(Data(json.utf8)))
    #expect(fast == reference)
    #expect(fast.object == "model" && fast.created == 1_693_721_698)
  }

  static let declinedLists: [String] = [
    // Not what Model is: JSONDecoder decides (and throws, with the reason).
    #"{"data":[{"owned_by":"x"}]}"#,
    #"{"data":[{"id":null}]}"#,
    #"{"data":[{"id":"a","context_window":"big"}]}"#,
    #"{"data":[{"id":"a","active":1}]}"#,
    #"{"data":[{"id":"a","context_window":1.5}]}"#,
    #"{"data":{"id":"a"}}"#,
    #"{"object":"list"}"#,
    // Not JSON, or not whole.
    #"{"data":[{"id":"a"}"#,
    #"{"data":[{"id":"a"},]}"#,
    #"{"data":[]} trailing"#,
    "<html>502 Bad Gateway</html>",
    "",
  ]

  @Test("declines what it does not model, so JSONDecoder decides", arguments: declinedLists)
  func declines(json: String) {
    #expect(ModelList.scan(Data(json.utf8)) == nil)
  }

  @Test("a list the scanner declines fails through JSONDecoder, which names what is wrong")
  func declinedListFailsClearly() async {
    let transport = FakeTransport([.response(status: 200, body: #"{"data":[{"owned_by":"x"}]}"#)])
    let error = await #expect(throws: GroqError.self) { try await makeClient(transport).models() }
    #expect(error?.kind == .invalidResponse)
    #expect(error?.message.contains("missing key `data.0.id`") == true)
  }
}

/// The cache file `groq models` writes by hand reads back, and reads as JSONDecoder would read it.
struct ModelListFileTests {
  private struct Reference: Codable, Equatable {
    var server: String
    var fetched: Double
    var ids: [String]
  }

  @Test("written and read back, also by JSONDecoder", arguments: [
    ModelListFile(server: "https://api.groq.com/openai/v1", fetched: 1_796_062_613.625_905_5, ids: ["a", "b/c"]),
    ModelListFile(server: "http://127.0.0.1:9/v1", fetched: 0, ids: []),
    ModelListFile(server: "s", fetched: 12, ids: ["quote \" backslash \\ nl \n tab \t \u{1} é 🎉"]),
  ])
  func roundTrip(file: ModelListFile) throws {
    let text = file.json
    #expect(Data(text.utf8).withUnsafeBytes { ModelListFile(json: $0) } == file)
    let reference = try JSONDecoder().decode(Reference.self, from: Data(text.utf8))
    #expect(reference == Reference(server: file.server, fetched: file.fetched, ids: file.ids))
  }

  @Test("what JSONEncoder wrote (older groq) reads the same")
  func readsEncoderOutput() throws {
    let data = try JSONEncoder().encode(Reference(server: "s", fetched: 1.5, ids: ["x", "y"]))
    #expect(data.withUnsafeBytes { ModelListFile(json: $0) } == ModelListFile(server: "s", fetched: 1.5, ids: ["x", "y"]))
  }

  @Test("a damaged file reads as nothing", arguments: [
    "", "{not json", #"{"server":"s","ids":[]}"#, #"{"server":"s","fetched":1,"ids":[1]}"#,
    #"{"server":"s","fetched":"1","ids":[]}"#, #"{"server":"s","fetched":1,"ids":[]} x"#,
  ])
  func damaged(text: String) {
    #expect(Data(text.utf8).withUnsafeBytes { ModelListFile(json: $0) } == nil)
  }
}
