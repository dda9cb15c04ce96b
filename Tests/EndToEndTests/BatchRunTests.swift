import FakeGroq
import Foundation
import Testing

@Suite("groq batch run")
struct BatchRunTests {
  let server: FakeGroqServer
  let scratch: BatchScratch

  init() throws {
    server = try FakeGroqServer()
    scratch = try BatchScratch()
  }

  var chatRequests: Int { server.requests.filter { $0.path == "/openai/v1/chat/completions" }.count }

  func input(_ count: Int) throws -> String {
    try scratch.write("requests.jsonl", (1...count).map { batchLine("r\($0)", "echo: answer \($0)") + "\n" }.joined())
  }

  @Test("every line answered, in the output file's shape; a second run skips them all")
  func runsAndSkips() throws {
    let path = try input(12)
    let first = try GroqProcess.run(["batch", "run", path, "-j", "4", "-o", scratch.path("out.jsonl")], server: server)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout == "")
    let lines = jsonLines(scratch.read("out.jsonl") ?? "")
    #expect(Set(lines.compactMap { $0["custom_id"] as? String }) == Set((1...12).map { "r\($0)" }))
    #expect(lines.count == 12)
    let r3 = try #require(lines.first { $0["custom_id"] as? String == "r3" })
    #expect(answer(r3) == "answer 3")
    #expect((r3["response"] as? [String: Any])?["status_code"] as? Int == 200)
    #expect(chatRequests == 12)

    let second = try GroqProcess.run(["batch", "run", path, "--resume", scratch.path("out.jsonl")], server: server)
    #expect(second.status == 0)
    #expect(second.stderr.contains("skipping 12 requests already done"))
    #expect(chatRequests == 12)
  }

  @Test("lines finished out of order end in input order, as results gives them")
  func finishedFileInInputOrder() throws {
    let path = try input(6)
    // r1 is answered only after a later request has been sent, so r2 or r3 surely finishes first.
    let server = server
    server.setHandler { request in
      guard String(decoding: request.body, as: UTF8.self).contains("answer 1\"") else { return nil }
      _ = server.waitForRequests(4, timeout: 10)
      return nil
    }
    let output = scratch.path("out.jsonl")
    let run = try GroqProcess.run(["batch", "run", path, "-j", "3", "-o", output], server: server)
    #expect(run.status == 0, "\(run.stderr)")
    let ids = jsonLines(scratch.read("out.jsonl") ?? "").compactMap { $0["custom_id"] as? String }
    #expect(ids == (1...6).map { "r\($0)" })
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory).filter { $0.contains("groq-order") } == [])
  }

  @Test("killed with SIGKILL and run again: nothing lost, nothing done twice")
  func killAndResume() throws {
    let path = try input(20)
    let answered = PollCounter()
    // The 8th request never gets an answer, so the run is surely mid-way when it is killed.
    server.setHandler { request in
      guard request.path == "/openai/v1/chat/completions" else { return nil }
      return answered.next() == 8 ? .hang : nil
    }
    let output = scratch.path("out.jsonl")
    let process = try GroqProcess(
      ["batch", "run", path, "-j", "1", "-o", output], environment: GroqProcess.environment(server: server, [:]))
    #expect(server.waitForRequests(8, timeout: 20))
    process.signal(SIGKILL)
    #expect(process.finish().status == 128 + 9)
    let before = jsonLines(scratch.read("out.jsonl") ?? "").compactMap { $0["custom_id"] as? String }
    #expect(before == (1...7).map { "r\($0)" })

    server.setHandler(nil)
    let rerun = try GroqProcess.run(["batch", "run", path, "-o", output], server: server)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    let ids = jsonLines(scratch.read("out.jsonl") ?? "").compactMap { $0["custom_id"] as? String }
    #expect(ids.count == 20)
    #expect(Set(ids).count == 20)
    // 8 requests in the first run (one unanswered), 13 in the second: r1...r7 were not sent again.
    #expect(chatRequests == 21)
  }

  @Test("a 429 waits out retry-after and the line is answered")
  func rateLimited() throws {
    let path = try input(2)
    server.enqueue(.rateLimited(retryAfter: "0.05"))
    let result = try GroqProcess.run(["batch", "run", path, "-j", "1"], server: server)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = jsonLines(result.stdout)
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { answer($0) != nil })
    #expect(chatRequests == 3)
  }

  @Test("a request that fails for good is a line with its error; the run goes on")
  func failedLine() throws {
    let path = try scratch.write(
      "mixed.jsonl", batchLine("ok", "echo: yes") + "\n" + batchLine("bad", "hi", model: "no-such-model") + "\n")
    let result = try GroqProcess.run(["batch", "run", path, "-j", "1"], server: server)
    #expect(result.status == 0)
    let lines = jsonLines(result.stdout)
    let bad = try #require(lines.first { $0["custom_id"] as? String == "bad" })
    #expect((bad["response"] as? [String: Any])?["status_code"] as? Int == 404)
    #expect(result.stderr.contains("1 of 2 requests failed"))
  }

  @Test("bad input is refused before anything is sent")
  func badInput() throws {
    let path = try scratch.write("bad.jsonl", batchLine("a", "hi") + "\n{oops\n")
    let result = try GroqProcess.run(["batch", "run", path], server: server)
    #expect(result.status == 2)
    #expect(result.stderr.contains("line 2: not a JSON object"))
    #expect(server.requests.isEmpty)
  }
}

