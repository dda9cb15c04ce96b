import Foundation
import GroqKit

/// A role: a system prompt kept in a Markdown file, with optional front matter for the model, the temperature and
/// the reasoning effort that suit it. Parsed here without I/O.
///
/// ```
/// ---
/// model: openai/gpt-oss-20b
/// temperature: 0.2
/// ---
/// You review code. Point out what is risky, briefly.
/// ```
struct Role: Sendable, Equatable {
  var name: String
  var prompt: String
  var model: String?
  var temperature: Double?
  var reasoningEffort: ReasoningEffort?

  /// The front matter's keys, for messages and the template.
  static let keys = ["model", "temperature", "reasoning_effort"]

  init(name: String, prompt: String, model: String? = nil, temperature: Double? = nil) {
    self.name = name
    self.prompt = prompt
    self.model = model
    self.temperature = temperature
  }

  /// Reads a role file's text; the problem's line is 1-based, as editors count.
  init(name: String, text: String) throws(RoleProblem) {
    self.name = name
    prompt = ""
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    var bodyStart = 0
    if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
      guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
        throw RoleProblem(line: 1, message: "the front matter that starts with --- has no closing ---")
      }
      for index in 1..<end {
        try apply(lines[index], line: index + 1)
      }
      bodyStart = end + 1
    }
    lines = Array(lines[bodyStart...])
    prompt = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !prompt.isEmpty else { throw RoleProblem(line: nil, message: "the role has no prompt") }
  }

  private mutating func apply(_ text: String, line: Int) throws(RoleProblem) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
    guard let colon = trimmed.firstIndex(of: ":") else {
      throw RoleProblem(line: line, message: "expected 'key: value' in the front matter")
    }
    let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
    var value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
      value = String(value.dropFirst().dropLast())
    }
    switch key {
    case "model":
      guard !value.isEmpty, !value.contains(where: \.isWhitespace) else {
        throw RoleProblem(line: line, message: "model must be a model id without spaces")
      }
      model = value
    case "temperature":
      guard let number = Double(value), (0...2).contains(number) else {
        throw RoleProblem(line: line, message: "temperature must be a number from 0 to 2")
      }
      temperature = number
    case "reasoning_effort", "reasoning-effort":
      guard let effort = ReasoningEffort(rawValue: value) else {
        throw RoleProblem(
          line: line,
          message: "reasoning_effort must be one of: "
            + ReasoningEffort.allCases.map(\.rawValue).joined(separator: ", "))
      }
      reasoningEffort = effort
    default:
      let hint = Suggestion.closest(to: key, among: Self.keys).map { "; did you mean '\($0)'?" } ?? ""
      throw RoleProblem(line: line, message: "unknown key '\(key)' in the front matter\(hint)")
    }
  }

  /// What `roles add` opens in the editor.
  static let template = """
    ---
    # Optional: the model, temperature (0 to 2) and reasoning_effort this role uses unless the command line says.
    # model: openai/gpt-oss-20b
    # temperature: 0.3
    ---
    You are ...

    """

  /// A role name is a file name and a word on the command line.
  static func isValidName(_ name: String) -> Bool { Conversation.isValidName(name) }
}

/// What is wrong with a role file, and where.
struct RoleProblem: Error, Sendable, Equatable {
  var line: Int?
  var message: String
}
