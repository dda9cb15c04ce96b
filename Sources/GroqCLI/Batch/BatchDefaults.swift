import GroqKit

/// The model an audio batch line gets when `-m` names none: the role's default, as transcribe and translate take
/// theirs. Chat lines choose theirs through `ChatRequestOptions`, as groq chat does.
enum BatchDefaults {
  static func audioModel(translating: Bool) -> String {
    ModelRoles.defaultModel(for: translating ? .translation : .transcription)
  }
}