@Suite("groq batch on a terminal")
struct BatchTerminalTests {
  @Test("run draws a progress bar and ends with requests and tokens per minute")
  func runOnTerminal() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let path = try scratch.write("r.jsonl", (1...3).map { batchLine("t\($0)", "echo: \($0)") + "\n" }.joined())
    let result = try PseudoTerminal.run(["batch", "run", path, "-j", "2"], server: server, pipeStdout: true)
    #expect(result.status == 0)
    #expect(jsonLines(result.stdout).count == 3)
    #expect(result.stderr.contains("running ["))
    #expect(result.stderr.contains("3 requests in "))
    #expect(result.stderr.contains("requests/min"))
    #expect(result.stderr.contains("tokens/min"))
  }

  @Test("wait draws completed, failed and total as a bar")
  func waitOnTerminal() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let path = try scratch.write("w.jsonl", [batchLine("a", "echo: 1"), batchLine("b", "fail: x")].joined(separator: "\n"))
    let id = try GroqProcess.run(["batch", "submit", path], server: server).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let result = try PseudoTerminal.run(
      ["batch", "wait", id, "--poll-interval", "0.01"], server: server, pipeStdout: true)
    #expect(result.status == 0)
    #expect(result.stderr.contains("] 2/2, 1 failed"))
    #expect(result.stderr.contains("completed (1 completed, 1 failed of 2)"))
  }
}

