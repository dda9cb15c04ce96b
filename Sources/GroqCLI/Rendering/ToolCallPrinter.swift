import Foundation
import GroqKit

/// The model's tool calls for scripts: one JSON object per line, `{"id","name","arguments"}`, with the arguments as
/// JSON (a string only when the model wrote something that is not JSON).
enum ToolCallPrinter {
  static func lines(_ calls: [ToolCall]) -> String {
    calls.map { line($0) + "\n" }.joined()
  }

  static func line(_ call: ToolCall) -> String {
    let text = call.function?.arguments ?? ""
    let arguments: JSONValue =
      text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      ? .object([]) : JSONValue(parsing: Data(text.utf8)) ?? .string(text)
    return JSONValue.object([
      .init("id", call.id.map(JSONValue.string) ?? .null),
      .init("name", call.function?.name.map(JSONValue.string) ?? .null),
      .init("arguments", arguments),
    ]).serialized
  }
}
