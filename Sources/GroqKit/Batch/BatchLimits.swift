/// What the Batch API takes, as of 2026-11 (groq-api.md section 9): one place, so the day Groq moves them is one edit.
public enum BatchLimits {
  /// Lines in one input file.
  public static let maxLines = 50_000
  /// Bytes in one input file. 200 MB, counted in decimal megabytes: the smaller reading, so a file we pass is never
  /// refused by the server.
  public static let maxBytes = 200_000_000
  /// The shortest and longest completion windows, in hours.
  public static let windowHours = 24...168
}

/// Where a batch line is sent. Batch only takes these three; Orpheus (speech) is not available in batch.
public enum BatchEndpoint: String, Sendable, CaseIterable {
  case chat = "/v1/chat/completions"
  case transcriptions = "/v1/audio/transcriptions"
  case translations = "/v1/audio/translations"

  /// The path under the client's base URL (which already ends in `/openai/v1`), for running a line locally.
  public var clientPath: String { String(rawValue.dropFirst("/v1".count)) }
}

/// `--window`: `24h` to `7d`, as hours (`48h`) or days (`2d`), in the form the API takes.
public struct CompletionWindow: Sendable, Equatable {
  public var text: String
  public var hours: Int

  /// nil when the text is not a number of hours or days within `BatchLimits.windowHours`.
  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard let unit = trimmed.last, unit == "h" || unit == "d", let number = Int(trimmed.dropLast()) else { return nil }
    let hours = unit == "d" ? number * 24 : number
    guard BatchLimits.windowHours.contains(hours) else { return nil }
    self.text = trimmed
    self.hours = hours
  }

  public static let standard = CompletionWindow("24h")!
}
