#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import GroqKit

/// Where `groq speak` puts the audio: a file written whole or not at all, or stdout when it is not a terminal.
enum SpeechDestination: Sendable, Equatable {
  case file(String)
  case stdout

  /// `-o FILE`, or stdout; audio on a terminal would only garble it.
  init(_ output: String?, stdoutIsTTY: Bool) throws(UsageError) {
    if let output, output != "-" {
      let directory = (output as NSString).deletingLastPathComponent
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
        throw UsageError("'\(output)' is a directory", hint: "give a file name: -o hello.wav", command: "speak")
      }
      if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
        throw UsageError("no such directory: '\(directory)'", command: "speak")
      }
      self = .file(output)
      return
    }
    if stdoutIsTTY {
      throw UsageError(
        "refusing to write audio to a terminal",
        hint: "redirect it (groq speak ... > hello.wav), or give a file with -o hello.wav", command: "speak")
    }
    self = .stdout
  }

  /// Has `body` write the audio to a temporary file, then moves it into place: renamed over the target when that
  /// is a regular file or new (the temporary file is made beside it), otherwise copied into it (stdout, a device, a
  /// pipe, a symbolic link). A failure or Ctrl-C part way leaves no half file and prints nothing.
  func write(terminal: Terminal, _ body: (FileHandle) async throws -> Void) async throws {
    var replaced: String?
    if case .file(let path) = self, Self.isReplaceable(path) { replaced = path }
    // Beside the target, under a name of its own (two `speak -o same.wav` at once must not share one), opened
    // O_EXCL|O_NOFOLLOW so nothing planted there is written through.
    let temporary =
      try replaced.map { path in
        let target = URL(fileURLWithPath: path)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return target.deletingLastPathComponent()
          .appendingPathComponent(".\(target.lastPathComponent).\(random).groq-tmp")
      } ?? RunTemporaryDirectory.create("speech-")
    // What a failure names: the file the user asked for, or the temporary file standing in for stdout.
    var shown = temporary.path
    if case .file(let path) = self { shown = path }
    defer { try? FileManager.default.removeItem(at: temporary) }
    do {
      if replaced != nil {
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw CLIError("could not write '\(shown)': \(String(cString: strerror(errno)))") }
        close(fd)
      }
      let handle = try FileHandle(forUpdating: temporary)
      defer { try? handle.close() }
      try await body(handle)
      if let replaced {
        // rename(2) replaces the target in one step: a reader never sees a half-written file.
        guard rename(temporary.path, replaced) == 0 else {
          throw CLIError("could not write '\(shown)': \(String(cString: strerror(errno)))")
        }
        return
      }
      try handle.seek(toOffset: 0)
      let write: (Data) throws -> Void
      switch self {
      case .stdout:
        write = { try terminal.out(bytes: $0) }
      case .file(let path):
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard descriptor >= 0 else {
          throw CLIError("could not write '\(shown)': \(String(cString: strerror(errno)))")
        }
        let target = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        write = { try target.write(contentsOf: $0) }
      }
      // In bounded reads: minutes of audio need not be in memory at once.
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { try write(chunk) }
    } catch let error as NSError where [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(error.domain) {
      // The file system's own failures (a full disk); the server's errors and Ctrl-C pass through as they are.
      throw CLIError("could not write '\(shown)': \(FileErrorText.describe(error))")
    }
  }

  /// A path rename(2) may replace: nothing there yet, or a regular file. Renaming over anything else would put a
  /// regular file in place of the device, pipe or link itself: `-o /dev/null` run as root would replace /dev/null.
  private static func isReplaceable(_ path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return errno == ENOENT }
    return status.st_mode & S_IFMT == S_IFREG
  }
}

/// `groq speak --list-voices`: the catalogue, live voices first and the retired ones apart (with the live voice
/// that now speaks for each), as a table on a terminal and tab-separated lines in a pipe.
enum VoiceListing {
  static func render(tty: Bool) -> String {
    let live = SpeechCatalogue.models.filter { $0.retired == nil }
    let retired = SpeechCatalogue.models.filter { $0.retired != nil }
    let rows = live.flatMap { model in
      model.voices.map { [$0, model.id, model.language, String(model.inputLimit)] }
    }
    let gone = retired.flatMap { model in
      model.voices.map { voice in
        let stand = ModelRoles.replacementVoice(for: voice)?.voice ?? "-"
        return [voice, model.id, model.language, "retired \(model.retired?.date ?? "")", stand]
      }
    }
    guard tty else { return (rows + gone).map { $0.joined(separator: "\t") + "\n" }.joined() }
    let retiredLines =
      gone.isEmpty
      ? []
      : ["", "Retired by Groq; groq speaks them with a live voice:"]
        + table(gone.map { [$0[0], $0[1], $0[3], "→ " + $0[4]] })
    return (table([["VOICE", "MODEL", "LANGUAGE", "CHARACTERS PER REQUEST"]] + rows) + retiredLines)
      .joined(separator: "\n") + "\n"
  }

  private static func table(_ rows: [[String]]) -> [String] {
    let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        .trimmingCharacters(in: .whitespaces)
    }
  }
}
