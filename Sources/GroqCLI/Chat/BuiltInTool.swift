import GroqKit

/// One of Groq's built-in tools, which Groq runs itself while the model answers; they replaced the compound
/// models, shut down on 2026-09-21. Their runs come back as `executed_tools`, shown on standard error.
enum BuiltInTool: String, Sendable, Equatable, CaseIterable {
  case search = "browser_search"
  case code = "code_interpreter"

  /// The option that turns it on.
  var option: String {
    switch self {
    case .search: "--search"
    case .code: "--code"
    }
  }

  /// The entry in `tools`.
  var json: JSONValue { .object([.init("type", .string(rawValue))]) }

  static let specs: [OptionSpec] = [
    OptionSpec(long: "search", help: "Let the model search the web (Groq's browser_search); sources on stderr"),
    OptionSpec(long: "code", help: "Let the model run Python (Groq's code_interpreter); code and output on stderr"),
  ]

  /// The tools --search and --code turned on. Groq refuses them with JSON output.
  static func parse(_ arguments: ParsedArguments, jsonOutput: Bool, command: String) throws(UsageError)
    -> [BuiltInTool]
  {
    let tools = allCases.filter { arguments.flag(String($0.option.dropFirst(2))) }
    if !tools.isEmpty && jsonOutput {
      throw UsageError(
        "\(tools[0].option) does not work with JSON output (the API refuses built-in tools with it)",
        hint: "leave out --json-mode or --schema", command: command)
    }
    return tools
  }
}
