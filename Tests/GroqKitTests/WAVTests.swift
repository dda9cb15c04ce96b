import Foundation
import Testing

@testable import GroqKit

@Suite("WAV: reading, writing, joining")
struct WAVTests {
  let format = WAVFormat.pcm16(sampleRate: 8000)

  @Test("a written file reads back: format, where the data is, how long it lasts")
  func roundTrip() throws {
    let samples = Data((0..<1600).map { UInt8($0 % 251) })
    let file = WAV.file(format: format, samples: samples)
    #expect(file.count == 44 + 1600)
    let layout = try WAVLayout.parse(file)
    #expect(layout.format == format)
    #expect(layout.format.sampleRate == 8000 && layout.format.channels == 1 && layout.format.bitsPerSample == 16)
    #expect(layout.dataOffset == 44)
    #expect(layout.dataLength == 1600)
    #expect(layout.duration == 0.1)
    #expect(file.littleEndian(at: 4) as UInt32 == UInt32(file.count - 8))
  }

  @Test("chunks before data are skipped, odd-sized ones with their pad byte")
  func extraChunks() throws {
    var file = Data("RIFF".utf8)
    file.appendLittleEndian(UInt32(0))
    file.append(Data("WAVEfmt ".utf8))
    file.appendLittleEndian(UInt32(format.chunk.count))
    file.append(format.chunk)
    file.append(Data("LIST".utf8))
    file.appendLittleEndian(UInt32(3))
    file.append(contentsOf: [1, 2, 3, 0])
    file.append(Data("data".utf8))
    file.appendLittleEndian(UInt32(4))
    file.append(contentsOf: [9, 9, 8, 8])
    let layout = try WAVLayout.parse(file)
    #expect(layout.dataOffset == UInt64(file.count - 4))
    #expect(layout.dataLength == 4)
  }

  @Test("a streamed WAV's unknown data size (0xFFFFFFFF) means the rest of the file, in whole frames")
  func streamedSize() throws {
    var file = WAV.header(format: format, dataLength: 0xFFFF_FFFF)
    file.append(Data(repeating: 1, count: 101))
    let layout = try WAVLayout.parse(file)
    #expect(layout.dataLength == 100)
  }

  @Test("a file on disk parses as the same bytes in memory do")
  func fromDisk() throws {
    let file = WAV.file(format: format, samples: Data(repeating: 7, count: 3200))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wav-\(UUID().uuidString).wav")
    try file.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try WAVLayout.parse(fileAt: url) == WAVLayout.parse(file))
  }

  @Test(
    "what is not a WAV is refused with the reason",
    arguments: [
      (Data("ID3\u{3}".utf8), "RIFF/WAVE"),
      (Data("RIFF\0\0\0\0WAVE".utf8), "no fmt chunk"),
    ])
  func refusesNonWAV(bytes: Data, reason: String) {
    #expect {
      try WAVLayout.parse(bytes)
    } throws: { error in
      (error as? AudioFormatError)?.message.contains(reason) == true
    }
  }

  /// What an AudioJoiner makes of `pieces`, through a real file: WAV's header is rewritten in place at the end.
  static func joined(
    _ pieces: [Data], joining: AudioJoining = .wav, wavLimit: UInt64 = AudioJoiner.wavDataLimit
  ) throws -> Data {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("join-\(UUID().uuidString)")
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forUpdating: url)
    let joiner = AudioJoiner(writingTo: handle, joining: joining, wavLimit: wavLimit)
    for piece in pieces { try joiner.append(piece) }
    try joiner.finish()
    try handle.close()
    return try Data(contentsOf: url)
  }

  @Test("audio past what a WAV header can count (4 GiB) is refused, not written with saturated sizes")
  func joinOverLimit() throws {
    let piece = WAV.file(format: format, samples: Data([1, 0, 2, 0]))
    #expect(AudioJoiner.wavDataLimit < UInt64(UInt32.max))
    #expect(try WAVLayout.parse(Self.joined([piece, piece], wavLimit: 8)).dataLength == 8)
    #expect {
      try Self.joined([piece, piece, piece], wavLimit: 8)
    } throws: { error in
      (error as? AudioFormatError)?.message == "the audio is over the 4 GiB a WAV file can hold"
    }
  }

  @Test("joined pieces are one valid file: samples in order, RIFF and data sizes rewritten, odd data padded")
  func join() throws {
    let first = WAV.file(format: format, samples: Data([1, 0, 2, 0]))
    let second = WAV.file(format: format, samples: Data([3, 0, 4, 0, 5, 0]))
    let joined = try Self.joined([first, second])
    let layout = try WAVLayout.parse(joined)
    #expect(layout.dataLength == 10)
    #expect(joined.suffix(10) == Data([1, 0, 2, 0, 3, 0, 4, 0, 5, 0]))
    #expect(joined.littleEndian(at: 4) as UInt32 == UInt32(joined.count - 8))
    #expect(joined.littleEndian(at: 40) as UInt32 == 10)
  }

  @Test("8-bit pieces of odd total length: the data chunk gets RIFF's pad byte, counted in RIFF's size only")
  func joinOdd() throws {
    var chunk = Data()
    for value in [1, 1] as [UInt16] { chunk.appendLittleEndian(value) }
    for value in [8000, 8000] as [UInt32] { chunk.appendLittleEndian(value) }
    for value in [1, 8] as [UInt16] { chunk.appendLittleEndian(value) }
    let eightBit = try WAVFormat(chunk: chunk)
    let joined = try Self.joined([
      WAV.file(format: eightBit, samples: Data([7])), WAV.file(format: eightBit, samples: Data([8, 9])),
    ])
    #expect(joined.count == 44 + 3 + 1)
    #expect(joined.littleEndian(at: 4) as UInt32 == UInt32(joined.count - 8))
    #expect(joined.littleEndian(at: 40) as UInt32 == 3)
    #expect(try WAVLayout.parse(joined).dataLength == 3)
  }

  @Test("pieces of different formats are not joined")
  func joinMismatch() {
    let first = WAV.file(format: format, samples: Data([1, 0]))
    let second = WAV.file(format: .pcm16(sampleRate: 16000), samples: Data([1, 0]))
    #expect(throws: AudioFormatError.self) { try Self.joined([first, second]) }
  }

  @Test("other formats are concatenated as they come")
  func concatenate() throws {
    #expect(try Self.joined([Data("ab".utf8), Data("c".utf8)], joining: .concatenate) == Data("abc".utf8))
  }
}

@Suite("FLAC STREAMINFO")
struct FLACStreamInfoTests {
  @Test("the sample rate and length come from STREAMINFO")
  func streamInfo() throws {
    // 16 kHz, 1 channel, 16 bits, 160 000 samples: 10 s.
    var head = Data("fLaC".utf8) + Data([0x80, 0, 0, 34])
    head += Data([0x10, 0, 0x10, 0, 0, 0, 0, 0, 0, 0])
    let rate = 16000
    head += Data([UInt8(rate >> 12), UInt8(rate >> 4 & 0xFF), UInt8((rate & 0xF) << 4 | 0 << 1 | 0)])
    head += Data([0xF0 | 0, 0, 0x02, 0x71, 0x00])
    head += Data(repeating: 0, count: 16)
    let info = try FLACStreamInfo(head)
    #expect(info.sampleRate == 16000)
    #expect(info.totalSamples == 160_000)
    #expect(info.duration == 10)
  }

  @Test("anything else is refused")
  func notFLAC() {
    #expect(throws: AudioFormatError.self) { try FLACStreamInfo(Data(repeating: 0, count: 42)) }
  }
}
