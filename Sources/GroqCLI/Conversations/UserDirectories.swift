import Foundation

/// Where groq keeps what outlives a run, by the XDG base directory rules: config (settings, key, roles), data
/// (conversations), state (history) and cache (the model list).
struct UserDirectories: Sendable {
  private let environment: [String: String]

  init(environment: [String: String]) {
    self.environment = environment
  }

  /// Each folder is worked out when asked for: a command reads one of them, if any.
  var config: String? { Self.base(environment["XDG_CONFIG_HOME"], home: environment["HOME"], fallback: ".config") }
  var data: String? { Self.base(environment["XDG_DATA_HOME"], home: environment["HOME"], fallback: ".local/share") }
  var state: String? { Self.base(environment["XDG_STATE_HOME"], home: environment["HOME"], fallback: ".local/state") }
  var cache: String? { Self.base(environment["XDG_CACHE_HOME"], home: environment["HOME"], fallback: ".cache") }

  /// The spec ignores a relative XDG path; with no HOME either there is nowhere safe to write.
  private static func base(_ value: String?, home: String?, fallback: String) -> String? {
    if let value, value.hasPrefix("/") { return withoutTrailingSlashes(value) + "/groq" }
    guard let home, home.hasPrefix("/") else { return nil }
    return withoutTrailingSlashes(home) + "/" + fallback + "/groq"
  }

  private static func withoutTrailingSlashes(_ path: String) -> String {
    var path = path[...]
    while path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
  }

  /// One URL from the whole path's text: `appendingPathComponent` asks the file system about every folder.
  private static func url(_ base: String?, _ name: String, isDirectory: Bool) -> URL? {
    base.map { URL(fileURLWithPath: $0 + "/" + name, isDirectory: isDirectory) }
  }

  var modelListPath: String? { cache.map { $0 + "/models.json" } }
  var configFilePath: String? { config.map { $0 + "/config.toml" } }
  var conversations: URL? { Self.url(data, "conversations", isDirectory: true) }
  var history: URL? { Self.url(state, "history", isDirectory: false) }
  var configFile: URL? { Self.url(config, "config.toml", isDirectory: false) }
  var credentials: URL? { Self.url(config, "credentials", isDirectory: false) }
  var roles: URL? { Self.url(config, "roles", isDirectory: true) }

  /// mkdir -p with 0700 for what groq creates: conversations and history are private.
  static func create(_ directory: URL) throws(CLIError) {
    // Nearly always there already: one stat(2), not FileManager's mkdir -p with an attributes dictionary.
    var info = stat()
    if stat(directory.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { return }
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw CLIError(
        "could not create \(directory.path): \(FileErrorText.describe(error))",
        hint: "check the permissions of its parent, or set XDG_DATA_HOME and XDG_STATE_HOME")
    }
  }
}

/// The short reason a file operation failed ("Permission denied"), without Foundation's long wrapping sentences.
enum FileErrorText {
  static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    return FoundationErrorText.describe(nsError) ?? nsError.localizedDescription
  }
}
