import FakeGroq
import Foundation
import Testing

/// Roles: files in the config directory, managed by `groq roles`, used by chat and reason with -r.
@Suite("roles")
struct RoleTests {
  static func home() -> (environment: [String: String], roles: String) {
    let home = GroqProcess.scratchDirectory("home")
    return (["HOME": home, "XDG_CONFIG_HOME": home + "/cfg"], home + "/cfg/groq/roles")
  }

  static let reviewer = "---\nmodel: openai/gpt-oss-20b\ntemperature: 0.2\n---\nYou review code.\n"

  @Test("add from stdin, list, show and remove; a bad role file is refused with its line")
  func manage() throws {
    let (environment, roles) = Self.home()
    let add = try GroqProcess.run(["roles", "add", "reviewer"], stdin: Self.reviewer, environment: environment)
    #expect(add.status == 0)
    #expect(try String(contentsOfFile: roles + "/reviewer.md", encoding: .utf8) == Self.reviewer)
    #expect(try GroqProcess.run(["roles", "add", "reviewer"], stdin: "x", environment: environment).status == 2)
    let list = try GroqProcess.run(["roles"], environment: environment)
    #expect(list.stdout == "reviewer  [openai/gpt-oss-20b] You review code.\n")
    #expect(try GroqProcess.run(["roles", "list", "--names"], environment: environment).stdout == "reviewer\n")
    #expect(try GroqProcess.run(["roles", "show", "reviewer"], environment: environment).stdout == Self.reviewer)
    let bad = try GroqProcess.run(
      ["roles", "add", "broken"], stdin: "---\ntemprature: 3\n---\nx\n", environment: environment)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("standard input:2: unknown key 'temprature' in the front matter; did you mean 'temperature'?"))
    let empty = try GroqProcess.run(["roles", "add", "empty"], stdin: "---\n---\n\n", environment: environment)
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("the role has no prompt"))
    let unknown = try GroqProcess.run(["roles", "show", "reviwer"], environment: environment)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean 'reviewer'?"))
    #expect(try GroqProcess.run(["roles", "remove", "reviewer"], environment: environment).status == 0)
    #expect(try GroqProcess.run(["roles", "--names"], environment: environment).stdout.isEmpty)
  }
}
