import Foundation

/// The length of a FLAC stream, from its STREAMINFO block: what planning a split of ffmpeg's output needs.
public struct FLACStreamInfo: Sendable, Equatable {
  public let sampleRate: Int
  public let totalSamples: UInt64

  public var duration: Double { Double(totalSamples) / Double(sampleRate) }

  /// STREAMINFO is the first metadata block, right after the `fLaC` marker (RFC 9639 section 8.2).
  public init(_ head: Data) throws(AudioFormatError) {
    let bytes = [UInt8](head.prefix(42))
    guard bytes.count == 42, bytes[0..<4] == [0x66, 0x4C, 0x61, 0x43], bytes[4] & 0x7F == 0 else {
      throw AudioFormatError("it is not a FLAC stream with STREAMINFO first")
    }
    let info = Array(bytes[8...])
    sampleRate = Int(info[10]) << 12 | Int(info[11]) << 4 | Int(info[12]) >> 4
    totalSamples =
      UInt64(info[13] & 0x0F) << 32 | UInt64(info[14]) << 24 | UInt64(info[15]) << 16
      | UInt64(info[16]) << 8 | UInt64(info[17])
    guard sampleRate > 0, totalSamples > 0 else { throw AudioFormatError("its STREAMINFO gives no length") }
  }
}
