#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import GroqKit

/// Where the audio to transcribe comes from, checked before anything is sent.
enum AudioInput: Sendable, Equatable {
  case file(URL, AudioFileType)
  case stdin
  case url(String)

  /// The one positional (a path or `-`) or `--url`: a missing file, a directory, an empty file or an extension Groq
  /// refuses is a usage error here, before any upload.
  init(positionals: [String], url: String?, stdinIsTTY: Bool, command: String) throws(UsageError) {
    if positionals.count > 1 {
      throw UsageError("expected one audio file, got \(positionals.count)", command: command)
    }
    if let url {
      guard positionals.isEmpty else { throw UsageError("give an audio file or --url, not both", command: command) }
      guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
        parsed.host != nil
      else {
        throw UsageError("invalid value '\(url)' for --url: expected an http or https URL", command: command)
      }
      self = .url(url)
      return
    }
    guard let path = positionals.first else {
      throw UsageError(
        "no audio given", hint: "groq \(command) FILE, or groq \(command) --url URL", command: command)
    }
    if path == "-" {
      if stdinIsTTY {
        throw UsageError(
          "refusing to read audio from a terminal", hint: "pipe it in: groq \(command) - < talk.wav", command: command)
      }
      self = .stdin
      return
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw UsageError("no such file: '\(path)'", command: command)
    }
    if isDirectory.boolValue { throw UsageError("'\(path)' is a directory, not an audio file", command: command) }
    guard let type = AudioFileType.forPath(path) else {
      let ext = (path as NSString).pathExtension
      throw UsageError(
        ext.isEmpty
          ? "'\(path)' has no file extension to tell its audio format"
          : "unsupported audio format '.\(ext)': '\(path)'",
        hint: "Groq takes " + AudioFileType.supported.map(\.fileExtension).joined(separator: ", ") + " files",
        command: command)
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw UsageError("cannot read '\(path)': permission denied", command: command)
    }
    // A FIFO or device has no size to measure, split or resend from: it is not "empty", but it must come on stdin.
    var info = stat()
    if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
      let kind = info.st_mode & S_IFMT == S_IFIFO ? "a named pipe" : "a device"
      throw UsageError(
        "'\(path)' is \(kind), not a regular file", hint: "pipe it in instead: groq \(command) - < '\(path)'",
        command: command)
    }
    if (try? AudioSplit.fileSize(URL(fileURLWithPath: path))) == 0 {
      throw UsageError("'\(path)' is empty", command: command)
    }
    self = .file(URL(fileURLWithPath: path), type)
  }
}

/// Audio piped to stdin, saved to a temporary file so it can be measured, split and resent on a retry.
enum AudioStdin {
  /// Copies stdin in bounded reads (memory stays flat) and names its format from its first bytes. Ctrl-C ends the
  /// copy even while the writer is silent, and the partial file is removed.
  static func save(command: String, terminal: Terminal) throws -> (url: URL, type: AudioFileType) {
    let unknownFormat = CLIError(
      "cannot tell the audio format of standard input",
      hint: "save it as a file with its extension (talk.mp3) and give that instead", status: .usage)
    let url = try RunTemporaryDirectory.create("stdin-")
    do {
      let out = try FileHandle(forWritingTo: url)
      defer { try? out.close() }
      var buffer = [UInt8](repeating: 0, count: 1 << 20)
      var head = Data()
      var total: Int64 = 0
      var known: AudioFileType?
      while true {
        guard try terminal.waitForStdin() else { continue }
        let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if count < 0 {
          // A Ctrl-C that interrupted this read is reported by the next wait.
          if errno == EINTR { continue }
          throw CLIError("could not read standard input: \(String(cString: strerror(errno)))", status: .usage)
        }
        if count == 0 { break }
        let chunk = Data(buffer[0..<count])
        if head.count < 16 { head.append(chunk.prefix(16 - head.count)) }
        // Refused at once, not after gigabytes: what is not audio (`< /dev/zero`), and more than any recording.
        if known == nil && head.count >= 16 {
          known = AudioFileType.sniff(head)
          if known == nil { throw unknownFormat }
        }
        total += Int64(count)
        if total > InputLimits.audio {
          throw InputLimits.tooLarge("standard input", limit: InputLimits.audio, what: "audio")
        }
        try out.write(contentsOf: chunk)
      }
      guard !head.isEmpty else {
        throw CLIError(
          "standard input is empty: no audio to send", hint: "pipe a file in: groq \(command) - < talk.wav",
          status: .usage)
      }
      guard let type = known ?? AudioFileType.sniff(head) else { throw unknownFormat }
      return (url, type)
    } catch {
      try? FileManager.default.removeItem(at: url)
      throw error
    }
  }
}
