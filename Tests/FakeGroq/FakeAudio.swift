import Foundation

/// 16-bit PCM WAV for tests and the fake's speech: generated, read back, and "heard" by the fake transcriber.
///
/// The fake cannot recognise speech, so tests put the words in the samples: every sample of second `k` of a
/// generated recording holds a marker value, and the fake transcribes a segment as " Second <marker>." where the
/// marker is the segment's first sample. A transcript of a split recording is then right only if every piece was cut
/// and its timestamps shifted correctly.
public enum FakeAudio {
  /// A WAV header for `dataBytes` of 16-bit mono PCM.
  public static func header(sampleRate: Int, dataBytes: Int) -> Data {
    var header = Data("RIFF".utf8)
    header.append(le32(36 + dataBytes))
    header.append(Data("WAVEfmt ".utf8))
    header.append(le32(16))
    header.append(contentsOf: [1, 0, 1, 0])
    header.append(le32(sampleRate))
    header.append(le32(sampleRate * 2))
    header.append(contentsOf: [2, 0, 16, 0])
    header.append(Data("data".utf8))
    header.append(le32(dataBytes))
    return header
  }

  /// `seconds` of audio whose samples in second k are all `marker(k)`.
  public static func wav(seconds: Int, sampleRate: Int = 16_000, marker: (Int) -> Int16 = { Int16($0) }) -> Data {
    var data = header(sampleRate: sampleRate, dataBytes: seconds * sampleRate * 2)
    for second in 0..<seconds { data.append(samples(marker(second), count: sampleRate)) }
    return data
  }

  /// The same, written to disk a second at a time, for recordings too large to build in memory.
  public static func writeWAV(
    to url: URL, seconds: Int, sampleRate: Int = 16_000, marker: (Int) -> Int16 = { Int16($0) }
  ) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw FakeGroqError("cannot create \(url.path)")
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.write(contentsOf: header(sampleRate: sampleRate, dataBytes: seconds * sampleRate * 2))
    for second in 0..<seconds { try handle.write(contentsOf: samples(marker(second), count: sampleRate)) }
  }

  /// What a WAV holds: its rate, channels, bits per sample, and the bytes of its data chunk.
  public struct Decoded: Sendable {
    public let sampleRate: Int
    public let channels: Int
    public let bitsPerSample: Int
    /// The RIFF size field, to check against the file's length.
    public let riffSize: Int
    public let samples: Data

    /// 16-bit samples as integers.
    public var values: [Int16] {
      stride(from: 0, to: samples.count - 1, by: 2).map {
        Int16(bitPattern: UInt16(samples[samples.startIndex + $0]) | UInt16(samples[samples.startIndex + $0 + 1]) << 8)
      }
    }
  }

  /// Reads a WAV's chunks; nil when it is not a WAV with fmt and data chunks, or the data chunk's size is wrong.
  public static func decode(_ data: Data) -> Decoded? {
    let bytes = [UInt8](data)
    guard bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46], bytes[8..<12] == [0x57, 0x41, 0x56, 0x45]
    else { return nil }
    func u32(_ at: Int) -> Int {
      Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    var at = 12
    var format: (rate: Int, channels: Int, bits: Int)?
    while at + 8 <= bytes.count {
      let id = String(decoding: bytes[at..<at + 4], as: UTF8.self)
      let size = u32(at + 4)
      if id == "fmt " && size >= 16 { format = (u32(at + 12), u16(at + 10), u16(at + 22)) }
      if id == "data", let format {
        guard at + 8 + size <= bytes.count else { return nil }
        return Decoded(
          sampleRate: format.rate, channels: format.channels, bitsPerSample: format.bits, riffSize: u32(4),
          samples: Data(bytes[(at + 8)..<(at + 8 + size)]))
      }
      at += 8 + size + (size & 1)
    }
    return nil
  }

  static func samples(_ value: Int16, count: Int) -> Data {
    var data = Data(count: count * 2)
    data.withUnsafeMutableBytes { raw in
      raw.bindMemory(to: UInt16.self).update(repeating: UInt16(bitPattern: value).littleEndian)
    }
    return data
  }

  private static func le32(_ value: Int) -> Data {
    Data([UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)])
  }
}
