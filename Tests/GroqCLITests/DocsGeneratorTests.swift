import Foundation
import Testing

@testable import GroqCLI

/// A small program with one of each kind of option, argument and value completion, and a hidden command.
private let sample = ProgramSpec(
  name: "groq",
  version: "9.9.9",
  summary: "Use Groq's fast models from the command line",
  options: [.help, OptionSpec(long: "version", help: "Print the version and exit")],
  commands: [
    CommandSpec(
      name: "chat", summary: "Chat with a model",
      discussion:
        "Streams the answer.\n.starts with a dot\n'starts with a quote\n\nA second paragraph with a back\\slash.",
      arguments: [ArgumentSpec(name: "prompt", help: "What to ask")],
      options: [
        OptionSpec(
          long: "model", short: "m", value: ValueSpec("id", completion: .models), help: "Model to use [see: models]",
          defaultValue: "openai/gpt-oss-120b", environment: "GROQ_MODEL"),
        OptionSpec(
          long: "format", value: ValueSpec("format", completion: .choices(["text", "json"])), help: "Output format"),
        OptionSpec(long: "file", short: "f", value: ValueSpec("path", completion: .file), help: "Attach a file"),
        OptionSpec(long: "stop", value: ValueSpec("text"), help: "Stop sequence", repeatable: true),
        OptionSpec(long: "stats", help: "Print token counts"),
      ],
      examples: [Example("Ask", "groq chat -m llama \"Why?\""), Example("Dot", ".profile | groq chat")]),
    CommandSpec(name: "models", summary: "List the models your key can use"),
    CommandSpec(
      name: "help", summary: "Show help for a command",
      arguments: [ArgumentSpec(name: "command", help: "The command", completion: .commands)]),
    CommandSpec(
      name: "completion", summary: "Print a shell completion script",
      arguments: [ArgumentSpec(name: "shell", help: "bash, zsh or fish", optional: false, completion: .shells)]),
    CommandSpec(name: "__secret", summary: "Never shown", hidden: true),
  ],
  environment: [EnvironmentSpec("GROQ_API_KEY", "API key")],
  examples: [Example("List", "groq models")]
)

@Suite struct BashCompletionTests {
  let script = BashCompletion.script(for: sample)

  @Test func passesBashSyntaxCheck() throws {
    let file = try temporaryFile(script)
    let result = try run("bash", ["-n", file.path])
    #expect(result.status == 0, "bash -n: \(result.stderr)")
  }

  @Test func completesCommands() throws {
    #expect(try complete(["groq", ""]) == ["chat", "models", "help", "completion"])
    #expect(try complete(["groq", "c"]) == ["chat", "completion"])
    #expect(try complete(["groq", "-"]) == ["--help", "-h", "--version"])
  }

  @Test func completesOptions() throws {
    #expect(try complete(["groq", "chat", "--s"]) == ["--stop", "--stats"])
    #expect(try complete(["groq", "chat", "some prompt", "-"]).contains("-m"))
    #expect(try complete(["groq", "models", "-"]) == ["--help", "-h"])
  }

  @Test func completesChoices() throws {
    #expect(try complete(["groq", "chat", "--format", ""]) == ["text", "json"])
    #expect(try complete(["groq", "chat", "--format", "j"]) == ["json"])
    // "--format=j" as bash splits it with "=" in COMP_WORDBREAKS, and as one word without.
    #expect(try complete(["groq", "chat", "--format", "=", "j"]) == ["json"])
    #expect(try complete(["groq", "chat", "--format", "="]) == ["text", "json"])
    #expect(try complete(["groq", "chat", "--format=t"]) == ["--format=text"])
    // An option's value is not an argument: the prompt after it gets no completion.
    #expect(try complete(["groq", "chat", "--format", "json", ""]) == [])
  }

  @Test func completesArguments() throws {
    #expect(try complete(["groq", "help", "m"]) == ["models"])
    #expect(try complete(["groq", "completion", ""]) == ["bash", "zsh", "fish"])
    #expect(try complete(["groq", "completion", "bash", ""]) == [])
  }

