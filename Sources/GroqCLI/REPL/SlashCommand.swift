import Foundation
import GroqKit

/// The REPL's own commands. Adding one: a case here, its usage and summary, and its branch in `ChatREPL.perform`;
/// /help, Tab completion, "did you mean", `groq chat --help` and the man page all read this table.
enum SlashCommand: String, CaseIterable, Sendable {
  case help, model, models, system, role, temperature, reasoning, search, code, attach, file, stats, clear, undo
  case retry, copy, edit, save, load, title
  case history, exit

  /// Other spellings people type out of habit.
  static let aliases: [String: SlashCommand] = ["quit": .exit, "q": .exit, "?": .help]

  /// Words that are commands without a slash when they are the whole line: nobody asks a model just "exit".
  static let bareWords: [String: SlashCommand] = ["exit": .exit, "quit": .exit, "clear": .clear]

  var usage: String {
    switch self {
    case .model: "/model [id]"
    case .system: "/system [text | --clear]"
    case .temperature: "/temperature [x | --clear]"
    case .stats: "/stats [on | off]"
    case .search: "/search [on | off]"
    case .code: "/code [on | off]"
    case .reasoning: "/reasoning [raw | parsed | hidden]"
    case .attach: "/attach [path | url | --clear]"
    case .save: "/save [name]"
    case .load: "/load <name>"
    case .role: "/role [name]"
    case .title: "/title [text]"
    case .copy: "/copy [code]"
    case .file: "/file <path>"
    case .edit: "/edit [last]"
    default: "/" + rawValue
    }
  }

  var summary: String {
    switch self {
    case .help: "List these commands"
    case .model: "Show the model, or switch to another for the next answers"
    case .models: "List the models your key can use"
    case .system: "Show, set or clear the system prompt"
    case .temperature: "Show, set (0 to 2) or clear the sampling temperature"
    case .stats: "Show tokens used and rate limits left; on or off: timings after each answer"
    case .reasoning: "Show or set how a reasoning model's thinking comes back"
    case .search: "Let the model search the web (Groq's browser_search), or stop"
    case .code: "Let the model run Python (Groq's code_interpreter), or stop"
    case .attach: "Add an image to your next message"
    case .clear: "Start a new conversation (the current one stays saved)"
    case .undo: "Forget the last question and its answer"
    case .retry: "Ask for the last answer again"
    case .file: "Add a text file to your next message, under its name"
    case .copy: "Copy the last answer, or the last code block in it, to the clipboard"
    case .edit: "Write a message in $EDITOR, or rewrite the last one and ask again"
    case .save: "Name this conversation, or say where it is saved"
    case .load: "Switch to a saved conversation"
    case .role: "Use a saved role (groq roles), or list them"
    case .title: "Show or set the title groq conversations lists"
    case .history: "Print the conversation so far"
    case .exit: "Leave (Ctrl-D does the same)"
    }
  }

  /// What Tab offers after the command.
  enum ArgumentCompletion: Sendable {
    case none
    case models
    case conversations
    case roles
    /// The terminal's own file-name completion.
    case files
    case choices([String])
  }

  var argumentCompletion: ArgumentCompletion {
    switch self {
    case .model: .models
    case .load, .save: .conversations
    case .role: .roles
    case .stats, .search, .code: .choices(["on", "off"])
    case .copy: .choices(["code"])
    case .edit: .choices(["last"])
    case .reasoning: .choices(ReasoningFormat.allCases.map(\.rawValue))
    case .attach, .file: .files
    case .system, .temperature: .choices(["--clear"])
    default: .none
    }
  }

  /// What a typed line is to the REPL.
  enum Parsed: Equatable, Sendable {
    case command(SlashCommand, argument: String?)
    case unknown(String, suggestion: String?)
    case message(String)
  }

  /// `/model  llama ` → `.command(.model, "llama")`. A line starting with `//` is a message with one `/` removed,
  /// for questions that start with a path.
  static func parse(_ line: String) -> Parsed {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if let command = bareWords[trimmed] { return .command(command, argument: nil) }
    guard trimmed.hasPrefix("/") else { return .message(line) }
    if trimmed.hasPrefix("//") { return .message(String(line.trimmingLeadingWhitespace().dropFirst())) }
    let body = trimmed.dropFirst()
    let name = body.prefix { !$0.isWhitespace }
    let rest = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
    let argument = rest.isEmpty ? nil : rest
    if let command = SlashCommand(rawValue: String(name).lowercased()) ?? aliases[String(name).lowercased()] {
      return .command(command, argument: argument)
    }
    let suggestion = Suggestion.closest(to: String(name), among: allCases.map(\.rawValue)).map { "/" + $0 }
    return .unknown("/" + name, suggestion: suggestion)
  }

  /// The /help screen: one line per command, usage aligned.
  static var helpText: String {
    let width = allCases.map(\.usage.count).max() ?? 0
    let lines = allCases.map { command in
      command.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary
    }
    let footer = [
      "",
      "A line ending in \\ continues on the next; a \"\"\" line starts and ends a block of several lines.",
      "Tab completes commands and model ids; Up and Down recall earlier lines; Ctrl-C stops an answer.",
    ]
    return (lines + footer).joined(separator: "\n") + "\n"
  }
}
