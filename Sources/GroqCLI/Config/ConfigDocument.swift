import Foundation

/// The config file's text and what it says: a small TOML subset (tables, dotted keys, strings, numbers, booleans,
/// comments), parsed by hand because groq takes no package dependencies.
///
/// The text is kept line by line, so `groq config set` changes one value in place and leaves comments, order and
/// spacing as the user wrote them.
struct ConfigDocument: Sendable, Equatable {
  /// One `key = value` line: the key in full (`model.chat`, even when written under `[model]`).
  struct Entry: Sendable, Equatable {
    var key: String
    var value: ConfigValue
    /// 1-based, as editors count.
    var line: Int
    /// The table the line sits under ("" at the top), which decides how a sibling key is written.
    var table: String
    /// Where the value's text starts and ends in the line, in characters, so `set` replaces just that.
    var valueRange: Range<Int>
  }

  private(set) var lines: [String]
  private(set) var entries: [Entry] = []
  /// Table headers: name and 1-based line.
  private(set) var tables: [(name: String, line: Int)] = []

  static func == (a: ConfigDocument, b: ConfigDocument) -> Bool { a.lines == b.lines }

  init(parsing text: String) throws(ConfigSyntaxError) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    // A final newline ends the last line; it does not start an empty one.
    if lines.last == "" { lines.removeLast() }
    self.lines = lines
    var table = ""
    var seen: [String: Int] = [:]
    for (index, text) in lines.enumerated() {
      let number = index + 1
      var scanner = LineScanner(text, line: number)
      scanner.skipSpaces()
      if scanner.atEnd || scanner.peek == "#" { continue }
      if scanner.peek == "[" {
        table = try scanner.tableHeader()
        if let first = tables.first(where: { $0.name == table })?.line {
          throw ConfigSyntaxError(line: number, message: "[\(table)] was already defined on line \(first)")
        }
        tables.append((table, number))
        continue
      }
      let key = try scanner.key()
      scanner.skipSpaces()
      guard scanner.take("=") else { throw scanner.error("expected '=' after the key '\(key.joined(separator: "."))'") }
      scanner.skipSpaces()
      let start = scanner.position
      let value = try scanner.value()
      let range = start..<scanner.position
      try scanner.expectLineEnd()
      let full = (table.isEmpty ? [] : [table]) + key
      let name = full.joined(separator: ".")
      if let first = seen[name] {
        throw ConfigSyntaxError(line: number, message: "'\(name)' is set twice (first on line \(first))")
      }
      seen[name] = number
      entries.append(Entry(key: name, value: value, line: number, table: table, valueRange: range))
    }
  }

  /// The whole file again, with a final newline.
  var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

  func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

  /// Sets a value: in place when the key is there, otherwise beside its siblings, under its table, or in a new one.
  mutating func set(_ key: String, to value: ConfigValue) {
    var lines = self.lines
    if let entry = entry(key) {
      let characters = Array(lines[entry.line - 1])
      lines[entry.line - 1] =
        String(characters[..<entry.valueRange.lowerBound]) + value.tomlText
        + String(characters[entry.valueRange.upperBound...])
    } else {
      insert(key, value, into: &lines)
    }
    // The new text is parsed again so that lines, entries and ranges stay one consistent picture.
    self = (try? ConfigDocument(parsing: lines.joined(separator: "\n"))) ?? self
  }

  /// Removes the key's line; false when it was not set.
  @discardableResult
  mutating func unset(_ key: String) -> Bool {
    guard let entry = entry(key) else { return false }
    var lines = self.lines
    lines.remove(at: entry.line - 1)
    self = (try? ConfigDocument(parsing: lines.joined(separator: "\n"))) ?? self
    return true
  }

  private func insert(_ key: String, _ value: ConfigValue, into lines: inout [String]) {
    let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
    let parent = parts.count == 2 ? parts[0] : ""
    let leaf = parts.count == 2 ? parts[1] : key
    func line(relativeTo table: String) -> String {
      let name = table.isEmpty ? key : String(key.dropFirst(table.count + 1))
      return name + " = " + value.tomlText
    }
    // Beside a sibling, written relative to the sibling's table.
    if !parent.isEmpty, let sibling = entries.last(where: { $0.key.hasPrefix(parent + ".") }) {
      lines.insert(line(relativeTo: sibling.table), at: sibling.line)
      return
    }
    // Under the table's header, after its last entry.
    if let header = tables.first(where: { $0.name == parent }) {
      let last = entries.filter { $0.table == parent }.map(\.line).max() ?? header.line
      lines.insert(line(relativeTo: parent), at: last)
      return
    }
    if parent.isEmpty {
      // A top-level key must come before the first table, or TOML would read it as part of that table.
      if let first = tables.first {
        var at = first.line - 1
        while at > 0 && lines[at - 1].trimmingCharacters(in: .whitespaces).isEmpty { at -= 1 }
        lines.insert(line(relativeTo: ""), at: at)
      } else {
        lines.append(line(relativeTo: ""))
      }
      return
    }
    if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
    lines.append("[\(parent)]")
    lines.append(leaf + " = " + value.tomlText)
  }
}

