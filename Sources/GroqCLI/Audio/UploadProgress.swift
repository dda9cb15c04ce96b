import Foundation

/// A one-line progress bar on stderr for long uploads, redrawn in place; only on a terminal, and only for uploads big
/// enough to take a while.
final class UploadProgress: @unchecked Sendable {
  /// Smaller uploads finish before a bar would be worth reading.
  static let threshold: Int64 = 4_000_000

  private let terminal: Terminal
  private let label: String
  private let lock = NSLock()
  private var shownPercent = -1

  private init(terminal: Terminal, label: String) {
    self.terminal = terminal
    self.label = label
  }

  /// A bar for `bytes` of upload, or nil when none should be drawn.
  static func make(terminal: Terminal, label: String, bytes: Int64) -> UploadProgress? {
    guard terminal.stderrIsTTY, bytes >= threshold else { return nil }
    return UploadProgress(terminal: terminal, label: label)
  }

  /// The transport's callback: redraws when the whole percentage changes.
  var callback: @Sendable (Int64, Int64) -> Void {
    { [self] sent, total in update(sent: sent, total: total) }
  }

  private func update(sent: Int64, total: Int64) {
    guard total > 0 else { return }
    let percent = Int(min(100, sent * 100 / total))
    lock.lock()
    defer { lock.unlock() }
    guard percent != shownPercent else { return }
    shownPercent = percent
    let width = 24
    let filled = width * percent / 100
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let sizes = String(format: "%.1f/%.1f MB", Double(sent) / 1_000_000, Double(total) / 1_000_000)
    terminal.err("\r" + terminal.style("\(label) [\(bar)] \(percent)% \(sizes)", .dim) + "\u{1B}[K")
  }

  /// Erases the bar, so the next line of stderr starts clean.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shownPercent >= 0 { terminal.err("\r\u{1B}[K") }
    shownPercent = -1
  }
}
