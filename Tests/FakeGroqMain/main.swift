import FakeGroq
import Foundation
@preconcurrency import Glibc

// fake-groq [--port N] [--key KEY] [--log] [--gone ID]...: serves the fake Groq API, prints its base URL on one line,
// exits on SIGTERM/SIGINT. Benchmarks start it and read that line. --log prints each request (method, path, model)
// on stderr; --gone shuts a model down (404 model_not_found, left out of /models), to watch a default heal.
//
// --batch-speed STEPS moves batches that many steps a second (validating, then a third of the requests per step,
// finalizing, completed) besides one step per poll. --tpm N gives chat completions a budget of N tokens a minute
// (429 with retry-after past it), --latency-ms N makes each chat answer take that long, and --rpd N sets the day's
// request budget the headers count down from.

let usage =
  "usage: fake-groq [--port N] [--key KEY] [--log] [--gone ID]... [--batch-speed STEPS] [--tpm N] [--latency-ms N]"
  + " [--rpd N]\n"

/// Writes straight to a file descriptor: unbuffered, so the URL line reaches a reading benchmark at once, and free
/// of the C `stdout`/`stderr` globals that Swift 6 rejects as shared mutable state.
func put(_ text: String, _ fd: Int32) {
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if written < 0 && errno == EINTR { continue }
    if written <= 0 { return }
    bytes = bytes.dropFirst(written)
  }
}
var port = 0
var key = "gsk_test_key"
var log = false
var gone: Set<String> = []
var batchSpeed = 0.0
var pacing = FakeChatPacing()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--port":
    guard let value = arguments.popFirst().flatMap({ Int($0) }), (0...65_535).contains(value) else {
      put("fake-groq: --port needs a number from 0 to 65535\n" + usage, 2)
      exit(2)
    }
    port = value
  case "--key":
    guard let value = arguments.popFirst() else {
      put("fake-groq: --key needs a value\n" + usage, 2)
      exit(2)
    }
    key = value
  case "--log": log = true
  case "--gone":
    guard let value = arguments.popFirst() else {
      put("fake-groq: --gone needs a model id\n" + usage, 2)
      exit(2)
    }
    gone.insert(value)
  case "--batch-speed":
    guard let value = arguments.popFirst().flatMap({ Double($0) }), value >= 0 else {
      put("fake-groq: --batch-speed needs a number of steps per second\n" + usage, 2)
      exit(2)
    }
    batchSpeed = value
  case "--tpm":
    guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else {
      put("fake-groq: --tpm needs a number of tokens per minute\n" + usage, 2)
      exit(2)
    }
    pacing.tokensPerMinute = value
  case "--latency-ms":
    guard let value = arguments.popFirst().flatMap({ Int($0) }), value >= 0 else {
      put("fake-groq: --latency-ms needs a number of milliseconds\n" + usage, 2)
      exit(2)
    }
    pacing.latencyMilliseconds = value
  case "--rpd":
    guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else {
      put("fake-groq: --rpd needs a number of requests per day\n" + usage, 2)
      exit(2)
    }
    pacing.requestsPerDay = value
  case "-h", "--help":
    put(usage, 1)
    exit(0)
  default:
    put("fake-groq: unknown argument '\(argument)'\n" + usage, 2)
    exit(2)
  }
}

// Block the stop signals before the server starts its threads (they inherit the mask), so only sigwait below
// receives them and shutdown happens on this thread.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGINT)
sigaddset(&stopSignals, SIGTERM)
pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

let server: FakeGroqServer
do {
  server = try FakeGroqServer(apiKey: key, port: port)
} catch {
  put("fake-groq: \(error)\n", 2)
  exit(1)
}
server.batchSettings.stepsPerSecond = batchSpeed
server.chatPacing = pacing
if log || !gone.isEmpty {
  let gone = gone
  let log = log
  server.setHandler { request in
    let model = (try? request.json())?["model"] as? String
    if log { put("fake-groq: \(request.method) \(request.path)" + (model.map { " model=\($0)" } ?? "") + "\n", 2) }
    if request.method == "GET" && request.path == "/openai/v1/models" && !gone.isEmpty {
      return .json(FakeModelList.json(excluding: gone))
    }
    guard let model, gone.contains(model) else { return nil }
    return .groqError(
      status: 404, message: "The model `\(model)` does not exist or you do not have access to it.",
      code: "model_not_found")
  }
}
put(server.baseURL + "\n", 1)

var received: Int32 = 0
sigwait(&stopSignals, &received)
server.stop()
exit(0)
