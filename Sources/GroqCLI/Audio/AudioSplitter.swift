import Foundation
import GroqKit

/// A file too large for one upload, cut into pieces that are made one at a time, just before each is sent.
struct AudioSplit: Sendable {
  let pieces: [AudioPiece]
  /// The upload for piece `index`, and a temporary file to remove once it is sent.
  let source: @Sendable (Int) async throws -> (source: AudioSource, temporary: URL?)
  /// Removes whatever the split made (ffmpeg's FLAC); called when all pieces are done.
  let cleanup: @Sendable () -> Void

  /// The upload of a whole file.
  static func whole(_ file: URL, type: AudioFileType, filename: String, duration: Double) -> AudioSplit {
    AudioSplit(
      pieces: [AudioPiece(start: 0, duration: duration)],
      source: { _ in (.upload(filename: filename, type: type, contents: [.file(file)]), nil) }, cleanup: {})
  }

  /// WAV is cut natively, on frame boundaries: each piece is a new header plus a byte range of the original, written
  /// straight into its upload, so nothing is decoded and nothing is copied twice.
  static func wav(_ file: URL, filename: String) throws -> AudioSplit {
    let layout: WAVLayout
    do {
      layout = try WAVLayout.parse(fileAt: file)
    } catch let error as AudioFormatError {
      throw CLIError("cannot split '\(filename)': \(error.message)", status: .usage)
    }
    let format = layout.format
    let pieces = try plan(duration: layout.duration, bytesPerSecond: format.bytesPerSecond, filename: filename)
    let stem = (filename as NSString).deletingPathExtension
    return AudioSplit(
      pieces: pieces,
      source: { index in
        let piece = pieces[index]
        let rate = Double(format.sampleRate)
        let firstFrame = UInt64((piece.start * rate).rounded())
        let endFrame = index == pieces.count - 1 ? layout.frameCount : UInt64((piece.end * rate).rounded())
        let length = (endFrame - firstFrame) * UInt64(format.blockAlign)
        var contents: [MultipartBody.Content] = [
          .bytes(WAV.header(format: format, dataLength: length)),
          .file(file, offset: layout.dataOffset + firstFrame * UInt64(format.blockAlign), length: length),
        ]
        // RIFF pads odd-length data to an even size, and the header's RIFF size counts that byte.
        if length & 1 == 1 { contents.append(.bytes(Data([0]))) }
        return (.upload(filename: "\(stem).part\(index + 1).wav", type: .wav, contents: contents), nil)
      }, cleanup: {})
  }

  /// Other formats go through ffmpeg: first to 16 kHz mono FLAC, which is often small enough to send whole; if not,
  /// pieces of that FLAC.
  static func ffmpeg(_ file: URL, filename: String, size: UInt64, environment: [String: String]) async throws
    -> AudioSplit
  {
    guard let ffmpeg = FFmpeg.locate(path: environment["PATH"]) else {
      throw CLIError(
        "'\(filename)' is \(megabytes(size)), over Groq's 25 MB upload limit, and splitting it needs ffmpeg, "
          + "which is not on PATH",
        hint: "install ffmpeg (apt-get install ffmpeg), or convert it first: "
          + "ffmpeg -i '\(filename)' -ar 16000 -ac 1 -c:a flac out.flac",
        status: .usage)
    }
    let flac = try RunTemporaryDirectory.create("whole-", suffix: ".flac")
    let remove: @Sendable () -> Void = { try? FileManager.default.removeItem(at: flac) }
    do {
      try await ffmpeg.convertToFLAC(file, output: flac)
      let info = try FLACStreamInfo(try readHead(flac))
      let flacSize = try fileSize(flac)
      let stem = (filename as NSString).deletingPathExtension
      if flacSize <= AudioSplitPlan.uploadLimit {
        let whole = whole(flac, type: .flac, filename: stem + ".flac", duration: info.duration)
        return AudioSplit(pieces: whole.pieces, source: whole.source, cleanup: remove)
      }
      let pieces = try plan(
        duration: info.duration, bytesPerSecond: Double(flacSize) / info.duration, filename: filename)
      return AudioSplit(
        pieces: pieces,
        source: { index in
          let piece = try RunTemporaryDirectory.create("piece-", suffix: ".flac")
          try await ffmpeg.convertToFLAC(flac, output: piece, piece: pieces[index])
          let contents: [MultipartBody.Content] = [.file(piece)]
          return (.upload(filename: "\(stem).part\(index + 1).flac", type: .flac, contents: contents), piece)
        }, cleanup: remove)
    } catch let error as AudioFormatError {
      remove()
      throw CLIError("cannot split '\(filename)': ffmpeg's FLAC output: \(error.message)")
    } catch {
      remove()
      throw error
    }
  }

  private static func plan(duration: Double, bytesPerSecond: Double, filename: String) throws -> [AudioPiece] {
    do {
      return try AudioSplitPlan.pieces(duration: duration, bytesPerSecond: bytesPerSecond)
    } catch {
      throw CLIError("cannot split '\(filename)': \(error.message)", status: .usage)
    }
  }

  private static func readHead(_ url: URL) throws -> Data {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    return try handle.read(upToCount: 64) ?? Data()
  }

  static func fileSize(_ url: URL) throws -> UInt64 {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.uint64Value ?? 0
  }

  static func megabytes(_ bytes: UInt64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}
