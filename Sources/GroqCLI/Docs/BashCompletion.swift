/// The bash completion script, written from the command spec.
///
/// It needs no bash-completion package and keeps to what bash 3.2 has (no `mapfile`, `compopt` only when present),
/// because that is the bash macOS ships. Values are matched in the script rather than with `compgen -W`, which would
/// expand `$` and backquotes in a model id a server sent.
enum BashCompletion {
  static func script(for program: ProgramSpec) -> String {
    let name = program.name
    let fn = "_" + DocsText.identifier(name)
    let commands = program.visibleCommands
    // The root's options are keyed by the empty command name.
    let scopes: [(command: String, options: [OptionSpec])] =
      [("", program.options)] + program.documentedCommands.map { ($0.name, $0.options) }
    let groups = commands.filter(\.isGroup)

    // One function per list groq prints for Tab (model ids, conversation names).
    let lists = DocsText.dynamicLists(program).map { list in
      """
      # \(list.about), when Tab is pressed.
      \(fn)_\(list.name)() {
          local line
          local -a words=()
          while IFS= read -r line; do
              words+=("$line")
          done < <(\(list.command(subcommand: "\"${COMP_WORDS[1]}\"")))
          \(fn)_words "$1" "${words[@]}"
      }


      """
    }.joined()

    var out = """
      # bash completion for \(name)
      # Written by `\(name) completion bash` from the command spec: edit the spec, not this file.
      # Load it with: source <(\(name) completion bash)

      # Sets COMPREPLY to the words after $1 that start with $1.
      \(fn)_words() {
          local prefix=$1 word
          shift
          COMPREPLY=()
          for word in "$@"; do
              if [[ $word == "$prefix"* ]]; then COMPREPLY+=("$word"); fi
          done
      }

      \(lists)# File names starting with $1.
      \(fn)_files() {
          local line
          COMPREPLY=()
          while IFS= read -r line; do
              COMPREPLY+=("$line")
          done < <(compgen -f -- "$1")
          # Lets readline quote the names and put a slash after directories.
          compopt -o filenames 2>/dev/null
          return 0
      }

      # Succeeds when option $2 of command $1 (empty for the root) takes a value.
      \(fn)_takes_value() {
          case "$1 $2" in

      """
    let valued = scopes.flatMap { scope in
      scope.options.filter(\.takesValue).flatMap { option in optionWords(option).map { "\(scope.command) \($0)" } }
    }
    if !valued.isEmpty {
      out += "        " + valued.map(DocsText.shellQuoted).joined(separator: "|") + ") return 0 ;;\n"
    }
    out += """
          esac
          return 1
      }

      # Completes the value of option $2 of command $1 from the prefix $3.
      \(fn)_value() {
          COMPREPLY=()
          case "$1 $2" in

      """
    for scope in scopes {
      for option in scope.options {
        guard let value = option.value, let action = action(value.completion, program: program, prefix: "$3") else {
          continue
        }
        let patterns = optionWords(option).map { DocsText.shellQuoted("\(scope.command) \($0)") }
        out += "        \(patterns.joined(separator: "|"))) \(action) ;;\n"
      }
    }
    out += """
          esac
      }

      # Completes positional argument $2 (from 0) of command $1 from the prefix $3.
      \(fn)_argument() {
          COMPREPLY=()
          case "$1" in

      """
    for command in program.documentedCommands {
      let actions = command.arguments.map { action($0.completion, program: program, prefix: "$3") }
      guard actions.contains(where: { $0 != nil }) else { continue }
      out += "        \(DocsText.shellQuoted(command.name)))\n"
      out += "            case \"$2\" in\n"
      for (index, argument) in command.arguments.enumerated() {
        // A variadic argument takes every position from its own on; the earlier cases catch those before it.
        let pattern = argument.variadic ? "*" : String(index)
        out += "                \(pattern)) \(actions[index] ?? ":") ;;\n"
        if argument.variadic { break }
      }
      out += "            esac\n"
      out += "            ;;\n"
    }
    out += """
          esac
      }

      # Completes the subcommand of command group $1 from the prefix $2; fails when $1 is not a group.
      \(fn)_subcommand() {
          case "$1" in

      """
    for group in groups {
      let words = group.subcommands.filter { !$0.hidden }.map { DocsText.shellQuoted($0.word) }
      out += "        \(DocsText.shellQuoted(group.name))) \(fn)_words \"$2\" \(words.joined(separator: " ")) ;;\n"
    }
    out += """
              *) return 1 ;;
          esac
      }

      \(fn)() {
          local cur=${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD
          local command="" word option="" prefix="" next i=1 args=0 dashdash=""

          # Finds the command, counts the arguments before the cursor and notices when the cursor is on an
          # option's value: the next word, or the one after "=" when COMP_WORDBREAKS split "--opt=value".
          while (( i < cword )); do
              word=${COMP_WORDS[i]}
              if [[ -z $dashdash && $word == -?* ]]; then
                  if [[ $word == -- ]]; then
                      [[ -n $command ]] && dashdash=1
                  elif \(fn)_takes_value "$command" "$word"; then
                      next=$((i + 1))
                      if [[ $word == --* && ${COMP_WORDS[next]} == = ]]; then next=$((i + 2)); fi
                      if (( next >= cword )); then
                          option=$word
                          # On the "=" itself the value typed so far is empty.
                          (( next == cword )) && prefix=$cur
                          break
                      fi
                      i=$next
                  fi
              elif [[ -z $command ]]; then
                  command=$word
              elif (( args == 0 )) && [[ $command != *" "* ]] && \(fn)_subcommand "$command" ""; then
                  # A command group's first argument names its subcommand.
                  command="$command $word"
              else
                  args=$((args + 1))
              fi
              i=$((i + 1))
          done

          if [[ -n $option ]]; then
              \(fn)_value "$command" "$option" "$prefix"
          elif [[ -z $dashdash && $cur == --*=* ]] && \(fn)_takes_value "$command" "${cur%%=*}"; then
              # "--opt=value" kept as one word, when "=" is not in COMP_WORDBREAKS.
              \(fn)_value "$command" "${cur%%=*}" "${cur#*=}"
              for i in "${!COMPREPLY[@]}"; do
                  COMPREPLY[i]=${cur%%=*}=${COMPREPLY[i]}
              done
          elif [[ -z $dashdash && $cur == -* ]]; then
              case "$command" in

      """
    for scope in scopes {
      let words = scope.options.flatMap(optionWords)
      let pattern = scope.command.isEmpty ? "\"\"" : DocsText.shellQuoted(scope.command)
      out +=
        "            \(pattern)) \(fn)_words \"$cur\" \(words.map(DocsText.shellQuoted).joined(separator: " ")) ;;\n"
    }
    out += """
                  *) COMPREPLY=() ;;
              esac
          elif [[ -z $command ]]; then
              \(fn)_words "$cur" \(commands.map { DocsText.shellQuoted($0.name) }.joined(separator: " "))
          elif (( args == 0 )) && [[ $command != *" "* ]] && \(fn)_subcommand "$command" "$cur"; then
              :
          else
              \(fn)_argument "$command" "$args" "$cur"
          fi
          return 0
      }

      complete -F \(fn) \(name)

      """
    return out
  }

  /// `--model` and `-m`, long first, as the user may type them.
  private static func optionWords(_ option: OptionSpec) -> [String] {
    ["--" + option.long] + (option.short.map { ["-\($0)"] } ?? [])
  }

  /// The shell code that fills COMPREPLY for a value starting with `prefix`; nil when nothing can be offered.
  private static func action(_ completion: Completion, program: ProgramSpec, prefix: String) -> String? {
    let fn = "_" + DocsText.identifier(program.name)
    switch completion {
    case .none:
      return nil
    case .file:
      return "\(fn)_files \"\(prefix)\""
    case .models, .conversations:
      let list = DocsText.dynamicList(completion, program: program)!
      return "\(fn)_\(list.name) \"\(prefix)\""
    case .choices, .commands, .shells:
      let words = DocsText.words(for: completion, in: program) ?? []
      return "\(fn)_words \"\(prefix)\" " + words.map(DocsText.shellQuoted).joined(separator: " ")
    }
  }
}
