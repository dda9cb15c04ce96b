import Foundation

/// Hand-built JSON in Groq's key order. Dictionaries would reorder keys and JSONSerialization per token is too slow
/// for the 5000-token benchmark stream.
enum GroqJSON {
  static let fingerprint = "fp_3f39de2b4c"

  /// A JSON string literal, quotes included.
  static func string(_ text: String) -> String {
    // Fast path: nothing to escape (the common case for tokens and ids).
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      return "\"" + text + "\""
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// `string(text)` or `null`.
  static func optional(_ text: String?) -> String {
    text.map(string) ?? "null"
  }

  /// A float in seconds, like Groq's `0.021340327`.
  static func seconds(_ value: Double) -> String {
    var text = String(format: "%.9f", value)
    while text.hasSuffix("0") && !text.hasSuffix(".0") { text.removeLast() }
    return text
  }

  /// `{"error":{…}}` with absent optional keys left out.
  static func error(
    message: String, type: String, code: String?, param: String?, failedGeneration: String?
  ) -> String {
    var fields = "\"message\":\(string(message)),\"type\":\(string(type))"
    if let code { fields += ",\"code\":\(string(code))" }
    if let param { fields += ",\"param\":\(string(param))" }
    if let failedGeneration { fields += ",\"failed_generation\":\(string(failedGeneration))" }
    return "{\"error\":{\(fields)}}"
  }

  /// A non-streamed `chat.completion` (groq-api.md 3.3).
  static func chatCompletion(
    content: String, model: String, finishReason: String, usage: Usage, requestID: String
  ) -> String {
    chatCompletion(
      message: "{\"role\":\"assistant\",\"content\":\(string(content))}", model: model, finishReason: finishReason,
      usage: usage, requestID: requestID)
  }

  /// The same around any message object (reasoning, tool calls, executed tools).
  static func chatCompletion(
    message: String, model: String, finishReason: String, usage: Usage, requestID: String
  ) -> String {
    "{\"id\":\(string(GroqIDs.completionID())),\"object\":\"chat.completion\",\"created\":\(GroqIDs.now()),"
      + "\"model\":\(string(model)),\"choices\":[{\"index\":0,\"logprobs\":null,"
      + "\"finish_reason\":\(string(finishReason)),"
      + "\"message\":\(message)}],"
      + "\"usage\":\(usage.json),\"usage_breakdown\":null,\"system_fingerprint\":\(string(fingerprint)),"
      + "\"service_tier\":\"on_demand\",\"x_groq\":{\"id\":\(string(requestID))}}"
  }
}

/// Plausible Groq usage numbers: times in float seconds at a few hundred tokens per second.
struct Usage {
  let promptTokens: Int
  let completionTokens: Int

  var json: String {
    let queueTime = 0.021340327
    let promptTime = Double(promptTokens) * 0.000_021
    let completionTime = Double(completionTokens) * 0.002_5
    return "{\"queue_time\":\(GroqJSON.seconds(queueTime)),\"prompt_tokens\":\(promptTokens),"
      + "\"prompt_time\":\(GroqJSON.seconds(promptTime)),\"completion_tokens\":\(completionTokens),"
      + "\"completion_time\":\(GroqJSON.seconds(completionTime)),\"total_tokens\":\(promptTokens + completionTokens),"
      + "\"total_time\":\(GroqJSON.seconds(promptTime + completionTime))}"
  }
}

/// Groq-looking identifiers.
enum GroqIDs {
  private static let crockford = Array("0123456789abcdefghjkmnpqrstvwxyz")

  /// `req_` + a lowercase ULID (`req_01jz…`), as in Groq's `x-request-id`.
  static func requestID() -> String {
    var generator = SystemRandomNumberGenerator()
    let milliseconds = UInt64(Date().timeIntervalSince1970 * 1000)
    var id = "req_"
    for index in (0..<10).reversed() { id.append(crockford[Int((milliseconds >> (5 * UInt64(index))) & 31)]) }
    for _ in 0..<16 { id.append(crockford[Int(generator.next() & 31)]) }
    return id
  }

  /// `chatcmpl-<uuid>`.
  static func completionID() -> String {
    "chatcmpl-" + UUID().uuidString.lowercased()
  }

  /// Unix seconds.
  static func now() -> Int {
    Int(Date().timeIntervalSince1970)
  }
}
