/// What the highlighter knows of a language: a table row, not code.
struct CodeLanguage: Sendable {
  var names: Set<String>
  var keywords: Set<String>
  var lineComments: [String] = []
  var blockComment: (open: String, close: String)?
  var quotes: Set<Character> = ["\"", "'"]
  /// SQL's keywords are matched in any case.
  var caseInsensitive = false

  private static func words(_ text: String) -> Set<String> { Set(text.split(separator: " ").map(String.init)) }

  static let all: [CodeLanguage] = [
    CodeLanguage(
      names: ["swift"],
      keywords: words(
        "let var func if else guard return struct class enum protocol extension import for in while repeat switch "
          + "case default break continue throw throws try catch do async await self Self nil true false init deinit "
          + "static private fileprivate internal public open mutating inout some any where defer actor"),
      lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\""]),
    CodeLanguage(
      names: ["python", "py", "python3"],
      keywords: words(
        "def class if elif else return import from as for in while try except finally raise with lambda yield "
          + "pass break continue and or not is None True False async await global nonlocal self"),
      lineComments: ["#"]),
    CodeLanguage(
      names: ["javascript", "js", "typescript", "ts", "jsx", "tsx", "node"],
      keywords: words(
        "const let var function return if else for while do switch case default break continue new this class "
          + "extends import export from async await try catch finally throw typeof instanceof in of null "
          + "undefined true false interface type enum implements"),
      lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\"", "'", "`"]),
    CodeLanguage(
      names: ["go", "golang"],
      keywords: words(
        "func package import var const type struct interface map chan go defer if else for range return switch "
          + "case default break continue select nil true false"),
      lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\"", "`", "'"]),
    CodeLanguage(
      names: ["rust", "rs"],
      keywords: words(
        "fn let mut const static struct enum trait impl pub use mod crate self Self super if else match for in "
          + "while loop return break continue move ref as where async await dyn true false unsafe"),
      lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\""]),
    CodeLanguage(
      names: ["c", "cpp", "c++", "h", "hpp", "cc", "cxx"],
      keywords: words(
        "int char float double void long short unsigned signed const static struct union enum typedef if else "
          + "for while do switch case default break continue return sizeof class public private protected "
          + "template typename namespace using new delete auto bool true false nullptr include define"),
      lineComments: ["//"], blockComment: ("/*", "*/")),
    CodeLanguage(
      names: ["java", "kotlin", "kt"],
      keywords: words(
        "public private protected static final class interface extends implements new return if else for while "
          + "do switch case default break continue try catch finally throw throws import package void int long "
          + "boolean char double float this super null true false var val fun"),
      lineComments: ["//"], blockComment: ("/*", "*/")),
    CodeLanguage(
      names: ["sh", "bash", "shell", "zsh", "console", "shellscript"],
      keywords: words(
        "if then else elif fi for while until do done case esac function in return export local echo cd exit"),
      lineComments: ["#"]),
    CodeLanguage(names: ["json", "jsonc"], keywords: words("true false null"), quotes: ["\""]),
    CodeLanguage(
      names: ["yaml", "yml"], keywords: words("true false null yes no on off"), lineComments: ["#"]),
    CodeLanguage(
      names: ["sql", "postgres", "mysql", "sqlite"],
      keywords: words(
        "select from where insert into values update set delete create table index drop alter join left right "
          + "inner outer on group by order having limit offset as and or not null is in primary key foreign "
          + "references distinct union all case when then else end"),
      lineComments: ["--"], blockComment: ("/*", "*/"), quotes: ["'"], caseInsensitive: true),
  ]

  static func named(_ name: String) -> CodeLanguage? {
    let name = name.lowercased()
    return all.first { $0.names.contains(name) }
  }
}

/// Colours a fenced code block line by line: keywords, strings, comments and numbers, and a diff's added and
/// removed lines. State carries across lines only for block comments. Never wraps or changes the text.
struct CodeHighlighter {
  static let keyword = TextStyle(color: 35)
  static let string = TextStyle(color: 32)
  static let comment = TextStyle(color: 90)
  static let number = TextStyle(color: 36)

  let language: CodeLanguage?
  let isDiff: Bool
  private var inBlockComment = false

  init(name: String) {
    isDiff = ["diff", "patch"].contains(name.lowercased())
    language = CodeLanguage.named(name)
  }

  mutating func highlight(_ line: String) -> [StyledRun] {
    if isDiff { return [StyledRun(line, Self.diffStyle(line))] }
    guard let language else { return [StyledRun(line)] }
    let characters = Array(line)
    var runs: [StyledRun] = []
    var plain = ""
    var index = 0
    func flush() {
      if !plain.isEmpty { runs.append(StyledRun(plain)) }
      plain = ""
    }
    func matches(_ text: String, at position: Int) -> Bool {
      let pattern = Array(text)
      return position + pattern.count <= characters.count
        && characters[position..<(position + pattern.count)].elementsEqual(pattern)
    }
    while index < characters.count {
      if inBlockComment, let (_, close) = language.blockComment {
        var end = index
        while end < characters.count && !matches(close, at: end) { end += 1 }
        if end < characters.count {
          end += close.count
          inBlockComment = false
        }
        runs.append(StyledRun(String(characters[index..<end]), Self.comment))
        index = end
        continue
      }
      let character = characters[index]
      let atWordStart = index == 0 || characters[index - 1].isWhitespace
      if let marker = language.lineComments.first(where: { matches($0, at: index) }),
        marker != "#" || atWordStart
      {
        flush()
        runs.append(StyledRun(String(characters[index...]), Self.comment))
        return runs
      }
      if let (open, _) = language.blockComment, matches(open, at: index) {
        flush()
        inBlockComment = true
        runs.append(StyledRun(open, Self.comment))
        index += open.count
        continue
      }
      if language.quotes.contains(character) {
        flush()
        var end = index + 1
        while end < characters.count && characters[end] != character {
          end += characters[end] == "\\" ? 2 : 1
        }
        end = min(end + 1, characters.count)
        runs.append(StyledRun(String(characters[index..<end]), Self.string))
        index = end
        continue
      }
      if character.isLetter || character == "_" {
        var end = index
        while end < characters.count && (characters[end].isLetter || characters[end].isNumber || characters[end] == "_")
        {
          end += 1
        }
        let word = String(characters[index..<end])
        let key = language.caseInsensitive ? word.lowercased() : word
        if language.keywords.contains(key) {
          flush()
          runs.append(StyledRun(word, Self.keyword))
        } else {
          plain += word
        }
        index = end
        continue
      }
      if character.isNumber {
        flush()
        var end = index
        while end < characters.count && (characters[end].isNumber || characters[end] == "." || characters[end] == "_") {
          end += 1
        }
        runs.append(StyledRun(String(characters[index..<end]), Self.number))
        index = end
        continue
      }
      plain.append(character)
      index += 1
    }
    flush()
    return runs
  }

  private static func diffStyle(_ line: String) -> TextStyle {
    if line.hasPrefix("+++") || line.hasPrefix("---") { return TextStyle(bold: true) }
    if line.hasPrefix("+") { return TextStyle(color: 32) }
    if line.hasPrefix("-") { return TextStyle(color: 31) }
    if line.hasPrefix("@@") { return TextStyle(color: 36) }
    return .plain
  }
}
