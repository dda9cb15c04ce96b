#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import GroqKit

/// Text files put into a prompt (`-f PATH`, `/file PATH`): each under its name as a heading, in a fence.
///
/// Globs are expanded here, so quoted patterns work as well as the shell's; `-` is standard input. Binary files are
/// refused (images go with -i), and directories unless `--recursive`, which skips what `.gitignore` ignores.
struct PromptFiles {
  /// The files' names and text, in the order given.
  var files: [(name: String, text: String)] = []

  static let tooLarge = 2_000_000

  /// Reads every path; `stdin` is called for `-`.
  static func read(
    _ paths: [String], recursive: Bool, stdin: () throws(CLIError) -> Data
  ) throws(CLIError) -> PromptFiles {
    var result = PromptFiles()
    for path in paths {
      if path == "-" {
        result.files.append(("standard input", try text(try stdin(), name: "standard input")))
        continue
      }
      for file in try expand(path, recursive: recursive) {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw CLIError("cannot read \(file)", status: .usage)
        }
        if data.count > tooLarge {
          throw CLIError("\(file) is \(Format.grouped(data.count)) bytes, too large to send", status: .usage)
        }
        result.files.append((file, try text(data, name: file)))
      }
    }
    return result
  }

  /// The files as Markdown: `## name`, then the text in a fence longer than any inside it.
  var block: String {
    files.map { file in
      var fence = "```"
      while file.text.contains(fence) { fence += "`" }
      let body = file.text.hasSuffix("\n") ? file.text : file.text + "\n"
      return "## \(file.name)\n\n\(fence)\n\(body)\(fence)\n"
    }.joined(separator: "\n")
  }

  /// The message: the files first, then the prompt.
  func prompt(_ text: String) -> String {
    files.isEmpty ? text : block + "\n" + text
  }

  /// Roughly four characters a token, as Groq's tokenizers average on English and code.
  static func estimatedTokens(_ text: String) -> Int { (text.utf8.count + 3) / 4 }

  /// Refuses a prompt the model's context cannot hold, before anything is sent.
  static func checkFits(_ text: String, model: String) throws(CLIError) {
    guard let context = ModelRoles.known(model)?.inputLimit else { return }
    let tokens = estimatedTokens(text)
    guard tokens > context else { return }
    throw CLIError(
      "the prompt with its files is about \(Format.grouped(tokens)) tokens, more than \(model)'s context of "
        + "\(Format.grouped(context))",
      hint: "send fewer or smaller files", status: .usage)
  }

  private static func text(_ data: Data, name: String) throws(CLIError) -> String {
    guard !data.prefix(8192).contains(0), let text = String(data: data, encoding: .utf8) else {
      throw CLIError(
        "\(name) is not a text file", hint: "images go with -i; other binary files cannot be sent", status: .usage)
    }
    return text
  }

  /// A path, a glob's matches, or (with `recursive`) a directory's files, sorted.
  private static func expand(_ path: String, recursive: Bool) throws(CLIError) -> [String] {
    var candidates = [path]
    if path.contains(where: { "*?[".contains($0) }) {
      candidates = matches(of: path)
      if candidates.isEmpty { throw CLIError("no files match \(path)", status: .usage) }
    }
    var files: [String] = []
    for candidate in candidates {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else {
        throw CLIError("file not found: \(candidate)", status: .usage)
      }
      if !isDirectory.boolValue {
        files.append(candidate)
        continue
      }
      guard recursive else {
        throw CLIError(
          "\(candidate) is a directory", hint: "add --recursive to send the files in it (.gitignore is respected)",
          status: .usage)
      }
      files += walk(candidate)
    }
    return files
  }

  private static func matches(of pattern: String) -> [String] {
    var matches = glob_t()
    defer { globfree(&matches) }
    guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
    return (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }
  }

  /// A directory's files, depth first and sorted, leaving out `.git` and what each `.gitignore` on the way ignores.
  private static func walk(_ directory: String, ignores: [GitIgnore] = []) -> [String] {
    var ignores = ignores
    if let rules = try? String(contentsOfFile: directory + "/.gitignore", encoding: .utf8) {
      ignores.append(GitIgnore(base: directory, text: rules))
    }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    var files: [String] = []
    for name in names where name != ".git" {
      let path = directory + "/" + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if ignores.contains(where: { $0.ignores(path, isDirectory: isDirectory.boolValue) }) { continue }
      files += isDirectory.boolValue ? walk(path, ignores: ignores) : [path]
    }
    return files
  }
}

/// The common part of `.gitignore`: globs, `dir/` for directories only, a leading `/` to anchor, `#` comments.
/// Negation (`!`) is not honoured: it only ever adds files back.
struct GitIgnore {
  let base: String
  private var patterns: [(glob: String, directoryOnly: Bool, anchored: Bool)] = []

  init(base: String, text: String) {
    self.base = base
    for raw in text.split(whereSeparator: \.isNewline) {
      var line = raw.trimmingSpaces
      guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("!") else { continue }
      let directoryOnly = line.hasSuffix("/")
      if directoryOnly { line.removeLast() }
      let anchored = line.hasPrefix("/") || line.dropFirst().contains("/")
      if line.hasPrefix("/") { line.removeFirst() }
      patterns.append((line, directoryOnly, anchored))
    }
  }

  func ignores(_ path: String, isDirectory: Bool) -> Bool {
    guard path.hasPrefix(base + "/") else { return false }
    let relative = String(path.dropFirst(base.count + 1))
    let name = relative.split(separator: "/").last.map(String.init) ?? relative
    return patterns.contains { pattern in
      if pattern.directoryOnly && !isDirectory { return false }
      let subject = pattern.anchored ? relative : name
      return fnmatch(pattern.glob, subject, pattern.anchored ? FNM_PATHNAME : 0) == 0
    }
  }
}
