import Foundation

/// Runs a program the user named (an editor, a key command) without a shell: found on PATH, given its words.
enum ExternalProgram {
  /// The program's path: as given when it has a slash, else the first executable of that name on PATH.
  static func locate(_ name: String, environment: [String: String]) -> URL? {
    if name.contains("/") { return URL(fileURLWithPath: name) }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = String(directory) + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
    }
    return nil
  }

  /// A process for the words, or a one-line error naming what was wrong with them.
  static func process(_ words: [String], environment: [String: String], what: String) throws(CLIError) -> Process {
    guard let name = words.first else { throw CLIError("\(what) is empty", status: .usage) }
    guard let executable = locate(name, environment: environment) else {
      throw CLIError("\(what): '\(name)' was not found", hint: "check the name, or give its full path", status: .usage)
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = Array(words.dropFirst())
    process.environment = environment
    return process
  }

  /// Opens `file` in `$VISUAL`, `$EDITOR` or vi, on the user's terminal, and waits; false when the editor failed.
  static func edit(_ file: URL, environment: [String: String]) throws(CLIError) -> Bool {
    let setting = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    guard let words = CommandWords.split(setting), !words.isEmpty else {
      throw CLIError("the editor '\(setting)' has an unclosed quote", hint: "fix $VISUAL or $EDITOR", status: .usage)
    }
    let process = try process(words + [file.path], environment: environment, what: "the editor")
    do {
      try process.run()
    } catch {
      throw CLIError("could not start the editor \(words[0]): \(FileErrorText.describe(error))", status: .usage)
    }
    process.waitUntilExit()
    return process.terminationReason == .exit && process.terminationStatus == 0
  }
}
