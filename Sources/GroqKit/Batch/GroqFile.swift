/// A file kept by the Files API: a batch's input (`purpose` batch) or what a batch wrote (`batch_output`).
public struct GroqFile: Decodable, Sendable, Equatable {
  public var id: String
  public var object: String?
  public var bytes: Int?
  public var createdAt: Int?
  public var filename: String?
  public var purpose: String?

  enum CodingKeys: String, CodingKey {
    case id, object, bytes, filename, purpose
    case createdAt = "created_at"
  }

  public init(id: String, bytes: Int? = nil, createdAt: Int? = nil, filename: String? = nil, purpose: String? = nil) {
    self.id = id
    self.bytes = bytes
    self.createdAt = createdAt
    self.filename = filename
    self.purpose = purpose
  }
}

/// `GET /files`: `{"object":"list","data":[...]}`.
struct FileList: Decodable, Sendable {
  var data: [GroqFile]
}

/// `DELETE /files/{id}`: `{"id","object":"file","deleted":true}`.
public struct FileDeletion: Decodable, Sendable, Equatable {
  public var id: String
  public var deleted: Bool
}
