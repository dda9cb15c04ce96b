/// The zsh completion script, written from the command spec: one `_arguments` call per command.
///
/// It works both from `fpath` (as the autoloaded `_groq`) and when sourced, like the scripts cobra writes.
enum ZshCompletion {
  static func script(for program: ProgramSpec) -> String {
    let name = program.name
    let fn = "_" + DocsText.identifier(name)
    let commands = program.visibleCommands

    var out = """
      #compdef \(name)
      # Written by `\(name) completion zsh` from the command spec: edit the spec, not this file.

      \(fn)() {
        local curcontext=$curcontext state state_descr line
        local -A opt_args
        integer ret=1

        _arguments -C -S \\

      """
    for spec in program.options.flatMap({ optionSpecs($0, fn: fn) }) {
      out += "    \(spec) \\\n"
    }
    out += """
          '1: :_\(fn)_commands' \\
          '*:: :->command' && ret=0

        case $state in
          (command)
            curcontext=${curcontext%:*:*}:\(name)-$words[1]:
            case $words[1] in

      """
    for command in commands {
      out += "        (\(zshWord(command.name))) \(fn)_\(DocsText.identifier(command.name)) && ret=0 ;;\n"
    }
    out += """
            esac
            ;;
        esac
        return ret
      }

      # The commands, with their summaries.
      _\(fn)_commands() {
        local -a commands
        commands=(

      """
    for command in commands {
      out += "    " + DocsText.shellQuoted(describeEscaped(command.name) + ":" + command.summary) + "\n"
    }
    out += """
        )
        _describe -t commands '\(name) command' commands
      }


      """
    for list in DocsText.dynamicLists(program) {
      out += """
        # \(list.about), when Tab is pressed.
        _\(fn)_\(list.name)() {
          # _arguments' *:: has made the groq command the first word.
          local subcommand=${words[1]}
          local -a expl words
          words=(${(f)"$(\(list.command(subcommand: "$subcommand")))"})
          _wanted \(list.name) expl \(list.name) compadd -a words
        }

        """
    }
    for group in commands.filter(\.isGroup) {
      out += groupFunction(group, program: program, fn: fn)
    }
    for command in program.documentedCommands where !command.isGroup {
      out += "\n\(fn)_\(DocsText.identifier(command.name))() {\n"
      out += "  _arguments -S"
      let specs = command.options.flatMap { optionSpecs($0, fn: fn) } + argumentSpecs(command.arguments, fn: fn)
      for spec in specs {
        out += " \\\n    \(spec)"
      }
      out += "\n}\n"
    }
    out += """

      # Autoloaded from fpath the file itself is the function; sourced, it registers the function instead.
      if [[ $funcstack[1] == \(fn) ]]; then
        \(fn) "$@"
      else
        compdef \(fn) \(name)
      fi

      """
    return out
  }

  /// A group's function: its subcommands with their summaries, then the chosen one's own function.
  private static func groupFunction(_ group: CommandSpec, program: ProgramSpec, fn: String) -> String {
    let subcommands = group.subcommands.filter { !$0.hidden }
    var out = "\n\(fn)_\(DocsText.identifier(group.name))() {\n"
    out += "  local -a subcommands\n  subcommands=(\n"
    for sub in subcommands {
      out += "    " + DocsText.shellQuoted(describeEscaped(sub.word) + ":" + sub.summary) + "\n"
    }
    out += "  )\n"
    out += "  if (( CURRENT == 2 )); then\n"
    out += "    _describe -t commands '\(program.name) \(group.name) command' subcommands\n"
    out += "    return\n  fi\n"
    out += "  local sub=$words[2]\n  shift words\n  (( CURRENT-- ))\n  case $sub in\n"
    for sub in subcommands {
      out += "    (\(zshWord(sub.word))) \(fn)_\(DocsText.identifier(sub.name)) ;;\n"
    }
    out += "  esac\n}\n"
    return out
  }

  /// One `_arguments` spec per spelling: `-m+` and `--model=` take the value in the same word or the next.
  /// Spellings of one option exclude each other unless it may be repeated.
  private static func optionSpecs(_ option: OptionSpec, fn: String) -> [String] {
    var spellings = ["--" + option.long + (option.takesValue ? "=" : "")]
    if let short = option.short { spellings.insert("-\(short)" + (option.takesValue ? "+" : ""), at: 0) }
    let names = ["--" + option.long] + (option.short.map { ["-\($0)"] } ?? [])
    let exclusion = option.repeatable ? "*" : "(\(names.reversed().joined(separator: " ")))"
    var tail = "[\(bracketEscaped(option.help))]"
    if let value = option.value {
      tail += ":\(messageEscaped(value.name)):\(action(value.completion, fn: fn))"
    }
    return spellings.map { DocsText.shellQuoted(exclusion + $0 + tail) }
  }

  /// `:message:action` specs in order: `::` marks an optional argument, `*:` one that repeats.
  private static func argumentSpecs(_ arguments: [ArgumentSpec], fn: String) -> [String] {
    arguments.map { argument in
      let lead = argument.variadic ? "*:" : argument.optional ? "::" : ":"
      return DocsText.shellQuoted(lead + messageEscaped(argument.help) + ":" + action(argument.completion, fn: fn))
    }
  }

  /// The `_arguments` action for a value: a helper function, or a list of words in parentheses.
  private static func action(_ completion: Completion, fn: String) -> String {
    switch completion {
    // A lone space: a value is expected but nothing can be offered, so only the message shows.
    case .none: " "
    case .file: "_files"
    case .models: "_\(fn)_models"
    case .conversations: "_\(fn)_conversations"
    case .commands: "_\(fn)_commands"
    case .shells: "(" + DocsText.shells.map(zshWord).joined(separator: " ") + ")"
    case .choices(let choices): "(" + choices.map(zshWord).joined(separator: " ") + ")"
    }
  }

  /// Help inside `[...]`: `_arguments` ends the description at the first unescaped `]`.
  private static func bracketEscaped(_ text: String) -> String {
    backslashed(text, special: #"\[]:"#)
  }

  /// A message between colons.
  private static func messageEscaped(_ text: String) -> String {
    backslashed(text, special: #"\:"#)
  }

  /// A name in a `_describe` list, where the first unescaped colon starts the description.
  private static func describeEscaped(_ text: String) -> String {
    backslashed(text, special: #"\:"#)
  }

  /// A word for a `(...)` list or a `case` pattern: anything but letters, digits and `-_./+@,%=` gets a backslash.
  private static func zshWord(_ text: String) -> String {
    String(
      text.flatMap { character -> [Character] in
        character.isASCII && (character.isLetter || character.isNumber || "-_./+@,%=".contains(character))
          ? [character] : ["\\", character]
      })
  }

  private static func backslashed(_ text: String, special: String) -> String {
    String(text.flatMap { special.contains($0) ? ["\\", $0] : [$0] })
  }
}
