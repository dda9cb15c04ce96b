import Foundation

/// The audio containers Groq's transcription endpoints accept, with the content type each is uploaded under.
public struct AudioFileType: Sendable, Equatable {
  public let fileExtension: String
  public let contentType: String

  /// Groq's list (groq-api.md section 4), in its order.
  public static let supported: [AudioFileType] = [
    AudioFileType(fileExtension: "flac", contentType: "audio/flac"),
    AudioFileType(fileExtension: "mp3", contentType: "audio/mpeg"),
    AudioFileType(fileExtension: "mp4", contentType: "audio/mp4"),
    AudioFileType(fileExtension: "mpeg", contentType: "audio/mpeg"),
    AudioFileType(fileExtension: "mpga", contentType: "audio/mpeg"),
    AudioFileType(fileExtension: "m4a", contentType: "audio/mp4"),
    AudioFileType(fileExtension: "ogg", contentType: "audio/ogg"),
    AudioFileType(fileExtension: "wav", contentType: "audio/wav"),
    AudioFileType(fileExtension: "webm", contentType: "audio/webm"),
  ]

  public static let wav = supported[7]
  public static let flac = supported[0]

  /// The type for a file name's extension, case-insensitively; nil when Groq would refuse it.
  public static func forPath(_ path: String) -> AudioFileType? {
    let ext = (path as NSString).pathExtension.lowercased()
    return supported.first { $0.fileExtension == ext }
  }

  /// Guesses the type from a file's first bytes, for audio that arrives on stdin without a name.
  public static func sniff(_ head: Data) -> AudioFileType? {
    let bytes = [UInt8](head.prefix(12))
    func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
      bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
    }
    if starts(Array("RIFF".utf8)) && starts(Array("WAVE".utf8), at: 8) { return .wav }
    if starts(Array("fLaC".utf8)) { return .flac }
    if starts(Array("OggS".utf8)) { return supported[6] }
    if starts([0x1A, 0x45, 0xDF, 0xA3]) { return supported[8] }
    if starts(Array("ftyp".utf8), at: 4) { return supported[5] }
    if starts(Array("ID3".utf8)) || (bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) {
      return supported[1]
    }
    return nil
  }
}