@Suite("groq batch with audio lines")
struct BatchAudioTests {
  @Test("transcription lines run locally and on the Batch API give the text")
  func transcriptions() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let prepared = try GroqProcess.run(
      ["batch", "prepare", "--transcribe", "--url-prefix", "https://cdn.example.com/", "-o", scratch.path("a.jsonl")],
      stdin: "a.mp3\nb.mp3\n")
    #expect(prepared.status == 0)
    let local = try GroqProcess.run(["batch", "run", scratch.path("a.jsonl"), "-j", "2"], server: server)
    #expect(local.status == 0, "\(local.stderr)")
    #expect(jsonLines(local.stdout).count == 2)
    let sent = server.requests.filter { $0.path == "/openai/v1/audio/transcriptions" }
    #expect(sent.count == 2)
    #expect(sent.allSatisfy { String(decoding: $0.body, as: UTF8.self).contains("https://cdn.example.com/") })
    let id = try GroqProcess.run(["batch", "submit", scratch.path("a.jsonl")], server: server).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try GroqProcess.run(["batch", "wait", id, "--poll-interval", "0.01"], server: server).status == 0)
    let text = try GroqProcess.run(["batch", "results", id, "--text"], server: server)
    #expect(text.stdout == "Transcript of https://cdn.example.com/a.mp3\nTranscript of https://cdn.example.com/b.mp3\n")
  }

  @Test("groq help batch submit shows the subcommand's help")
  func helpForSubcommand() throws {
    let result = try GroqProcess.run(["help", "batch", "submit"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE\n  groq batch submit [options] <file>"))
    #expect(try GroqProcess.run(["help", "batch", "nope"]).status == 2)
  }
}

@Suite("groq batch faults")
struct BatchFaultTests {
  @Test("Ctrl-C in run keeps every finished line, exit 130, and a rerun finishes the rest")
  func interruptRun() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let path = try scratch.write("r.jsonl", (1...10).map { batchLine("c\($0)", "echo: \($0)") + "\n" }.joined())
    let answered = PollCounter()
    server.setHandler { request in
      guard request.path == "/openai/v1/chat/completions" else { return nil }
      return answered.next() == 4 ? .hang : nil
    }
    let output = scratch.path("out.jsonl")
    let process = try GroqProcess(
      ["batch", "run", path, "-j", "1", "-o", output], environment: GroqProcess.environment(server: server, [:]))
    #expect(server.waitForRequests(4, timeout: 20))
    process.interrupt()
    #expect(process.finish().status == 130)
    #expect(jsonLines(scratch.read("out.jsonl") ?? "").count == 3)
    server.setHandler(nil)
    #expect(try GroqProcess.run(["batch", "run", path, "-o", output], server: server).status == 0)
    #expect(Set(jsonLines(scratch.read("out.jsonl") ?? "").compactMap { $0["custom_id"] as? String }).count == 10)
  }

  @Test("results of a batch whose input file was deleted: every result, in Groq's order, with a warning")
  func inputGone() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let path = try scratch.write("in.jsonl", (1...3).map { batchLine("g\($0)", "echo: \($0)") + "\n" }.joined())
    let id = try GroqProcess.run(["batch", "submit", path], server: server).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try GroqProcess.run(["batch", "wait", id, "--poll-interval", "0.01"], server: server).status == 0)
    let status = try GroqProcess.run(["batch", "status", id, "--json"], server: server)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let input = try #require(object["input_file_id"] as? String)
    #expect(try GroqProcess.run(["files", "delete", input], server: server).status == 0)
    let results = try GroqProcess.run(["batch", "results", id], server: server)
    #expect(results.status == 0)
    #expect(jsonLines(results.stdout).count == 3)
    #expect(results.stderr.contains("input file \(input) is gone"))
  }

  @Test("results before the batch has any: an error that says to wait")
  func notYet() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let path = try scratch.write("in.jsonl", batchLine("n", "hi") + "\n")
    let id = try GroqProcess.run(["batch", "submit", path], server: server).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let results = try GroqProcess.run(["batch", "results", id], server: server)
    #expect(results.status == 1)
    #expect(results.stderr.contains("it has no results yet"))
    #expect(results.stderr.contains("hint: groq batch wait \(id)"))
  }
}

@Suite("groq batch against the server's limits")
struct BatchServerLimitTests {
  @Test("a file the server finds too large: the 413 is reported, exit 1")
  func tooLarge() throws {
    let server = try FakeGroqServer()
    server.batchSettings.maxBytes = 100
    let scratch = try BatchScratch()
    let path = try scratch.write("in.jsonl", batchLine("a", "hi") + "\n")
    let result = try GroqProcess.run(["batch", "submit", path], server: server)
    #expect(result.status == 1)
    #expect(result.stderr.contains("file exceeds the maximum size"))
  }

  @Test("more lines than the server takes: the batch fails validation, and wait says why")
  func tooManyLines() throws {
    let server = try FakeGroqServer()
    server.batchSettings.maxLines = 2
    let scratch = try BatchScratch()
    let path = try scratch.write("in.jsonl", (1...3).map { batchLine("m\($0)", "hi") + "\n" }.joined())
    let id = try GroqProcess.run(["batch", "submit", path], server: server).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let wait = try GroqProcess.run(["batch", "wait", id, "--poll-interval", "0.01"], server: server)
    #expect(wait.status == 1)
    #expect(wait.stderr.contains("the file has 3 lines; at most 2 are allowed (too_many_lines)"))
  }
}
