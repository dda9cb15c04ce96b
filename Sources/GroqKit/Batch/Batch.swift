/// A batch as the Batches API describes it. Every field but `id` may be missing or null: the object grows over a
/// batch's life, and a field Groq adds later must not break a `status` that worked yesterday.
public struct Batch: Decodable, Sendable, Equatable {
  public var id: String
  public var object: String?
  public var endpoint: String?
  public var inputFileID: String?
  public var completionWindow: String?
  public var status: BatchStatus
  public var outputFileID: String?
  public var errorFileID: String?
  public var errors: [BatchError]
  public var requestCounts: BatchRequestCounts?
  public var metadata: [String: String]?
  public var createdAt: Int?
  public var inProgressAt: Int?
  public var finalizingAt: Int?
  public var completedAt: Int?
  public var failedAt: Int?
  public var expiredAt: Int?
  public var expiresAt: Int?
  public var cancellingAt: Int?
  public var cancelledAt: Int?

  enum CodingKeys: String, CodingKey {
    case id, object, endpoint, status, errors, metadata
    case inputFileID = "input_file_id"
    case completionWindow = "completion_window"
    case outputFileID = "output_file_id"
    case errorFileID = "error_file_id"
    case requestCounts = "request_counts"
    case createdAt = "created_at"
    case inProgressAt = "in_progress_at"
    case finalizingAt = "finalizing_at"
    case completedAt = "completed_at"
    case failedAt = "failed_at"
    case expiredAt = "expired_at"
    case expiresAt = "expires_at"
    case cancellingAt = "cancelling_at"
    case cancelledAt = "cancelled_at"
  }

  public init(id: String, status: BatchStatus) {
    self.id = id
    self.status = status
    self.errors = []
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    object = try? container.decodeIfPresent(String.self, forKey: .object)
    endpoint = try? container.decodeIfPresent(String.self, forKey: .endpoint)
    inputFileID = try? container.decodeIfPresent(String.self, forKey: .inputFileID)
    completionWindow = try? container.decodeIfPresent(String.self, forKey: .completionWindow)
    status = BatchStatus(rawValue: (try? container.decodeIfPresent(String.self, forKey: .status)) ?? "unknown")
    outputFileID = try? container.decodeIfPresent(String.self, forKey: .outputFileID)
    errorFileID = try? container.decodeIfPresent(String.self, forKey: .errorFileID)
    errors = (try? container.decodeIfPresent(BatchErrorList.self, forKey: .errors))?.errors ?? []
    requestCounts = try? container.decodeIfPresent(BatchRequestCounts.self, forKey: .requestCounts)
    metadata = try? container.decodeIfPresent([String: String].self, forKey: .metadata)
    func time(_ key: CodingKeys) -> Int? {
      if let whole = try? container.decodeIfPresent(Int.self, forKey: key) { return whole }
      return (try? container.decodeIfPresent(Double.self, forKey: key)).flatMap { $0.map { Int($0) } }
    }
    createdAt = time(.createdAt)
    inProgressAt = time(.inProgressAt)
    finalizingAt = time(.finalizingAt)
    completedAt = time(.completedAt)
    failedAt = time(.failedAt)
    expiredAt = time(.expiredAt)
    expiresAt = time(.expiresAt)
    cancellingAt = time(.cancellingAt)
    cancelledAt = time(.cancelledAt)
  }
}

/// A batch's status. Kept as text so a status Groq adds later is shown as it is, never a decoding failure.
public struct BatchStatus: RawRepresentable, Sendable, Equatable, Hashable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let validating = BatchStatus(rawValue: "validating")
  public static let inProgress = BatchStatus(rawValue: "in_progress")
  public static let finalizing = BatchStatus(rawValue: "finalizing")
  public static let completed = BatchStatus(rawValue: "completed")
  public static let failed = BatchStatus(rawValue: "failed")
  public static let expired = BatchStatus(rawValue: "expired")
  public static let cancelling = BatchStatus(rawValue: "cancelling")
  public static let cancelled = BatchStatus(rawValue: "cancelled")

  /// The batch will not change again.
  public var isFinal: Bool { [.completed, .failed, .expired, .cancelled].contains(self) }

  public var description: String { rawValue }
}

