import Foundation

/// A problem with one line of a batch input file, by its line number from 1.
public struct BatchLineProblem: Error, Sendable, Equatable, CustomStringConvertible {
  public var line: Int
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { "line \(line): \(message)" }
}

/// One checked line of a batch input file.
public struct BatchInputLine: Sendable, Equatable {
  public var customID: String
  public var endpoint: BatchEndpoint
  /// The request body as written.
  public var body: JSONValue
}

/// Checks a batch input file line by line, as the server would, so a bad file is refused before anything is uploaded:
/// JSON per line, a unique `custom_id`, one endpoint for the whole file, no `service_tier`, no speech, and the limits.
///
/// It keeps only the ids seen (for duplicates) and two counters, so a file of any size is checked in flat memory.
public struct BatchInputCheck: Sendable {
  public private(set) var lines = 0
  public private(set) var bytes = 0
  public private(set) var endpoint: BatchEndpoint?
  private var firstLineOfID: [String: Int] = [:]
  private let maxLines: Int
  private let maxBytes: Int

  public init(maxLines: Int = BatchLimits.maxLines, maxBytes: Int = BatchLimits.maxBytes) {
    self.maxLines = maxLines
    self.maxBytes = maxBytes
  }

  /// Checks one line (without its newline); `number` counts from 1. Returns the line when it is good.
  public mutating func check(_ line: Data, number: Int) -> Result<BatchInputLine, BatchLineProblem> {
    lines += 1
    bytes += line.count + 1
    func problem(_ message: String) -> Result<BatchInputLine, BatchLineProblem> {
      .failure(BatchLineProblem(line: number, message: message))
    }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return problem("empty line") }
    guard let value = JSONValue(parsing: line), value.isObject else { return problem("not a JSON object") }
    guard let id = value["custom_id"]?.stringValue, !id.isEmpty else {
      return problem("no custom_id (a non-empty string naming the request)")
    }
    if let first = firstLineOfID[id] { return problem("custom_id '\(id)' is already used on line \(first)") }
    firstLineOfID[id] = number
    if let method = value["method"], method.stringValue != "POST" { return problem("method must be \"POST\"") }
    guard let url = value["url"]?.stringValue else {
      return problem("no url (the endpoint, e.g. /v1/chat/completions)")
    }
    guard let lineEndpoint = BatchEndpoint(rawValue: url) else {
      if url.contains("speech") { return problem("text to speech (Orpheus) is not available in batch") }
      return problem(
        "url '\(url)' is not a batch endpoint; use " + BatchEndpoint.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let endpoint, endpoint != lineEndpoint {
      return problem("url '\(url)' differs from the file's first line (\(endpoint.rawValue)); one batch, one endpoint")
    }
    endpoint = endpoint ?? lineEndpoint
    guard let body = value["body"], body.isObject else { return problem("no body object") }
    guard let model = body["model"]?.stringValue, !model.isEmpty else { return problem("the body names no model") }
    if ModelRoles.can(model, .speech) { return problem("\(model) (text to speech) is not available in batch") }
    if body["service_tier"] != nil { return problem("service_tier is not allowed in a batch request") }
    if body["stream"] == .bool(true) { return problem("a batch request cannot stream; leave out \"stream\"") }
    return .success(BatchInputLine(customID: id, endpoint: lineEndpoint, body: body))
  }

  /// Over the limits of one file, in words; nil when within them.
  public var overLimits: String? {
    if lines > maxLines { return "\(lines) lines; a batch file takes at most \(maxLines)" }
    if bytes > maxBytes { return "\(bytes) bytes; a batch file takes at most \(maxBytes / 1_000_000) MB" }
    return nil
  }
}

/// Which output file each prepared line goes to, so no file passes the line or byte limit.
public struct BatchSplitPlan: Sendable, Equatable {
  public let maxLines: Int
  public let maxBytes: Int
  /// From 0; grows by one each time a line would not fit the current part.
  public private(set) var part = 0
  private var linesInPart = 0
  private var bytesInPart = 0

  public init(maxLines: Int = BatchLimits.maxLines, maxBytes: Int = BatchLimits.maxBytes) {
    self.maxLines = maxLines
    self.maxBytes = maxBytes
  }

  /// The part for a line of `length` bytes (newline included); nil when the line alone passes the byte limit.
  public mutating func place(length: Int) -> Int? {
    guard length <= maxBytes else { return nil }
    if linesInPart > 0 && (linesInPart + 1 > maxLines || bytesInPart + length > maxBytes) {
      part += 1
      linesInPart = 0
      bytesInPart = 0
    }
    linesInPart += 1
    bytesInPart += length
    return part
  }

  public var parts: Int { linesInPart == 0 && part == 0 ? 0 : part + 1 }
}
