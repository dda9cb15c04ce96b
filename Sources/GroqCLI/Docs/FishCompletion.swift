/// The fish completion script, written from the command spec: one `complete` line per option, command and value.
enum FishCompletion {
  /// The groq command on the line being completed.
  static let fishCommand = "(commandline -opc)[2]"

  static func script(for program: ProgramSpec) -> String {
    let name = program.name
    let commands = program.visibleCommands
    var lines = [
      "# fish completion for \(name)",
      "# Written by `\(name) completion fish` from the command spec: edit the spec, not this file.",
      "",
      "# Arguments are prompts, not files, unless a command says otherwise below.",
      "complete -c \(name) -f",
      "",
    ]
    for option in program.options {
      lines.append(optionLine(option, program: program, condition: "__fish_use_subcommand"))
    }
    for command in commands {
      lines.append(
        "complete -c \(name) -n __fish_use_subcommand -a \(word(command.name)) -d \(quoted(command.summary))")
    }
    for command in program.documentedCommands {
      let path = command.name.split(separator: " ").map(String.init)
      var condition = "__fish_seen_subcommand_from \(word(path[0]))"
      if path.count > 1 { condition += "; and __fish_seen_subcommand_from \(word(path[1]))" }
      lines.append("")
      lines.append("# \(name) \(command.name)")
      if command.isGroup {
        let subs = command.subcommands.filter { !$0.hidden }
        let chosen =
          condition + "; and not __fish_seen_subcommand_from " + subs.map { word($0.word) }.joined(separator: " ")
        for sub in subs {
          lines.append("complete -c \(name) -n \(word(chosen)) -a \(word(sub.word)) -d \(quoted(sub.summary))")
        }
      }
      for option in command.options {
        lines.append(optionLine(option, program: program, condition: condition))
      }
      for argument in command.arguments {
        lines += argumentLines(argument, of: command, program: program, condition: condition)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `-s m -l model -x -a ... -d ...`: `-x` wants a value and offers no files, `-r -F` wants a file.
  private static func optionLine(_ option: OptionSpec, program: ProgramSpec, condition: String) -> String {
    var parts = ["complete -c \(program.name) -n \(word(condition))"]
    if let short = option.short { parts.append("-s \(word(String(short)))") }
    parts.append("-l \(word(option.long))")
    if let value = option.value {
      parts.append(valueFlags(value.completion, program: program))
    }
    parts.append("-d \(quoted(option.help))")
    return parts.joined(separator: " ")
  }

  private static func argumentLines(
    _ argument: ArgumentSpec, of command: CommandSpec, program: ProgramSpec, condition: String
  ) -> [String] {
    let head = "complete -c \(program.name)"
    switch argument.completion {
    case .none:
      return []
    case .file:
      return ["\(head) -n \(word(condition)) -F"]
    case .models, .conversations:
      let command = DocsText.dynamicList(argument.completion, program: program)?.command(subcommand: fishCommand) ?? ""
      return ["\(head) -n \(word(condition)) -a \(quoted("(\(command))"))"]
    case .choices, .shells, .commands:
      let words = DocsText.words(for: argument.completion, in: program) ?? []
      // Once one of the words is there a single argument is complete. The command's own name is left out of
      // that test, or `help` would stop offering commands as soon as it was typed.
      var full = condition
      let others = words.filter { $0 != command.name }
      if !argument.variadic && !others.isEmpty {
        full += "; and not __fish_seen_subcommand_from " + others.map(word).joined(separator: " ")
      }
      if argument.completion == .commands {
        // One line each, so every command shows its own summary.
        return program.visibleCommands.map { target in
          "\(head) -n \(word(full)) -a \(word(target.name)) -d \(quoted(target.summary))"
        }
      }
      return [
        "\(head) -n \(word(full)) -a \(quoted(words.map(word).joined(separator: " "))) -d \(quoted(argument.help))"
      ]
    }
  }

  private static func valueFlags(_ completion: Completion, program: ProgramSpec) -> String {
    switch completion {
    case .none: return "-x"
    case .file: return "-r -F"
    case .models, .conversations:
      let command = DocsText.dynamicList(completion, program: program)?.command(subcommand: fishCommand) ?? ""
      return "-x -a \(quoted("(\(command))"))"
    case .choices, .shells, .commands:
      let words = DocsText.words(for: completion, in: program) ?? []
      return "-x -a \(quoted(words.map(word).joined(separator: " ")))"
    }
  }

  /// `text` in fish single quotes, where only `\` and `'` need a backslash.
  private static func quoted(_ text: String) -> String {
    "'" + String(text.flatMap { $0 == "\\" || $0 == "'" ? ["\\", $0] : [$0] }) + "'"
  }

  /// `text` as it stands when it is plainly a word, quoted otherwise; `-a` lists are expanded by fish, so a `$` or
  /// `(` in a choice must not reach it bare.
  private static func word(_ text: String) -> String {
    let plain =
      !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./+@,%=:".contains($0)) }
    return plain ? text : quoted(text)
  }
}
