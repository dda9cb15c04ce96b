import Testing

@testable import GroqKit

@Suite("splitting long text for speech")
struct SpeechTextSplitterTests {
  @Test("text under the limit is one piece, trimmed")
  func short() {
    #expect(SpeechTextSplitter.split("  Hello there.\n", limit: 200) == ["Hello there."])
    #expect(SpeechTextSplitter.split(" \n ", limit: 200) == [])
  }

  @Test("whole sentences are packed into each piece")
  func sentences() {
    let text = "One two three. Four five six! Seven eight nine? Ten."
    #expect(SpeechTextSplitter.split(text, limit: 30) == ["One two three. Four five six!", "Seven eight nine? Ten."])
  }

  @Test("a sentence longer than the limit is split between words")
  func words() {
    let pieces = SpeechTextSplitter.split("alpha beta gamma delta epsilon zeta", limit: 12)
    #expect(pieces == ["alpha beta", "gamma delta", "epsilon zeta"])
  }

  @Test("a word longer than the limit is cut between characters, never inside one")
  func longWord() {
    let word = "e\u{301}" + String(repeating: "🎉", count: 5) + "ab"
    let pieces = SpeechTextSplitter.split(word, limit: 3)
    #expect(pieces.joined() == word)
    #expect(pieces.allSatisfy { SpeechTextSplitter.length($0) <= 3 })
    #expect(pieces.first == "e\u{301}🎉")
  }

  @Test("Chinese and Japanese sentences end at a full-width stop, with no space after it")
  func fullWidthStops() {
    #expect(SpeechTextSplitter.sentences("今日は晴れです。明日は雨？はい！") == ["今日は晴れです。", "明日は雨？", "はい！"])
    #expect(SpeechTextSplitter.split("今日は良い天気です。明日は雨です。", limit: 12) == ["今日は良い天気です。", "明日は雨です。"])
  }

  @Test("a blank line ends a sentence even without a full stop")
  func paragraphs() {
    #expect(SpeechTextSplitter.sentences("Title\n\nBody text.") == ["Title", "Body text."])
  }

  @Test(
    "any text: every piece within the limit, every word kept in order",
    arguments: [20, 50, 200])
  func property(limit: Int) {
    let text = (1...120).map { index in
      index % 9 == 0 ? "Satz \(index) über Größe. 日本語の文です。" : "word\(index)"
    }.joined(separator: " ")
    let pieces = SpeechTextSplitter.split(text, limit: limit)
    #expect(pieces.allSatisfy { SpeechTextSplitter.length($0) <= limit })
    #expect(
      pieces.joined(separator: " ").split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
  }
}
