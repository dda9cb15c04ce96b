import Foundation

/// A yes/no question on the terminal, for what cannot be undone (deleting conversations).
enum Confirmation {
  /// Asks on stderr and reads a line from stdin; only "y" or "yes" agrees, and end of input declines.
  static func ask(_ question: String, terminal: Terminal) -> Bool {
    terminal.err(question + " [y/N] ")
    guard let answer = readLine() else {
      terminal.err("\n")
      return false
    }
    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
