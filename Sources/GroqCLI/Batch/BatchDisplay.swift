import Foundation
import GroqKit

/// How batches and files read on a terminal and in a pipe.
enum BatchDisplay {
  /// `batch_01…  completed  5/6 done, 1 failed  created 2026-11-30 15:04`: one tab-separated line in a pipe.
  static func line(_ batch: Batch) -> String {
    let counts = batch.requestCounts.map { "\($0.completed + $0.failed)/\($0.total)" } ?? "-"
    let failed = batch.requestCounts.map { String($0.failed) } ?? "-"
    return [batch.id, batch.status.rawValue, counts, failed, date(batch.createdAt), batch.endpoint ?? "-"]
      .joined(separator: "\t") + "\n"
  }

  /// `groq batch status`: one fact per line.
  static func detail(_ batch: Batch) -> String {
    var rows: [(String, String)] = [("id", batch.id), ("status", batch.status.rawValue)]
    if let counts = batch.requestCounts {
      rows.append(("requests", "\(counts.completed) completed, \(counts.failed) failed, \(counts.total) in all"))
    }
    if let endpoint = batch.endpoint { rows.append(("endpoint", endpoint)) }
    if let window = batch.completionWindow { rows.append(("window", window)) }
    if let input = batch.inputFileID { rows.append(("input file", input)) }
    if let output = batch.outputFileID { rows.append(("output file", output)) }
    if let errors = batch.errorFileID { rows.append(("error file", errors)) }
    let times: [(String, Int?)] = [
      ("created", batch.createdAt), ("in progress", batch.inProgressAt), ("finalizing", batch.finalizingAt),
      ("completed", batch.completedAt), ("failed", batch.failedAt), ("expired", batch.expiredAt),
      ("cancelling", batch.cancellingAt), ("cancelled", batch.cancelledAt), ("expires", batch.expiresAt),
    ]
    for (name, time) in times { if let time { rows.append((name, date(time))) } }
    for (key, value) in (batch.metadata ?? [:]).sorted(by: { $0.key < $1.key }) { rows.append(("meta \(key)", value)) }
    let width = rows.map(\.0.count).max() ?? 0
    var text =
      rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
      .joined(separator: "\n") + "\n"
    text += errors(batch)
    return text
  }

  /// A failed validation's reasons, by line.
  static func errors(_ batch: Batch) -> String {
    batch.errors.map { error in
      (error.line.map { "line \($0): " } ?? "") + (error.message ?? error.code ?? "unknown error")
        + (error.code.map { " (\($0))" } ?? "") + "\n"
    }.joined()
  }

  static func file(_ file: GroqFile) -> String {
    [file.id, file.bytes.map(String.init) ?? "-", date(file.createdAt), file.filename ?? "-", file.purpose ?? "-"]
      .joined(separator: "\t") + "\n"
  }

  /// UTC, to the minute: what a person compares against a clock; --json has the seconds.
  static func date(_ seconds: Int?) -> String {
    guard let seconds else { return "-" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: Date(timeIntervalSince1970: Double(seconds))) + "Z"
  }

  /// The API's JSON as it came, with a newline.
  static func raw(_ data: Data) -> String {
    let text = String(decoding: data, as: UTF8.self)
    return text.hasSuffix("\n") ? text : text + "\n"
  }
}

/// A one-line progress bar of done out of total on stderr, redrawn in place; drawn only on a terminal.
struct CountBar {
  let terminal: Terminal
  let label: String

  func draw(done: Int, failed: Int, total: Int, note: String = "") {
    guard terminal.stderrIsTTY, total > 0 else { return }
    let width = 24
    let filled = width * min(done, total) / total
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let failures = failed > 0 ? ", \(failed) failed" : ""
    terminal.err("\r" + terminal.style("\(label) [\(bar)] \(done)/\(total)\(failures)\(note)", .dim) + "\u{1B}[K")
  }

  func erase() {
    if terminal.stderrIsTTY { terminal.err("\r\u{1B}[K") }
  }
}
