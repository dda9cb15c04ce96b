import Foundation

/// One HTTP exchange as GroqKit describes it, independent of URLSession so tests can pass a fake transport.
public struct HTTPRequest: Sendable {
  public enum Body: Sendable {
    case none
    case data(Data)
    /// Streamed from disk so that a 25 MB upload does not sit in memory twice.
    case file(URL)
    /// Bytes and file ranges sent one after the other, with their total as Content-Length: a multipart upload
    /// straight from the audio file, with no temporary copy (URLSession makes one, as it needs a file).
    case parts([MultipartBody.Content])
  }

  public var method: String
  public var url: URL
  public var headers: [(name: String, value: String)]
  public var body: Body
  /// Called with (bytes sent, bytes expected) while a body is uploaded.
  public var uploadProgress: (@Sendable (Int64, Int64) -> Void)?

  public init(
    method: String, url: URL, headers: [(name: String, value: String)] = [], body: Body = .none,
    uploadProgress: (@Sendable (Int64, Int64) -> Void)? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.uploadProgress = uploadProgress
  }
}

/// Response headers with case-insensitive lookup.
public struct HTTPHeaders: Sendable, Equatable {
  private var storage: [String: String]

  public init(_ pairs: [String: String] = [:]) {
    var storage: [String: String] = [:]
    for (name, value) in pairs { storage[name.lowercased()] = value }
    self.storage = storage
  }

  public subscript(name: String) -> String? { storage[name.lowercased()] }
}

/// The status and headers of a response whose body is still arriving.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: HTTPHeaders
  /// The body as the network delivers it.
  public var body: ResponseBody

  public init(status: Int, headers: HTTPHeaders, body: ResponseBody) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}

/// Sends one request and returns once the status line and headers have arrived.
/// Cancelling the calling task, or a reader's task, must cancel the request on the wire.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest, idleTimeout: Double, deadline: Double) async throws -> HTTPResponse
}
