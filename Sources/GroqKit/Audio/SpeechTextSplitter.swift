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
    var pieces: [String] = []
    var current = ""
    func flush() {
      if !current.isEmpty { pieces.append(current) }
      current = ""
    }
    func add(_ unit: String) {
      let joined = current.isEmpty ? unit : current + " " + unit
      if length(joined) <= limit {
        current = joined
      } else {
        flush()
        current = unit
      }
    }
    for sentence in sentences(trimmed) {
      if length(sentence) <= limit {
        add(sentence)
        continue
      }
      for word in sentence.split(whereSeparator: \.isWhitespace).map(String.init) {
        if length(word) <= limit {
          add(word)
        } else {
          flush()
          pieces += hardSplit(word, limit: limit)
        }
      }
    }
    flush()
    return pieces
  }

  /// Sentences, each ending at `.`, `!`, `?` (or their full-width forms) followed by white space, or at a blank line.
  static func sentences(_ text: String) -> [String] {
    let enders: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    var sentences: [String] = []
    var current = ""
    var previous: Character?
    for character in text {
      if character.isWhitespace, let previous, enders.contains(previous) || (previous.isNewline && character.isNewline)
      {
        let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !sentence.isEmpty { sentences.append(sentence) }
        current = ""
      } else {
        current.append(character)
      }
      previous = character
    }
    let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
    if !rest.isEmpty { sentences.append(rest) }
    return sentences.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
  }

  /// A word longer than the cap, cut between characters.
  private static func hardSplit(_ word: String, limit: Int) -> [String] {
    var pieces: [String] = []
    var current = ""
    for character in word {
      if length(current) + length(String(character)) > limit && !current.isEmpty {
        pieces.append(current)
        current = ""
      }
      current.append(character)
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }
}
