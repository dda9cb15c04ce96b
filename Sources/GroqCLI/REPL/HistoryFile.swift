#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends one line to libedit's history file, in libedit's own format, with one write.
///
/// libedit's `append_history(1, file)` writes the last *two* entries on Debian's libedit (its loop is off by one),
/// so every line was kept twice and the 1000-line cap kept 500. Writing the line ourselves costs a few lines and
/// no version check; two sessions appending at once cannot interleave within one write(2).
enum HistoryFile {
  static let header = "_HiStOrY_V2_\n"

  /// A line as libedit's `strvis(VIS_WHITE)` writes it and `read_history` reads it back: spaces, tabs, line feeds,
  /// other control characters and backslashes as escapes; everything else, UTF-8 included, as it is.
  static func encode(_ line: String) -> String {
    var out: [UInt8] = []
    for byte in line.utf8 {
      switch byte {
      case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
      case 0..<0x21, 0x7F:
        let octal = String(byte, radix: 8)
        out += Array(("\\" + String(repeating: "0", count: 3 - octal.count) + octal).utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `line`, creating the file (owner-only) with libedit's header when it is new or empty.
  static func append(_ line: String, to path: String) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    defer { close(fd) }
    var status = stat()
    var text = encode(line) + "\n"
    if fstat(fd, &status) == 0 && status.st_size == 0 { text = header + text }
    _ = text.withUTF8 { write(fd, $0.baseAddress, $0.count) }
  }
}
