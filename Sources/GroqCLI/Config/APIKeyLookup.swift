#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import GroqKit

/// Where the API key comes from, in order: `GROQ_API_KEY`, the config's `api_key_command`, then the credentials
/// file `groq auth login` writes. The key itself never appears in a message: only where it came from.
struct APIKeyLookup: Sendable {
  /// A key and where it was found.
  struct Found: Sendable, Equatable {
    enum Source: Sendable, Equatable {
      case environment
      case command(String)
      case file(URL)
    }

    var key: String
    var source: Source

    /// For `auth status`: "the environment (GROQ_API_KEY)".
    var sourceDescription: String {
      switch source {
      case .environment: "the environment (GROQ_API_KEY)"
      case .command(let command): "api_key_command (\(command))"
      case .file(let url): url.path
      }
    }
  }

  /// How long a key command may take: `pass` and `op` may ask for a passphrase, but not forever.
  static let commandTimeout: Double = 30

  var environment: [String: String]
  var settings: Settings

  var credentials: URL? { UserDirectories(environment: environment).credentials }

  /// The key, or nil when no source has one; a source that is there but broken is an error, never skipped.
  func find() throws(CLIError) -> Found? {
    if let key = environment["GROQ_API_KEY"].map(Configuration.trimmed), !key.isEmpty {
      return Found(key: key, source: .environment)
    }
    if let command = settings.apiKeyCommand {
      return Found(key: try KeyCommand.run(command, environment: environment), source: .command(command))
    }
    guard let file = credentials, let key = try Self.readCredentials(file) else { return nil }
    return Found(key: key, source: .file(file))
  }

  /// The credentials file's first line; nil when there is no file. Refused when others may read it, as ssh does
  /// with a private key: a key others could read must be treated as leaked.
  static func readCredentials(_ file: URL) throws(CLIError) -> String? {
    var info = stat()
    guard stat(file.path, &info) == 0 else { return nil }
    let mode = info.st_mode & 0o777
    if mode & 0o077 != 0 {
      throw CLIError(
        "\(file.path) can be read by others (mode \(String(mode, radix: 8))); groq will not use the key in it",
        hint: "chmod 600 \(file.path), and consider the key leaked if others use this machine", status: .auth)
    }
    guard let text = try PrivateFile.read(file) else { return nil }
    let key = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    guard !key.isEmpty else {
      throw CLIError("\(file.path) is empty", hint: "store a key with 'groq auth login'", status: .auth)
    }
    return key
  }

  /// "gsk_...9f3a": enough to tell keys apart, never enough to use one.
  static func mask(_ key: String) -> String {
    let prefix = key.hasPrefix("gsk_") ? "gsk_" : ""
    return key.count >= 12 ? prefix + "..." + key.suffix(4) : prefix + "..."
  }
}

/// Runs `api_key_command` without a shell and takes the first line it prints.
enum KeyCommand {
  static func run(
    _ command: String, environment: [String: String], timeout: Double = APIKeyLookup.commandTimeout
  ) throws(CLIError) -> String {
    guard let words = CommandWords.split(command), !words.isEmpty else {
      throw CLIError(
        "api_key_command is empty or has an unclosed quote", hint: "fix it with 'groq config edit'",
        status: .usage)
    }
    let process = try ExternalProgram.process(words, environment: environment, what: "api_key_command")
    let output = Pipe()
    process.standardOutput = output
    // Its error output may hold the key or a passphrase prompt's echo: not shown, not kept.
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    do {
      try process.run()
    } catch {
      throw CLIError("api_key_command could not start: \(FileErrorText.describe(error))", status: .auth)
    }
    let reader = PipeReader(output.fileHandleForReading)
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      exited.wait()
      throw CLIError(
        "api_key_command did not finish within \(Format.number(timeout)) s", hint: "run it yourself to see why",
        status: .auth)
    }
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw CLIError(
        "api_key_command failed (\(process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "killed by a signal"))",
        hint: "run '\(words[0])' yourself to see why; groq does not show its output, which may hold the key",
        status: .auth)
    }
    let text = String(decoding: reader.data(), as: UTF8.self)
    let key = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    guard !key.isEmpty else {
      throw CLIError(
        "api_key_command printed nothing", hint: "it should print the key on its first line", status: .auth)
    }
    return key
  }
}

/// Reads a pipe to its end on a thread of its own, so a child that writes much cannot block on a full pipe.
private final class PipeReader: @unchecked Sendable {
  private let lock = NSCondition()
  private var collected = Data()
  private var done = false

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      let data = handle.readDataToEndOfFile()
      lock.lock()
      collected = data
      done = true
      lock.broadcast()
      lock.unlock()
    }
  }

  /// What was read; waits at most a second after the child exits, in case a grandchild holds the pipe open.
  func data() -> Data {
    lock.lock()
    defer { lock.unlock() }
    let limit = Date().addingTimeInterval(1)
    while !done && lock.wait(until: limit) {}
    return collected
  }
}
