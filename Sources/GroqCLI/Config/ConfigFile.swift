import Foundation

/// `$XDG_CONFIG_HOME/groq/config.toml`: found, read, parsed and checked, with errors that name the file and line.
struct ConfigFile: Sendable {
  let url: URL

  /// The user's file; nil when there is no home to find it in.
  static func standard(environment: [String: String]) -> ConfigFile? {
    UserDirectories(environment: environment).configFile.map(ConfigFile.init(url:))
  }

  /// What the commands use: the checked settings, or none when there is no file.
  static func settings(environment: [String: String]) throws(CLIError) -> Settings {
    // Most runs have no config file: that is asked of the path's text before any URL is made for it.
    guard let path = UserDirectories(environment: environment).configFilePath,
      access(path, F_OK) == 0 || errno != ENOENT
    else { return Settings() }
    guard let file = standard(environment: environment), let document = try file.document() else { return Settings() }
    return try file.check(document)
  }

  /// The parsed file; nil when it does not exist.
  func document() throws(CLIError) -> ConfigDocument? {
    guard let text = try PrivateFile.read(url) else { return nil }
    do {
      return try ConfigDocument(parsing: text)
    } catch {
      throw CLIError(
        "\(url.path):\(error.line): \(error.message)", hint: "fix it with 'groq config edit'", status: .usage)
    }
  }

  func check(_ document: ConfigDocument) throws(CLIError) -> Settings {
    do {
      return try Settings(document)
    } catch {
      throw CLIError(
        "\(url.path):\(error.line): \(error.message)",
        hint: (error.suggestion.map { "did you mean '\($0)'? " } ?? "") + "fix it with 'groq config edit'",
        status: .usage)
    }
  }

  func write(_ document: ConfigDocument) throws(CLIError) {
    try PrivateFile.save(document.text, to: url)
  }
}
