import Foundation

/// Where groq keeps what outlives a run, by the XDG base directory rules: data (conversations) and state (history).
struct UserDirectories: Sendable {
  var data: URL?
  var state: URL?

  init(environment: [String: String]) {
    data = Self.base(environment["XDG_DATA_HOME"], home: environment["HOME"], fallback: ".local/share")
    state = Self.base(environment["XDG_STATE_HOME"], home: environment["HOME"], fallback: ".local/state")
  }

  /// The spec ignores a relative XDG path; with no HOME either there is nowhere safe to write.
  private static func base(_ value: String?, home: String?, fallback: String) -> URL? {
    if let value, value.hasPrefix("/") { return URL(fileURLWithPath: value).appendingPathComponent("groq") }
    guard let home, home.hasPrefix("/") else { return nil }
    return URL(fileURLWithPath: home).appendingPathComponent(fallback).appendingPathComponent("groq")
  }

  var conversations: URL? { data?.appendingPathComponent("conversations") }
  var history: URL? { state?.appendingPathComponent("history") }

  /// mkdir -p with 0700 for what groq creates: conversations and history are private.
  static func create(_ directory: URL) throws(CLIError) {
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
