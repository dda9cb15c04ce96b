import Foundation

/// `/edit`: the user's $VISUAL or $EDITOR (else vi) on a private scratch file, for a message too long to type on
/// one line.
enum MessageEditor {
  /// The text saved, or nil when the editor failed or was left with nothing.
  static func edit(_ text: String, environment: [String: String]) async throws -> String? {
    let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("groq-message-\(UUID().uuidString).md")
    guard
      FileManager.default.createFile(
        atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else { throw CLIError("could not create a file to edit in \(file.deletingLastPathComponent().path)") }
    defer { try? FileManager.default.removeItem(at: file) }
    // Through the shell, as git does, so that EDITOR="code --wait" works.
    let status = try await ChildProcess.run(["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path])
    guard status == 0 else {
      throw CLIError("the editor (\(editor)) failed with status \(status); nothing was sent")
    }
    let edited = try String(contentsOf: file, encoding: .utf8)
    var trimmed = edited
    while trimmed.hasSuffix("\n") { trimmed.removeLast() }
    return trimmed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : trimmed
  }
}
