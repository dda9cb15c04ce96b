import Foundation

/// `$EDITOR` on a copy of a file, which replaces the file only when it checks out: a file groq cannot read is never
/// written, and a mistake made in the editor never costs the working version.
struct CheckedEdit {
  var file: URL
  /// What the copy starts as when there is no file yet.
  var template: String
  /// Throws the problem with the text, naming `file` (the copy's path is replaced by the file's in messages).
  var check: (String, URL) throws -> Void

  /// Runs the editor until the text checks out or the user gives up; true when the file was written.
  func run(environment: [String: String], terminal: Terminal) throws -> Bool {
    let original = try PrivateFile.read(file)
    let copy = file.deletingLastPathComponent().appendingPathComponent(
      ".\(file.deletingPathExtension().lastPathComponent).\(getpid()).edit.\(file.pathExtension)")
    try PrivateFile.save(original ?? template, to: copy)
    defer { try? FileManager.default.removeItem(at: copy) }
    while true {
      guard try ExternalProgram.edit(copy, environment: environment) else {
        throw CLIError("the editor failed; \(file.path) is unchanged", status: .failure)
      }
      let edited = try PrivateFile.read(copy) ?? ""
      do {
        try check(edited, copy)
        // Closing the editor on an untouched template creates nothing.
        guard edited != (original ?? template) else { return false }
        try PrivateFile.save(edited, to: file)
        return true
      } catch {
        let failure = ErrorReport.make(error)
        let problem = failure.message.replacingOccurrences(of: copy.path, with: file.path)
        guard terminal.stdinIsTTY, Confirmation.ask(problem + "; edit again?", terminal: terminal) else {
          throw CLIError(problem, hint: "\(file.path) is unchanged", status: .usage)
        }
      }
    }
  }
}
