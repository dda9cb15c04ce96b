import Foundation

@testable import GroqCLI

extension ConversationStore {
  /// How conversation files were written before `Conversation.fileJSON`: the reference its tests compare with,
  /// and the form of files older groq left behind.
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .internetTime
    return encoder
  }()
}
