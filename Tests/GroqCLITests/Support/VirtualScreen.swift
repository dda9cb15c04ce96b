@testable import GroqCLI

/// A small terminal for tests: it interprets what the renderer writes (text with deferred wrap, CR, LF as the
/// pty's CR LF, cursor up, clear to end of screen, SGR, OSC 8) into rows of styled cells, so tests compare what a
/// user would see rather than bytes.
struct VirtualScreen {
  struct Cell: Equatable {
    var character: Character
    var attributes: String
  }

  let columns: Int
  let height: Int
  private(set) var lines: [[Cell]] = [[]]
  private var row = 0
  private var column = 0
  private var attributes: [String] = []

  init(columns: Int, height: Int = 1000) {
    self.columns = columns
    self.height = height
  }

  /// The rows' text, trailing spaces dropped.
  var text: [String] {
    var rows = lines.map { String(String($0.map(\.character).filter { $0 != "\u{0}" }).reversed().drop { $0 == " " }.reversed()) }
    while rows.last == "" { rows.removeLast() }
    return rows
  }

  mutating func write(_ output: String) {
    var characters = Array(output)[...]
    while let character = characters.popFirst() {
      switch character {
      case "\u{1B}":
        guard let kind = characters.popFirst() else { return }
        if kind == "[" {
          var parameters = ""
          while let next = characters.popFirst() {
            if let ascii = next.asciiValue, (0x40...0x7E).contains(ascii) {
              control(next, parameters)
              break
            }
            parameters.append(next)
          }
        } else if kind == "]" {
          // OSC ... ESC \ : hyperlinks change nothing on the screen.
          while let next = characters.popFirst() {
            if next == "\u{1B}" {
              _ = characters.popFirst()
              break
            }
          }
        }
      case "\r":
        column = 0
      case "\n", "\r\n":
        column = 0
        row += 1
        if row == lines.count { lines.append([]) }
      default:
        put(character)
      }
    }
  }

  private mutating func put(_ character: Character) {
    let width = DisplayWidth.of(character)
    if column + width > columns {
      column = 0
      row += 1
      if row == lines.count { lines.append([]) }
    }
    while lines[row].count < column + width { lines[row].append(Cell(character: " ", attributes: "")) }
    lines[row][column] = Cell(character: character, attributes: attributes.joined(separator: ";"))
    if width == 2 { lines[row][column + 1] = Cell(character: "\u{0}", attributes: "") }
    column += width
  }

  private mutating func control(_ final: Character, _ parameters: String) {
    switch final {
    case "A":
      let top = max(0, lines.count - height)
      row = max(top, row - (Int(parameters) ?? 1))
      column = min(column, columns - 1)
    case "J":
      if lines[row].count > column { lines[row].removeSubrange(column...) }
      lines.removeSubrange((row + 1)...)
    case "m":
      for code in parameters.split(separator: ";", omittingEmptySubsequences: false) {
        if code == "0" || code.isEmpty { attributes = [] } else { attributes.append(String(code)) }
      }
    default:
      break
    }
  }
}
