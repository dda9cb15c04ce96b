import Foundation
import GroqKit

/// Images for vision models: an http(s) URL goes as it is; a local file goes as a base64 data URL whose MIME type
/// comes from its first bytes, never its name. The REPL's `/attach` uses the same checks.
enum ImageAttachment {
  /// Groq refuses (413) a request whose base64 images pass 4 MB; checked here, before anything is sent.
  static let base64Cap = 4 * 1024 * 1024
  /// More than this works but is past what Groq recommends.
  static let recommendedCount = 5

  /// The content part for a path or URL, with every check that can be made without the network.
  static func part(for source: String, command: String?) throws(UsageError) -> ContentPart {
    let lowered = source.lowercased()
    if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") { return .image(url: source) }
    if lowered.hasPrefix("data:") || source.range(of: "^[A-Za-z][A-Za-z0-9+.-]*://", options: .regularExpression) != nil
    {
      throw UsageError(
        "unsupported image address '\(source)'", hint: "give an http(s) URL or a local file's path", command: command)
    }
    return .image(url: try dataURL(path: source, command: command))
  }

  /// `data:image/png;base64,…` for a local file.
  static func dataURL(path: String, command: String?) throws(UsageError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw UsageError("image file not found: \(path)", command: command)
    }
    if isDirectory.boolValue { throw UsageError("\(path) is a directory, not an image", command: command) }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    // Refused by size first, so a huge file is never read into memory.
    if base64Length(size) > base64Cap { throw overCap(base64Length(size), command: command) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw UsageError("cannot read image file \(path)", command: command)
    }
    if data.isEmpty { throw UsageError("image file \(path) is empty", command: command) }
    guard let type = mimeType(of: data) else {
      throw UsageError(
        "\(path) is not a JPEG, PNG, WebP or GIF image", hint: "vision models take only these four formats",
        command: command)
    }
    return "data:\(type);base64," + data.base64EncodedString()
  }

  /// The MIME type from the file's magic bytes, or nil for anything but the four formats Groq takes.
  static func mimeType(of data: Data) -> String? {
    let bytes = [UInt8](data.prefix(12))
    func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
      bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
    }
    if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
    if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
    if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
    if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
    return nil
  }

  /// Refuses a set of images whose base64 data passes the cap together.
  static func checkTotal(_ parts: [ContentPart], command: String?) throws(UsageError) {
    let total = parts.reduce(0) { sum, part in
      guard let url = part.imageURL?.url, url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else {
        return sum
      }
      return sum + url.utf8.distance(from: url.utf8.index(after: comma), to: url.utf8.endIndex)
    }
    if total > base64Cap { throw overCap(total, command: command) }
  }

  /// The warning for more images than Groq recommends, if there are.
  static func countWarning(_ count: Int) -> String? {
    count > recommendedCount ? "\(count) images; Groq recommends at most \(recommendedCount) per request" : nil
  }

  /// The user's message: the text first, then the images.
  static func message(prompt: String, images: [ContentPart]) -> ChatMessage {
    images.isEmpty ? .user(prompt) : ChatMessage(role: .user, content: .parts([.text(prompt)] + images))
  }

  private static func base64Length(_ bytes: Int) -> Int { (bytes + 2) / 3 * 4 }

  private static func overCap(_ length: Int, command: String?) -> UsageError {
    let megabytes = String(format: "%.1f", Double(length) / 1_048_576)
    return UsageError(
      "the images come to \(megabytes) MB as base64; Groq takes at most 4 MB of base64 images per request",
      hint: "send fewer or smaller images, or give them as https URLs", command: command)
  }
}
