import Foundation
import GroqKit

/// Checks a batch input file before it is uploaded or run, reporting every bad line by number (up to a few) as one
/// usage error, exit 2: nothing is sent for a file the server would refuse.
enum BatchFileCheck {
  /// How many bad lines are named before the rest are only counted.
  static let shownProblems = 10

  /// The checked file's endpoint and line count.
  static func check(path: String, command: String) throws -> (endpoint: BatchEndpoint, lines: Int) {
    let reader = try LineReader(path: path, command: command)
    var checker = BatchInputCheck()
    var problems: [BatchLineProblem] = []
    var count = 0
    try reader.forEachLine { line, number in
      count = number
      if case .failure(let problem) = checker.check(line, number: number) { problems.append(problem) }
    }
    if count == 0 { throw UsageError("\(path) is empty", command: command) }
    if !problems.isEmpty {
      var message = "\(path): " + problems.prefix(shownProblems).map(\.description).joined(separator: "; ")
      if problems.count > shownProblems { message += "; and \(problems.count - shownProblems) more bad lines" }
      throw UsageError(message, hint: "nothing was sent; fix the lines named and try again", command: command)
    }
    if let over = checker.overLimits {
      throw UsageError(
        "\(path) has " + over, hint: "split it with 'groq batch prepare -o FILE', which writes several files",
        command: command)
    }
    return (checker.endpoint ?? .chat, count)
  }
}
