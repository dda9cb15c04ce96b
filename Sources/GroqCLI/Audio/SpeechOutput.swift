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

  /// Has `body` write the audio to a temporary file, then moves it into place: renamed over the target (it is made
  /// beside it), or copied to stdout. A failure or Ctrl-C part way leaves no half file and prints nothing.
  func write(terminal: Terminal, _ body: (FileHandle) async throws -> Void) async throws {
    let temporary: URL
    switch self {
    case .stdout:
      temporary = FileManager.default.temporaryDirectory.appendingPathComponent("groq-speech-\(UUID().uuidString)")
    case .file(let path):
      let target = URL(fileURLWithPath: path)
      temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).groq-tmp")
    }
    defer { try? FileManager.default.removeItem(at: temporary) }
    do {
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw CLIError("could not write '\(temporary.path)': \(String(cString: strerror(errno)))")
      }
      let handle = try FileHandle(forUpdating: temporary)
      defer { try? handle.close() }
      try await body(handle)
      switch self {
      case .stdout:
        try handle.seek(toOffset: 0)
        // In bounded reads: minutes of audio need not be in memory at once.
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { try terminal.out(bytes: chunk) }
      case .file(let path):
        // rename(2) replaces the target in one step: a reader never sees a half-written file.
        guard rename(temporary.path, path) == 0 else {
          throw CLIError("could not write '\(path)': \(String(cString: strerror(errno)))")
        }
      }
    } catch let error as NSError where [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(error.domain) {
      // The file system's own failures (a full disk); the server's errors and Ctrl-C pass through as they are.
      throw CLIError("could not write '\(temporary.path)': \(error.localizedDescription)")
    }
  }
}

/// `groq speak --list-voices`: the catalogue, as a table on a terminal and tab-separated lines in a pipe.
enum VoiceListing {
  static func render(tty: Bool) -> String {
    let rows = SpeechCatalogue.models.flatMap { model in
      model.voices.map { [$0, model.id, model.language, String(model.inputLimit)] }
    }
    guard tty else { return rows.map { $0.joined(separator: "\t") + "\n" }.joined() }
    let header = ["VOICE", "MODEL", "LANGUAGE", "CHARACTERS PER REQUEST"]
    let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    let lines = ([header] + rows).map { row in
      zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        .trimmingCharacters(in: .whitespaces)
    }
    let unlisted = SpeechCatalogue.models.filter(\.voices.isEmpty).map {
      "\($0.id): voices not known to groq; -m \($0.id) -v NAME sends any name"
    }
    return (lines + (unlisted.isEmpty ? [] : [""] + unlisted)).joined(separator: "\n") + "\n"
  }
}
