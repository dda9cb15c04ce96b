import Foundation

/// Cuts text too long for one speech request into pieces under a model's input cap: at sentence ends where it can,
/// then between words, and inside a word only when one word is longer than the cap. Pieces never split a
/// character, so every piece is valid UTF-8 and no accent is parted from its letter.
public enum SpeechTextSplitter {
  /// Lengths are counted in Unicode scalars, as a Python server's `len()` counts them.
  public static func length(_ text: some StringProtocol) -> Int { text.unicodeScalars.count }

  public static func split(_ text: String, limit: Int) -> [String] {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard length(trimmed) > limit else { return trimmed.isEmpty ? [] : [trimmed] }
    // Lengths are kept as running counts: measuring the growing piece at each word made long text quadratic.
    var pieces: [String] = []
    var current = ""
    var currentLength = 0
    func flush() {
      if !current.isEmpty { pieces.append(current) }
      current = ""
      currentLength = 0
    }
    func add(_ unit: String, length unitLength: Int) {
      if current.isEmpty {
        (current, currentLength) = (unit, unitLength)
      } else if currentLength + 1 + unitLength <= limit {
        current += " " + unit
        currentLength += 1 + unitLength
      } else {
        flush()
        (current, currentLength) = (unit, unitLength)
      }
    }
    for sentence in sentences(trimmed) {
      let sentenceLength = length(sentence)
      if sentenceLength <= limit {
        add(sentence, length: sentenceLength)
        continue
      }
      for word in sentence.split(whereSeparator: \.isWhitespace).map(String.init) {
        let wordLength = length(word)
        if wordLength <= limit {
          add(word, length: wordLength)
        } else {
          flush()
          pieces += hardSplit(word, limit: limit)
        }
      }
    }
    flush()
    return pieces
  }

  /// Sentences, each ending at `.`, `!`, `?` or `…` followed by white space, at a full-width `。`, `！` or `？`
  /// (Chinese and Japanese put no space after them), or at a blank line.
  static func sentences(_ text: String) -> [String] {
    let enders: Set<Character> = [".", "!", "?", "…"]
    let fullWidthEnders: Set<Character> = ["。", "！", "？"]
    var sentences: [String] = []
    var current = ""
    var previous: Character?
    func end() {
      let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
      if !sentence.isEmpty { sentences.append(sentence) }
      current = ""
    }
    for character in text {
      if character.isWhitespace, let previous, enders.contains(previous) || (previous.isNewline && character.isNewline)
      {
        end()
      } else {
        current.append(character)
        if fullWidthEnders.contains(character) { end() }
      }
      previous = character
    }
    end()
    return sentences.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
  }

  /// A word longer than the cap, cut between characters.
  private static func hardSplit(_ word: String, limit: Int) -> [String] {
    var pieces: [String] = []
    var current = ""
    var currentLength = 0
    for character in word {
      let characterLength = character.unicodeScalars.count
      if currentLength + characterLength > limit && !current.isEmpty {
        pieces.append(current)
        (current, currentLength) = ("", 0)
      }
      current.append(character)
      currentLength += characterLength
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }
}