  @Test func asksGroqForModels() throws {
    let bin = try temporaryDirectory()
    let fake = bin.appendingPathComponent("groq")
    try "#!/bin/sh\n[ \"$1 $2\" = \"__models chat\" ] && printf 'llama-a\\nllama-b\\nwhisper\\n'\n".write(
      to: fake, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
    let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    #expect(try complete(["groq", "chat", "-m", "ll"], path: path) == ["llama-a", "llama-b"])
    #expect(try complete(["groq", "chat", "--model", "=", ""], path: path) == ["llama-a", "llama-b", "whisper"])
  }

  @Test func completesFiles() throws {
    let directory = try temporaryDirectory()
    try "".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let prefix = directory.path + "/no"
    #expect(try complete(["groq", "chat", "--file", prefix]) == [prefix + "tes.txt"])
  }

  @Test func leavesHiddenCommandsOut() throws {
    #expect(!script.contains("__secret"))
    #expect(try complete(["groq", "__"]) == [])
  }

  /// COMPREPLY after calling `_groq` in real bash with the words typed so far, the last being the one under the cursor.
  private func complete(_ words: [String], path: String? = nil) throws -> [String] {
    let file = try temporaryFile(script)
    let code = """
      source "$1"
      COMP_WORDS=(\(words.map(DocsText.shellQuoted).joined(separator: " ")))
      COMP_CWORD=\(words.count - 1)
      COMPREPLY=()
      _groq
      for reply in "${COMPREPLY[@]}"; do printf '%s\\n' "$reply"; done
      """
    var environment = ProcessInfo.processInfo.environment
    if let path { environment["PATH"] = path }
    let result = try run("bash", ["--norc", "--noprofile", "-c", code, "bash", file.path], environment: environment)
    #expect(result.status == 0 && result.stderr.isEmpty, "bash: \(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init)
  }
}

@Suite struct ZshCompletionTests {
  let script = ZshCompletion.script(for: sample)

  @Test func startsWithCompdef() {
    #expect(script.hasPrefix("#compdef groq\n"))
  }

  @Test func escapesBracketsAndColonsInDescriptions() {
    #expect(script.contains(#"'(-m --model)--model=[Model to use \[see\: models\]]:id:__groq_models'"#))
    #expect(script.contains(#"'(-m --model)-m+[Model to use \[see\: models\]]:id:__groq_models'"#))
  }

  @Test func describesCommandsAndQuotesApostrophes() {
    #expect(script.contains("'chat:Chat with a model'"))
    let quoting = ZshCompletion.script(
      for: ProgramSpec(
        name: "groq", version: "1", summary: "s", options: [],
        commands: [CommandSpec(name: "chat", summary: "Ask a model what's new")], environment: [], examples: []))
    #expect(quoting.contains(#"'chat:Ask a model what'\''s new'"#))
  }

  @Test func completesValues() {
    #expect(script.contains("'(--format)--format=[Output format]:format:(text json)'"))
    #expect(script.contains("'*--stop=[Stop sequence]:text: '"))
    #expect(script.contains("'::The command:__groq_commands'"))
    #expect(script.contains("':bash, zsh or fish:(bash zsh fish)'"))
    #expect(script.contains("(chat) _groq_chat && ret=0 ;;"))
    #expect(!script.contains("__secret"))
  }
}

@Suite struct FishCompletionTests {
  let lines = FishCompletion.script(for: sample).split(separator: "\n").map(String.init)

  @Test func completesCommandsAtTheRoot() {
    #expect(lines.contains("complete -c groq -n __fish_use_subcommand -a chat -d 'Chat with a model'"))
    #expect(lines.contains("complete -c groq -n __fish_use_subcommand -l version -d 'Print the version and exit'"))
  }

  @Test func completesOptionsAndValues() {
    let seen = "complete -c groq -n '__fish_seen_subcommand_from chat'"
    #expect(
      lines.contains(
        "\(seen) -s m -l model -x -a '(groq __models (commandline -opc)[2] 2>/dev/null)' -d 'Model to use [see: models]'"))
    #expect(lines.contains("\(seen) -l format -x -a 'text json' -d 'Output format'"))
    #expect(lines.contains("\(seen) -s f -l file -r -F -d 'Attach a file'"))
    #expect(lines.contains("\(seen) -l stats -d 'Print token counts'"))
  }

