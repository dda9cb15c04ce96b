import FakeGroq
import Foundation
import Testing

@Suite("help, version and the conventions of the command line")
struct CommandLineTests {
  @Test("--version prints the version on stdout")
  func version() throws {
    let result = try GroqProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("groq "))
    #expect(result.stdout.split(separator: "\n").count == 1)
  }

  @Test("groq --help, groq help and bare groq list the commands", arguments: [["--help"], ["help"], [], ["-h"]])
  func rootHelp(arguments: [String]) throws {
    let result = try GroqProcess.run(arguments)
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE"))
    #expect(result.stdout.contains("  chat "))
    #expect(result.stdout.contains("  models "))
    #expect(result.stderr == "")
  }

  @Test("groq help models and groq models --help are the same screen")
  func commandHelp() throws {
    let viaHelp = try GroqProcess.run(["help", "models"])
    let viaFlag = try GroqProcess.run(["models", "--help"])
    #expect(viaHelp.status == 0)
    #expect(viaHelp.stdout == viaFlag.stdout)
    for section in ["USAGE", "ARGUMENTS", "OPTIONS", "EXAMPLES", "ENVIRONMENT"] {
      #expect(viaHelp.stdout.contains("\n\(section)\n"))
    }
  }

  @Test("an unknown command gets a suggestion and exit 2")
  func unknownCommand() throws {
    let result = try GroqProcess.run(["chta", "hi"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: unknown command 'chta'\nhint: did you mean 'chat'?"))
  }

  @Test("-- ends the options: what follows is the prompt")
  func doubleDash() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(["chat", "--", "--what is -m?"], server: server)
    #expect(result.status == 0)
    let messages = try #require(try server.requests.first?.json()["messages"] as? [[String: Any]])
    #expect(messages.last?["content"] as? String == "--what is -m?")
  }
}