/// `request_counts`: how many requests the batch holds and how many have ended each way.
public struct BatchRequestCounts: Decodable, Sendable, Equatable {
  public var total: Int
  public var completed: Int
  public var failed: Int

  public init(total: Int, completed: Int, failed: Int) {
    self.total = total
    self.completed = completed
    self.failed = failed
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    total = (try? container.decodeIfPresent(Int.self, forKey: .total)) ?? 0
    completed = (try? container.decodeIfPresent(Int.self, forKey: .completed)) ?? 0
    failed = (try? container.decodeIfPresent(Int.self, forKey: .failed)) ?? 0
  }

  enum CodingKeys: String, CodingKey { case total, completed, failed }
}

/// One reason a batch failed validation; `line` is the input file's line, from 1.
public struct BatchError: Decodable, Sendable, Equatable {
  public var code: String?
  public var message: String?
  public var param: String?
  public var line: Int?

  public init(code: String? = nil, message: String? = nil, param: String? = nil, line: Int? = nil) {
    self.code = code
    self.message = message
    self.param = param
    self.line = line
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    code = try? container.decodeIfPresent(String.self, forKey: .code)
    message = try? container.decodeIfPresent(String.self, forKey: .message)
    param = try? container.decodeIfPresent(String.self, forKey: .param)
    line = try? container.decodeIfPresent(Int.self, forKey: .line)
  }

  enum CodingKeys: String, CodingKey { case code, message, param, line }
}

/// `errors` in either shape Groq uses: a bare array (the docs' example) or `{object:"list",data:[...]}` (the SDK).
struct BatchErrorList: Decodable {
  var errors: [BatchError]

  init(from decoder: any Decoder) throws {
    if let list = try? decoder.singleValueContainer().decode([BatchError].self) {
      errors = list
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    errors = (try? container.decodeIfPresent([BatchError].self, forKey: .data)) ?? []
  }

  enum CodingKeys: String, CodingKey { case data }
}

/// One page of `GET /batches`; `nextCursor` asks for the next.
public struct BatchPage: Decodable, Sendable, Equatable {
  public var batches: [Batch]
  public var nextCursor: String?

  enum CodingKeys: String, CodingKey {
    case data, paging
    case hasMore = "has_more"
    case lastID = "last_id"
  }

  struct Paging: Decodable {
    var nextCursor: String?
    enum CodingKeys: String, CodingKey { case nextCursor = "next_cursor" }
  }

  public init(batches: [Batch], nextCursor: String?) {
    self.batches = batches
    self.nextCursor = nextCursor
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    batches = try container.decode([Batch].self, forKey: .data)
    let paging = try? container.decodeIfPresent(Paging.self, forKey: .paging)
    nextCursor = paging?.nextCursor.flatMap { $0.isEmpty ? nil : $0 }
  }
}

/// The body of `POST /batches`.
public struct BatchCreation: Encodable, Sendable, Equatable {
  public var inputFileID: String
  public var endpoint: String
  public var completionWindow: String
  public var metadata: [String: String]?

  enum CodingKeys: String, CodingKey {
    case endpoint, metadata
    case inputFileID = "input_file_id"
    case completionWindow = "completion_window"
  }

  public init(inputFileID: String, endpoint: String, completionWindow: String, metadata: [String: String]? = nil) {
    self.inputFileID = inputFileID
    self.endpoint = endpoint
    self.completionWindow = completionWindow
    self.metadata = metadata
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(inputFileID, forKey: .inputFileID)
    try container.encode(endpoint, forKey: .endpoint)
    try container.encode(completionWindow, forKey: .completionWindow)
    // The API takes null; leaving the key out is what the SDKs do when none is given.
    try container.encodeIfPresent(metadata, forKey: .metadata)
  }
}
