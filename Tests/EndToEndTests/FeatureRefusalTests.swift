import FakeGroq
import Foundation
import Testing

@Suite("feature options refused before any request")
struct FeatureRefusalTests {
  @Test(
    "each is exit 2 with one clear line, and nothing is sent",
    arguments: [
      (["chat", "--json-mode", "--stop", "x", "hi"], "--stop does not work with JSON output"),
      (["chat", "--schema", "@recipe.schema.json", "--stop", "x", "hi"], "--stop does not work with JSON output"),
      (["chat", "--schema", "@recipe.schema.json", "--json-mode", "hi"], "--json-mode and --schema"),
      (["chat", "--schema-name", "n", "hi"], "--schema-name needs --schema"),
      (["chat", "--schema", "@recipe.schema.json", "--schema-name", "bad name", "hi"], "for --schema-name"),
      (["chat", "--schema", "@broken.json", "hi"], "is not valid JSON"),
      (["chat", "--schema", "@array-schema.json", "hi"], "must hold a JSON object"),
      (["chat", "--schema", "@missing.json", "hi"], "cannot read schema file"),
      (["chat", "--tool-choice", "auto", "hi"], "--tool-choice needs --tools"),
      (["chat", "--tools", "@tools.json", "--tool-choice", "get_wether", "hi"], "tools: get_weather, get_time"),
      (["chat", "--tools", "@broken.json", "hi"], "is not valid JSON"),
      (["chat", "--tools", "@object-tools.json", "hi"], "must hold a JSON array"),
      (["chat", "--tools", "@empty-tools.json", "hi"], "has 0 tools"),
      (["chat", "--tools", "@nameless-tools.json", "hi"], #"tool 1 has no "function.name""#),
      (["chat", "--tools", "@extra-key-tools.json", "hi"], "tool 1 has an unknown key 'cache'"),
      (["chat", "--tools", "@bad-name-tools.json", "hi"], "has the name 'get weather'"),
      (["chat", "--tools", "@twice-tools.json", "hi"], "tool 2 repeats the name 'f'"),
      (["reason", "--reasoning-format", "raw", "--json-mode", "hi"], "cannot be combined with JSON output or tools"),
      (["reason", "--reasoning-format", "raw", "--tools", "@tools.json", "hi"], "cannot be combined"),
      (["reason", "--reasoning-format", "raw", "--schema", "@recipe.schema.json", "hi"], "cannot be combined"),
      (["reason", "--reasoning-format", "raw", "--show-reasoning", "hi"], "the reasoning is part of the answer"),
      (["reason", "--reasoning-format", "hidden", "--show-reasoning", "hi"], "nothing to show"),
      (["reason", "--show-reasoning", "--hide-reasoning", "hi"], "contradict each other"),
      (["chat", "--reasoning-format", "think", "hi"], "expected raw, parsed or hidden"),
      (["reason", "--reasoning-effort", "max", "hi"], "expected none, default, low, medium or high"),
      (["chat", "--service-tier", "fast", "hi"], "for --service-tier"),
      (["chat", "--prefill", "", "hi"], "--prefill needs a non-empty text"),
      (["chat", "-i", "@nowhere.png", "hi"], "image file not found"),
      (["chat", "-i", "@folder.png", "hi"], "is a directory, not an image"),
      (["chat", "-i", "@notes.txt", "hi"], "is not a JPEG, PNG, WebP or GIF image"),
      (["chat", "-i", "@empty.png", "hi"], "is empty"),
      (["chat", "-i", "ftp://example.com/a.png", "hi"], "unsupported image address"),
      (["reason", "-i", "file:///tmp/a.png", "hi"], "unsupported image address"),
    ])
  func refused(arguments: [String], mentions: String) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(Fixtures.resolve(arguments), server: server)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: "))
    #expect(result.stderr.contains(mentions))
    #expect(result.stderr.split(separator: "\n").first?.contains(mentions) == true)
    #expect(result.stdout == "")
    #expect(server.requests.isEmpty)
  }
}
