import Foundation

/// `POST /openai/v1/audio/speech` when nothing is scripted: Groq's checks, then audio. A WAV answer is real 16-bit
/// PCM whose samples spell the input: each character becomes 10 ms of samples holding its scalar value, so a test
/// can read back what was spoken, in what order, from a joined file.
struct AudioSpeech {
  let request: RecordedRequest

  /// The voices and input caps the fake accepts (groq-api.md sections 5 and 5b); nil voices: any name.
  static let models: [String: (voices: [String]?, limit: Int)] = [
    "canopylabs/orpheus-v1-english": (["autumn", "diana", "hannah", "austin", "daniel", "troy"], 200),
    "canopylabs/orpheus-arabic-saudi": (["fahad", "sultan", "lulwa", "noura"], 200),
  ]
  static let formats = ["flac", "mp3", "mulaw", "ogg", "wav"]
  static let sampleRates = [8000, 16000, 22050, 24000, 32000, 44100, 48000]
  static let fields: Set<String> = ["model", "input", "voice", "response_format", "sample_rate", "speed"]

  func respond() -> FakeResponse {
    guard let body = try? request.json() else { return Self.invalid("request body must be a JSON object") }
    if let unknown = body.keys.sorted().first(where: { !Self.fields.contains($0) }) {
      return Self.invalid("property '\(unknown)' is unsupported")
    }
    guard let model = body["model"] as? String else { return Self.invalid("property 'model' is missing") }
    guard let entry = Self.models[model] else { return ModelCatalogue.unavailable(model) }
    guard let input = body["input"] as? String, !input.isEmpty else {
      return Self.invalid("property 'input' is missing")
    }
    guard let voice = body["voice"] as? String else { return Self.invalid("property 'voice' is missing") }
    if let voices = entry.voices, !voices.contains(voice) {
      return Self.invalid("voice must be one of [\(voices.joined(separator: " "))]")
    }
    if input.unicodeScalars.count > entry.limit {
      return Self.invalid("input must be at most \(entry.limit) characters for model `\(model)`")
    }
    let format = body["response_format"] as? String ?? "mp3"
    guard Self.formats.contains(format) else {
      return Self.invalid("response_format must be one of [\(Self.formats.joined(separator: " "))]")
    }
    // Orpheus speaks WAV only (groq-api.md 0b).
    guard format == "wav" else { return Self.invalid("The only supported format is wav") }
    let sampleRate = (body["sample_rate"] as? Int) ?? 48_000
    guard Self.sampleRates.contains(sampleRate) else {
      return Self.invalid("sample_rate must be one of [\(Self.sampleRates.map(String.init).joined(separator: " "))]")
    }
    if let speed = body["speed"], !((speed as? Double).map { (0.5...5).contains($0) } ?? false) {
      return Self.invalid("speed must be between 0.5 and 5")
    }
    switch format {
    case "wav": return .data(Self.wav(input, sampleRate: sampleRate), contentType: "audio/wav")
    case "mp3": return .data(Data([0xFF, 0xFB, 0x90, 0x64]) + Data(input.utf8), contentType: "audio/mpeg")
    case "flac": return .data(Data("fLaC".utf8) + Data(input.utf8), contentType: "audio/flac")
    case "ogg": return .data(Data("OggS".utf8) + Data(input.utf8), contentType: "audio/ogg")
    default: return .data(Data(input.utf8), contentType: "audio/basic")
    }
  }

  static func wav(_ input: String, sampleRate: Int) -> Data {
    let perCharacter = sampleRate / 100
    var samples = Data()
    for scalar in input.unicodeScalars {
      samples.append(FakeAudio.samples(Int16(clamping: Int(scalar.value)), count: perCharacter))
    }
    return FakeAudio.header(sampleRate: sampleRate, dataBytes: samples.count) + samples
  }

  private static func invalid(_ message: String) -> FakeResponse {
    .groqError(status: 400, message: message)
  }
}
