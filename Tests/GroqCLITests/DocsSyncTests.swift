import Foundation
import Testing

@testable import GroqCLI

/// The checked-in completion scripts and man page must be what the spec writes today, or users get stale ones.
/// The help screens are checked in too, as snapshots, so that a change to them shows in review.
@Suite struct DocsSyncTests {
  /// A generated file, by its path from the package root.
  enum Artifact: String, CaseIterable, Sendable {
    case bash = "Completions/groq.bash"
    case zsh = "Completions/_groq"
    case fish = "Completions/groq.fish"
    case man = "man/groq.1"
    case rootHelp = "Tests/GroqCLITests/Snapshots/groq.txt"
    case chatHelp = "Tests/GroqCLITests/Snapshots/chat.txt"
    case reasonHelp = "Tests/GroqCLITests/Snapshots/reason.txt"
    case modelsHelp = "Tests/GroqCLITests/Snapshots/models.txt"
    case transcribeHelp = "Tests/GroqCLITests/Snapshots/transcribe.txt"
    case translateHelp = "Tests/GroqCLITests/Snapshots/translate.txt"
    case speakHelp = "Tests/GroqCLITests/Snapshots/speak.txt"
    case configHelp = "Tests/GroqCLITests/Snapshots/config.txt"
    case authHelp = "Tests/GroqCLITests/Snapshots/auth.txt"
    case conversationsHelp = "Tests/GroqCLITests/Snapshots/conversations.txt"
    case rolesHelp = "Tests/GroqCLITests/Snapshots/roles.txt"

    var generated: String {
      switch self {
      case .bash: BashCompletion.script(for: .groq)
      case .zsh: ZshCompletion.script(for: .groq)
      case .fish: FishCompletion.script(for: .groq)
      case .man: ManPage.render(.groq, date: ManPage.date)
      case .rootHelp: HelpText.root(.groq)
      case .chatHelp: HelpText.command(ChatCommand.spec, program: .groq)
      case .reasonHelp: HelpText.command(ReasonCommand.spec, program: .groq)
      case .modelsHelp: HelpText.command(ModelsCommand.spec, program: .groq)
      case .transcribeHelp: HelpText.command(TranscribeCommand.spec, program: .groq)
      case .translateHelp: HelpText.command(TranslateCommand.spec, program: .groq)
      case .speakHelp: HelpText.command(SpeakCommand.spec, program: .groq)
      case .configHelp: HelpText.command(ConfigCommand.spec, program: .groq)
      case .authHelp: HelpText.command(AuthCommand.spec, program: .groq)
      case .conversationsHelp: HelpText.command(ConversationsCommand.spec, program: .groq)
      case .rolesHelp: HelpText.command(RolesCommand.spec, program: .groq)
      }
    }
  }

  /// …/Tests/GroqCLITests/DocsSyncTests.swift, three levels down from the package root.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test(arguments: Artifact.allCases)
  func checkedInFileMatchesTheSpec(_ artifact: Artifact) {
    let url = Self.packageRoot.appendingPathComponent(artifact.rawValue)
    guard let checkedIn = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("\(artifact.rawValue) is missing: run `make docs`")
      return
    }
    let generated = artifact.generated
    guard checkedIn != generated else { return }
    // The first differing line is enough to see what changed without printing both files whole.
    let old = checkedIn.split(separator: "\n", omittingEmptySubsequences: false)
    let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]) : "(end of file)"
    let now = line < new.count ? String(new[line]) : "(end of file)"
    Issue.record(
      """
      \(artifact.rawValue) is out of date with the command spec: run `make docs`.
      First difference at line \(line + 1):
        checked in: \(was)
        generated:  \(now)
      """)
  }
}
