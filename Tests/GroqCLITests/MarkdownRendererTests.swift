import Testing

@testable import GroqCLI

@Suite("Markdown rendered as it streams")
struct MarkdownRendererTests {
  static let document = """
    # A **title** here

    Some *emphasis*, `inline code`, ~~gone~~ and a [link](https://example.com/a) in prose that is long enough \
    to wrap at the edge of a narrow terminal, with 日本語の文字 and emoji 🎉👍🏽 counted as two columns each.

    - first item, which also runs on long enough to wrap under its own text and not under the bullet
    - second with **bold**
      - nested
    1. numbered

    > a quote that is long enough to wrap across two rows of the narrow screen

    ---

    ```swift
    let greeting = "hello" // a comment that runs on past the terminal's right edge and must not be wrapped at all
    ```

    | Name | Age |
    | :--- | --: |
    | Alice | 30 |
    | 李小龙 | 7 |

    Snake_case_words stay, and a stray * stays too.
    """

  /// What the renderer writes for the text fed in `pieces`, as a screen.
  static func screen(_ pieces: [String], columns: Int = 40, height: Int = 1000) -> VirtualScreen {
    var renderer = MarkdownRenderer(columns: columns, rows: height, hyperlinks: true)
    var screen = VirtualScreen(columns: columns, height: height)
    for piece in pieces { screen.write(renderer.feed(piece)) }
    screen.write(renderer.finish())
    return screen
  }

  static func scalars(_ text: String) -> [String] { text.unicodeScalars.map { String($0) } }

