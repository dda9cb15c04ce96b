import Foundation

/// Puts audio spoken piece by piece into one file as each piece arrives, so memory holds one piece rather than all of
/// them twice over (long text at PlayAI's 10,000 characters a request is minutes of audio per piece).
///
/// WAV pieces go under one header: a placeholder first, the samples of each piece after it, and the real RIFF and
/// data sizes written over the placeholder by `finish()`, once the total is known.
public final class AudioJoiner {
  private let output: FileHandle
  private let joining: AudioJoining
  private var format: WAVFormat?
  private var dataLength: UInt64 = 0
  private var pieces = 0
  private let wavLimit: UInt64

  /// The most samples a WAV can hold: its RIFF size is 32 bits, and header, data and pad byte must fit in it.
  public static let wavDataLimit: UInt64 = 0xFFFF_FFFF - 1024

  /// `output` must be seekable (a file) for WAV: its header is rewritten at the end. `wavLimit` is for tests.
  public init(writingTo output: FileHandle, joining: AudioJoining, wavLimit: UInt64 = AudioJoiner.wavDataLimit) {
    self.output = output
    self.joining = joining
    self.wavLimit = wavLimit
  }

  public func append(_ piece: Data) throws {
    pieces += 1
    guard joining == .wav else {
      try output.write(contentsOf: piece)
      return
    }
    let layout: WAVLayout
    do {
      layout = try WAVLayout.parse(piece)
    } catch let error as AudioFormatError {
      throw AudioFormatError("piece \(pieces) of the audio is not a WAV file: \(error.message)")
    }
    if let format {
      guard layout.format == format else {
        throw AudioFormatError("piece \(pieces) of the audio has a different format from the first")
      }
    } else {
      format = layout.format
      try output.write(contentsOf: WAV.header(format: layout.format, dataLength: 0))
    }
    // Over 4 GiB a WAV header cannot say how long it is: refused rather than written with sizes that lie.
    if dataLength + layout.dataLength > wavLimit {
      throw AudioFormatError("the audio is over the 4 GiB a WAV file can hold")
    }
    let start = piece.startIndex + Int(layout.dataOffset)
    try output.write(contentsOf: piece[start..<start + Int(layout.dataLength)])
    dataLength += layout.dataLength
  }

  /// Completes the file: for WAV, the pad byte RIFF wants after odd-length data, and the header's real sizes.
  public func finish() throws {
    guard joining == .wav, let format else { return }
    if dataLength & 1 == 1 { try output.write(contentsOf: Data([0])) }
    try output.seek(toOffset: 0)
    try output.write(contentsOf: WAV.header(format: format, dataLength: dataLength))
  }
}
