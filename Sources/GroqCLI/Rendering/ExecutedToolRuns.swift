import Foundation
import GroqKit

/// A compound model's own tool runs, merged by `index`, and the lines that show them as they happen: the search
/// query or the code when a run begins, the result titles and URLs or the code's output when they arrive.
struct ExecutedToolRuns {
  /// Every run so far, merged, in the order they began.
  private var tools: [ExecutedTool] = []
  private var shownCall: Set<Int> = []
  private var shownResult: Set<Int> = []

  /// Merges the pieces in and returns the lines not shown yet.
  mutating func add(_ pieces: [ExecutedTool]) -> String {
    var text = ""
    for piece in pieces {
      let position: Int
      if let index = piece.index, let existing = tools.firstIndex(where: { $0.index == index }) {
        tools[existing] = tools[existing].merging(piece)
        position = existing
      } else {
        tools.append(piece)
        position = tools.count - 1
      }
      let tool = tools[position]
      if !shownCall.contains(position), tool.arguments != nil || tool.type != nil {
        shownCall.insert(position)
        text += Self.call(tool)
      }
      if !shownResult.contains(position), let result = Self.result(tool) {
        shownResult.insert(position)
        text += result
      }
    }
    return text
  }

  /// `• search: query`, or `• python:` and the code, indented.
  static func call(_ tool: ExecutedTool) -> String {
    let type = tool.type ?? "tool"
    let arguments = tool.arguments.flatMap { JSONValue(parsing: Data($0.utf8)) }
    for key in ["query", "url"] {
      if let value = arguments?[key]?.stringValue { return "• \(type): \(value)\n" }
    }
    if let code = arguments?["code"]?.stringValue { return "• \(type):\n" + indented(code) }
    let raw = tool.arguments.map { $0.isEmpty ? "" : " " + $0 } ?? ""
    return "• \(type):\(raw)\n"
  }

  /// Result titles and URLs for a search, the output for anything else; nil until there is a result.
  static func result(_ tool: ExecutedTool) -> String? {
    if let results = tool.searchResults?.results, !results.isEmpty { return links(results.map { ($0.title, $0.url) }) }
    if let pages = tool.browserResults, !pages.isEmpty { return links(pages.map { ($0.title, $0.url) }) }
    let codeText = tool.codeResults?.compactMap(\.text).joined(separator: "\n")
    guard let output = codeText.flatMap({ $0.isEmpty ? nil : $0 }) ?? tool.output, !output.isEmpty else { return nil }
    return "  output:\n" + indented(output)
  }

  /// One indented `title — url` line per result.
  private static func links(_ results: [(title: String?, url: String?)]) -> String {
    results.map { "    " + [$0.title, $0.url].compactMap { $0 }.joined(separator: " — ") + "\n" }.joined()
  }

  private static func indented(_ text: String) -> String {
    var text = text
    while text.hasSuffix("\n") { text.removeLast() }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 + "\n" }.joined()
  }
}
