import Foundation
import GroqKit

/// Turns a transcription into what `--format`, `--words` and `--segments` ask for.
enum TranscriptRendering {
  static let suspectMark = "[suspect] "

  /// The output for a `verbose_json` answer. `raw` is the server's own body, printed as is when nothing was changed.
  static func render(_ transcription: Transcription, raw: Data?, options: TranscriptionOptions) throws -> String {
    var transcription = transcription
    if options.flagSuspect {
      transcription.segments = transcription.segments?.map { segment in
        var segment = segment
        if segment.isSuspect { segment.suspect = true }
        return segment
      }
    }
    let segments = transcription.segments ?? []
    let marked = { (segment: Transcription.Segment) in
      (segment.suspect == true ? suspectMark : "") + segment.text.trimmingCharacters(in: .whitespaces)
    }
    switch options.format {
    case .verboseJSON:
      if let raw, !options.flagSuspect { return terminated(String(decoding: raw, as: UTF8.self)) }
      return terminated(String(decoding: try transcription.encoded(), as: UTF8.self))
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.withoutEscapingSlashes]
      return terminated(String(decoding: try encoder.encode(["text": transcription.text]), as: UTF8.self))
    case .srt, .vtt, .tsv:
      let cues =
        options.words
        ? transcription.cues(words: true)
        : segments.map { Cue(start: $0.start, end: $0.end, text: marked($0)) }
      return options.format.subtitles?.render(cues) ?? ""
    case .text:
      if options.words {
        return (transcription.words ?? []).map { timed($0.start, $0.end, $0.word.trimmingCharacters(in: .whitespaces)) }
          .joined()
      }
      if options.segments { return segments.map { timed($0.start, $0.end, marked($0)) }.joined() }
      return terminated(transcription.text.trimmingCharacters(in: .whitespaces))
    }
  }

  /// The server's body for `text` and `json`, which groq passes through.
  static func passThrough(_ raw: Data) -> String {
    terminated(String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespaces))
  }

  /// How many segments `--flag-suspect` marked, for stderr.
  static func suspectCount(_ transcription: Transcription) -> (suspect: Int, total: Int) {
    let segments = transcription.segments ?? []
    return (segments.filter(\.isSuspect).count, segments.count)
  }

  /// `start<TAB>end<TAB>text`, times in seconds with two decimals, as Groq gives them.
  private static func timed(_ start: Double, _ end: Double, _ text: String) -> String {
    String(format: "%.2f\t%.2f\t", start, end) + text + "\n"
  }

  private static func terminated(_ text: String) -> String {
    text.hasSuffix("\n") ? text : text + "\n"
  }
}
