/// The JSON body of `POST /audio/speech` (groq-api.md section 5). The format is always sent: the docs disagree on
/// its default.
public struct SpeechRequest: Encodable, Sendable, Equatable {
  public var model: String
  public var input: String
  public var voice: String
  public var responseFormat: String
  public var sampleRate: Int?
  public var speed: Double?

  enum CodingKeys: String, CodingKey {
    case model, input, voice, speed
    case responseFormat = "response_format"
    case sampleRate = "sample_rate"
  }

  public init(
    model: String, input: String, voice: String, responseFormat: String, sampleRate: Int? = nil, speed: Double? = nil
  ) {
    self.model = model
    self.input = input
    self.voice = voice
    self.responseFormat = responseFormat
    self.sampleRate = sampleRate
    self.speed = speed
  }
}
