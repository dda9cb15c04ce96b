import Foundation
import Testing

@testable import GroqCLI

/// The key's sources that need no server: masking, and a key command that hangs.
@Suite("API key lookup")
struct APIKeyLookupTests {
  @Test("masking shows at most the last four characters")
  func mask() {
    #expect(APIKeyLookup.mask("gsk_abcdefghijkl9f3a") == "gsk_...9f3a")
    #expect(APIKeyLookup.mask("short") == "...")
    #expect(APIKeyLookup.mask("gsk_1234") == "gsk_...")
  }

  @Test("a key command that hangs is stopped at its timeout")
  func hangingCommand() {
    let started = Date()
    #expect {
      try KeyCommand.run("sleep 20", environment: ["PATH": "/usr/bin:/bin"], timeout: 0.3)
    } throws: { error in
      (error as? CLIError)?.message == "api_key_command did not finish within 0.3 s"
    }
    #expect(Date().timeIntervalSince(started) < 15)
  }

  @Test("the environment wins, and an empty variable counts as unset")
  func environmentFirst() throws {
    var settings = Settings()
    settings.apiKeyCommand = "false"
    let found = try APIKeyLookup(environment: ["GROQ_API_KEY": " gsk_x \n"], settings: settings).find()
    #expect(found == .init(key: "gsk_x", source: .environment))
    #expect(throws: CLIError.self) {
      try APIKeyLookup(environment: ["GROQ_API_KEY": "", "PATH": "/usr/bin:/bin"], settings: settings).find()
    }
  }
}
