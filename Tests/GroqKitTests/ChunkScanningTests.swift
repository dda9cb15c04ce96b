import Foundation
import Testing

@testable import GroqKit

/// The fast chunk reader must agree with JSONDecoder wherever it answers, and step aside where it cannot.
struct ChunkScanningTests {
  static let agreeing: [String] = [
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"x_groq":{"id":"req_01abc"}}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{"content":"héllo wörld 🎉 日本"},"finish_reason":null}]}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{"content":"quote \" backslash \\ slash \/ tab \t nl \n cr \r bs \b ff \f"}}]}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{"content":"\u00e9\u65e5 \ud83c\udf89 \u0000"}}]}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"x_groq":{"id":"req_1","usage":{"queue_time":0.02,"prompt_tokens":9,"prompt_time":1e-3,"completion_tokens":2,"completion_time":0.003,"total_tokens":11,"total_time":0.004,"prompt_tokens_details":{"cached_tokens":0}},"seed":42,"debug":{"a":[1,2,{"b":null}]}}}"#,
    #"{"id":"c","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{"reasoning":"thinking…","content":null},"finish_reason":null}],"usage":null,"x_groq":null}"#,
    // A reasoning model's runs of empty deltas.
    #"{"id":"c","choices":[{"index":0,"delta":{"reasoning":""},"finish_reason":null}]}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{"content":""},"finish_reason":null}]}"#,
    #"  { "id" : "c" , "model" : null , "choices" : [ { "index" : 0 , "delta" : { "content" : "spaced" } } ] }  "#,
    #"{"id":"c","choices":[{"index":0,"delta":{"content":"x"}}],"x_groq":{"id":"req_1","error":"stream stopped: capacity"}}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{"content":"x"}}],"extra":[true,false,null,-1.5e+3,"s",{}]}"#,
  ]

  @Test("agrees with JSONDecoder", arguments: agreeing)
  func agrees(json: String) throws {
    let reference = try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(json.utf8))
    let fast = try #require(scan(json))
    #expect(fast == reference)
  }

  static let declined: [String] = [
    // Tool calls and errors are JSONDecoder's to read.
    #"{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]}}]}"#,
    #"{"id":"c","choices":[{"index":0,"delta":{"executed_tools":[{"index":0,"type":"search","arguments":"{}"}]}}]}"#,
    #"{"error":{"message":"boom","type":"server_error"}}"#,
    // Not JSON, or not whole.
    #"{"id":"c","choices":[{"index":0,"delta":{"content":"cut"#,
    #"{"id":"c",}"#,
    #"{"id":"c"} trailing"#,
    #"{"id":"bad \x escape"}"#,
    #"{"id":"\ud83c alone"}"#,
    "[1,2]",
    "",
  ]

  @Test("declines what it does not model, so JSONDecoder decides", arguments: declined)
  func declines(json: String) {
    #expect(scan(json) == nil)
  }

  /// The fuzzer's one disagreement (bench/fuzz chunk): on a repeated key the scanner keeps the last value and
  /// JSONDecoder the first. No server repeats keys; this pins the behaviour so a change to either is seen.
  @Test("a repeated key: the scanner keeps the last value, JSONDecoder the first")
  func repeatedKey() throws {
    let json = #"{"id":"c1","choices":[{"index":0,"delta":{"content":"first"}}],"choices":[{"index":1,"delta":{"content":"last"}}]}"#
    let fast = try #require(scan(json))
    #expect(fast.choices.first?.delta.content == "last")
    let reference = try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(json.utf8))
    #expect(reference.choices.first?.delta.content == "first")
  }

  private func scan(_ json: String) -> ChatCompletionChunk? {
    var text = json
    return text.withUTF8 { ChatCompletionChunk.scan(UnsafeRawBufferPointer($0)) }
  }
}

/// Random content through both readers: every escape JSON has, and characters of one to four UTF-8 bytes.
struct ChunkScanningRandomTests {
  /// SplitMix64: a fixed seed, so a failure is the same failure on every run.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let alphabet: [Character] = Array("aZ 09.,\"\\/\n\r\t\u{1}\u{1F}\u{7F}éß日本🎉👍🏽\u{2028}")

  /// JSON string syntax written by hand, escaping every non-ASCII character as \u (surrogate pairs included) on
  /// odd seeds, and leaving UTF-8 raw on even ones.
  static func quoted(_ text: String, escapeAll: Bool) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || (escapeAll && scalar.value > 0x7E):
        for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// 500 content chunks of random text, the same for every run with the same seed.
  static func randomChunks(seed: UInt64) -> [(round: Int, text: String, json: String)] {
    var random = Seeded(state: seed)
    return (0..<500).map { round in
      let length = Int.random(in: 0...40, using: &random)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
      let json =
        #"{"id":"c","choices":[{"index":0,"delta":{"content":"#
        + quoted(text, escapeAll: round % 2 == 1) + #"},"finish_reason":null}]}"#
      return (round, text, json)
    }
  }

