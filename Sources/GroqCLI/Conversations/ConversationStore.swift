#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Conversations as JSON files, one per conversation, private to the user (0600 in a 0700 directory).
///
/// Every save writes a temporary file and renames it over the old one, so a crash or a full disk leaves the previous
/// version whole. A file that cannot be read or decoded is reported and never written over. Saves hold a lock and
/// merge what another groq added to the same conversation meanwhile (`ConversationMerge`), so none is lost.
struct ConversationStore: Sendable {
  let directory: URL

  /// The user's store under XDG_DATA_HOME; nil when nothing may be kept (--no-history) or there is no home.
  static func standard(environment: [String: String], keeps: Bool) -> ConversationStore? {
    keeps ? UserDirectories(environment: environment).conversations.map(ConversationStore.init(directory:)) : nil
  }

  /// `isDirectory: false`: without it each call asks the file system whether the name is a folder.
  func file(_ id: String) -> URL { directory.appendingPathComponent(id + ".json", isDirectory: false) }

  /// The conversation with this id, or nil when there is none.
  func load(_ id: String) throws(CLIError) -> Conversation? {
    let conversation = try read(id)
    ConversationBaselines.shared[file(id).path] = conversation.map(ConversationMerge.baseline)
    return conversation
  }

  private func read(_ id: String) throws(CLIError) -> Conversation? {
    let url = file(id)
    try PrivateFiles.checkPrivate(directory, what: "conversations")
    switch PrivateFiles.kind(of: url) {
    // A new conversation has no file: stat(2) says so without Foundation making and bridging an NSError.
    case .absent: return nil
    case .other:
      throw CLIError("the conversation \(url.path) is not a regular file", hint: "groq reads and writes only files")
    case .regular, .unknown: break
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      if (error as NSError).code == NSFileReadNoSuchFileError
        || ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ENOENT)
      {
        return nil
      }
      throw CLIError(
        "could not read the conversation \(url.path): \(FileErrorText.describe(error))",
        hint: "check the file's permissions; groq will not write over it")
    }
    return try decode(data, from: url, id: id)
  }

  /// The conversation saved last, or nil when there is none.
  func latest() throws(CLIError) -> Conversation? {
    guard let newest = list().first else { return nil }
    return try load(newest.id)
  }

  /// Saved conversations, newest first.
  func list() -> [(id: String, modified: Date)] {
    let keys: [URLResourceKey] = [.contentModificationDateKey]
    let urls = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys)) ?? []
    return
      urls
      .filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasPrefix(".") }
      .map { url in
        let modified = (try? url.resourceValues(forKeys: Set(keys)))?.contentModificationDate ?? .distantPast
        return (id: url.deletingPathExtension().lastPathComponent, modified: modified)
      }
      .sorted { $0.modified > $1.modified || ($0.modified == $1.modified && $0.id > $1.id) }
  }

  /// Writes the conversation atomically (a temporary file, then rename(2)), merged under a lock with whatever
  /// another groq saved to it since this one read it.
  func save(_ conversation: Conversation) throws(CLIError) {
    try UserDirectories.create(directory)
    try PrivateFiles.checkPrivate(directory, what: "conversations")
    let target = file(conversation.id)
    let lock = try FileLock(beside: target)
    let current = try read(conversation.id)
    let merged = ConversationMerge.merge(
      conversation, current: current, baseline: ConversationBaselines.shared[target.path])
    let data = Secrets.redact(merged.fileJSON)
    // fsync protects what a file held before: a power cut between rename and the disk's flush could leave it empty.
    // A new conversation has nothing to lose but the exchange just shown, and every one-shot `groq chat` would wait
    // for the disk (0.5 to 5 ms here) before exiting; it is written without.
    let failure = PrivateFiles.replace(target, with: data, durable: current != nil)
    _ = consume lock
    guard failure == 0 else { throw saveFailure(target, failure) }
    // This process's own view is the baseline of its next save: what others added stays theirs.
    ConversationBaselines.shared[target.path] = ConversationMerge.baseline(conversation)
  }

  func remove(_ id: String) {
    unlink(file(id).path)
    ConversationBaselines.shared[file(id).path] = nil
  }

  private func saveFailure(_ url: URL, _ code: Int32) -> CLIError {
    CLIError(
      "could not save the conversation to \(url.path): \(String(cString: strerror(code)))",
      hint: "the answer is on screen but this exchange is not saved; free some space or fix the permissions")
  }

  private func decode(_ data: Data, from url: URL, id: String) throws(CLIError) -> Conversation {
    let damaged = { (detail: String) in
      CLIError(
        "the conversation \(url.path) is damaged: \(detail)",
        hint: "groq leaves it as it is; move it away, or use another --session name")
    }
    if let header = try? JSONDecoder().decode(VersionHeader.self, from: data),
      header.version > Conversation.formatVersion
    {
      throw CLIError(
        "the conversation \(url.path) was written by a newer groq (format \(header.version))",
        hint: "update groq to read it")
    }
    do {
      var conversation = try Self.decoder.decode(Conversation.self, from: data)
      // The file's name wins over the id inside it: a file copied or renamed by hand saves back to itself.
      conversation.id = id
      return conversation
    } catch let error as DecodingError {
      throw damaged(DecodingErrorText.describe(error))
    } catch {
      throw damaged("\(error)")
    }
  }

  private struct VersionHeader: Decodable { var version: Int }

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .internetTime
    return decoder
  }()
}

/// "missing key `model`" rather than Foundation's paragraph about coding paths.
enum DecodingErrorText {
  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, let context):
      let prefix = path(context)
      return "missing key `\(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)`"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "unexpected value at `\(path(context))`"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not valid JSON" : "bad value at `\(path(context))`"
    @unknown default:
      return "\(error)"
    }
  }
}
