import Foundation
import GroqKit

/// Speech as Groq serves it today (groq-api.md 0b, 5b): a default voice when none is given, a live voice standing in
/// for a retired PlayAI one, and WAV converted locally for a model that answers in nothing else.
enum SpeechVoice {
  /// The first voice of the named model, else of the speech role's default model.
  static func defaultVoice(model named: String?) -> String {
    let model = named ?? ModelRoles.defaultModel(for: .speech)
    return SpeechCatalogue.model(model)?.voices.first
      ?? SpeechCatalogue.model(ModelRoles.defaultModel(for: .speech))?.voices.first ?? ""
  }

  /// Whether `candidate` may speak in place of `model`, a default Groq shut down: it has the voice the user chose,
  /// or, with no voice chosen, it speaks the same language (English text read by an Arabic model is no answer). A
  /// model groq does not know may: the server decides.
  static func canStandIn(_ candidate: String, for model: String, voice chosen: String?) -> Bool {
    guard let known = SpeechCatalogue.model(candidate) else { return true }
    if let chosen { return known.voices.contains { $0.caseInsensitiveCompare(chosen) == .orderedSame } }
    return known.language == (SpeechCatalogue.model(model)?.language ?? known.language)
  }

  /// The voice to send to `model`: the chosen one as the model spells it, else the model's first voice.
  static func voice(_ chosen: String?, for model: String) -> String {
    chosen.map { SpeechCatalogue.spelling(of: $0, in: model) } ?? defaultVoice(model: model)
  }

  /// A retired voice mapped to the closest live one (same language, and gender where known), so scripts written
  /// for the seed keep producing audio. Only when no live model was named: `-m` with a live model keeps the voice.
  static func standIn(voice: String, model: String, named: String?)
    -> (voice: String, model: String, notice: String)?
  {
    if let named, ModelRoles.retirement(of: named) == nil { return nil }
    guard let retired = SpeechCatalogue.models(withVoice: voice).first(where: { $0.retired != nil }),
      let date = retired.retired?.date, let stand = ModelRoles.replacementVoice(for: voice)
    else { return nil }
    let spelled = SpeechCatalogue.spelling(of: voice, in: retired.id)
    let family = retired.id.hasPrefix("playai") ? "a PlayAI voice" : "a voice of \(retired.id)"
    return (
      stand.voice, stand.model,
      "\(spelled) was \(family), retired by Groq on \(date); speaking with \(stand.voice) (\(stand.model))"
    )
  }

  /// ffmpeg, when the model answers in fewer formats than the one asked for; nil when it answers in it (or groq
  /// does not know). Without ffmpeg the request is refused before sending, with the command that would convert.
  static func converter(model: String, format: String, path: String?) throws(UsageError) -> FFmpeg? {
    guard let formats = SpeechCatalogue.model(model)?.formats, !formats.isEmpty, !formats.contains(format),
      formats.contains("wav")
    else { return nil }
    guard ["mp3", "flac", "ogg"].contains(format) else {
      throw UsageError(
        "\(model) answers in " + formats.joined(separator: ", ") + " only, and groq cannot convert to \(format)",
        hint: "use --format wav", command: "speak")
    }
    guard let ffmpeg = FFmpeg.locate(path: path) else {
      throw UsageError(
        "\(model) answers in WAV only, and converting to \(format) needs ffmpeg, which is not installed",
        hint:
          "install ffmpeg, or speak WAV and convert: groq speak -o hello.wav ...; ffmpeg -i hello.wav hello.\(format)",
        command: "speak")
    }
    return ffmpeg
  }

  /// Where the spoken WAV waits for ffmpeg: a private temporary file, in the run's private folder.
  static func scratchWAV() throws(CLIError) -> URL {
    try RunTemporaryDirectory.create("speech-", suffix: ".wav")
  }

  /// Converts the WAV and copies the result into the output, removing ffmpeg's file.
  static func convert(_ wav: URL, with ffmpeg: FFmpeg, format: String, into output: FileHandle) async throws {
    let converted = wav.deletingPathExtension().appendingPathExtension(format)
    defer { try? FileManager.default.removeItem(at: converted) }
    try await ffmpeg.convert(wav, to: converted, format: format)
    try output.write(contentsOf: try Data(contentsOf: converted))
  }
}
