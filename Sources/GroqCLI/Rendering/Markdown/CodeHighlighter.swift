/// What the highlighter knows of a language: a table row, not code.
///
/// Plain arrays and strings rather than sets: a set of strings or characters costs its first user a search of
/// every protocol conformance in the binary, more than looking through forty short words.
struct CodeLanguage: Sendable {
  var keywords: [String]
  var lineComments: [String] = []
  var blockComment: (open: String, close: String)?
  /// The characters that open and close a string.
  var quotes = "\"'"
  /// SQL's keywords are matched in any case.
  var caseInsensitive = false

  private static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

  /// The language a fence names. Each language is built the first time a block of it is shown, not all of them
  /// for the first block.
  static func named(_ name: String) -> CodeLanguage? {
    switch name.lowercased() {
    case "swift": swift
    case "python", "py", "python3": python
    case "javascript", "js", "typescript", "ts", "jsx", "tsx", "node": javaScript
    case "go", "golang": go
    case "rust", "rs": rust
    case "c", "cpp", "c++", "h", "hpp", "cc", "cxx": c
    case "java", "kotlin", "kt": java
    case "sh", "bash", "shell", "zsh", "console", "shellscript": shell
    case "json", "jsonc": json
    case "yaml", "yml": yaml
    case "sql", "postgres", "mysql", "sqlite": sql
    default: nil
    }
  }

  private static let swift = CodeLanguage(
    keywords: words(
      "let var func if else guard return struct class enum protocol extension import for in while repeat switch "
        + "case default break continue throw throws try catch do async await self Self nil true false init deinit "
        + "static private fileprivate internal public open mutating inout some any where defer actor"),
    lineComments: ["//"], blockComment: ("/*", "*/"), quotes: "\"")
  private static let python = CodeLanguage(
    keywords: words(
      "def class if elif else return import from as for in while try except finally raise with lambda yield "
        + "pass break continue and or not is None True False async await global nonlocal self"),
    lineComments: ["#"])
  private static let javaScript = CodeLanguage(
    keywords: words(
      "const let var function return if else for while do switch case default break continue new this class "
        + "extends import export from async await try catch finally throw typeof instanceof in of null "
        + "undefined true false interface type enum implements"),
    lineComments: ["//"], blockComment: ("/*", "*/"), quotes: "\"'`")
  private static let go = CodeLanguage(
    keywords: words(
      "func package import var const type struct interface map chan go defer if else for range return switch "
        + "case default break continue select nil true false"),
    lineComments: ["//"], blockComment: ("/*", "*/"), quotes: "\"`'")
  private static let rust = CodeLanguage(
    keywords: words(
      "fn let mut const static struct enum trait impl pub use mod crate self Self super if else match for in "
        + "while loop return break continue move ref as where async await dyn true false unsafe"),
    lineComments: ["//"], blockComment: ("/*", "*/"), quotes: "\"")
  private static let c = CodeLanguage(
    keywords: words(
      "int char float double void long short unsigned signed const static struct union enum typedef if else "
        + "for while do switch case default break continue return sizeof class public private protected "
        + "template typename namespace using new delete auto bool true false nullptr include define"),
    lineComments: ["//"], blockComment: ("/*", "*/"))
  private static let java = CodeLanguage(
    keywords: words(
      "public private protected static final class interface extends implements new return if else for while "
        + "do switch case default break continue try catch finally throw throws import package void int long "
        + "boolean char double float this super null true false var val fun"),
    lineComments: ["//"], blockComment: ("/*", "*/"))
  private static let shell = CodeLanguage(
    keywords: words(
      "if then else elif fi for while until do done case esac function in return export local echo cd exit"),
    lineComments: ["#"])
  private static let json = CodeLanguage(keywords: words("true false null"), quotes: "\"")
  private static let yaml = CodeLanguage(keywords: words("true false null yes no on off"), lineComments: ["#"])
  private static let sql = CodeLanguage(
    keywords: words(
      "select from where insert into values update set delete create table index drop alter join left right "
        + "inner outer on group by order having limit offset as and or not null is in primary key foreign "
        + "references distinct union all case when then else end"),
    lineComments: ["--"], blockComment: ("/*", "*/"), quotes: "'", caseInsensitive: true)
}

/// Colours a fenced code block line by line: keywords, strings, comments and numbers, and a diff's added and
/// removed lines. State carries across lines only for block comments. Never wraps or changes the text.
///
/// Scans a line's UTF-8 bytes: comment markers, quotes and keywords are ASCII; a character beyond ASCII is decoded
/// only to ask whether it is a letter or a digit.
struct CodeHighlighter {
  static let keyword = TextStyle(color: 35)
  static let string = TextStyle(color: 32)
  static let comment = TextStyle(color: 90)
  static let number = TextStyle(color: 36)