  @Test("split at every offset, even inside ** or a fence marker or a character, the screen is the same")
  func everyOffset() {
    let whole = Self.screen([Self.document])
    let scalars = Self.document.unicodeScalars
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let first = String(scalars[..<index])
      let second = String(scalars[index...])
      let split = Self.screen([first, second])
      #expect(split.lines == whole.lines, "split at \(scalars.distance(from: scalars.startIndex, to: index))")
      if split.lines != whole.lines { return }
      index = scalars.index(after: index)
    }
    #expect(Self.screen(Self.scalars(Self.document)).lines == whole.lines)
  }

  @Test("one scalar at a time on narrow screens leaves no duplicated rows")
  func narrow() {
    for columns in [12, 17, 25] {
      let whole = Self.screen([Self.document], columns: columns)
      #expect(Self.screen(Self.scalars(Self.document), columns: columns).lines == whole.lines)
    }
  }

  @Test("markers become styles; prose wraps at words; code does not wrap; tables align")
  func golden() {
    let text = Self.screen([Self.document], columns: 40).text
    #expect(text[0] == "A title here")
    #expect(text.contains("Some emphasis, inline code, gone and a"))
    #expect(text.contains("link (https://example.com/a) in prose"))
    #expect(text.contains("• first item, which also runs on long"))
    #expect(text.contains("  enough to wrap under its own text and"))
    #expect(text.contains("  ◦ nested"))
    #expect(text.contains("1. numbered"))
    #expect(text.contains("│ a quote that is long enough to wrap"))
    #expect(text.contains(String(repeating: "─", count: 40)))
    #expect(text.contains("── swift " + String(repeating: "─", count: 31)))
    #expect(text.contains("let greeting = \"hello\" // a comment that"))
    #expect(text.contains("Name   │ Age"))
    #expect(text.contains("Alice  │  30"))
    #expect(text.contains("李小龙 │   7"))
    #expect(text.contains("Snake_case_words stay, and a stray *"))
    #expect(text.allSatisfy { DisplayWidth.of($0) <= 40 })
  }

  @Test("styles: a heading is bold and coloured, code is tinted, links dim their URL")
  func styles() {
    let screen = Self.screen(["# Head\n", "`x` [a](https://b.c)\n"], columns: 40)
    #expect(screen.lines[0][0].attributes == "1;4;35")
    #expect(screen.lines[1][0].attributes == "33")
    #expect(screen.lines[1][2].attributes == "4;34")
    #expect(screen.lines[1][4].attributes == "2")
  }

  @Test("the line being written shows at once, before its line feed")
  func partialShowsAtOnce() {
    var renderer = MarkdownRenderer(columns: 40, rows: 24, hyperlinks: false)
    #expect(renderer.feed("Hello **wor") == "Hello **wor")
    #expect(renderer.feed("ld") == "ld")
    // The line ends: back to its start, clear, and write it styled.
    #expect(renderer.feed("**\n") == "\r\u{1B}[JHello \u{1B}[1mworld\u{1B}[0m\n")
    // Plain text needs no redraw at all.
    #expect(renderer.feed("plain\n") == "plain\n")
  }

  @Test("a line underlined with === or --- becomes a heading, however the underline arrives")
  func setextHeadings() {
    let text = "Title\n===\n\nSub *x*\n---\n\n- item\n---\nafter\n"
    let whole = Self.screen([text])
    #expect(whole.text == ["Title", "", "Sub x", "", "• item", String(repeating: "─", count: 40), "after"])
    #expect(whole.lines[0][0].attributes == "1;4;35")
    #expect(whole.lines[2][0].attributes == "1;35")
    #expect(whole.lines[2][4].attributes == "1;3;35")
    #expect(Self.screen(Self.scalars(text)).lines == whole.lines)
    #expect(Self.screen(Self.scalars(text), columns: 12).lines == Self.screen([text], columns: 12).lines)
  }

  @Test("a finished line of prose is not written again when the next line is redrawn")
  func proseIsWrittenOnce() {
    var renderer = MarkdownRenderer(columns: 40, rows: 24, hyperlinks: false)
    #expect(renderer.feed("first line\n") == "first line\n")
    #expect(renderer.feed("x **a") == "x **a")
    #expect(renderer.feed("**\n") == "\r\u{1B}[Jx \u{1B}[1ma\u{1B}[0m\n")
  }

  @Test("on a short window a long prose line stays as shown, so the long line after it is still rendered")
  func shortWindow() {
    let line = "**bold** " + String(repeating: "word ", count: 16) + "*end*\n"
    let text = line + line.replacingOccurrences(of: "bold", with: "next") + "after\n"
    let whole = Self.screen([text], columns: 20, height: 8)
    #expect(Self.screen(Self.scalars(text), columns: 20, height: 8).lines == whole.lines)
    #expect(whole.text.filter { $0.contains("next") }.count == 1)
    #expect(!whole.text.joined().contains("*"))
  }

  @Test("four spaces after a blank line are code, left as written and not wrapped; in a list they continue the item")
  func indentedCode() {
    let text = "Text:\n\n    let x = *a* and_b\n\n    more\nafter *b*\n\n- item\n\n    continued *c*\n"
    let screen = Self.screen([text])
    #expect(
      screen.text == [
        "Text:", "", "    let x = *a* and_b", "", "    more", "after b", "", "• item", "", "    continued c",
      ])
    #expect(Self.screen(Self.scalars(text)).lines == screen.lines)
    let long = Self.screen(["Code:\n\n    aaaa bbbb cccc dddd eeee\n"], columns: 20)
    #expect(long.text == ["Code:", "", "    aaaa bbbb cccc d", "ddd eeee"])
  }

  @Test("a line taller than the window is not redrawn, and shows once")
  func tallerThanWindow() {
    let long = String(repeating: "word ", count: 60) + "**end**\n"
    let screen = Self.screen(Self.scalars(long), columns: 20, height: 5)
    #expect(screen.text.joined().replacingOccurrences(of: " ", with: "") == long.dropLast().replacingOccurrences(of: " ", with: ""))
  }

  @Test("a table taller than the window is left as written, once")
  func tallTable() {
    let table = "| n | square |\n|---|---:|\n" + (1...25).map { "| \($0) | \($0 * $0) |\n" }.joined() + "\nafter\n"
    let text = Self.screen(Self.scalars(table), columns: 60, height: 15).text
    #expect(text.filter { $0.contains("625") }.count == 1)
    #expect(text.filter { $0.contains("square") }.count == 1)
    #expect(text.last == "after")
  }

  @Test("escape sequences from the server are shown, never executed")
  func controls() {
    let screen = Self.screen(["a\u{1B}[2Jb\u{1B}]52;c;eA==\u{07}\n"], columns: 40)
    #expect(screen.text == ["a^[[2Jb^[]52;c;eA==^G"])
    #expect(VisibleControls.escape("x\r\ny\rz\u{9B}1m\t") == "x\ny^Mz^[[1m    ")
  }

  @Test("widths: CJK and emoji take two columns, combining marks none")
  func widths() {
    #expect(DisplayWidth.of("日本") == 4)
    #expect(DisplayWidth.of("🎉") == 2)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.cursorRow(after: String(repeating: "x", count: 10), columns: 10) == 0)
    #expect(DisplayWidth.cursorRow(after: String(repeating: "x", count: 11), columns: 10) == 1)
    #expect(DisplayWidth.cursorRow(after: "xxxxxxxxx日", columns: 10) == 1)
    // Styles and links take no room: rendered rows are measured as they show.
    let styled = "\u{1B}[1m" + String(repeating: "x", count: 10) + "\u{1B}[0m\u{1B}]8;;https://a.b\u{1B}\\\u{1B}]8;;\u{1B}\\"
    #expect(DisplayWidth.cursorRow(after: styled, columns: 10) == 0)
    #expect(DisplayWidth.cursorRow(after: styled + "\n日本", columns: 10) == 1)
  }

  @Test("the highlighter colours keywords, strings, comments and diff lines")
  func highlighter() {
    var swift = CodeHighlighter(name: "swift")
    #expect(
      swift.highlight("let x = \"s\" // c") == [
        StyledRun("let", CodeHighlighter.keyword), StyledRun(" x = "), StyledRun("\"s\"", CodeHighlighter.string),
        StyledRun(" "), StyledRun("// c", CodeHighlighter.comment),
      ])
    var sql = CodeHighlighter(name: "SQL")
    #expect(sql.highlight("SELECT 1").first == StyledRun("SELECT", CodeHighlighter.keyword))
    var c = CodeHighlighter(name: "c")
    _ = c.highlight("/* open")
    #expect(c.highlight("still */ int").first == StyledRun("still */", CodeHighlighter.comment))
    var diff = CodeHighlighter(name: "diff")
    #expect(diff.highlight("+added").first?.style.color == 32)
  }
}

@Suite("code blocks for /copy code")
struct CodeBlocksTests {
  @Test("each fence's code, ``` or ~~~, indented fences too, and a block left open by a cut answer")
  func blocks() {
    let answer = "text\n```swift\nlet a = 1\n\nlet b = 2\n```\nmore\n  ~~~~\nx\n~~~~\n```\ncut"
    #expect(CodeBlocks.all(in: answer) == ["let a = 1\n\nlet b = 2\n", "x\n", "cut\n"])
    #expect(CodeBlocks.all(in: "no ``code`` here\n``` a`b\n") == [])
  }
}
