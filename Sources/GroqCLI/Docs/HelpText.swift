/// `--help` screens, produced from the spec: USAGE, ARGUMENTS, OPTIONS, EXAMPLES, ENVIRONMENT.
enum HelpText {
  /// `groq chat [options] [<prompt>...]`
  static func synopsis(_ command: CommandSpec, program: String = "groq") -> String {
    if command.isGroup { return "\(program) \(command.name) <command> [options]" }
    var words = [program, command.name]
    if command.options.contains(where: { $0.long != "help" }) { words.append("[options]") }
    for argument in command.arguments {
      var text = "<\(argument.name)>" + (argument.variadic ? "..." : "")
      if argument.optional { text = "[\(text)]" }
      words.append(text)
    }
    return words.joined(separator: " ")
  }

  /// `-m, --model <id>`
  static func optionLabel(_ option: OptionSpec) -> String {
    var text = option.short.map { "-\($0), " } ?? "    "
    text += "--" + option.long
    if let value = option.value { text += " <\(value.name)>" }
    return text
  }

  /// The help line with its default and environment variable.
  static func optionHelp(_ option: OptionSpec) -> String {
    var extras: [String] = []
    if let defaultValue = option.defaultValue { extras.append("default: \(defaultValue)") }
    if let environment = option.environment { extras.append("env: \(environment)") }
    if option.repeatable { extras.append("repeatable") }
    return option.help + (extras.isEmpty ? "" : " (" + extras.joined(separator: ", ") + ")")
  }

  static func command(_ command: CommandSpec, program: ProgramSpec) -> String {
    var sections: [String] = [command.summary]
    if let discussion = command.discussion { sections.append(wrap(discussion, width: 80)) }
    sections.append("USAGE\n  " + synopsis(command, program: program.name))
    if !command.arguments.isEmpty {
      sections.append("ARGUMENTS\n" + table(command.arguments.map { ("<\($0.name)>", $0.help) }))
    }
    if command.isGroup {
      sections.append("COMMANDS\n" + table(command.subcommands.filter { !$0.hidden }.map { ($0.word, $0.summary) }))
    }
    sections.append("OPTIONS\n" + table(command.options.map { (optionLabel($0), optionHelp($0)) }))
    for extra in command.tables { sections.append(extra.title.uppercased() + "\n" + table(extra.rows)) }
    if !command.examples.isEmpty { sections.append("EXAMPLES\n" + examples(command.examples)) }
    let environment = command.environment
    if !environment.isEmpty { sections.append("ENVIRONMENT\n" + table(environment.map { ($0.name, $0.help) })) }
    if command.isGroup {
      sections.append("LEARN MORE\n  Use '\(program.name) \(command.name) <command> --help' for more about a command.")
    }
    return sections.joined(separator: "\n\n") + "\n"
  }

  static func root(_ program: ProgramSpec) -> String {
    var sections: [String] = [program.summary]
    sections.append("USAGE\n  \(program.name) <command> [options]")
    sections.append("COMMANDS\n" + table(program.visibleCommands.map { ($0.name, $0.summary) }))
    sections.append("OPTIONS\n" + table(program.options.map { (optionLabel($0), optionHelp($0)) }))
    sections.append("EXAMPLES\n" + examples(program.examples))
    sections.append("ENVIRONMENT\n" + table(program.environment.map { ($0.name, $0.help) }))
    sections.append("LEARN MORE\n  Use '\(program.name) <command> --help' for more about a command.")
    return sections.joined(separator: "\n\n") + "\n"
  }

  /// Breaks text at spaces so no line passes `width`; its own line breaks (between paragraphs) stay where they are.
  static func wrap(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
      var lines: [String] = []
      var line = ""
      for word in paragraph.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width {
          lines.append(line)
          line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
      }
      if !line.isEmpty { lines.append(line) }
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  private static func examples(_ examples: [Example]) -> String {
    examples.map { "  # \($0.comment)\n  $ \($0.command)" }.joined(separator: "\n\n")
  }

  /// Two columns, the second aligned and wrapped to 100 columns; a long first column pushes its text to the next line.
  private static func table(_ rows: [(String, String)]) -> String {
    let width = min(rows.map(\.0.count).max() ?? 0, 28)
    let indent = String(repeating: " ", count: width + 4)
    return rows.map { left, right in
      let text = wrap(right, width: 100 - indent.count).replacingOccurrences(of: "\n", with: "\n" + indent)
      if left.count > width { return "  \(left)\n\(indent)\(text)" }
      return "  " + left.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + text
    }.joined(separator: "\n")
  }
}
