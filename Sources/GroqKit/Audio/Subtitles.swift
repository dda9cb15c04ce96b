import Foundation

/// One timed line of a subtitle file.
public struct Cue: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var text: String

  public init(start: Double, end: Double, text: String) {
    self.start = start
    self.end = end
    self.text = text
  }
}

/// Subtitle files built from a transcription's timings: the API makes none itself (groq-api.md section 4).
public enum SubtitleFormat: String, Sendable, CaseIterable {
  case srt, vtt, tsv

  public func render(_ cues: [Cue]) -> String {
    switch self {
    case .srt:
      return cues.enumerated().map { index, cue in
        "\(index + 1)\n\(Self.clock(cue.start, ",")) --> \(Self.clock(cue.end, ","))\n\(Self.line(cue.text))\n"
      }.joined(separator: "\n")
    case .vtt:
      return "WEBVTT\n\n"
        + cues.map {
          "\(Self.clock($0.start, ".")) --> \(Self.clock($0.end, "."))\n\(Self.escaped(Self.line($0.text)))\n"
        }
        .joined(separator: "\n")
    case .tsv:
      // Whisper's own tsv: integer milliseconds, so spreadsheets and awk need no time parsing.
      return "start\tend\ttext\n"
        + cues.map { "\(Self.milliseconds($0.start))\t\(Self.milliseconds($0.end))\t\(Self.line($0.text))\n" }
        .joined()
    }
  }

  /// `HH:MM:SS,mmm` (srt) or `HH:MM:SS.mmm` (vtt).
  static func clock(_ seconds: Double, _ separator: String) -> String {
    let total = milliseconds(seconds)
    let (hours, minutes) = (total / 3_600_000, total / 60_000 % 60)
    let (wholeSeconds, millis) = (total / 1000 % 60, total % 1000)
    return pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(wholeSeconds, 2) + separator + pad(millis, 3)
  }

  static func milliseconds(_ seconds: Double) -> Int { Int((max(0, seconds) * 1000).rounded()) }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// One line of cue text: no line breaks (a blank line ends an srt or vtt cue, any ends a tsv row), no tab (it would
  /// start a tsv column) and no arrow (it would start a new cue).
  private static func line(_ text: String) -> String {
    text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
      .replacingOccurrences(of: "-->", with: "->").trimmingCharacters(in: .whitespaces)
  }

  /// WebVTT cue text is markup: `<` opens a tag and `&` an entity, so "R&D <draft>" must be escaped to show as
  /// said. `>` needs no escape.
  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
  }
}

extension Transcription {
  /// One cue per segment, or per word when `words` is true.
  public func cues(words: Bool) -> [Cue] {
    if words { return (self.words ?? []).map { Cue(start: $0.start, end: $0.end, text: $0.word) } }
    return (segments ?? []).map { Cue(start: $0.start, end: $0.end, text: $0.text) }
  }
}
