import Foundation

/// Builds and reads the JSONL lines of the Batch API: input lines from a body, output lines from a response.
public enum BatchLine {
  /// `{"custom_id":…,"method":"POST","url":…,"body":…}` with the body's bytes as they are.
  public static func request(customID: String, endpoint: BatchEndpoint, body: Data) -> Data {
    var line = Data(
      ("{\"custom_id\":" + JSONValue.string(customID).serialized + ",\"method\":\"POST\",\"url\":"
        + JSONValue.string(endpoint.rawValue).serialized + ",\"body\":").utf8)
    line.append(body)
    line.append(UInt8(ascii: "}"))
    return line
  }

  /// An input or output line's `custom_id`; nil when the line is not an object with one.
  public static func customID(_ line: Data) -> String? { JSONValue(parsing: line)?["custom_id"]?.stringValue }

  /// An output line in the shape Groq's output file uses, for a request run locally: the response whatever its status
  /// (an HTTP error is a response too), or `error` when no response came.
  public static func output(
    customID: String, requestID: String?, statusCode: Int?, body: Data?, error: (code: String, message: String)?
  ) -> Data {
    let id = "batch_req_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    var text = "{\"id\":" + JSONValue.string(id).serialized + ",\"custom_id\":" + JSONValue.string(customID).serialized
    if let statusCode {
      text += ",\"response\":{\"status_code\":\(statusCode),\"request_id\":"
      text += requestID.map { JSONValue.string($0).serialized } ?? "null"
      text += ",\"body\":"
      var line = Data(text.utf8)
      let valid = body.flatMap { JSONValue(parsing: $0) } != nil
      line.append(
        valid ? body! : Data(JSONValue.string(String(decoding: body ?? Data(), as: UTF8.self)).serialized.utf8))
      line.append(Data("},\"error\":".utf8))
      line.append(Data(errorJSON(error).utf8))
      line.append(UInt8(ascii: "}"))
      return line
    }
    text += ",\"response\":null,\"error\":" + errorJSON(error) + "}"
    return Data(text.utf8)
  }

  private static func errorJSON(_ error: (code: String, message: String)?) -> String {
    guard let error else { return "null" }
    return JSONValue.object([.init("code", .string(error.code)), .init("message", .string(error.message))]).serialized
  }
}

/// One line of a batch's output or error file, read for joining and for `--text`.
public struct BatchOutputLine: Sendable, Equatable {
  public var customID: String
  public var statusCode: Int?
  public var body: JSONValue?
  public var errorMessage: String?

  /// nil when the line is not an object with a `custom_id`.
  public init?(_ line: Data) {
    guard let value = JSONValue(parsing: line), let id = value["custom_id"]?.stringValue else { return nil }
    customID = id
    let response = value["response"]
    if case .number(let text)? = response?["status_code"] { statusCode = Int(text) }
    body = response?["body"]
    if let error = value["error"], error != .null {
      errorMessage = error["message"]?.stringValue ?? error.stringValue ?? error.serialized
    } else if let statusCode, !(200..<300).contains(statusCode) {
      errorMessage = body?["error"]?["message"]?.stringValue ?? "HTTP \(statusCode)"
    }
  }

  /// Whether the request succeeded.
  public var succeeded: Bool { errorMessage == nil && statusCode.map { (200..<300).contains($0) } ?? false }

  /// The answer's text: a chat completion's first message, or a transcription's text; nil for a failure.
  public var answerText: String? {
    guard succeeded, let body else { return nil }
    if case .array(let choices)? = body["choices"], let first = choices.first {
      return first["message"]?["content"]?.stringValue ?? ""
    }
    return body["text"]?.stringValue
  }
}
