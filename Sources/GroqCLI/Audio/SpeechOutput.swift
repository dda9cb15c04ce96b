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

  /// Writes to a temporary file beside the target and renames it, so a failure never leaves half a file behind.
  func write(_ audio: Data, terminal: Terminal) throws {
    switch self {
    case .stdout:
      try terminal.out(bytes: audio)
    case .file(let path):
      let target = URL(fileURLWithPath: path)
      let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).groq-tmp")
      do {
        try audio.write(to: temporary)
        // rename(2) replaces the target in one step: a reader never sees a half-written file.
        guard rename(temporary.path, target.path) == 0 else {
          throw CLIError("could not write '\(path)': \(String(cString: strerror(errno)))")
        }
      } catch let error as CLIError {
        try? FileManager.default.removeItem(at: temporary)
        throw error
      } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw CLIError("could not write '\(path)': \((error as NSError).localizedDescription)")
      }
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
