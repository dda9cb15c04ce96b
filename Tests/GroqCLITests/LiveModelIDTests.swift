import Foundation
import GroqKit
import Testing

@testable import GroqCLI

/// Model ids rot: every default and example users read (help, man page, README) must name a live id from the model
/// data, and a shut-down id may appear only in words that say it was retired.
@Suite struct LiveModelIDTests {
  static let retired = ModelRoles.known.filter { $0.retired != nil }.map(\.id)
  static let retirementWords = ["retired", "shut down", "decommissioned"]

  /// The text of every help screen, the man page and the README.
  static var documents: [(name: String, text: String)] {
    let help = CLI.commands.map { ($0.spec.name + " --help", HelpText.command($0.spec, program: .groq)) }
    let readme = (try? String(contentsOf: DocsSyncTests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8))
    return help + [("man page", ManPage.render(.groq, date: ManPage.date)), ("README.md", readme ?? "")]
  }

  @Test("no shut-down model id appears in help, man page or README, except where it says it was retired")
  func noRetiredIDs() {
    for (name, text) in Self.documents {
      for line in text.split(separator: "\n") {
        let lower = line.lowercased()
        guard !Self.retirementWords.contains(where: lower.contains) else { continue }
        for id in Self.retired where line.contains(id) {
          Issue.record("\(name) names \(id), shut down: \(line)")
        }
        if line.contains("-PlayAI") { Issue.record("\(name) names a retired PlayAI voice: \(line)") }
      }
    }
  }

  @Test("every -m in an example and every model default is a live id groq knows")
  func examplesUseLiveIDs() throws {
    let pattern = try Regex(#"-m ([A-Za-z0-9._/-]+)"#)
    for command in CLI.commands {
      for example in command.spec.examples {
        for match in example.command.matches(of: pattern) {
          let id = String(match.output[1].substring ?? "")
          #expect(ModelRoles.known(id) != nil && ModelRoles.retirement(of: id) == nil, "\(example.command)")
        }
      }
      for option in command.spec.options where option.long == "model" {
        if let value = option.defaultValue {
          #expect(ModelRoles.known(value) != nil && ModelRoles.retirement(of: value) == nil, "\(command.spec.name)")
        }
      }
    }
    #expect(Self.documents.count > 5)
  }
}
