/// What the completion scripts and the man page share: value words, the models command, shell quoting, sentences.
enum DocsText {
  /// The words a closed completion offers; nil for file, model and free-form values, which each shell completes
  /// its own way.
  static func words(for completion: Completion, in program: ProgramSpec) -> [String]? {
    switch completion {
    case .choices(let choices): choices
    case .commands: program.visibleCommands.map(\.name)
    case .shells: shells
    case .none, .file, .models, .conversations: nil
    }
  }

  /// The shells `groq completion` writes scripts for.
  static let shells = ["bash", "zsh", "fish"]

  /// A list the shell asks groq for when Tab is pressed, one word per line.
  struct DynamicList {
    /// Names the shell function: `_groq_models`.
    var name: String
    var about: String
    /// `{subcommand}` stands for the groq command being completed, which each shell spells its own way.
    var command: String

    /// The command with the shell's word for the groq command being completed (bash `${COMP_WORDS[1]}`).
    func command(subcommand: String) -> String {
      command.replacingOccurrences(of: "{subcommand}", with: subcommand)
    }
  }

  /// The lists behind `.models` and `.conversations`; nil for every other completion.
  static func dynamicList(_ completion: Completion, program: ProgramSpec) -> DynamicList? {
    switch completion {
    case .models:
      // From the cache (a day old at most), so Tab costs no round trip; only the models that can do the command's
      // job (no whisper after chat -m).
      DynamicList(
        name: "models", about: "Model ids for the command, from the cache or the API",
        command: "\(program.name) __models {subcommand} 2>/dev/null")
    case .conversations:
      DynamicList(
        name: "conversations", about: "Saved conversation names, newest first",
        command: "\(program.name) __conversations 2>/dev/null")
    default: nil
    }
  }

  /// Every dynamic list, for the helper functions a script defines once.
  static func dynamicLists(_ program: ProgramSpec) -> [DynamicList] {
    [Completion.models, .conversations].compactMap { dynamicList($0, program: program) }
  }

  /// `text` as one word for bash or zsh: single quotes, with each `'` closed, escaped and reopened.
  static func shellQuoted(_ text: String) -> String {
    "'" + text.map { $0 == "'" ? #"'\''"# : String($0) }.joined() + "'"
  }

  /// `name` made safe in a shell function name, so a command called `add-key` gets `_groq_add_key`.
  static func identifier(_ name: String) -> String {
    String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
  }

  /// `text` with a full stop, unless it already ends a sentence: help lines have none, man page prose wants one.
  static func sentence(_ text: String) -> String {
    guard let last = text.last, !".!?".contains(last) else { return text }
    return text + "."
  }
}
