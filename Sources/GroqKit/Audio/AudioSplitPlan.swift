import Foundation

/// A stretch of a long recording sent as one request, in seconds from the start of the recording.
public struct AudioPiece: Sendable, Equatable {
  public var start: Double
  public var duration: Double

  public init(start: Double, duration: Double) {
    self.start = start
    self.duration = duration
  }

  public var end: Double { start + duration }
}

/// How a recording too large for one upload is cut: overlapping pieces, each small enough to upload, none shorter
/// than the 10 s Groq bills anyway unless the whole recording is.
public enum AudioSplitPlan {
  /// Files up to this many bytes go whole. Groq's cap is "25 MB"; counted in powers of ten, to stay under it
  /// whichever way the server counts.
  public static let uploadLimit: UInt64 = 25_000_000
  /// Each piece's audio stays under this, leaving room for the multipart envelope and a rewritten header.
  public static let pieceBytes: Double = 24_000_000
  /// Enough for Whisper to finish a sentence cut by a piece's end: the halfway point of the overlap is where one
  /// piece's words give way to the next's.
  public static let overlap: Double = 10
  /// Groq bills anything shorter as 10 s.
  public static let minimumPiece: Double = 10

  /// Pieces covering `duration` seconds of audio that takes `bytesPerSecond`; starts fall on whole seconds.
  public static func pieces(
    duration: Double, bytesPerSecond: Double, maxBytes: Double = pieceBytes, overlap: Double = overlap,
    minimum: Double = minimumPiece
  ) throws(AudioFormatError) -> [AudioPiece] {
    let length = (maxBytes / bytesPerSecond).rounded(.down)
    if length >= duration { return [AudioPiece(start: 0, duration: duration)] }
    guard length > overlap + minimum else {
      throw AudioFormatError("its bit rate is too high to cut it into pieces of at least \(Int(minimum)) s")
    }
    var pieces: [AudioPiece] = []
    var start = 0.0
    while true {
      let end = min(start + length, duration)
      pieces.append(AudioPiece(start: start, duration: end - start))
      if end >= duration { break }
      start += length - overlap
    }
    if var last = pieces.last, pieces.count > 1, last.duration < minimum {
      // A longer overlap with the piece before costs less than a piece billed for time it does not hold.
      last.start = max(0, (duration - minimum).rounded(.down))
      last.duration = duration - last.start
      pieces[pieces.count - 1] = last
    }
    return pieces
  }
}

/// Joins the transcriptions of overlapping pieces into one, as if the recording had been sent whole.
public enum TranscriptMerger {
  /// Each piece's times are shifted by its start. Where two pieces overlap, the earlier one's segments and words
  /// are kept up to the middle of the overlap and the later one's after it, so nothing is said twice; segment ids
  /// are renumbered from 0.
  public static func merge(_ parts: [(piece: AudioPiece, transcription: Transcription)]) -> Transcription {
    guard let first = parts.first else { return Transcription(text: "") }
    if parts.count == 1 && first.piece.start == 0 { return first.transcription }
    var segments: [Transcription.Segment] = []
    var words: [Transcription.Word] = []
    var hasSegments = false
    var hasWords = false
    for (index, part) in parts.enumerated() {
      let offset = part.piece.start
      let from = index == 0 ? -Double.infinity : (offset + parts[index - 1].piece.end) / 2
      let until = index == parts.count - 1 ? Double.infinity : (parts[index + 1].piece.start + part.piece.end) / 2
      if let pieceSegments = part.transcription.segments {
        hasSegments = true
        for var segment in pieceSegments {
          segment.start += offset
          segment.end += offset
          guard segment.start >= from && segment.start < until else { continue }
          segment.seek = segment.seek.map { $0 + Int((offset * 100).rounded()) }
          segment.id = segments.count
          if let previous = segments.last, previous.end > segment.start {
            segments[segments.count - 1].end = segment.start
          }
          segments.append(segment)
        }
      }
      if let pieceWords = part.transcription.words {
        hasWords = true
        for var word in pieceWords {
          word.start += offset
          word.end += offset
          guard word.start >= from && word.start < until else { continue }
          if let previous = words.last, previous.end > word.start { words[words.count - 1].end = word.start }
          words.append(word)
        }
      }
    }
    let text =
      hasSegments
      ? segments.map(\.text).joined()
      : parts.map { $0.transcription.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    let duration = parts.map { $0.piece.start + ($0.transcription.duration ?? $0.piece.duration) }.max()
    return Transcription(
      task: first.transcription.task, language: first.transcription.language, duration: duration, text: text,
      segments: hasSegments ? segments : nil, words: hasWords ? words : nil)
  }
}
