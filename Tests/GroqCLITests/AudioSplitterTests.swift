import Foundation
import Testing

@testable import GroqCLI
@testable import GroqKit

@Suite struct AudioSplitterTests {
  @Test("each WAV piece is exactly as long as its header's RIFF size says, odd-length 8-bit data padded")
  func wavPieceSizes() async throws {
    // 8 kHz 8-bit mono, one byte a frame: an odd number of frames makes the last piece's data odd.
    var fmt = Data()
    for value in [1, 1] as [UInt16] { fmt.appendLittleEndian(value) }
    for value in [8000, 8000] as [UInt32] { fmt.appendLittleEndian(value) }
    for value in [1, 8] as [UInt16] { fmt.appendLittleEndian(value) }
    let dataLength: UInt64 = 25_100_001
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString).wav")
    defer { try? FileManager.default.removeItem(at: url) }
    let head = WAV.header(format: try WAVFormat(chunk: fmt), dataLength: dataLength)
    #expect(FileManager.default.createFile(atPath: url.path, contents: head))
    // Sparse: the silence costs no disk.
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: UInt64(head.count) + dataLength + 1)
    try handle.close()

    let split = try AudioSplit.wav(url, filename: "long.wav")
    #expect(split.pieces.count == 2)
    for index in split.pieces.indices {
      guard case .upload(_, _, let contents) = try await split.source(index).source,
        case .bytes(let header) = contents.first
      else {
        Issue.record("piece \(index) is not an upload that starts with a header")
        continue
      }
      let sent = contents.reduce(UInt64(0)) { total, content in
        switch content {
        case .bytes(let bytes): return total + UInt64(bytes.count)
        case .file(_, _, let length): return total + (length ?? 0)
        }
      }
      #expect(UInt64(header.littleEndian(at: 4) as UInt32) + 8 == sent, "piece \(index)")
    }
  }
}
