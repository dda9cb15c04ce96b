import Foundation

/// A text-to-speech model as groq knows it: its voices and how much text one request may carry.
public struct SpeechModel: Sendable, Equatable {
  public let id: String
  public let language: String
  /// Characters (Unicode scalars) per request.
  public let inputLimit: Int
  /// Empty when groq knows none: the server still decides.
  public let voices: [String]
  /// The formats it answers in; empty when groq does not know.
  public let formats: [String]
  /// Set when Groq shut it down.
  public let retired: Retirement?
}

/// How pieces of one format can be put back together after long text was spoken piece by piece.
public enum AudioJoining: Sendable, Equatable {
  /// Samples back to back under one rewritten header.
  case wav
  /// MPEG audio is a run of self-contained frames: files concatenate.
  case concatenate
  /// Each piece is a whole stream with its own headers; joined, players stop at the first.
  case none
}

/// A format `/audio/speech` can answer in.
public struct SpeechFormat: Sendable, Equatable {
  public let name: String
  public let contentType: String
  public let joining: AudioJoining
}

/// Everything groq knows about Groq's speech models, in one place, because they change (groq-api.md section 5b): the
/// seed-era PlayAI models and the Orpheus models that replaced them. The server stays the authority: a voice not
/// listed here is still sent.
public enum SpeechCatalogue {
  /// The speech models of `ModelRoles`, live ones first.
  public static let models: [SpeechModel] = ModelRoles.known.filter { $0.roles.contains(.speech) }.map { model in
    SpeechModel(
      id: model.id, language: model.language ?? "English", inputLimit: model.inputLimit ?? fallbackInputLimit,
      voices: model.voices.map(\.name), formats: model.formats, retired: model.retired)
  }

  /// Used when the voice is not in the catalogue and no model was named: the speech role's default.
  public static let defaultModel = ModelRoles.defaultModel(for: .speech)

  public static let formats: [SpeechFormat] = [
    SpeechFormat(name: "wav", contentType: "audio/wav", joining: .wav),
    SpeechFormat(name: "mp3", contentType: "audio/mpeg", joining: .concatenate),
    SpeechFormat(name: "flac", contentType: "audio/flac", joining: .none),
    SpeechFormat(name: "ogg", contentType: "audio/ogg", joining: .none),
    SpeechFormat(name: "mulaw", contentType: "audio/basic", joining: .none),
  ]

  public static let sampleRates = [8000, 16000, 22050, 24000, 32000, 44100, 48000]
  public static let speeds: ClosedRange<Double> = 0.5...5

  /// Used for a model groq does not know: the smallest cap it knows, so a split is never too coarse.
  public static let fallbackInputLimit = 200

  public static func model(_ id: String) -> SpeechModel? { models.first { $0.id == id } }

  public static func format(_ name: String) -> SpeechFormat? { formats.first { $0.name == name } }

  /// The voice as `model` spells it, when groq knows it under another case: inference matches voices without
  /// regard to case, and the server would refuse `fritz-playai` for the `Fritz-PlayAI` it matched.
  public static func spelling(of voice: String, in model: String) -> String {
    self.model(model)?.voices.first { $0.caseInsensitiveCompare(voice) == .orderedSame } ?? voice
  }

  /// The models that have this voice, matched without regard to case.
  public static func models(withVoice voice: String) -> [SpeechModel] {
    models.filter { model in model.voices.contains { $0.caseInsensitiveCompare(voice) == .orderedSame } }
  }
}
