/// Joins typed lines into one message: a `"""` line opens and closes a block, and a line ending in `\` continues.
///
/// A pasted block arrives as separate lines; inside `"""` they stay one message, blank lines and indentation kept.
struct MultilineInput: Sendable {
  /// A finished message. `literal` is true for blocks and continued lines: those are never slash commands.
  struct Message: Equatable, Sendable {
    var text: String
    var literal: Bool
  }

  private var lines: [String] = []
  private var inBlock = false

  static let fence = "\"\"\""

  /// True while a block or a continued line waits for more: the prompt shows `...`.
  var isPending: Bool { inBlock || !lines.isEmpty }

  /// Takes one typed line; returns the message once it is complete.
  mutating func feed(_ line: String) -> Message? {
    if inBlock {
      let trimmed = line.trimmingTrailingWhitespace()
      if trimmed.hasSuffix(Self.fence) {
        let last = String(trimmed.dropLast(Self.fence.count))
        if !last.isEmpty { lines.append(last) }
        return finish()
      }
      lines.append(line)
      return nil
    }
    if lines.isEmpty, line.trimmingLeadingWhitespace().hasPrefix(Self.fence) {
      let rest = String(line.trimmingLeadingWhitespace().dropFirst(Self.fence.count))
      let trimmedRest = rest.trimmingTrailingWhitespace()
      // `"""one line"""` is a block that opens and closes at once.
      if trimmedRest.hasSuffix(Self.fence), trimmedRest.count >= Self.fence.count {
        lines.append(String(trimmedRest.dropLast(Self.fence.count)))
        return finish()
      }
      inBlock = true
      if !rest.isEmpty { lines.append(rest) }
      return nil
    }
    if line.hasSuffix("\\") {
      lines.append(String(line.dropLast()))
      return nil
    }
    let literal = !lines.isEmpty
    lines.append(line)
    var message = finish()
    message.literal = literal
    return message
  }

  /// Ctrl-C while a block is open throws the block away, as it throws away a single line.
  mutating func reset() {
    lines = []
    inBlock = false
  }

  private mutating func finish() -> Message {
    let message = Message(text: lines.joined(separator: "\n"), literal: true)
    reset()
    return message
  }
}

extension String {
  func trimmingTrailingWhitespace() -> String {
    var text = Substring(self)
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return String(text)
  }

  func trimmingLeadingWhitespace() -> Substring {
    drop { $0 == " " || $0 == "\t" }
  }
}
