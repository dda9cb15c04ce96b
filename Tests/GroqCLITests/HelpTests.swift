import Testing

@testable import GroqCLI

private let program = ProgramSpec.groq

/// Every command's name, for tables over all of them.
private let commandNames = ProgramSpec.groq.commands.map(\.name)

@Suite struct HelpTests {
  @Test("the dispatch table's names are the commands' own, in order")
  func dispatchNames() {
    #expect(CLI.names == CLI.commands.map { $0.spec.name })
  }

  private var chatHelp: String { HelpText.command(ChatCommand.spec, program: program) }

  @Test("chat help has its sections in order: USAGE, ARGUMENTS, OPTIONS, EXAMPLES, ENVIRONMENT")
  func chatSectionsInOrder() throws {
    let lines = chatHelp.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let headings = ["USAGE", "ARGUMENTS", "OPTIONS", "EXAMPLES", "ENVIRONMENT"]
    let positions = try headings.map { heading in try #require(lines.firstIndex(of: heading), "no \(heading)") }
    #expect(positions == positions.sorted())
  }

  @Test("chat help starts with the summary and shows the synopsis")
  func chatSummaryAndSynopsis() {
    #expect(chatHelp.hasPrefix(ChatCommand.spec.summary + "\n"))
    #expect(chatHelp.contains("USAGE\n  groq chat [options] [<prompt>...]\n"))
  }

  @Test("chat help names every option", arguments: ChatCommand.spec.options.map(\.long))
  func chatNamesOption(_ long: String) {
    #expect(chatHelp.contains("--" + long))
  }

  @Test("chat help shows short options, defaults and environment variables beside their option")
  func chatOptionDetails() {
    let line = chatHelp.split(separator: "\n").first { $0.contains("--model") }.map(String.init) ?? ""
    #expect(line.contains("-m, --model <id>"))
    #expect(line.contains("default: \(ChatCommand.defaultModel)"))
    #expect(line.contains("env: GROQ_MODEL"))
  }

  @Test("chat help marks --stop as repeatable")
  func chatRepeatable() {
    let line = chatHelp.split(separator: "\n").first { $0.contains("--stop") }.map(String.init) ?? ""
    #expect(line.contains("repeatable"))
  }

  @Test("chat help's examples are commands to type", arguments: ChatCommand.spec.examples.map(\.command))
  func chatExamples(_ command: String) {
    #expect(chatHelp.contains("  $ " + command + "\n"))
  }

  @Test("chat help lists the environment it reads, GROQ_MODEL included")
  func chatEnvironment() {
    for variable in ["GROQ_API_KEY", "GROQ_BASE_URL", "GROQ_CUSTOM_HEADERS", "GROQ_MODEL"] {
      #expect(chatHelp.contains("  " + variable), "\(variable)")
    }
  }

  @Test(
    "no line of a command's help is wider than 100 columns",
    arguments: commandNames)
  func commandHelpWidth(_ name: String) throws {
    let command = try #require(program.command(name))
    for line in HelpText.command(command, program: program).split(separator: "\n") {
      #expect(line.count <= 100, "\(line.count) columns: \(line)")
    }
  }

  @Test("no line of the root help is wider than 100 columns")
  func rootHelpWidth() {
    for line in HelpText.root(program).split(separator: "\n") {
      #expect(line.count <= 100, "\(line.count) columns: \(line)")
    }
  }

  @Test("root help lists every visible command with its summary", arguments: program.visibleCommands.map(\.name))
  func rootListsCommand(_ name: String) throws {
    let command = try #require(program.command(name))
    let line = HelpText.root(program).split(separator: "\n").first { $0.hasPrefix("  \(name) ") }
    #expect(line?.hasSuffix(command.summary) == true)
  }

  @Test("root help has its sections in order")
  func rootSectionsInOrder() throws {
    let lines = HelpText.root(program).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let headings = ["USAGE", "COMMANDS", "OPTIONS", "EXAMPLES", "ENVIRONMENT", "LEARN MORE"]
    let positions = try headings.map { heading in try #require(lines.firstIndex(of: heading), "no \(heading)") }
    #expect(positions == positions.sorted())
  }

  @Test("a command's summary is at most 60 characters with no trailing period", arguments: commandNames)
  func summaryStyle(_ name: String) throws {
    let summary = try #require(program.command(name)).summary
    #expect(!summary.isEmpty)
    #expect(summary.count <= 60, "\(summary.count) characters")
    #expect(!summary.hasSuffix("."))
  }

  @Test("the program's summary is at most 60 characters with no trailing period")
  func programSummaryStyle() {
    #expect(program.summary.count <= 60)
    #expect(!program.summary.hasSuffix("."))
  }

  @Test("no option help ends with a period", arguments: commandNames)
  func optionHelpStyle(_ name: String) throws {
    let command = try #require(program.command(name))
    for option in command.options + program.options {
      #expect(!option.help.isEmpty, "--\(option.long)")
      #expect(!option.help.hasSuffix("."), "--\(option.long): \(option.help)")
    }
  }

  @Test("option names are unique within a command", arguments: commandNames)
  func uniqueOptionNames(_ name: String) throws {
    let options = try #require(program.command(name)).options
    let longs = options.map(\.long)
    let shorts = options.compactMap(\.short)
    #expect(Set(longs).count == longs.count, "\(longs)")
    #expect(Set(shorts).count == shorts.count, "\(shorts)")
  }

  @Test("the discussion is wrapped at 80 columns")
  func discussionWrapped() {
    let wrapped = HelpText.wrap(String(repeating: "word ", count: 50), width: 80)
    let lines = wrapped.split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.joined(separator: " ") == String(repeating: "word ", count: 50).trimmingTrailingSpace())
  }

  @Test("each paragraph of a discussion is wrapped on its own, from a fresh line")
  func paragraphsWrappedApart() {
    let paragraph = String(repeating: "word ", count: 14) + "end."
    let wrapped = HelpText.wrap(paragraph + "\n\n" + paragraph, width: 40)
    let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 5)
    #expect(lines[0] == lines[3] && lines[1] == lines[4] && lines[2].isEmpty)
    #expect(lines.allSatisfy { $0.count <= 40 })
  }
}

extension String {
  fileprivate func trimmingTrailingSpace() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
