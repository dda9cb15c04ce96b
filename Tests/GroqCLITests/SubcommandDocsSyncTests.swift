import Foundation
import Testing

@testable import GroqCLI

/// The help screens of command groups (`groq batch`) and each of their subcommands are checked in as snapshots too,
/// named `batch.txt` and `batch-submit.txt`; `make docs` writes them.
@Suite struct SubcommandDocsSyncTests {
  static var groups: [CommandSpec] { ProgramSpec.groq.visibleCommands.filter(\.isGroup) }

  @Test("every group and subcommand has a snapshot that matches its spec")
  func snapshotsMatch() {
    #expect(!Self.groups.isEmpty)
    for spec in Self.groups.flatMap({ [$0] + $0.subcommands }) {
      let name = spec.name.replacingOccurrences(of: " ", with: "-")
      let url = DocsSyncTests.packageRoot.appendingPathComponent("Tests/GroqCLITests/Snapshots/\(name).txt")
      let checkedIn = try? String(contentsOf: url, encoding: .utf8)
      #expect(
        checkedIn == HelpText.command(spec, program: .groq),
        "Snapshots/\(name).txt is missing or out of date with the command spec: run `make docs`")
    }
  }

  @Test("subcommands keep the house rules: summaries of 60 characters, help no wider than 100 columns")
  func houseRules() {
    for spec in Self.groups.flatMap({ [$0] + $0.subcommands }) {
      #expect(spec.summary.count <= 60 && !spec.summary.hasSuffix("."), "\(spec.name): \(spec.summary)")
      for line in HelpText.command(spec, program: .groq).split(separator: "\n") {
        #expect(line.count <= 100, "\(spec.name): \(line)")
      }
    }
  }
}