  @Test("agrees with JSONDecoder on 500 random contents")
  func randomContents() throws {
    for (round, text, json) in Self.randomChunks(seed: 42) {
      let reference = try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(json.utf8))
      var copy = json
      let fast = copy.withUTF8 { ChatCompletionChunk.scan(UnsafeRawBufferPointer($0)) }
      #expect(fast == reference, "round \(round): \(json)")
      #expect(fast?.content == text, "round \(round)")
    }
  }

  @Test("a stream's scans share the id and model they repeat, and a changed id is read afresh")
  func cacheAcrossChunks() throws {
    var cache = ChatCompletionChunk.ScanCache()
    let jsons = [
      #"{"id":"chatcmpl-0123456789abcdef","model":"openai/gpt-oss-120b","choices":[]}"#,
      #"{"id":"chatcmpl-0123456789abcdef","model":"openai/gpt-oss-120b","choices":[]}"#,
      #"{"id":"chatcmpl-fedcba9876543210","model":"openai/gpt-oss-20b","choices":[]}"#,
      #"{"id":"chatcmpl-fedcba9876543210","model":"openai/gpt-oss-20b\u0021","choices":[]}"#,
    ]
    for json in jsons {
      let reference = try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(json.utf8))
      var copy = json
      let fast = copy.withUTF8 { ChatCompletionChunk.scan(UnsafeRawBufferPointer($0), cache: &cache) }
      #expect(fast == reference, "\(json)")
    }
  }
}

/// The plain-content path must give the same text JSONDecoder does, and take only chunks that are nothing else.
struct ContentDeltaTests {
  /// Runs the fast path on `json` with some text already in the buffer, which must survive either way.
  private func append(_ json: String) -> (taken: Bool, buffer: [UInt8]) {
    var buffer = Array("before".utf8)
    var copy = json
    let taken = copy.withUTF8 { ContentDelta.append(UnsafeRawBufferPointer($0), to: &buffer) }
    return (taken, buffer)
  }

  @Test(
    "takes only plain content, with JSONDecoder's text; leaves the buffer alone otherwise",
    arguments: ChunkScanningTests.agreeing + ChunkScanningTests.declined)
  func agrees(json: String) throws {
    let (taken, buffer) = append(json)
    let reference = try? JSONDecoder().decode(ChatCompletionChunk.self, from: Data(json.utf8))
    let plain =
      reference.map {
        $0.choices.count == 1 && $0.choices[0].index == 0 && $0.choices[0].finishReason == nil
          && $0.choices[0].delta.role == nil && $0.choices[0].delta.reasoning == nil
          && $0.choices[0].delta.toolCalls == nil && $0.choices[0].delta.executedTools == nil
          && $0.content != nil && $0.usage == nil && $0.xGroq == nil && $0.error == nil
      } ?? false
    if taken {
      #expect(plain, "took a chunk that is more than content: \(json)")
      #expect(String(decoding: buffer, as: UTF8.self) == "before" + (reference?.content ?? ""))
    } else {
      #expect(buffer == Array("before".utf8))
    }
  }

  @Test("takes the plain content chunks Groq sends")
  func takesPlainContent() {
    let json =
      #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1747000000,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":"h\u00e9 \"x\""},"logprobs":null,"finish_reason":null}]}"#
    let (taken, buffer) = append(json)
    #expect(taken)
    #expect(String(decoding: buffer, as: UTF8.self) == "beforeh\u{e9} \"x\"")
  }

  @Test("a chunk with the last plain chunk's bytes around its content is taken; any other difference is read whole")
  func sameShape() {
    var shape = ContentDelta.Shape()
    var buffer: [UInt8] = []
    func take(_ json: String) -> Bool {
      var copy = json
      return copy.withUTF8 { ContentDelta.append(UnsafeRawBufferPointer($0), to: &buffer, shape: &shape) }
    }
    func plain(_ quoted: String) -> String {
      #"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"# + quoted
        + #"},"logprobs":null,"finish_reason":null}]}"#
    }
    #expect(take(plain(#""one ""#)))
    #expect(!shape.prefix.isEmpty)
    #expect(take(plain(#""tw\u00f6 ""#)))
    // Same bytes before the content, different after: a finish reason, more keys, a cut object, a bad string.
    #expect(!take(#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}"#))
    #expect(!take(#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"x","reasoning":"r"}}]}"#))
    #expect(!take(#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"x"#))
    #expect(!take(plain("\"bad \u{1}\"")))
    #expect(String(decoding: buffer, as: UTF8.self) == "one tw\u{f6} ")
    // A new id is read whole and becomes the shape.
    #expect(take(#"{"id":"c2","choices":[{"index":0,"delta":{"content":"three"}}]}"#))
    #expect(take(#"{"id":"c2","choices":[{"index":0,"delta":{"content":"!"}}]}"#))
    #expect(String(decoding: buffer, as: UTF8.self) == "one tw\u{f6} three!")
  }

  @Test("agrees with JSONDecoder on 500 random contents, one stream's shape shared")
  func randomContents() throws {
    var shape = ContentDelta.Shape()
    for (round, text, json) in ChunkScanningRandomTests.randomChunks(seed: 7) {
      var buffer: [UInt8] = []
      var copy = json
      let taken = copy.withUTF8 { ContentDelta.append(UnsafeRawBufferPointer($0), to: &buffer, shape: &shape) }
      #expect(taken, "round \(round)")
      #expect(String(decoding: buffer, as: UTF8.self) == text, "round \(round)")
    }
  }
}
