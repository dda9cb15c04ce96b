/// A pipe table, aligned to its widest cells: known only once its last row has arrived.
enum MarkdownTable {
  enum Alignment { case left, center, right }

  /// `| --- | :-: |`: the row under a table's header.
  static func isDelimiterRow(_ line: String) -> Bool {
    let cells = cells(line)
    return !cells.isEmpty
      && cells.allSatisfy { cell in
        let core = cell.trimmingSpaces
        return core.contains("-") && core.allSatisfy { $0 == "-" || $0 == ":" }
      }
  }

  /// A row's cells, split at pipes that are neither escaped nor inside `code`, without the outer pipes.
  static func cells(_ line: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var inCode = false
    var escaped = false
    for character in line.trimmingSpaces {
      if escaped {
        cell.append(character)
        escaped = false
        continue
      }
      switch character {
      case "\\":
        escaped = true
        cell.append(character)
      case "`":
        inCode.toggle()
        cell.append(character)
      case "|" where !inCode:
        cells.append(cell)
        cell = ""
      default: cell.append(character)
      }
    }
    cells.append(cell)
    if line.trimmingSpaces.hasPrefix("|") { cells.removeFirst() }
    if line.trimmingSpaces.hasSuffix("|") && cells.count > 1 { cells.removeLast() }
    return cells.map(\.trimmingSpaces)
  }

  /// The table's rows; `lines[1]` is the delimiter row.
  static func render(_ lines: [String], hyperlinks: Bool) -> String {
    let alignments = cells(lines[1]).map { cell -> Alignment in
      let core = cell.trimmingSpaces
      switch (core.hasPrefix(":"), core.hasSuffix(":")) {
      case (true, true): return .center
      case (false, true): return .right
      default: return .left
      }
    }
    let rows = ([lines[0]] + lines.dropFirst(2)).map { cells($0).map { InlineMarkdown.runs($0) } }
    let count = max(alignments.count, rows.map(\.count).max() ?? 0)
    var widths = [Int](repeating: 0, count: count)
    for row in rows {
      for (column, runs) in row.enumerated() {
        widths[column] = max(widths[column], DisplayWidth.of(runs.map(\.text).joined()))
      }
    }
    let bar = StyledRun(" │ ", .dimmed)
    var out = ""
    for (number, row) in rows.enumerated() {
      var runs: [StyledRun] = []
      for column in 0..<count {
        if column > 0 { runs.append(bar) }
        var cell = column < row.count ? row[column] : []
        if number == 0 { cell = cell.map { StyledRun($0.text, boldened($0.style)) } }
        let padding = widths[column] - DisplayWidth.of(cell.map(\.text).joined())
        let alignment = column < alignments.count ? alignments[column] : .left
        let before =
          switch alignment {
          case .left: 0
          case .right: padding
          case .center: padding / 2
          }
        // The last column needs no padding after it: trailing spaces would only wrap on a narrow terminal.
        let after = column == count - 1 ? 0 : padding - before
        runs.append(StyledRun(String(repeating: " ", count: before)))
        runs.append(contentsOf: cell)
        runs.append(StyledRun(String(repeating: " ", count: after)))
      }
      out += StyledText.line(runs, hyperlinks: hyperlinks) + "\n"
      if number == 0 {
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        out += StyledText.line([StyledRun(rule, .dimmed)], hyperlinks: false) + "\n"
      }
    }
    return out
  }

  private static func boldened(_ style: TextStyle) -> TextStyle {
    var style = style
    style.bold = true
    return style
  }
}