  @Test func completesArguments() {
    // Once a shell is named, no more are offered.
    let condition = "'__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash zsh fish'"
    #expect(lines.contains("complete -c groq -n \(condition) -a 'bash zsh fish' -d 'bash, zsh or fish'"))
    #expect(lines.contains { $0.contains("__fish_seen_subcommand_from help;") && $0.contains("-a models") })
    #expect(!lines.contains { $0.contains("__secret") })
  }
}

@Suite struct ManPageTests {
  let page = ManPage.render(sample, date: "2001-02-03")

  @Test func hasTheSections() {
    #expect(page.contains(#".TH "GROQ" 1 "2001-02-03" "groq 9.9.9" "User Commands""#))
    let sections = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "SEE ALSO"]
    for section in sections {
      #expect(page.contains("\n.SH \(section)\n"), "no \(section)")
    }
    #expect(page.contains("\n.SS \"chat\"\n"))
    #expect(!page.contains("secret"))
  }

  @Test func leavesNoTextLineThatRoffReadsAsARequest() {
    let macros: Set = [
      ".TH", ".ad", ".nh", ".SH", ".SS", ".PP", ".TP", ".IP", ".B", ".I", ".br", ".RS", ".RE", ".nf", ".fi", #".\""#,
    ]
    for line in page.split(separator: "\n") where line.hasPrefix(".") || line.hasPrefix("'") {
      #expect(macros.contains(String(line.prefix { $0 != " " })), "not a macro: \(line)")
    }
    #expect(page.contains("\n\\&.starts with a dot\n"))
    #expect(page.contains("\n\\(aqstarts with a quote\n"))
    #expect(page.contains("\n$ .profile | groq chat\n"))
    #expect(page.contains("back\\eslash"))
  }

  @Test func showsOptionsWithValuesDefaultsAndVariables() {
    #expect(page.contains("\\fB\\-m\\fR, \\fB\\-\\-model\\fR \\fIid\\fR\n"))
    #expect(page.contains("Default: \\fBopenai/gpt\\-oss\\-120b\\fR."))
    #expect(page.contains("Environment: \\fBGROQ_MODEL\\fR."))
    #expect(page.contains(".B \"GROQ_MODEL\"\nSets the default of \\fBgroq chat \\-\\-model\\fR."))
    #expect(page.contains(".B \"GROQ_API_KEY\"\nAPI key."))
    for status in [0, 1, 2, 4, 130] {
      #expect(page.contains(".B \(status)\n"))
    }
  }

  @Test func isTheSameEveryTime() {
    #expect(ManPage.render(sample, date: ManPage.date) == ManPage.render(sample, date: ManPage.date))
  }

  @Test(.enabled(if: which("groff") != nil)) func groffHasNoWarnings() throws {
    let file = try temporaryFile(page)
    let result = try run("groff", ["-man", "-Tutf8", "-ww", "-z", file.path])
    #expect(result.status == 0 && result.stderr.isEmpty, "groff: \(result.stderr)")
  }
}

// MARK: - Helpers

/// A new file holding `text`, removed with the test run's scratch folder.
private func temporaryFile(_ text: String) throws -> URL {
  let url = try temporaryDirectory().appendingPathComponent("file")
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url
}

private func temporaryDirectory() throws -> URL {
  try TestScratch.directory("docs", create: true)
}

/// The full path of `tool` on PATH, if it is there.
private func which(_ tool: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

private struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `tool` from PATH with no standard input and waits for it.
private func run(_ tool: String, _ arguments: [String], environment: [String: String]? = nil) throws -> RunResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [tool] + arguments
  if let environment { process.environment = environment }
  let stdout = Pipe()
  let stderr = Pipe()
  process.standardOutput = stdout
  process.standardError = stderr
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Both outputs are small, far below a pipe's buffer, so reading one to the end cannot block the other.
  let out = stdout.fileHandleForReading.readDataToEndOfFile()
  let err = stderr.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
    stderr: String(decoding: err, as: UTF8.self))
}
