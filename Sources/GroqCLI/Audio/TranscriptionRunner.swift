import Foundation
import GroqKit

/// Runs a transcription or translation: resolves the input, uploads it whole or in pieces, one after another
/// (Groq's audio limits count seconds, so parallel uploads only earn 429s), merges, and prints.
struct TranscriptionRunner {
  let options: TranscriptionOptions
  let context: CommandContext
  /// The model that replaced a default Groq shut down, for the rest of the pieces.
  private let healed = HealedModel()

  func run() async throws -> ExitStatus {
    let client = try context.makeClient(
      timeout: options.network.timeout, maxRetries: options.network.maxRetries, deadline: options.network.deadline)
    let file: URL
    let type: AudioFileType
    let filename: String
    switch options.input {
    case .url(let url):
      return try await single(.url(url), client: client, label: "")
    case .file(let url, let fileType):
      (file, type, filename) = (url, fileType, url.lastPathComponent)
    case .stdin:
      let saved = try AudioStdin.save(command: options.task.rawValue, terminal: context.terminal)
      (file, type, filename) = (saved.url, saved.type, "audio." + saved.type.fileExtension)
    }
    defer { if case .stdin = options.input { try? FileManager.default.removeItem(at: file) } }

    let size = try AudioSplit.fileSize(file)
    if size <= AudioSplitPlan.uploadLimit {
      let source = AudioSource.upload(filename: filename, type: type, contents: [.file(file)])
      return try await single(source, client: client, label: "uploading \(filename)", bytes: Int64(size))
    }
    let split =
      type == .wav
      ? try AudioSplit.wav(file, filename: filename)
      : try await AudioSplit.ffmpeg(file, filename: filename, size: size, environment: context.environment)
    defer { split.cleanup() }
    var parts: [(piece: AudioPiece, transcription: Transcription)] = []
    for (index, piece) in split.pieces.enumerated() {
      let (source, temporary) = try await split.source(index)
      defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
      let label = split.pieces.count == 1 ? "uploading \(filename)" : "piece \(index + 1)/\(split.pieces.count)"
      let (transcription, _) = try await upload(
        options.request(source, verbose: true), client: client, label: label, bytes: Int64(pieceSize(source)))
      parts.append((piece, transcription))
    }
    let merged = TranscriptMerger.merge(parts)
    return try print(merged, raw: nil)
  }

  /// One request: straight through for text and json, decoded when timings are needed.
  private func single(_ source: AudioSource, client: GroqClient, label: String, bytes: Int64 = 0) async throws
    -> ExitStatus
  {
    if !options.needsTimings {
      let raw = try await send(options.request(source, verbose: false), client: client, bytes: bytes, label: label) {
        request, progress in
        try await client.transcription(request, uploadProgress: progress)
      }
      try context.terminal.out(TranscriptRendering.passThrough(raw))
      return .success
    }
    let (transcription, raw) = try await upload(
      options.request(source, verbose: true), client: client, label: label, bytes: bytes)
    return try print(transcription, raw: raw)
  }

  private func upload(_ request: TranscriptionRequest, client: GroqClient, label: String, bytes: Int64) async throws
    -> (Transcription, Data)
  {
    try await send(request, client: client, bytes: bytes, label: label) { request, progress in
      try await client.verboseTranscription(request, uploadProgress: progress)
    }
  }

  /// Runs one upload under a progress bar, words a 413 for audio, and heals a default model Groq shut down.
  private func send<T: Sendable>(
    _ request: TranscriptionRequest, client: GroqClient, bytes: Int64, label: String,
    _ body: (TranscriptionRequest, @escaping @Sendable (Int64, Int64) -> Void) async throws -> T
  ) async throws -> T {
    let progress = UploadProgress.make(terminal: context.terminal, label: label, bytes: bytes)
    defer { progress?.finish() }
    var callback: @Sendable (Int64, Int64) -> Void = { _, _ in }
    if let progress { callback = progress.callback }
    do {
      let healing = ModelHealing(role: options.role, context: context, client: client, healed: healed)
      return try await healing.send(model: request.model, userNamed: !options.modelIsDefault, client: client) {
        model in
        var request = request
        request.model = model
        return try await body(request, callback)
      }.result
    } catch let error as GroqError where error.status == 413 {
      var fromURL = false
      if case .url = options.input { fromURL = true }
      throw CLIError(
        "the server refused the audio as too large: \(error.message)",
        hint: fromURL
          ? "Groq fetches at most 40 MB from a URL on the free tier; download it and give the file instead"
          : "groq splits files over 25 MB itself; this server's limit is lower than Groq's")
    }
  }

  private func print(_ transcription: Transcription, raw: Data?) throws -> ExitStatus {
    try context.terminal.out(try TranscriptRendering.render(transcription, raw: raw, options: options))
    if options.flagSuspect {
      let (suspect, total) = TranscriptRendering.suspectCount(transcription)
      context.terminal.err(
        "\(suspect) of \(total) segments suspect (avg_logprob below -1, no_speech_prob above 0.6 "
          + "or compression_ratio above 2.4)\n")
    }
    return .success
  }

  private func pieceSize(_ source: AudioSource) -> UInt64 {
    guard case .upload(_, _, let contents) = source else { return 0 }
    return contents.reduce(0) { total, content in
      switch content {
      case .bytes(let data): return total + UInt64(data.count)
      case .file(let url, _, let length): return total + (length ?? (try? AudioSplit.fileSize(url)) ?? 0)
      }
    }
  }
}
