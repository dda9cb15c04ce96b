import GroqKit

/// The models a batch line gets when `-m` names none. One place, so that the day chat's default comes from the
/// model roles, batch follows with one edit.
enum BatchDefaults {
  static var chatModel: String { ChatCommand.defaultModel }

  static func audioModel(translating: Bool) -> String {
    TranscriptionOptions.defaultModel(translating ? .translate : .transcribe)
  }
}
