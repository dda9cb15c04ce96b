import Foundation

extension GroqClient {
  /// Transcribes or translates audio, returning the body as the server sent it: text for `text`, JSON otherwise.
  /// The multipart body goes as its pieces: libcurl reads the audio file in place, retries included.
  public func transcription(
    _ request: TranscriptionRequest, uploadProgress: (@Sendable (Int64, Int64) -> Void)? = nil
  ) async throws -> Data {
    let form = request.multipart
    var http = makeRequest("POST", path: request.task.path)
    http.headers.append(("Content-Type", form.contentType))
    http.body = .parts(form.segments())
    http.uploadProgress = uploadProgress
    return try await send(http).body.collect()
  }

  /// A `verbose_json` transcription, decoded, with the raw body.
  public func verboseTranscription(
    _ request: TranscriptionRequest, uploadProgress: (@Sendable (Int64, Int64) -> Void)? = nil
  ) async throws -> (transcription: Transcription, raw: Data) {
    var request = request
    request.responseFormat = .verboseJSON
    let raw = try await transcription(request, uploadProgress: uploadProgress)
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
