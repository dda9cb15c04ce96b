// upload-body MODE URL FILE: uploads FILE as a multipart form to URL with a bare URLSession, the way bench/audio
// compares the two ways Foundation on Linux can send a large body. MODE is `file` (the envelope written to a
// temporary file, uploadTask(fromFile:)) or `stream` (httpBodyStream: envelope head, the file in 64 KiB reads, tail).
// Prints the status and the request's framing as the server answered it; run under /usr/bin/time -f %M.
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// prefix + a file read in pieces + suffix, as one InputStream.
final class ConcatenatedStream: InputStream {
  private var parts: [Data]
  private let file: FileHandle
  private var stage = 0
  private var status: Stream.Status = .notOpen

  init(prefix: Data, file: URL, suffix: Data) throws {
    parts = [prefix, suffix]
    self.file = try FileHandle(forReadingFrom: file)
    super.init(data: Data())
  }

  override func open() { status = .open }
  override func close() { status = .closed }
  override var streamStatus: Stream.Status { status }
  override var hasBytesAvailable: Bool { stage < 3 }

  override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
    while stage < 3 {
      if stage == 1 {
        let chunk = (try? file.read(upToCount: min(maxLength, 1 << 16))) ?? Data()
        if chunk.isEmpty { stage = 2; continue }
        chunk.copyBytes(to: buffer, count: chunk.count)
        return chunk.count
      }
      let index = stage == 0 ? 0 : 1
      if parts[index].isEmpty { stage += 1; continue }
      let count = min(maxLength, parts[index].count)
      parts[index].copyBytes(to: buffer, count: count)
      parts[index] = parts[index].dropFirst(count)
      if parts[index].isEmpty { stage += 1 }
      return count
    }
    status = .atEnd
    return 0
  }
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let url = URL(string: arguments[2]) else {
  FileHandle.standardError.write(Data("usage: upload-body file|stream URL FILE\n".utf8))
  exit(2)
}
let file = URL(fileURLWithPath: arguments[3])
let boundary = "bench-boundary"
let head = Data(
  ("--\(boundary)\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-large-v3-turbo\r\n"
    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"response_format\"\r\n\r\ntext\r\n"
    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
    + "Content-Type: audio/wav\r\n\r\n").utf8)
let tail = Data("\r\n--\(boundary)--\r\n".utf8)

var request = URLRequest(url: url)
request.httpMethod = "POST"
request.setValue("Bearer gsk_test_key", forHTTPHeaderField: "Authorization")
request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")

let done = DispatchSemaphore(value: 0)
nonisolated(unsafe) var outcome = ""
let session = URLSession(configuration: .ephemeral)
var temporary: URL?
let task: URLSessionTask
if arguments[1] == "file" {
  let envelope = FileManager.default.temporaryDirectory.appendingPathComponent("upload-body-\(getpid())")
  guard FileManager.default.createFile(atPath: envelope.path, contents: head) else { exit(1) }
  let out = try FileHandle(forWritingTo: envelope)
  try out.seekToEnd()
  let input = try FileHandle(forReadingFrom: file)
  while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try out.write(contentsOf: chunk) }
  try out.write(contentsOf: tail)
  try out.close()
  temporary = envelope
  task = session.uploadTask(with: request, fromFile: envelope) { data, response, error in
    outcome = "\((response as? HTTPURLResponse)?.statusCode ?? 0) \(error.map { "\($0)" } ?? "")"
    done.signal()
  }
} else {
  request.httpBodyStream = try ConcatenatedStream(prefix: head, file: file, suffix: tail)
  task = session.dataTask(with: request) { data, response, error in
    outcome = "\((response as? HTTPURLResponse)?.statusCode ?? 0) \(error.map { "\($0)" } ?? "")"
    done.signal()
  }
}
task.resume()
done.wait()
if let temporary { try? FileManager.default.removeItem(at: temporary) }
print(outcome)
