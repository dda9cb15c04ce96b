#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// The secrets this run holds (the API key), hidden from everything groq writes (stdout and stderr) and from saved
/// conversations.
///
/// One place for every string that came from the server: an error's message, a failed generation, an
/// `x-request-id`, a stream's `event: error`, `--json` output all reach the user through `Terminal`, which redacts
/// here, and a
/// conversation is redacted here as it is saved (an answer that quotes the key, or a question it was pasted into).
/// A server that echoes the key back (some compatible servers quote the key they rejected) cannot make groq show it.
/// A streamed token shorter than the key is passed by its length alone, so the answer costs nothing more; a key
/// split across two tokens is not caught.
enum Secrets {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var values: [String] = []
  /// The shortest secret's length in UTF-8 bytes: text shorter than that cannot hold one. Written before any output.
  nonisolated(unsafe) private static var shortest = Int.max

  /// Remembers a secret; keys shorter than 8 characters are kept too (a test's), empty ones are not.
  static func register(_ secret: String) {
    guard !secret.isEmpty else { return }
    lock.withLock {
      if !values.contains(secret) { values.append(secret) }
      shortest = min(shortest, secret.utf8.count)
    }
  }

  /// `data` (UTF-8, JSON) with every registered secret replaced by `gsk_***`.
  static func redact(_ data: Data) -> Data {
    let secrets = lock.withLock { values }
    // Data's range(of:) goes through NSData's generic search, which cost more than encoding a long conversation.
    let found = data.withUnsafeBytes { bytes in
      secrets.contains { secret in holds(bytes, secret) }
    }
    guard found else { return data }
    return Data(redact(String(decoding: data, as: UTF8.self)).utf8)
  }

  /// `text` with every registered secret replaced by `gsk_***`.
  static func redact(_ text: String) -> String {
    guard text.utf8.count >= shortest else { return text }
    let secrets = lock.withLock { values }
    var text = text
    for secret in secrets where holds(text, secret) {
      text = text.replacingOccurrences(of: secret, with: "gsk_***")
    }
    return text
  }

  /// A byte search for the secret. Foundation's `contains` compares character by character with Unicode folding,
  /// which cost more per streamed write than decoding the answer did; a key is ASCII, so bytes decide exactly.
  private static func holds(_ text: String, _ secret: String) -> Bool {
    var text = text
    return text.withUTF8 { holds(UnsafeRawBufferPointer($0), secret) }
  }

  private static func holds(_ haystack: UnsafeRawBufferPointer, _ secret: String) -> Bool {
    var secret = secret
    return secret.withUTF8 { needle in
      guard let hay = haystack.baseAddress, let pin = needle.baseAddress, let first = needle.first,
        haystack.count >= needle.count
      else { return false }
      let last = haystack.count - needle.count
      var start = 0
      // memchr to each candidate first byte, memcmp to confirm (glibc's memmem is not in Swift's Glibc module).
      while start <= last, let hit = memchr(hay + start, Int32(first), last - start + 1) {
        let offset = UnsafeRawPointer(hay).distance(to: UnsafeRawPointer(hit))
        if memcmp(hay + offset, pin, needle.count) == 0 { return true }
        start = offset + 1
      }
      return false
    }
  }
}
