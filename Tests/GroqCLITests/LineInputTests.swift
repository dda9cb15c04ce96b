import Testing

@testable import GroqCLI

@Suite("keys and history for the line editor")
struct LineInputTests {
  static func characters(_ paste: inout BracketedPaste) -> String {
    var text = ""
    while let next = paste.next() { text.unicodeScalars.append(Unicode.Scalar(next)!) }
    return text
  }

  @Test("a paste of several lines becomes a placeholder, restored in the finished line; split reads wait for its end")
  func paste() {
    var paste = BracketedPaste()
    paste.append(Array("ab\u{1B}[200~one\r\ntwo\rthr".utf8))
    #expect(paste.waitsForPasteEnd)
    #expect(paste.next() == nil)
    paste.append(Array("ee\n\u{1B}[201~é".utf8))
    #expect(Self.characters(&paste) == "ab[pasted 3 lines]é")
    #expect(paste.restore("ab[pasted 3 lines]é") == "abone\ntwo\nthreeé")
    #expect(paste.restore("no paste") == nil)
    paste.append(Array("\u{1B}[200~one\tline\u{1B}[201~".utf8))
    #expect(Self.characters(&paste) == "oneline")
    paste.append(Array(("\u{1B}[200~" + String(repeating: "x", count: 600) + "\u{1B}[201~").utf8))
    #expect(Self.characters(&paste) == "[pasted 600 characters]")
  }

  @Test("history lines are written as libedit writes them")
  func historyEncoding() {
    #expect(HistoryFile.encode("a b\\c\tä") == "a\\040b\\\\c\\011ä")
  }
}
