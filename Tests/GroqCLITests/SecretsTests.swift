import Foundation
import Testing

@testable import GroqCLI

/// The byte search behind `Secrets.redact`: every place the key stands is hidden, and nothing else changes.
@Suite struct SecretsTests {
  init() { Secrets.register("gsk_unit_test_secret_0123456789") }

  @Test func hidesTheKeyWhereverItStands() {
    let key = "gsk_unit_test_secret_0123456789"
    #expect(Secrets.redact(key) == "gsk_***")
    #expect(Secrets.redact("é \(key) 🎉") == "é gsk_*** 🎉")
    #expect(Secrets.redact("g gs gsk_\(key)\(key)") == "g gs gsk_gsk_***gsk_***")
  }

  @Test func leavesOtherTextAlone() {
    let text = "gsk_unit_test_secret_012345678 is one short, and 日本 stays"
    #expect(Secrets.redact(text) == text)
    #expect(Secrets.redact("short") == "short")
  }

  @Test func hidesTheKeyInEncodedBytes() {
    let key = "gsk_unit_test_secret_0123456789"
    let json = Data("{\"content\":\"é \(key)\"}".utf8)
    #expect(Secrets.redact(json) == Data("{\"content\":\"é gsk_***\"}".utf8))
    let clean = Data("{\"content\":\"gsk_unit_test_secret_012345678\"}".utf8)
    #expect(Secrets.redact(clean) == clean)
  }
}
