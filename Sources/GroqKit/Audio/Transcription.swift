import Foundation

/// A `verbose_json` transcription or translation: the text with segment and word timings (groq-api.md section 4).
/// Everything but `text` is optional, because `json` answers carry only the text.
public struct Transcription: Codable, Sendable, Equatable {
  public var task: String?
  /// Free text: a full name ("English") or a code.
  public var language: String?
  public var duration: Double?
  public var text: String
  public var segments: [Segment]?
  public var words: [Word]?
  public var xGroq: XGroq?

  public struct Segment: Codable, Sendable, Equatable {
    public var id: Int
    public var seek: Int?
    public var start: Double
    public var end: Double
    public var text: String
    public var tokens: [Int]?
    public var temperature: Double?
    public var avgLogprob: Double?
    public var compressionRatio: Double?
    public var noSpeechProb: Double?
    /// Set by groq's `--flag-suspect`, never by the server.
    public var suspect: Bool?

    enum CodingKeys: String, CodingKey {
      case id, seek, start, end, text, tokens, temperature, suspect
      case avgLogprob = "avg_logprob"
      case compressionRatio = "compression_ratio"
      case noSpeechProb = "no_speech_prob"
    }

    public init(
      id: Int, seek: Int? = nil, start: Double, end: Double, text: String, tokens: [Int]? = nil,
      temperature: Double? = nil, avgLogprob: Double? = nil, compressionRatio: Double? = nil,
      noSpeechProb: Double? = nil
    ) {
      self.id = id
      self.seek = seek
      self.start = start
      self.end = end
      self.text = text
      self.tokens = tokens
      self.temperature = temperature
      self.avgLogprob = avgLogprob
      self.compressionRatio = compressionRatio
      self.noSpeechProb = noSpeechProb
    }

    /// Past Whisper's own fallback thresholds: the model itself would have distrusted this segment.
    public var isSuspect: Bool {
      (avgLogprob.map { $0 < -1 } ?? false) || (noSpeechProb.map { $0 > 0.6 } ?? false)
        || (compressionRatio.map { $0 > 2.4 } ?? false)
    }
  }

  public struct Word: Codable, Sendable, Equatable {
    public var word: String
    public var start: Double
    public var end: Double

    public init(word: String, start: Double, end: Double) {
      self.word = word
      self.start = start
      self.end = end
    }
  }

  public struct XGroq: Codable, Sendable, Equatable {
    public var id: String?
  }

  enum CodingKeys: String, CodingKey {
    case task, language, duration, text, segments, words
    case xGroq = "x_groq"
  }

  public init(
    task: String? = nil, language: String? = nil, duration: Double? = nil, text: String,
    segments: [Segment]? = nil, words: [Word]? = nil
  ) {
    self.task = task
    self.language = language
    self.duration = duration
    self.text = text
    self.segments = segments
    self.words = words
  }

  /// The JSON groq prints for a transcription it built or changed (merged pieces, flagged segments).
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    return try encoder.encode(self)
  }
}

/// The Whisper models groq knows, as data: what each can do decides errors before a long upload.
public struct TranscriptionModel: Sendable, Equatable {
  public let id: String
  public let canTranslate: Bool

  /// The transcription models of `ModelRoles`: only whisper-large-v3 translates (groq-api.md section 4).
  public static let known: [TranscriptionModel] = ModelRoles.known.filter { $0.roles.contains(.transcription) }.map {
    TranscriptionModel(id: $0.id, canTranslate: $0.translates)
  }

  public static func named(_ id: String) -> TranscriptionModel? { known.first { $0.id == id } }
}

/// Where Groq finds the audio.
public enum AudioSource: Sendable, Equatable {
  /// Uploaded: the file's name and type, and its bytes (a whole file, or a rewritten header plus a range of one).
  case upload(filename: String, type: AudioFileType, contents: [MultipartBody.Content])
  /// Fetched by Groq itself.
  case url(String)
}

/// One request to `/audio/transcriptions` or `/audio/translations`.
public struct TranscriptionRequest: Sendable, Equatable {
  public enum Task: String, Sendable {
    case transcribe, translate

    var path: String { self == .transcribe ? "/audio/transcriptions" : "/audio/translations" }
  }

  /// The formats the API itself produces (srt and vtt are not among them).
  public enum ResponseFormat: String, Sendable {
    case json, text
    case verboseJSON = "verbose_json"
  }

  public enum Granularity: String, Sendable {
    case word, segment
  }

  public var task: Task
  public var model: String
  public var source: AudioSource
  public var language: String?
  public var prompt: String?
  public var temperature: Double?
  public var responseFormat: ResponseFormat
  public var granularities: [Granularity]

  public init(
    task: Task, model: String, source: AudioSource, language: String? = nil, prompt: String? = nil,
    temperature: Double? = nil, responseFormat: ResponseFormat = .json, granularities: [Granularity] = []
  ) {
    self.task = task
    self.model = model
    self.source = source
    self.language = language
    self.prompt = prompt
    self.temperature = temperature
    self.responseFormat = responseFormat
    self.granularities = granularities
  }

  /// The multipart form: text fields first, one `timestamp_granularities[]` part per value, the file last.
  public var multipart: MultipartBody {
    var fields: [(name: String, value: String)] = [("model", model)]
    if case .url(let url) = source { fields.append(("url", url)) }
    if let language { fields.append(("language", language)) }
    if let prompt { fields.append(("prompt", prompt)) }
    fields.append(("response_format", responseFormat.rawValue))
    if let temperature { fields.append(("temperature", String(temperature))) }
    for granularity in granularities { fields.append(("timestamp_granularities[]", granularity.rawValue)) }
    var file: MultipartBody.FilePart?
    if case .upload(let filename, let type, let contents) = source {
      file = MultipartBody.FilePart(filename: filename, contentType: type.contentType, contents: contents)
    }
    return MultipartBody(fields: fields, file: file)
  }
}
