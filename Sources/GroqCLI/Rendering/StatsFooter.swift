import GroqKit

/// The `--stats` line: Groq's own timings from `x_groq.usage`, our time to first token, and the request id.
enum StatsFooter {
  static func render(_ reply: ChatReply, terminal: Terminal) -> String {
    var parts: [String] = []
    if let usage = reply.usage {
      if let queue = usage.queueTime { parts.append("queue \(Format.duration(queue))") }
      if let prompt = usage.promptTime {
        parts.append("prompt \(Format.duration(prompt))" + (usage.promptTokens.map { " (\($0) tokens)" } ?? ""))
      }
      if let completion = usage.completionTime {
        parts.append(
          "completion \(Format.duration(completion))" + (usage.completionTokens.map { " (\($0) tokens)" } ?? ""))
        if let tokens = usage.completionTokens, completion > 0 {
          parts.append("\(Int((Double(tokens) / completion).rounded())) tokens/s")
        }
      }
    }
    if let first = reply.timeToFirstToken {
      let seconds = Double(first.components.seconds) + Double(first.components.attoseconds) / 1e18
      parts.append("first token \(Format.duration(seconds))")
    }
    if let reason = reply.finishReason, reason != "stop" { parts.append("finish \(reason)") }
    if let id = reply.requestID { parts.append(id) }
    if parts.isEmpty { parts.append("no usage reported") }
    let columns = terminal.stderrIsTTY ? terminal.windowSize.columns : Int.max
    return lines(parts, columns: columns).map { terminal.style($0, .dim) + "\n" }.joined()
  }

  /// Parts joined by ` · ` into lines that fit the window; a part (a request id) is never split.
  static func lines(_ parts: [String], columns: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for part in parts {
      if !line.isEmpty && DisplayWidth.of(line) + 3 + DisplayWidth.of(part) > columns {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " · ") + part
    }
    return lines + [line]
  }
}
