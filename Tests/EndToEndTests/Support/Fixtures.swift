import Foundation

/// Files the feature tests pass to groq (images, schemas, tool definitions), written once per test run into a
/// directory of their own. Arguments name them as `@name`; `Fixtures.resolve` turns that into the path.
enum Fixtures {
  static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("tiny png body".utf8)
  static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("jfif".utf8)
  static let gif = Data("GIF89a tiny".utf8)
  static let webp = Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)

  /// A schema written compactly, so the body must carry exactly this text: member order is the order the model
  /// writes properties in.
  static let recipeSchema =
    #"{"title":"Recipe","type":"object","properties":{"name":{"type":"string"},"steps":{"type":"array","items":{"type":"string"}},"minutes":{"type":"integer"}},"required":["name","steps"]}"#
  static let weatherTools =
    #"[{"type":"function","function":{"name":"get_weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["c","f"]}},"required":["city"]}}},{"type":"function","function":{"name":"get_time","parameters":{"type":"object","properties":{"zone":{"type":"string"}}}}}]"#

  static let files: [String: Data] = [
    "photo.png": png, "photo.jpg": jpeg, "anim.gif": gif, "pic.webp": webp,
    "notes.txt": Data("not an image".utf8), "empty.png": Data(),
    // 3.2 MB: 4.27 MB as base64, over the cap alone; half of it twice is over the cap together.
    "huge.png": png + Data(count: 3_200_000), "half.png": png + Data(count: 1_600_000),
    "recipe.schema.json": Data(recipeSchema.utf8),
    "wrapped.json": Data(
      (#"{"name":"recipe_v2","description":"A recipe","strict":true,"schema":"# + recipeSchema + "}").utf8),
    "tools.json": Data(weatherTools.utf8),
    "broken.json": Data("{\"a\": ".utf8),
    "object-tools.json": Data(#"{"type":"function","function":{"name":"f"}}"#.utf8),
    "nameless-tools.json": Data(#"[{"type":"function","function":{"description":"no name"}}]"#.utf8),
    "extra-key-tools.json": Data(#"[{"type":"function","function":{"name":"f"},"cache":true}]"#.utf8),
    "bad-name-tools.json": Data(#"[{"type":"function","function":{"name":"get weather"}}]"#.utf8),
    "twice-tools.json": Data(
      #"[{"type":"function","function":{"name":"f"}},{"type":"function","function":{"name":"f"}}]"#.utf8),
    "empty-tools.json": Data("[]".utf8),
    "array-schema.json": Data("[1,2]".utf8),
  ]

  static let directory: URL = {
    let directory = URL(fileURLWithPath: GroqProcess.scratch + "fixtures")
    try? FileManager.default.createDirectory(
      at: directory.appendingPathComponent("folder.png"), withIntermediateDirectories: true)
    for (name, data) in files { try? data.write(to: directory.appendingPathComponent(name)) }
    return directory
  }()

  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// `@name` becomes the fixture's path; other arguments are left alone.
  static func resolve(_ arguments: [String]) -> [String] {
    arguments.map { $0.hasPrefix("@") ? path(String($0.dropFirst())) : $0 }
  }
}
