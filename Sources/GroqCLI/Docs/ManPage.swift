/// The groq(1) man page in roff, written from the command spec.
enum ManPage {
  /// The date on the page. A constant, so the checked-in page only changes when someone means it to.
  static let date = "2026-11-27"

  static func render(_ program: ProgramSpec, date: String) -> String {
    let name = program.name
    var out: [String] = []

    out.append(#".\" Written by `\#(name) __man` from the command spec: edit the spec, not this file."#)
    // The date goes in unescaped: mandoc reads it as a date only as YYYY-MM-DD, not with `\-`.
    out.append(
      ".TH \(argument(name.uppercased())) 1 \"\(date)\" \(argument("\(name) \(program.version)"))"
        + " \(argument("User Commands"))")
    // Ragged right and no hyphenation: justified option text grows wide gaps, and a hyphen groff adds to a word
    // reads like one the user should type.
    out += [".ad l", ".nh"]

    out.append(".SH NAME")
    out.append(line("\(text(name)) \\- \(text(program.summary))"))

    out.append(".SH SYNOPSIS")
    out.append(".B \(argument(name))")
    out += program.options.map(optionSynopsis)
    out.append(".br")
    out.append(".B \(argument(name))")
    out.append("\\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]")
    for command in program.documentedCommands {
      out.append(".br")
      out += commandSynopsis(command, program: program)
    }

    out.append(".SH DESCRIPTION")
    out.append(textLine(DocsText.sentence(program.summary)))
    out.append(".PP")
    out.append("Every command takes \(optionTag(.help)), which shows its options.")

    if !program.options.isEmpty {
      out.append(".SH OPTIONS")
      out += program.options.flatMap(optionEntry)
    }

    out.append(".SH COMMANDS")
    for command in program.documentedCommands {
      out += commandSection(command, program: program)
    }

    out.append(".SH EXIT STATUS")
    for (status, meaning) in exitStatuses {
      out += [".TP", ".B \(status)", textLine(meaning)]
    }

    out.append(".SH ENVIRONMENT")
    for (variable, lines) in environment(program) {
      out += [".TP", ".B \(argument(variable))"] + lines
    }

    if !program.examples.isEmpty {
      out.append(".SH EXAMPLES")
      out += examples(program.examples)
    }

    out.append(".SH SEE ALSO")
    out.append("The Groq API documentation:")
    out.append("https://console.groq.com/docs")

    return out.joined(separator: "\n") + "\n"
  }

  /// What each exit status means; scripts test for these, so they are part of the interface.
  static let exitStatuses: [(Int, String)] = [
    (0, "Success."),
    (1, "The API or the network failed."),
    (2, "Usage error: an unknown command or option, or a missing or bad value."),
    (4, "The API key is missing or was rejected."),
    (130, "Interrupted by Ctrl-C (SIGINT)."),
  ]

  // MARK: - Sections

  private static func commandSection(_ command: CommandSpec, program: ProgramSpec) -> [String] {
    var out = [".SS \(argument(command.name))"]
    out += commandSynopsis(command, program: program)
    out += [".PP", textLine(DocsText.sentence(command.summary))]
    if let discussion = command.discussion {
      out += paragraphs(discussion)
    }
    if command.isGroup {
      out += [".PP", "Commands:"]
      for sub in command.subcommands where !sub.hidden {
        out += [".TP", "\\fB\(text(sub.word))\\fR", textLine(DocsText.sentence(sub.summary))]
      }
    }
    if !command.arguments.isEmpty {
      out += [".PP", "Arguments:"]
      for argument in command.arguments {
        out += [".TP", "\\fI\(text(argument.name))\\fR" + (argument.variadic ? "..." : "")]
        out.append(textLine(DocsText.sentence(argument.help)))
        if !argument.optional { out.append("Required.") }
      }
    }
    out += [".PP", "Options:"]
    out += command.options.flatMap(optionEntry)
    for extra in command.tables {
      out += [".PP", textLine(extra.title + ":")]
      for row in extra.rows { out += [".TP", "\\fB\(text(row.term))\\fR", textLine(DocsText.sentence(row.text))] }
    }
    if !command.examples.isEmpty {
      out += [".PP", "Examples:", ".PP"]
      out += examples(command.examples)
    }
    return out
  }

  /// `groq chat [options] [prompt]`, the command in bold and each argument in italics.
  private static func commandSynopsis(_ command: CommandSpec, program: ProgramSpec) -> [String] {
    if command.isGroup {
      return [".B \(argument("\(program.name) \(command.name)"))", "\\fIcommand\\fR [\\fIoptions\\fR]"]
    }
    let arguments = command.arguments.map { argument in
      var word = "\\fI\(text(argument.name))\\fR"
      if argument.variadic { word += "..." }
      return argument.optional ? "[\(word)]" : word
    }
    return [
      ".B \(argument("\(program.name) \(command.name)"))", (["[\\fIoptions\\fR]"] + arguments).joined(separator: " "),
    ]
  }

  /// `[--version]` or `[--timeout seconds]` for the root's line in SYNOPSIS.
  private static func optionSynopsis(_ option: OptionSpec) -> String {
    var word = "\\fB\(text("--" + option.long))\\fR"
    if let value = option.value { word += " \\fI\(text(value.name))\\fR" }
    return "[\(word)]"
  }

  /// A `.TP` entry: `-m, --model id`, then the help, the default, the variable and whether it repeats.
  private static func optionEntry(_ option: OptionSpec) -> [String] {
    var tag = optionTag(option)
    if let value = option.value { tag += " \\fI\(text(value.name))\\fR" }
    var out = [".TP", tag, textLine(DocsText.sentence(option.help))]
    if let defaultValue = option.defaultValue {
      out.append("Default: \\fB\(text(defaultValue))\\fR.")
    }
    if let variable = option.environment {
      out.append("Environment: \\fB\(text(variable))\\fR.")
    }
    if option.repeatable {
      out.append("May be given more than once.")
    }
    return out
  }

  /// `-m, --model` in bold.
  private static func optionTag(_ option: OptionSpec) -> String {
    let names = (option.short.map { ["-\($0)"] } ?? []) + ["--" + option.long]
    return names.map { "\\fB\(text($0))\\fR" }.joined(separator: ", ")
  }

  /// `# comment` and `$ command` for each example, unfilled and indented as the help prints them, a blank line
  /// between. It starts with no paragraph macro: after `.SH` one would be skipped with a warning.
  private static func examples(_ examples: [Example]) -> [String] {
    examples.enumerated().flatMap { index, example in
      (index == 0 ? [] : [".PP"])
        + [".RS 4", ".nf", textLine("# " + example.comment), textLine("$ " + example.command), ".fi", ".RE"]
    }
  }

  /// Each variable once, in order of first mention, with the text lines that describe it: the program's own, each
  /// command's, then those that supply an option's default, naming every option they supply.
  private static func environment(_ program: ProgramSpec) -> [(String, [String])] {
    var order: [String] = []
    var described: [String: [String]] = [:]
    var supplies: [String: [String]] = [:]
    for variable in program.environment + program.documentedCommands.flatMap(\.environment) {
      if !order.contains(variable.name) { order.append(variable.name) }
      let line = textLine(DocsText.sentence(variable.help))
      if !(described[variable.name] ?? []).contains(line) {
        described[variable.name, default: []].append(line)
      }
    }
    let options =
      program.options.map { (program.name, $0) }
      + program.documentedCommands.flatMap { command in command.options.map { ("\(program.name) \(command.name)", $0) }
      }
    for (usage, option) in options {
      guard let variable = option.environment else { continue }
      if !order.contains(variable) { order.append(variable) }
      supplies[variable, default: []].append("\\fB\(text("\(usage) --\(option.long)"))\\fR")
    }
    return order.map { variable in
      var lines = described[variable] ?? []
      if let options = supplies[variable] {
        lines.append("Sets the default of \(options.joined(separator: ", ")).")
      }
      return (variable, lines)
    }
  }

  /// Paragraphs split at blank lines, each line kept as written.
  private static func paragraphs(_ prose: String) -> [String] {
    var out: [String] = []
    var startParagraph = true
    for raw in prose.split(separator: "\n", omittingEmptySubsequences: false) {
      if raw.allSatisfy(\.isWhitespace) {
        startParagraph = true
        continue
      }
      if startParagraph { out.append(".PP") }
      startParagraph = false
      out.append(textLine(String(raw)))
    }
    return out
  }

  // MARK: - Escaping

  /// `text` safe inside a roff line: `\` and `-` escaped (so options copy and paste as typed), quotes, `~` and `^`
  /// as themselves rather than typographic forms, and anything outside ASCII as a `\[uXXXX]` so groff needs no
  /// preprocessor.
  private static func text(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\e"
      case "-": out += "\\-"
      case "'": out += "\\(aq"
      case "`": out += "\\(ga"
      case "~": out += "\\(ti"
      case "^": out += "\\(ha"
      case "\t", "\n", "\r": out += " "
      case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
      }
    }
    return out
  }

  /// `text` escaped as a line of its own.
  private static func textLine(_ text: String) -> String { line(Self.text(text)) }

  /// An escaped text line that roff will not read as a request: a leading `.` or `'` is a control character.
  private static func line(_ escaped: String) -> String {
    escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
  }

  /// A macro argument in double quotes, where a `"` must be written `\(dq`.
  private static func argument(_ value: String) -> String {
    "\"" + text(value).map { $0 == "\"" ? "\\(dq" : String($0) }.joined() + "\""
  }
}
