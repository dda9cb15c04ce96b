import Foundation

/// Puts text on the user's clipboard: through the desktop's own tool when groq runs on that desktop, otherwise with
/// OSC 52, which the terminal carries out and which works over SSH.
enum Clipboard {
  /// How the text was copied, for the status line.
  static func copy(_ text: String, terminal: Terminal, environment: [String: String]) async -> String {
    if let tool = tool(environment), await run(tool, input: text) { return "copied with \(tool[0])" }
    // BEL ends the sequence: tmux and older terminals do not all take ST.
    try? terminal.out("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}")
    return "copied (OSC 52: the terminal must allow it)"
  }

  /// The clipboard command for this session's desktop; none over SSH, where it would fill the far machine's.
  static func tool(_ environment: [String: String]) -> [String]? {
    if environment["SSH_TTY"] != nil || environment["SSH_CONNECTION"] != nil { return nil }
    let candidates: [(variable: String?, command: [String])] = [
      ("WAYLAND_DISPLAY", ["wl-copy"]),
      ("DISPLAY", ["xclip", "-selection", "clipboard"]),
      (nil, ["pbcopy"]),
    ]
    for candidate in candidates {
      if let variable = candidate.variable, (environment[variable] ?? "").isEmpty { continue }
      if let path = executable(candidate.command[0], environment) {
        return [path] + candidate.command.dropFirst()
      }
    }
    return nil
  }

  private static func executable(_ name: String, _ environment: [String: String]) -> String? {
    for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let path = directory + "/" + name
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  private static func run(_ command: [String], input: String) async -> Bool {
    (try? await ChildProcess.run(command, input: Data(input.utf8))) == 0
  }
}

/// Fenced code blocks in an answer, for `/copy code`.
enum CodeBlocks {
  /// The code inside each fence, without the fence lines, in order.
  static func all(in text: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring]?
    var marker = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      if current == nil {
        guard let fence = MarkdownBlocks.fenceOpening(ArraySlice(trimmed.utf8)) else { continue }
        marker = String(repeating: String(UnicodeScalar(fence.marker)), count: fence.length)
        current = []
      } else if trimmed.hasPrefix(marker) && trimmed.allSatisfy({ $0 == marker.first || $0 == " " }) {
        blocks.append(current!.joined(separator: "\n") + "\n")
        current = nil
      } else {
        current?.append(line)
      }
    }
    // A block the answer left open (cut short) still counts.
    if let current, !current.isEmpty { blocks.append(current.joined(separator: "\n") + "\n") }
    return blocks
  }
}