/// A line the parser could not read, with its number, for `config.toml:3: ...`.
struct ConfigSyntaxError: Error, Sendable, Equatable {
  var line: Int
  var message: String
}

/// Reads one line of the config file, character by character.
private struct LineScanner {
  let characters: [Character]
  let line: Int
  var position = 0

  init(_ text: String, line: Int) {
    characters = Array(text)
    self.line = line
  }

  var atEnd: Bool { position >= characters.count }
  var peek: Character? { atEnd ? nil : characters[position] }

  func error(_ message: String) -> ConfigSyntaxError { ConfigSyntaxError(line: line, message: message) }

  mutating func skipSpaces() {
    while let character = peek, character == " " || character == "\t" { position += 1 }
  }

  mutating func take(_ character: Character) -> Bool {
    guard peek == character else { return false }
    position += 1
    return true
  }

  /// Nothing but spaces and a comment may follow.
  mutating func expectLineEnd() throws(ConfigSyntaxError) {
    skipSpaces()
    guard atEnd || peek == "#" else { throw error("unexpected text after the value: '\(rest)'") }
  }

  private var rest: String { String(characters[position...]) }

  /// `[model]`, the name dotted; arrays of tables are beyond what groq's settings need.
  mutating func tableHeader() throws(ConfigSyntaxError) -> String {
    position += 1
    if peek == "[" { throw error("arrays of tables ([[...]]) are not supported") }
    skipSpaces()
    let name = try key().joined(separator: ".")
    skipSpaces()
    guard take("]") else { throw error("expected ']' to close the table name") }
    try expectLineEnd()
    return name
  }

  /// A key: bare (`model`) or quoted (`"my model"`) parts joined by dots.
  mutating func key() throws(ConfigSyntaxError) -> [String] {
    var parts: [String] = []
    repeat {
      skipSpaces()
      if peek == "\"" {
        parts.append(try basicString())
      } else if peek == "'" {
        parts.append(try literalString())
      } else {
        let start = position
        while let character = peek, character.isASCII,
          character.isLetter || character.isNumber || "_-".contains(character)
        {
          position += 1
        }
        guard position > start else {
          throw error(peek.map { "unexpected '\($0)' where a key should be" } ?? "expected a key")
        }
        parts.append(String(characters[start..<position]))
      }
      skipSpaces()
    } while take(".")
    return parts
  }

  mutating func value() throws(ConfigSyntaxError) -> ConfigValue {
    guard let first = peek else { throw error("expected a value after '='") }
    switch first {
    case "\"":
      if characters[position...].starts(with: "\"\"\"") { throw error("multi-line strings are not supported") }
      return .string(try basicString())
    case "'":
      if characters[position...].starts(with: "'''") { throw error("multi-line strings are not supported") }
      return .string(try literalString())
    case "[", "{": throw error("arrays and inline tables are not supported; groq's settings are single values")
    default: break
    }
    let start = position
    while let character = peek, !character.isWhitespace, character != "#" { position += 1 }
    let word = String(characters[start..<position])
    if word == "true" { return .bool(true) }
    if word == "false" { return .bool(false) }
    if let number = Self.number(word) { return number }
    throw error("'\(word)' is not a value: write text in double quotes, e.g. \"\(word)\"")
  }

  /// Decimal integers and floats, with `_` between digits as TOML allows.
  private static func number(_ word: String) -> ConfigValue? {
    guard let first = word.first, first.isNumber || first == "+" || first == "-",
      !word.contains("__"), !word.hasPrefix("_"), !word.hasSuffix("_")
    else { return nil }
    let plain = word.replacingOccurrences(of: "_", with: "")
    if plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+" || $0 == "-") }), let integer = Int(plain) {
      return .integer(integer)
    }
    guard plain.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let float = Double(plain),
      float.isFinite
    else { return nil }
    return .float(float)
  }

  /// `'...'`: no escapes.
  private mutating func literalString() throws(ConfigSyntaxError) -> String {
    position += 1
    let start = position
    while let character = peek, character != "'" { position += 1 }
    guard take("'") else { throw error("the string has no closing '") }
    return String(characters[start..<position - 1])
  }

  /// `"..."` with TOML's escapes.
  private mutating func basicString() throws(ConfigSyntaxError) -> String {
    position += 1
    var out = ""
    while let character = peek {
      position += 1
      switch character {
      case "\"": return out
      case "\\":
        guard let escaped = peek else { break }
        position += 1
        switch escaped {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "r": out.append("\r")
        case "b": out.append("\u{8}")
        case "f": out.append("\u{C}")
        case "\"": out.append("\"")
        case "\\": out.append("\\")
        case "u", "U":
          let count = escaped == "u" ? 4 : 8
          guard position + count <= characters.count,
            let code = UInt32(String(characters[position..<position + count]), radix: 16),
            let scalar = Unicode.Scalar(code)
          else { throw error("bad \\\(escaped) escape in a string") }
          position += count
          out.unicodeScalars.append(scalar)
        default: throw error("unknown escape \\\(escaped) in a string")
        }
      default:
        if character.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
          throw error("a control character in a string; write it as an escape")
        }
        out.append(character)
      }
    }
    throw error("the string has no closing \"")
  }
}
