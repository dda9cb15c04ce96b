import Foundation

extension GroqClient {
  /// Starts a batch over an uploaded input file.
  public func createBatch(_ creation: BatchCreation) async throws -> (batch: Batch, raw: Data) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    let http = makeRequest("POST", path: "/batches", json: try encoder.encode(creation))
    let raw = try await send(http).body.collect()
    return (try decodeBatchAPI(Batch.self, from: raw), raw)
  }

  public func batch(id: String) async throws -> (batch: Batch, raw: Data) {
    let raw = try await send(makeRequest("GET", path: "/batches/" + Self.pathComponent(id))).body.collect()
    return (try decodeBatchAPI(Batch.self, from: raw), raw)
  }

  /// One page of batches, newest first; pass the page's `nextCursor` for the next.
  public func batches(cursor: String? = nil) async throws -> (page: BatchPage, raw: Data) {
    var path = "/batches"
    if let cursor {
      path += "?cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor)
    }
    let raw = try await send(makeRequest("GET", path: path)).body.collect()
    return (try decodeBatchAPI(BatchPage.self, from: raw), raw)
  }

  /// Asks Groq to stop a batch; it goes to `cancelling`, then (within about ten minutes) `cancelled`.
  public func cancelBatch(id: String) async throws -> (batch: Batch, raw: Data) {
    let http = makeRequest("POST", path: "/batches/" + Self.pathComponent(id) + "/cancel")
    let raw = try await send(http).body.collect()
    return (try decodeBatchAPI(Batch.self, from: raw), raw)
  }
}
