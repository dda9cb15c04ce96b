import FakeGroq
import Foundation
import Testing

/// Conversation and history files in folders others could tamper with (issue 11, items 7 and 11).
@Suite("conversation files: folders, symlinks, non-regular files")
struct ConversationFileSafetyTests {
  static func directory(_ home: [String: String]) -> String { home["HOME"]! + "/.local/share/groq/conversations" }

  @Test("a conversations folder that others can write to is refused, and nothing is sent")
  func sharedFolderRefused() throws {
    let server = try FakeGroqServer()
    let home = ConversationTests.home()
    let directory = Self.directory(home)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    chmod(directory, 0o777)
    let result = try GroqProcess.run(["chat", "--session", "s", "hi"], server: server, environment: home)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: refusing to use \(directory) for conversations: other users can write to it"))
    #expect(server.requests.isEmpty)
    let unnamed = try GroqProcess.run(["chat", "hi"], server: server, environment: home)
    #expect(unnamed.stderr.contains("groq: warning: refusing to use \(directory)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
  }

  @Test("a symlinked conversation is written through to its target; the link stays a link")
  func symlinkWrittenThrough() throws {
    let server = try FakeGroqServer()
    let home = ConversationTests.home()
    #expect(try GroqProcess.run(["chat", "--session", "real", "one"], server: server, environment: home).status == 0)
    let directory = Self.directory(home)
    let elsewhere = home["HOME"]! + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.moveItem(atPath: directory + "/real.json", toPath: elsewhere + "/real.json")
    try FileManager.default.createSymbolicLink(atPath: directory + "/linked.json", withDestinationPath: elsewhere + "/real.json")
    #expect(try GroqProcess.run(["chat", "--session", "linked", "two"], server: server, environment: home).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/linked.json") == elsewhere + "/real.json")
    #expect(try ConcurrentSaveTests.saved(["HOME": home["HOME"]!], "linked") == ["one", ChatTests.answer, "two", ChatTests.answer])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }.isEmpty)
  }

  @Test("a conversation that is a FIFO is refused rather than read forever")
  func fifoConversation() throws {
    let server = try FakeGroqServer()
    let home = ConversationTests.home()
    let directory = Self.directory(home)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    mkfifo(directory + "/pipe.json", 0o600)
    let result = try GroqProcess.run(["chat", "--session", "pipe", "hi"], server: server, environment: home, timeout: 10)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("groq: error: the conversation \(directory)/pipe.json is not a regular file"))
  }
}