  let language: CodeLanguage?
  let isDiff: Bool
  private var inBlockComment = false
  // The language's markers as bytes, made once for the block rather than once per line.
  private let lineComments: [[UInt8]]
  private let blockComment: (open: [UInt8], close: [UInt8])?
  private let quotes: [UInt8]

  init(name: String) {
    isDiff = ["diff", "patch"].contains(name.lowercased())
    language = CodeLanguage.named(name)
    lineComments = language?.lineComments.map { Array($0.utf8) } ?? []
    blockComment = language?.blockComment.map { (Array($0.open.utf8), Array($0.close.utf8)) }
    quotes = Array((language?.quotes ?? "").utf8)
  }

  /// The line's runs, each a style.
  mutating func highlight(_ line: String) -> [StyledRun] {
    let bytes = Array(line.utf8)
    return spans(bytes).map { StyledRun(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0.style) }
  }

  /// The line's runs as byte offsets, in order, each a style. (Two offsets, not a Range: an array of a generic
  /// type is made at run time, after a search of the binary's conformances.)
  mutating func spans(_ line: [UInt8]) -> [(start: Int, end: Int, style: TextStyle)] {
    if isDiff { return [(0, line.count, Self.diffStyle(line))] }
    guard let language else { return [(0, line.count, .plain)] }
    var spans: [(start: Int, end: Int, style: TextStyle)] = []
    var plainStart = 0
    var index = 0
    func flush() {
      if plainStart < index { spans.append((plainStart, index, .plain)) }
    }
    func add(_ end: Int, _ style: TextStyle) {
      flush()
      spans.append((index, end, style))
      index = end
      plainStart = end
    }
    func matches(_ pattern: [UInt8], at position: Int) -> Bool {
      position + pattern.count <= line.count && line[position..<(position + pattern.count)].elementsEqual(pattern)
    }
    while index < line.count {
      if inBlockComment, let (_, close) = blockComment {
        var end = index
        while end < line.count && !matches(close, at: end) { end += 1 }
        if end < line.count {
          end += close.count
          inBlockComment = false
        }
        add(end, Self.comment)
        continue
      }
      let byte = line[index]
      // A # comment starts a word: `$#` or `a#b` are not comments.
      if let marker = lineComments.first(where: { matches($0, at: index) }),
        marker != [UInt8(ascii: "#")] || index == 0 || UTF8Scalars.scalar(in: line, before: index).isWhitespace
      {
        add(line.count, Self.comment)
        return spans
      }
      if let (open, _) = blockComment, matches(open, at: index) {
        inBlockComment = true
        add(index + open.count, Self.comment)
        continue
      }
      if quotes.contains(byte) {
        var end = index + 1
        while end < line.count && line[end] != byte {
          end += line[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        add(min(end + 1, line.count), Self.string)
        continue
      }
      let scalar = UTF8Scalars.scalar(in: line, at: index)
      if scalar.isLetter || byte == UInt8(ascii: "_") {
        var end = index
        while end < line.count {
          let next = UTF8Scalars.scalar(in: line, at: end)
          guard next.isWordCharacter || next == "_" else { break }
          end = min(end + UTF8.width(next), line.count)
        }
        let word = String(decoding: line[index..<end], as: UTF8.self)
        if language.keywords.contains(language.caseInsensitive ? word.lowercased() : word) {
          add(end, Self.keyword)
        } else {
          index = end
        }
        continue
      }
      if scalar.isNumber {
        var end = index
        while end < line.count {
          let next = UTF8Scalars.scalar(in: line, at: end)
          guard next.isNumber || next == "." || next == "_" else { break }
          end = min(end + UTF8.width(next), line.count)
        }
        add(end, Self.number)
        continue
      }
      index = min(index + UTF8.width(scalar), line.count)
    }
    flush()
    return spans
  }

  private static func diffStyle(_ line: [UInt8]) -> TextStyle {
    if line.starts(with: "+++".utf8) || line.starts(with: "---".utf8) { return TextStyle(bold: true) }
    if line.first == UInt8(ascii: "+") { return TextStyle(color: 32) }
    if line.first == UInt8(ascii: "-") { return TextStyle(color: 31) }
    if line.starts(with: "@@".utf8) { return TextStyle(color: 36) }
    return .plain
  }
}
