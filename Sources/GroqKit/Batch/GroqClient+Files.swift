import Foundation

extension GroqClient {
  /// Uploads a file for the Batch API. The multipart body goes as its pieces, the file read in place, so a 200 MB
  /// file never sits in memory, retries included.
  public func uploadFile(
    _ url: URL, filename: String? = nil, purpose: String = "batch",
    progress: (@Sendable (Int64, Int64) -> Void)? = nil
  ) async throws -> (file: GroqFile, raw: Data) {
    let form = MultipartBody(
      fields: [("purpose", purpose)],
      file: .init(
        filename: filename ?? url.lastPathComponent, contentType: "application/jsonl", contents: [.file(url)]))
    var http = makeRequest("POST", path: "/files")
    http.headers.append(("Content-Type", form.contentType))
    http.body = .parts(form.segments())
    http.uploadProgress = progress
    let raw = try await send(http).body.collect()
    return (try decodeBatchAPI(GroqFile.self, from: raw), raw)
  }

  /// Every file the key's organisation keeps, with the raw response for `--json`.
  public func files() async throws -> (files: [GroqFile], raw: Data) {
    let raw = try await send(makeRequest("GET", path: "/files")).body.collect()
    return (try decodeBatchAPI(FileList.self, from: raw).data, raw)
  }

  /// One file's description.
  public func file(id: String) async throws -> (file: GroqFile, raw: Data) {
    let raw = try await send(makeRequest("GET", path: "/files/" + Self.pathComponent(id))).body.collect()
    return (try decodeBatchAPI(GroqFile.self, from: raw), raw)
  }

  public func deleteFile(id: String) async throws -> (deletion: FileDeletion, raw: Data) {
    let raw = try await send(makeRequest("DELETE", path: "/files/" + Self.pathComponent(id))).body.collect()
    return (try decodeBatchAPI(FileDeletion.self, from: raw), raw)
  }

  /// Streams a file's bytes to `write`, in order, each byte once. A transfer cut part way is taken up again from
  /// where it stopped (a `Range` request; when the server ignores it, the bytes already written are skipped), so
  /// the caller sees the whole file or an error, never a short file presented as whole.
  /// - Returns: the number of bytes written.
  @discardableResult
  public func downloadFile(id: String, attempts: Int = 4, write: (Data) throws -> Void) async throws -> Int64 {
    var written: Int64 = 0
    var failures = 0
    while true {
      var http = makeRequest(
        "GET", path: "/files/" + Self.pathComponent(id) + "/content", accept: "application/octet-stream")
      if written > 0 { http.headers.append(("Range", "bytes=\(written)-")) }
      let response = try await send(http)
      // 206 starts where we asked; a 200 starts from the first byte again.
      var skip = response.status == 206 ? 0 : written
      do {
        while let piece = try await response.body.read() {
          if skip >= Int64(piece.count) {
            skip -= Int64(piece.count)
            continue
          }
          let fresh = skip > 0 ? piece.dropFirst(Int(skip)) : piece[...]
          skip = 0
          try write(Data(fresh))
          written += Int64(fresh.count)
        }
        return written
      } catch let error as GroqError where error.kind == .connection || error.kind == .timeout {
        failures += 1
        if failures >= attempts || Task.isCancelled { throw error }
        try await Task.sleep(nanoseconds: UInt64(0.25 * Double(failures) * 1e9))
      }
    }
  }

  /// An id as one path segment: a `/` or `?` in it must not change the URL's shape.
  static func pathComponent(_ id: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#")
    return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
  }

  func decodeBatchAPI<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch {
      throw GroqError(
        kind: .invalidResponse, message: "unexpected response from the server: \(describeDecodingError(error))")
    }
  }
}
