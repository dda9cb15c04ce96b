import Foundation

/// A multipart/form-data body written to a temporary file, so the transport uploads it from disk with a real
/// Content-Length.
///
/// Why a file and not a body stream: on Linux, URLSession sends an `httpBodyStream` chunked and will not take a
/// Content-Length for it (platform-notes section 2), while `uploadTask(fromFile:)` keeps memory flat and sets the
/// length itself. The audio is copied once, in 1 MiB reads; a split piece is written straight into its envelope,
/// so a piece never needs a file of its own.
public struct MultipartBody: Sendable {
  /// Where a part's bytes come from.
  public enum Content: Sendable, Equatable {
    case bytes(Data)
    /// `length` bytes of a file from `offset`; nil length means to the end.
    case file(URL, offset: UInt64 = 0, length: UInt64? = nil)
  }

  public struct FilePart: Sendable, Equatable {
    public var name: String
    public var filename: String
    public var contentType: String
    public var contents: [Content]

    public init(name: String = "file", filename: String, contentType: String, contents: [Content]) {
      self.name = name
      self.filename = filename
      self.contentType = contentType
      self.contents = contents
    }
  }

  /// Text fields, in order; a name may repeat (`timestamp_granularities[]`).
  public var fields: [(name: String, value: String)]
  /// Sent last, as the SDKs do.
  public var file: FilePart?
  public let boundary: String

  public init(fields: [(name: String, value: String)], file: FilePart?, boundary: String? = nil) {
    self.fields = fields
    self.file = file
    self.boundary = boundary ?? "groq-" + UUID().uuidString.lowercased()
  }

  public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

  /// Writes the body to a new temporary file; the caller removes it.
  public func write(in directory: URL = FileManager.default.temporaryDirectory) throws -> URL {
    try Self.write(segments(), in: directory)
  }

  /// The body as it goes on the wire: the envelope's bytes around the file's ranges, which a transport can send
  /// one after the other without a copy of the audio (libcurl does; URLSession needs a file, see `write(_:to:)`).
  public func segments() -> [Content] {
    var head = Data()
    for (name, value) in fields {
      head.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(name))\"\r\n\r\n".utf8))
      head.append(Data(value.utf8))
      head.append(Data("\r\n".utf8))
    }
    if let file {
      head.append(
        Data(
          ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(file.name))\"; "
            + "filename=\"\(Self.escape(file.filename))\"\r\nContent-Type: \(file.contentType)\r\n\r\n").utf8))
    }
    let tail = Data(((file == nil ? "" : "\r\n") + "--\(boundary)--\r\n").utf8)
    return [.bytes(head)] + (file?.contents ?? []) + [.bytes(tail)]
  }

  /// Writes segments to a new temporary file; the caller removes it.
  static func write(_ segments: [Content], in directory: URL = FileManager.default.temporaryDirectory) throws -> URL {
    let url = directory.appendingPathComponent("groq-upload-\(UUID().uuidString).multipart")
    // 0600: it holds the user's audio.
    guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
    else {
      throw GroqError(kind: .invalidResponse, message: "could not create a temporary file in \(directory.path)")
    }
    do {
      let out = try FileHandle(forWritingTo: url)
      defer { try? out.close() }
      try write(segments, to: out)
    } catch {
      try? FileManager.default.removeItem(at: url)
      throw error
    }
    return url
  }

  private static func write(_ segments: [Content], to out: FileHandle) throws {
    for content in segments {
      switch content {
      case .bytes(let data): try out.write(contentsOf: data)
      case .file(let url, let offset, let length): try copy(url, offset: offset, length: length, to: out)
      }
    }
  }

  /// Copies a byte range in bounded reads, so memory stays flat however large the audio.
  private static func copy(_ url: URL, offset: UInt64, length: UInt64?, to out: FileHandle) throws {
    let input = try FileHandle(forReadingFrom: url)
    defer { try? input.close() }
    try input.seek(toOffset: offset)
    var remaining = length ?? UInt64.max
    while remaining > 0 {
      let chunk = try input.read(upToCount: Int(min(remaining, 1 << 20))) ?? Data()
      if chunk.isEmpty { break }
      try out.write(contentsOf: chunk)
      remaining -= UInt64(chunk.count)
    }
  }

  /// Quotes and line breaks would end the header value early.
  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }
}
