import Foundation

extension GroqClient {
  /// Transcribes or translates audio, returning the body as the server sent it: text for `text`, JSON otherwise.
  /// An upload is written once to a temporary multipart file (in `temporaryDirectory`, else the system's) and sent
  /// from disk, retries included.
  public func transcription(
    _ request: TranscriptionRequest, temporaryDirectory: URL? = nil,
    uploadProgress: (@Sendable (Int64, Int64) -> Void)? = nil
  ) async throws -> Data {
    let form = request.multipart
    let bodyFile = try form.write(in: temporaryDirectory ?? FileManager.default.temporaryDirectory)
    defer { try? FileManager.default.removeItem(at: bodyFile) }
    var http = makeRequest("POST", path: request.task.path)
    http.headers.append(("Content-Type", form.contentType))
    http.body = .file(bodyFile)
    http.uploadProgress = uploadProgress
    return try await send(http).body.collect()
  }

  /// A `verbose_json` transcription, decoded, with the raw body.
  public func verboseTranscription(
    _ request: TranscriptionRequest, temporaryDirectory: URL? = nil,
    uploadProgress: (@Sendable (Int64, Int64) -> Void)? = nil
  ) async throws -> (transcription: Transcription, raw: Data) {
    var request = request
    request.responseFormat = .verboseJSON
    let raw = try await transcription(request, temporaryDirectory: temporaryDirectory, uploadProgress: uploadProgress)
    do {
      return (try JSONDecoder().decode(Transcription.self, from: raw), raw)
    } catch {
      throw GroqError(
        kind: .invalidResponse, message: "unexpected response from the server: \(describeDecodingError(error))")
    }
  }

  /// Speaks `request.input`, returning the audio bytes.
  public func speech(_ request: SpeechRequest) async throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    let accept = SpeechCatalogue.format(request.responseFormat)?.contentType ?? "*/*"
    let http = makeRequest("POST", path: "/audio/speech", json: try encoder.encode(request), accept: accept)
    return try await send(http).body.collect(limit: 1 << 30)
  }
}
