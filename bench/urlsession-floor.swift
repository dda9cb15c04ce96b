// The floor under any URLSession client on Linux: a data delegate that only counts bytes, reading the same
// 5000-token stream as groq. bench/run builds it with `swiftc -O` and times it beside groq and curl, so the report
// separates what swift-corelibs-foundation costs per network read (libcurl hands over one HTTP chunk per SSE
// event, and each becomes an Operation, a dispatch hop and a new timeout timer) from what groq adds on top.
// Environment: GROQ_BASE_URL (the fake server), GROQ_API_KEY.
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

final class Counter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  var reads = 0
  var bytes = 0
  let done = DispatchSemaphore(value: 0)

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    reads += 1
    bytes += data.count
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    done.signal()
  }
}

let environment = ProcessInfo.processInfo.environment
let counter = Counter()
let session = URLSession(configuration: .ephemeral, delegate: counter, delegateQueue: nil)
var request = URLRequest(url: URL(string: environment["GROQ_BASE_URL", default: ""] + "/openai/v1/chat/completions")!)
request.httpMethod = "POST"
request.setValue("Bearer " + environment["GROQ_API_KEY", default: ""], forHTTPHeaderField: "Authorization")
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.httpBody = Data(
  #"{"model":"openai/gpt-oss-20b","messages":[{"role":"user","content":"hi"}],"stream":true,"include_reasoning":false,"max_completion_tokens":5000}"#
    .utf8)
session.dataTask(with: request).resume()
counter.done.wait()
FileHandle.standardError.write(Data("\(counter.reads) reads, \(counter.bytes) bytes\n".utf8))
