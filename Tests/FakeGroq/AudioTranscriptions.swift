import Foundation

/// `POST /openai/v1/audio/transcriptions` and `/translations` when nothing is scripted: the multipart form checked as
/// Groq checks it, 413 past 25 MB, and a transcript in the format asked for (groq-api.md section 4).
struct AudioTranscriptions {
  let request: RecordedRequest
  let translating: Bool

  /// Groq's direct-upload cap, as the body's size.
  static let uploadLimit = 25 * 1024 * 1024
  static let models = ["whisper-large-v3", "whisper-large-v3-turbo"]
  static let fields: Set<String> = [
    "model", "file", "url", "language", "prompt", "response_format", "temperature", "timestamp_granularities[]",
  ]
  static let extensions = ["flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "opus", "wav", "webm"]
  /// How long each fake segment is.
  static let segmentSeconds = 5.0

  func respond() -> FakeResponse {
    if request.body.count > Self.uploadLimit {
      return .groqError(status: 413, message: "Request Entity Too Large", code: "request_too_large")
    }
    guard let form = MultipartForm(body: request.body, contentType: request.header("Content-Type")) else {
      return Self.invalid("request body must be multipart/form-data")
    }
    if let unknown = form.parts.map(\.name).first(where: { !Self.fields.contains($0) }) {
      return Self.invalid("property '\(unknown)' is unsupported")
    }
    guard let model = form.value("model") else { return Self.invalid("property 'model' is missing") }
    guard Self.models.contains(model) else { return ModelCatalogue.unavailable(model) }
    if translating && model != "whisper-large-v3" {
      return Self.invalid("`\(model)` does not support translations; use `whisper-large-v3`")
    }
    let format = form.value("response_format") ?? "json"
    guard ["json", "text", "verbose_json"].contains(format) else {
      return Self.invalid("response_format must be one of [json text verbose_json]")
    }
    let granularities = form.values("timestamp_granularities[]")
    if let bad = granularities.first(where: { $0 != "word" && $0 != "segment" }) {
      return Self.invalid("timestamp_granularities[] must be one of [word segment], got '\(bad)'")
    }
    if let temperature = form.value("temperature"), !(Double(temperature).map { (0...1).contains($0) } ?? false) {
      return Self.invalid("temperature must be a number between 0 and 1")
    }
    let segments: [FakeSegment]
    if let file = form.file {
      let ext = ((file.filename ?? "") as NSString).pathExtension.lowercased()
      guard Self.extensions.contains(ext) else {
        return Self.invalid("file must be one of the following types: [\(Self.extensions.joined(separator: " "))]")
      }
      guard !file.body.isEmpty else { return Self.invalid("file is empty") }
      segments = FakeAudio.decode(file.body).map(Self.segments(of:)) ?? FakeSegment.greeting
    } else if form.value("url") != nil {
      segments = FakeSegment.greeting
    } else {
      return Self.invalid("either file or url must be provided")
    }

    let text = segments.map(\.text).joined()
    switch format {
    case "text":
      return .text(text + "\n")
    case "json":
      let id = GroqIDs.requestID()
      return .json(
        "{\"text\":\(GroqJSON.string(text)),\"x_groq\":{\"id\":\(GroqJSON.string(id))}}",
        headers: [("x-request-id", id)])
    default:
      let words = granularities.contains("word")
      let withSegments = granularities.isEmpty || granularities.contains("segment")
      return verbose(
        segments, language: translating ? "English" : form.value("language") ?? "English",
        words: words, segments: withSegments)
    }
  }

  /// One segment per 5 s; each "says" the first sample of its stretch (see `FakeAudio`). Silence (a zero marker)
  /// gets Whisper's high no-speech probability, so `--flag-suspect` has something to find.
  static func segments(of wav: FakeAudio.Decoded) -> [FakeSegment] {
    let frameBytes = max(1, wav.channels * wav.bitsPerSample / 8)
    let frames = wav.samples.count / frameBytes
    let duration = Double(frames) / Double(wav.sampleRate)
    var segments: [FakeSegment] = []
    var start = 0.0
    while start < duration - 0.000_5 {
      let end = min(start + segmentSeconds, duration)
      let offset = wav.samples.startIndex + Int((start * Double(wav.sampleRate)).rounded()) * frameBytes
      let marker =
        wav.bitsPerSample == 16 && offset + 1 < wav.samples.endIndex
        ? Int(Int16(bitPattern: UInt16(wav.samples[offset]) | UInt16(wav.samples[offset + 1]) << 8)) : 0
      segments.append(FakeSegment(start: start, end: end, words: ["Second", "\(marker)."], silent: marker == 0))
      start = end
    }
    return segments
  }

  private func verbose(_ segments: [FakeSegment], language: String, words: Bool, segments withSegments: Bool)
    -> FakeResponse
  {
    let id = GroqIDs.requestID()
    let duration = segments.last?.end ?? 0
    var body =
      "{\"task\":\"\(translating ? "translate" : "transcribe")\",\"language\":\(GroqJSON.string(language)),"
      + "\"duration\":\(GroqJSON.seconds(duration)),\"text\":\(GroqJSON.string(segments.map(\.text).joined()))"
    if withSegments {
      body += ",\"segments\":[" + segments.enumerated().map { $1.json(id: $0) }.joined(separator: ",") + "]"
    }
    if words {
      body += ",\"words\":[" + segments.flatMap(\.wordsJSON).joined(separator: ",") + "]"
    }
    body += ",\"x_groq\":{\"id\":\(GroqJSON.string(id))}}"
    return .json(body, headers: [("x-request-id", id)])
  }

  private static func invalid(_ message: String) -> FakeResponse {
    .groqError(status: 400, message: message)
  }
}

/// A stretch of the fake transcript: its time, its words spread evenly over it.
struct FakeSegment {
  let start: Double
  let end: Double
  let words: [String]
  let silent: Bool

  /// The canned answer for audio the fake cannot read (anything but 16-bit WAV, and URLs).
  static let greeting = [
    FakeSegment(start: 0, end: 2.96, words: ["Hello", "there."], silent: false),
    FakeSegment(start: 2.96, end: 6.42, words: ["How", "are", "you?"], silent: false),
  ]

  /// Whisper's segment text starts with a space.
  var text: String { " " + words.joined(separator: " ") }

  func json(id: Int) -> String {
    let quality = silent ? (-0.92, 0.62, 0.93) : (-0.21, 1.12, 0.004)
    return "{\"id\":\(id),\"seek\":\(Int((start * 100).rounded())),\"start\":\(GroqJSON.seconds(start)),"
      + "\"end\":\(GroqJSON.seconds(end)),\"text\":\(GroqJSON.string(text)),\"tokens\":[50365,2425,456,13],"
      + "\"temperature\":0.0,\"avg_logprob\":\(quality.0),\"compression_ratio\":\(quality.1),"
      + "\"no_speech_prob\":\(quality.2)}"
  }

  var wordsJSON: [String] {
    let step = (end - start) / Double(words.count)
    return words.enumerated().map { index, word in
      let bare = word.trimmingCharacters(in: .punctuationCharacters)
      return "{\"word\":\(GroqJSON.string(bare)),\"start\":\(GroqJSON.seconds(start + step * Double(index))),"
        + "\"end\":\(GroqJSON.seconds(start + step * Double(index + 1)))}"
    }
  }
}
