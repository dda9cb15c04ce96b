import Foundation

/// Audio groq cannot read as it expected; the message says what was wrong with which input.
public struct AudioFormatError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The `fmt ` chunk of a WAV file. Its raw bytes are kept, so a rewritten header describes any encoding (PCM, float,
/// mu-law, extensible) exactly as the original did.
public struct WAVFormat: Sendable, Equatable {
  public let chunk: Data
  public let encoding: UInt16
  public let channels: UInt16
  public let sampleRate: UInt32
  public let blockAlign: UInt16
  public let bitsPerSample: UInt16

  init(chunk: Data) throws(AudioFormatError) {
    guard chunk.count >= 16 else { throw AudioFormatError("its fmt chunk is \(chunk.count) bytes, not at least 16") }
    self.init(unchecked: chunk)
    guard channels > 0, sampleRate > 0, blockAlign > 0 else {
      throw AudioFormatError("its fmt chunk says \(channels) channels at \(sampleRate) Hz in \(blockAlign)-byte frames")
    }
  }

  private init(unchecked chunk: Data) {
    self.chunk = chunk
    encoding = chunk.littleEndian(at: 0)
    channels = chunk.littleEndian(at: 2)
    sampleRate = chunk.littleEndian(at: 4)
    blockAlign = chunk.littleEndian(at: 12)
    bitsPerSample = chunk.littleEndian(at: 14)
  }

  /// 16-bit PCM, the format tests and the fake server generate.
  public static func pcm16(sampleRate: UInt32, channels: UInt16 = 1) -> WAVFormat {
    var chunk = Data()
    chunk.appendLittleEndian(UInt16(1))
    chunk.appendLittleEndian(channels)
    chunk.appendLittleEndian(sampleRate)
    chunk.appendLittleEndian(sampleRate * UInt32(channels) * 2)
    chunk.appendLittleEndian(channels * 2)
    chunk.appendLittleEndian(UInt16(16))
    return WAVFormat(unchecked: chunk)
  }

  public var bytesPerSecond: Double { Double(sampleRate) * Double(blockAlign) }
}

/// Where a WAV file's samples are: the format and the byte range of the `data` chunk.
public struct WAVLayout: Sendable, Equatable {
  public let format: WAVFormat
  public let dataOffset: UInt64
  /// Clamped to the bytes really present: streamed WAVs (TTS among them) often declare 0 or 0xFFFFFFFF.
  public let dataLength: UInt64

  public var frameCount: UInt64 { dataLength / UInt64(format.blockAlign) }
  public var duration: Double { Double(frameCount) / Double(format.sampleRate) }

  /// Reads the chunk list through `read(offset, count)`; `size` is the whole file's length.
  static func parse(size: UInt64, read: (UInt64, Int) throws -> Data) throws -> WAVLayout {
    let riff = try read(0, 12)
    guard riff.count == 12, riff.prefix(4) == Data("RIFF".utf8), riff.suffix(4) == Data("WAVE".utf8) else {
      throw AudioFormatError("it does not start with a RIFF/WAVE header")
    }
    var offset: UInt64 = 12
    var format: WAVFormat?
    while offset + 8 <= size {
      let header = try read(offset, 8)
      guard header.count == 8 else { break }
      let id = String(decoding: header.prefix(4), as: UTF8.self)
      let length = UInt64(header.littleEndian(at: 4) as UInt32)
      let body = offset + 8
      if id == "fmt " {
        format = try WAVFormat(chunk: try read(body, Int(min(length, 1 << 16))))
      } else if id == "data" {
        guard let format else { throw AudioFormatError("its data chunk comes before its fmt chunk") }
        var available = size - body
        if length != 0 && length != 0xFFFF_FFFF { available = min(available, length) }
        available -= available % UInt64(format.blockAlign)
        return WAVLayout(format: format, dataOffset: body, dataLength: available)
      }
      offset = body + length + (length & 1)
    }
    throw AudioFormatError(format == nil ? "it has no fmt chunk" : "it has no data chunk")
  }

  /// The layout of a WAV file on disk, reading only its chunk headers.
  public static func parse(fileAt url: URL) throws -> WAVLayout {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    let size = try handle.seekToEnd()
    return try parse(size: size) { offset, count in
      try handle.seek(toOffset: offset)
      return try handle.read(upToCount: count) ?? Data()
    }
  }

  /// The layout of a WAV file in memory.
  public static func parse(_ data: Data) throws -> WAVLayout {
    try parse(size: UInt64(data.count)) { offset, count in
      let start = data.startIndex + Int(min(offset, UInt64(data.count)))
      return data[start..<min(data.endIndex, start + count)]
    }
  }
}

/// Writes WAV headers and files (AudioJoiner joins them).
public enum WAV {
  /// A canonical header: RIFF, the format's own fmt chunk, and a data chunk of `dataLength` bytes.
  public static func header(format: WAVFormat, dataLength: UInt64) -> Data {
    let fmtLength = UInt32(format.chunk.count)
    let fmtPadded = fmtLength + (fmtLength & 1)
    let riffLength = UInt32(clamping: 4 + (8 + UInt64(fmtPadded)) + 8 + dataLength + (dataLength & 1))
    var header = Data("RIFF".utf8)
    header.appendLittleEndian(riffLength)
    header.append(Data("WAVEfmt ".utf8))
    header.appendLittleEndian(fmtLength)
    header.append(format.chunk)
    if fmtLength & 1 == 1 { header.append(0) }
    header.append(Data("data".utf8))
    header.appendLittleEndian(UInt32(clamping: dataLength))
    return header
  }

  /// One WAV of `samples` after a header, for tests and the fake server.
  public static func file(format: WAVFormat, samples: Data) -> Data {
    var file = header(format: format, dataLength: UInt64(samples.count))
    file.append(samples)
    if samples.count & 1 == 1 { file.append(0) }
    return file
  }
}

extension Data {
  func littleEndian<T: FixedWidthInteger>(at offset: Int) -> T {
    var value: T = 0
    for index in 0..<MemoryLayout<T>.size {
      value |= T(self[startIndex + offset + index]) << (8 * index)
    }
    return value
  }

  mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    for index in 0..<MemoryLayout<T>.size { append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
  }
}
