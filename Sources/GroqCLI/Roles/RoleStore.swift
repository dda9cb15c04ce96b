import Foundation

/// Roles as Markdown files in `$XDG_CONFIG_HOME/groq/roles`, one per role, named after it.
struct RoleStore: Sendable {
  let directory: URL

  static func standard(environment: [String: String]) -> RoleStore? {
    UserDirectories(environment: environment).roles.map(RoleStore.init(directory:))
  }

  func file(_ name: String) -> URL { directory.appendingPathComponent(name + ".md") }

  /// Role names, sorted.
  func names() -> [String] {
    DirectoryListing.files(in: directory.path, suffix: ".md").map { String($0.name.dropLast(3)) }.sorted()
  }

  /// The role, checked; an unknown name suggests the closest, a bad file names its line.
  func load(_ name: String) throws(CLIError) -> Role {
    guard Role.isValidName(name), let text = try PrivateFile.read(file(name)) else {
      let names = names()
      throw CLIError(
        "no role named '\(name)'",
        hint: Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
          ?? (names.isEmpty ? "create one with 'groq roles add \(name)'" : "roles: " + names.joined(separator: ", ")),
        status: .usage)
    }
    return try Self.parse(name: name, text: text, path: file(name).path)
  }

  static func parse(name: String, text: String, path: String) throws(CLIError) -> Role {
    do {
      return try Role(name: name, text: text)
    } catch {
      let place = error.line.map { "\(path):\($0)" } ?? path
      throw CLIError("\(place): \(error.message)", hint: "fix it with 'groq roles edit \(name)'", status: .usage)
    }
  }
}
