/// A pipe table, aligned to its widest cells: known only once its last row has arrived.
enum MarkdownTable {
  enum Alignment { case left, center, right }

  /// `| --- | :-: |`: the row under a table's header.
  static func isDelimiterRow(_ line: [UInt8]) -> Bool {
    let cells = cells(line)
    return !cells.isEmpty
      && cells.allSatisfy { core in
        core.contains(UInt8(ascii: "-")) && core.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }
      }
  }

  /// A row's cells, split at pipes that are neither escaped nor inside `code`, without the outer pipes, trimmed.
  static func cells(_ line: [UInt8]) -> [[UInt8]] {
    let row = MarkdownBlocks.trimmed(line[...])
    var cells: [[UInt8]] = []
    var cell: [UInt8] = []
    var inCode = false
    var escaped = false
    for byte in row {
      if escaped {
        cell.append(byte)
        escaped = false
        continue
      }
      switch byte {
      case UInt8(ascii: "\\"):
        escaped = true
        cell.append(byte)
      case UInt8(ascii: "`"):
        inCode.toggle()
        cell.append(byte)
      case UInt8(ascii: "|") where !inCode:
        cells.append(cell)
        cell = []
      default: cell.append(byte)
      }
    }
    cells.append(cell)
    if row.first == UInt8(ascii: "|") { cells.removeFirst() }
    if row.last == UInt8(ascii: "|") && cells.count > 1 { cells.removeLast() }
    return cells.map { Array(MarkdownBlocks.trimmed($0[...])) }
  }

  /// Writes the table's rows; `lines[1]` is the delimiter row.
  static func render(_ lines: [[UInt8]], into out: inout TerminalRows) {
    let alignments = cells(lines[1]).map { core -> Alignment in
      switch (core.first == UInt8(ascii: ":"), core.last == UInt8(ascii: ":")) {
      case (true, true): return .center
      case (false, true): return .right
      default: return .left
      }
    }
    let rows = ([lines[0]] + lines.dropFirst(2)).map { cells($0).map { InlineMarkdown.runs(utf8: $0) } }
    let count = max(alignments.count, rows.map(\.count).max() ?? 0)
    var widths = [Int](repeating: 0, count: count)
    for row in rows {
      for (column, runs) in row.enumerated() {
        widths[column] = max(widths[column], DisplayWidth.of(runs.map(\.text).joined()))
      }
    }
    let bar = StyledRun(" │ ", .dimmed)
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
      out.write(runs)
      out.endRow()
      if number == 0 {
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        out.write(rule.utf8, .dimmed)
        out.endRow()
      }
    }
  }

  private static func boldened(_ style: TextStyle) -> TextStyle {
    var style = style
    style.bold = true
    return style
  }
}
