import Foundation

/// Numbers as people read them in a terminal.
enum Format {
  /// One decimal: "5.3".
  static func seconds(_ value: Double) -> String { String(format: "%.1f", value) }

  /// Without a trailing ".0": "2", "0.5".
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// Thousands separated: "131,072".
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return (value < 0 ? "-" : "") + result
  }

  /// Milliseconds below a second, seconds above: "0.4 ms", "21 ms", "1.24 s".
  static func duration(_ seconds: Double) -> String {
    if seconds < 0.01 { return String(format: "%.1f ms", seconds * 1000) }
    return seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
  }

  /// A reset time as Groq's headers write it, to the second past a minute: "7.7s", "2m59s", "1h2m3s".
  static func resetTime(_ seconds: Double) -> String {
    if seconds < 60 { return String(format: "%.1fs", seconds) }
    let whole = Int(seconds.rounded())
    return (whole >= 3600 ? "\(whole / 3600)h" : "") + "\(whole / 60 % 60)m\(whole % 60)s"
  }
}
