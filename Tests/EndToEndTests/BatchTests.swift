import FakeGroq
import Foundation
import Testing

/// Files a batch test writes, in a folder of its own under the run's scratch folder.
struct BatchScratch {
  let directory: String

  init() throws {
    directory = GroqProcess.scratchDirectory("batch")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  /// Writes `text` to `name` and returns its path.
  func write(_ name: String, _ text: String) throws -> String {
    let path = directory + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func path(_ name: String) -> String { directory + "/" + name }

  func read(_ name: String) -> String? {
    (try? Data(contentsOf: URL(fileURLWithPath: path(name)))).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// A request line for the fast model whose answer the fake echoes back.
func batchLine(_ id: String, _ text: String, model: String = "openai/gpt-oss-20b") -> String {
  #"{"custom_id":"\#(id)","method":"POST","url":"/v1/chat/completions","body":{"model":"\#(model)","messages":[{"role":"user","content":"\#(text)"}]}}"#
}

/// JSON objects, one per line.
func jsonLines(_ text: String) -> [[String: Any]] {
  text.split(separator: "\n").compactMap {
    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
  }
}

/// The answer text of an output line, or nil for a failed one.
func answer(_ line: [String: Any]) -> String? {
  let body = (line["response"] as? [String: Any])?["body"] as? [String: Any]
  let choices = body?["choices"] as? [[String: Any]]
  return (choices?.first?["message"] as? [String: Any])?["content"] as? String
}

@Suite("groq batch prepare")
struct BatchPrepareTests {
  @Test("text lines become chat requests numbered by line, built as chat builds them")
  func textLines() throws {
    let scratch = try BatchScratch()
    let input = try scratch.write("prompts.txt", "good movie\n\nbad movie\r\n")
    let result = try GroqProcess.run(
      ["batch", "prepare", input, "-m", "openai/gpt-oss-20b", "-s", "Classify", "--temperature", "0.2",
       "--max-tokens", "5"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = jsonLines(result.stdout)
    #expect(lines.map { $0["custom_id"] as? String } == ["1", "3"])
    #expect(lines.allSatisfy { $0["url"] as? String == "/v1/chat/completions" && $0["method"] as? String == "POST" })
    let body = try #require(lines.last?["body"] as? [String: Any])
    #expect(body["model"] as? String == "openai/gpt-oss-20b")
    #expect(body["temperature"] as? Double == 0.2)
    #expect(body["max_completion_tokens"] as? Int == 5)
    #expect(body["stream"] == nil)
    let messages = try #require(body["messages"] as? [[String: Any]])
    #expect(messages.map { $0["role"] as? String } == ["system", "user"])
    #expect(messages.last?["content"] as? String == "bad movie")
  }

  @Test("JSON lines give custom_id, prompt or messages; --json-mode applies to each")
  func jsonLinesIn() throws {
    let input = """
      {"custom_id":"a","prompt":"hello"}
      {"messages":[{"role":"user","content":"hi"}]}
      plain text
      """
    let result = try GroqProcess.run(["batch", "prepare", "--json-mode", "-m", "openai/gpt-oss-120b"], stdin: input)
    #expect(result.status == 0)
    let lines = jsonLines(result.stdout)
    #expect(lines.map { $0["custom_id"] as? String } == ["a", "2", "3"])
    let format = (lines[0]["body"] as? [String: Any])?["response_format"] as? [String: Any]
    #expect(format?["type"] as? String == "json_object")
  }

  @Test("bad lines are named by number, exit 2, nothing written")
  func badLines() throws {
    let scratch = try BatchScratch()
    let input = try scratch.write(
      "bad.txt", "fine\n{\"prompt\": \n{\"custom_id\":\"1\",\"prompt\":\"again\"}\n{\"color\":\"red\"}\n")
    let result = try GroqProcess.run(["batch", "prepare", input, "-o", scratch.path("out.jsonl")])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("line 2: starts with { but is not a JSON object"))
    #expect(result.stderr.contains("line 3: custom_id '1' is already used on line 1"))
    #expect(result.stderr.contains("line 4: unknown key 'color'"))
    #expect(scratch.read("out.jsonl") == nil)
  }

  @Test("a missing or empty input is a usage error")
  func missingOrEmpty() throws {
    let scratch = try BatchScratch()
    let missing = try GroqProcess.run(["batch", "prepare", scratch.path("nope.txt")])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no such file"))
    let empty = try GroqProcess.run(["batch", "prepare", try scratch.write("empty.txt", "")])
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("has no lines"))
  }

  @Test("--transcribe builds audio lines from a URL prefix; a line that is no URL is refused")
  func transcribe() throws {
    let result = try GroqProcess.run(
      ["batch", "prepare", "--transcribe", "--url-prefix", "https://cdn.example.com/talks/", "--language", "en"],
      stdin: "a.mp3\nb.mp3\n")
    #expect(result.status == 0)
    let lines = jsonLines(result.stdout)
    #expect(lines.map { $0["url"] as? String } == ["/v1/audio/transcriptions", "/v1/audio/transcriptions"])
    let body = try #require(lines.first?["body"] as? [String: Any])
    #expect(body["model"] as? String == "whisper-large-v3-turbo")
    #expect(body["url"] as? String == "https://cdn.example.com/talks/a.mp3")
    #expect(body["language"] as? String == "en")
    let bad = try GroqProcess.run(["batch", "prepare", "--translate"], stdin: "talk.mp3\n")
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("line 1: 'talk.mp3' is not an http(s) URL"))
  }

  @Test("the model is chosen and checked as chat does: the chat default, and a family's limits refused")
  func modelAsChat() throws {
    let plain = try GroqProcess.run(["batch", "prepare"], stdin: "hi\n")
    #expect(plain.status == 0)
    #expect((jsonLines(plain.stdout).first?["body"] as? [String: Any])?["model"] as? String == "openai/gpt-oss-120b")
    let effort = try GroqProcess.run(
      ["batch", "prepare", "-m", "openai/gpt-oss-20b", "--reasoning-effort", "none"], stdin: "hi\n")
    #expect(effort.status == 2)
    #expect(effort.stderr.contains("--reasoning-effort none does not work with openai/gpt-oss-20b"))
    let speech = try GroqProcess.run(["batch", "prepare", "-m", "canopylabs/orpheus-v1-english"], stdin: "hi\n")
    #expect(speech.status == 2)
    #expect(speech.stderr.contains("line 1: canopylabs/orpheus-v1-english (text to speech) is not available in batch"))
  }

  @Test("the same input prepares the same bytes, run after run")
  func deterministic() throws {
    let arguments = ["batch", "prepare", "-m", "openai/gpt-oss-20b", "-s", "Be brief", "--temperature", "0.5"]
    let first = try GroqProcess.run(arguments, stdin: "a\nb\nc\n")
    let second = try GroqProcess.run(arguments, stdin: "a\nb\nc\n")
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
  }

  @Test("-o writes the file whole, nothing on standard output")
  func outputFile() throws {
    let scratch = try BatchScratch()
    let result = try GroqProcess.run(["batch", "prepare", "-o", scratch.path("req.jsonl")], stdin: "one\ntwo\n")
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(jsonLines(scratch.read("req.jsonl") ?? "").count == 2)
  }
}

@Suite("groq batch submit, status, wait, results, list, cancel")
struct BatchLifecycleTests {
  let server: FakeGroqServer
  let scratch: BatchScratch

  init() throws {
    server = try FakeGroqServer()
    scratch = try BatchScratch()
  }

  func run(_ arguments: [String], stdin: String? = nil) throws -> GroqResult {
    try GroqProcess.run(arguments, stdin: stdin, server: server)
  }

  func submit(_ lines: [String], _ extra: [String] = []) throws -> String {
    let path = try scratch.write("in-\(UUID().uuidString).jsonl", lines.map { $0 + "\n" }.joined())
    let result = try run(["batch", "submit", path] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test("submit, wait, results: answers in input order though the output file is shuffled")
  func roundTrip() throws {
    let lines = (1...9).map { batchLine("r\($0)", $0 == 5 ? "fail: boom" : "echo: answer \($0)") }
    let id = try submit(lines, ["--window", "48h", "--metadata", "job=e2e"])
    #expect(id.hasPrefix("batch_"))
    let uploads = server.requests.filter { $0.path == "/openai/v1/files" }
    #expect(uploads.count == 1)

    let status = try run(["batch", "status", id])
    #expect(status.status == 0)
    #expect(status.stdout.contains("window       48h"))
    #expect(status.stdout.contains("meta job     x") == false)
    #expect(status.stdout.contains("meta job     e2e"))

    let wait = try run(["batch", "wait", id, "--poll-interval", "0.01"])
    #expect(wait.status == 0, "\(wait.stderr)")
    #expect(wait.stderr.contains("\(id): completed (8 completed, 1 failed of 9)"))
    // One line per change of status in a pipe, not one per poll.
    #expect(wait.stderr.components(separatedBy: ": in_progress").count == 2)

    let results = try run(["batch", "results", id])
    #expect(results.status == 0)
    let out = jsonLines(results.stdout)
    #expect(out.map { $0["custom_id"] as? String } == (1...9).map { "r\($0)" })
    #expect(answer(out[0]) == "answer 1")
    #expect((out[4]["response"] as? [String: Any])?["status_code"] as? Int == 500)
    #expect(results.stderr.contains("1 of 9 requests have no answer"))

    let text = try run(["batch", "results", id, "--text"])
    #expect(text.stdout == "answer 1\nanswer 2\nanswer 3\nanswer 4\n\nanswer 6\nanswer 7\nanswer 8\nanswer 9\n")
    #expect(text.stderr.contains("their lines are empty"))

    let json = try run(["batch", "status", id, "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["status"] as? String == "completed")
  }

  @Test("a batch that fails validation: wait exits 1 and prints its errors by line")
  func failedValidation() throws {
    let id = try submit([batchLine("a", "hi"), batchLine("b", "hi", model: "no-such-model")])
    let wait = try run(["batch", "wait", id, "--poll-interval", "0.01"])
    #expect(wait.status == 1)
    #expect(wait.stderr.contains("line 2: The model `no-such-model` does not exist (model_not_found)"))
    #expect(wait.stderr.contains("groq: error: batch \(id) failed"))
    let results = try run(["batch", "results", id])
    #expect(results.status == 1)
    #expect(results.stderr.contains("line 2:"))
  }

  @Test("a batch that expires half done: exit 1, and results keep every line")
  func expired() throws {
    let id = try submit((1...4).map { batchLine("e\($0)", "echo: \($0)") }, ["--metadata", "fake_outcome=expire"])
    let wait = try run(["batch", "wait", id, "--poll-interval", "0.01"])
    #expect(wait.status == 1)
    #expect(wait.stderr.contains("expired"))
    #expect(wait.stderr.contains("hint: 'groq batch results \(id)' has what finished"))
    let results = jsonLines(try run(["batch", "results", id]).stdout)
    #expect(results.map { $0["custom_id"] as? String } == ["e1", "e2", "e3", "e4"])
    #expect(results.compactMap(answer) == ["1", "2"])
    #expect(((results[3]["error"] as? [String: Any])?["code"] as? String) == "batch_expired")
  }

  @Test("wait polls through a dropped connection and a server error")
  func survivesFaults() throws {
    let id = try submit([batchLine("a", "echo: x")])
    let polls = PollCounter()
    server.setHandler { request in
      guard request.method == "GET", request.path.hasSuffix(id) else { return nil }
      switch polls.next() {
      case 2: return .raw(status: 200, headers: [("content-type", "application/json")], steps: [.send("{\"id\""), .cut])
      case 3: return .groqError(status: 503, message: "Service Unavailable", headers: [("x-should-retry", "false")])
      default: return nil
      }
    }
    let wait = try run(["batch", "wait", id, "--poll-interval", "0.01", "--max-retries", "0"])
    #expect(wait.status == 0, "\(wait.stderr)")
    #expect(wait.stderr.contains("could not poll the batch"))
    #expect(wait.stderr.contains("completed"))
  }

  @Test("results: a download cut half way is taken up again, never printed half")
  func cutDownload() throws {
    server.batchSettings.cutFirstDownload = true
    let lines = (1...40).map { batchLine("d\($0)", "echo: " + String(repeating: "y", count: 100)) }
    let id = try submit(lines)
    #expect(try run(["batch", "wait", id, "--poll-interval", "0.01"]).status == 0)
    let results = try run(["batch", "results", id, "-o", scratch.path("answers.jsonl")])
    #expect(results.status == 0, "\(results.stderr)")
    #expect(results.stdout == "")
    #expect(jsonLines(scratch.read("answers.jsonl") ?? "").count == 40)
    #expect(server.requests.contains { $0.header("range") != nil })
  }

  @Test("unknown batch ids: 'no batch named', exit 1, for every command")
  func unknownIDs() throws {
    for command in ["status", "wait", "results", "cancel"] {
      let result = try run(["batch", command, "batch_missing"])
      #expect(result.status == 1, "\(command)")
      #expect(result.stderr.hasPrefix("groq: error: no batch named 'batch_missing'"), "\(command)")
    }
  }

  @Test("list follows the pages, newest first; --limit stops early")
  func list() throws {
    server.batchSettings.pageSize = 2
    let ids = try (1...3).map { _ in try submit([batchLine("l", "hi")]) }
    let all = try run(["batch", "list"])
    #expect(all.status == 0)
    #expect(all.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ids.reversed())
    #expect(all.stdout.contains("\tvalidating\t"))
    let one = try run(["batch", "list", "--limit", "1"])
    #expect(one.stdout.split(separator: "\n").count == 1)
    let json = try run(["batch", "list", "--json"])
    #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 3)
  }

  @Test("cancel: cancelling, then wait ends with exit 1 cancelled")
  func cancel() throws {
    let id = try submit([batchLine("c", "hi")])
    let cancel = try run(["batch", "cancel", id])
    #expect(cancel.status == 0)
    #expect(cancel.stdout == "\(id)\tcancelling\n")
    let wait = try run(["batch", "wait", id, "--poll-interval", "0.01"])
    #expect(wait.status == 1)
    #expect(wait.stderr.contains("cancelled"))
  }

  @Test("Ctrl-C in wait stops the waiting, not the batch")
  func interruptWait() throws {
    let id = try submit([batchLine("i", "hi")])
    let before = server.requests.count
    let process = try GroqProcess(
      ["batch", "wait", id, "--poll-interval", "30"], environment: GroqProcess.environment(server: server, [:]))
    #expect(server.waitForRequests(before + 1))
    process.interrupt()
    let result = process.finish()
    #expect(result.status == 130)
    #expect(!server.requests.contains { $0.path.hasSuffix("/cancel") })
  }

  @Test("submit checks the file first: missing, empty, bad lines, Orpheus, service_tier; nothing uploaded")
  func submitChecks() throws {
    let missing = try run(["batch", "submit", scratch.path("nope.jsonl")])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no such file"))
    let empty = try run(["batch", "submit", try scratch.write("empty.jsonl", "")])
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("is empty"))
    let bad = try scratch.write(
      "bad.jsonl",
      [
        batchLine("1", "hi"), "not json", batchLine("1", "again"),
        batchLine("4", "hi", model: "canopylabs/orpheus-v1-english"),
        batchLine("5", "hi").replacingOccurrences(of: "\"messages\"", with: "\"service_tier\":\"flex\",\"messages\""),
      ].joined(separator: "\n"))
    let result = try run(["batch", "submit", bad])
    #expect(result.status == 2)
    #expect(result.stderr.contains("line 2: not a JSON object"))
    #expect(result.stderr.contains("line 3: custom_id '1' is already used on line 1"))
    #expect(result.stderr.contains("line 4: canopylabs/orpheus-v1-english (text to speech) is not available in batch"))
    #expect(result.stderr.contains("line 5: service_tier is not allowed"))
    #expect(result.stderr.contains("hint: nothing was sent"))
    let window = try run(["batch", "submit", bad, "--window", "8d"])
    #expect(window.status == 2)
    #expect(server.requests.isEmpty)
  }
}

/// Counts polls across the server's threads.
final class PollCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func next() -> Int {
    lock.withLock {
      count += 1
      return count
    }
  }
}
