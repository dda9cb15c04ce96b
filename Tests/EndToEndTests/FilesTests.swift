import FakeGroq
import Foundation
import Testing

@Suite("groq files")
struct FilesTests {
  @Test("upload, list, info, download (standard output and -o), delete")
  func roundTrip() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let content = [batchLine("1", "hi"), batchLine("2", "ho")].joined(separator: "\n") + "\n"
    let path = try scratch.write("requests.jsonl", content)
    let upload = try GroqProcess.run(["files", "upload", path], server: server)
    #expect(upload.status == 0)
    let id = upload.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(id.hasPrefix("file_"))

    let list = try GroqProcess.run(["files", "list"], server: server)
    #expect(list.stdout.hasPrefix("\(id)\t\(content.utf8.count)\t"))
    #expect(list.stdout.contains("\trequests.jsonl\tbatch\n"))
    let info = try GroqProcess.run(["files", "info", id, "--json"], server: server)
    #expect(info.stdout.contains("\"filename\":\"requests.jsonl\""))

    let stdout = try GroqProcess.run(["files", "download", id], server: server)
    #expect(stdout.stdout == content)
    let file = try GroqProcess.run(["files", "download", id, "-o", scratch.path("copy.jsonl")], server: server)
    #expect(file.status == 0)
    #expect(scratch.read("copy.jsonl") == content)

    let delete = try GroqProcess.run(["files", "delete", id], server: server)
    #expect(delete.stdout == "deleted \(id)\n")
    let gone = try GroqProcess.run(["files", "info", id], server: server)
    #expect(gone.status == 1)
    #expect(gone.stderr.hasPrefix("groq: error: no file named '\(id)'"))
  }

  @Test("a download to a file that fails leaves no file under the name asked for")
  func failedDownloadLeavesNothing() throws {
    let server = try FakeGroqServer()
    let scratch = try BatchScratch()
    let result = try GroqProcess.run(
      ["files", "download", "file_missing", "-o", scratch.path("out.jsonl")], server: server)
    #expect(result.status == 1)
    #expect(scratch.read("out.jsonl") == nil)
    #expect((try FileManager.default.contentsOfDirectory(atPath: scratch.directory)).isEmpty)
  }

  @Test("groq files alone shows its commands; an unknown one is a usage error")
  func group() throws {
    let help = try GroqProcess.run(["files"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("COMMANDS\n  list"))
    let unknown = try GroqProcess.run(["files", "lst"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean 'files list'?"))
  }
}
