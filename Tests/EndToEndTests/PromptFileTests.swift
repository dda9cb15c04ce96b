import FakeGroq
import Foundation
import Testing

/// `-f` and `/file`: text files into the prompt, under their names.
@Suite("files in the prompt")
struct PromptFileTests {
  /// A fresh folder with these files in it.
  static func folder(_ files: [String: Data]) throws -> String {
    let root = GroqProcess.scratchDirectory("files")
    for (name, data) in files {
      let url = URL(fileURLWithPath: root + "/" + name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
    return root
  }

  static func lastMessage(_ server: FakeGroqServer) throws -> String {
    let body = try #require(try server.requests.last { $0.path.hasSuffix("/chat/completions") }?.json())
    return REPLTests.messages(body).last?.content ?? ""
  }

  @Test("-f puts each file under its name in a fence before the prompt; globs and - (standard input) work")
  func files() throws {
    let server = try FakeGroqServer()
    let root = try Self.folder(["a.txt": Data("alpha\n".utf8), "b.txt": Data("has ``` inside".utf8)])
    let result = try GroqProcess.run(
      ["chat", "-f", root + "/*.txt", "-f", "-", "Summarise"], stdin: "from stdin\n", server: server)
    #expect(result.status == 0)
    #expect(
      try Self.lastMessage(server) == """
        ## \(root)/a.txt

        ```
        alpha
        ```

        ## \(root)/b.txt

        ````
        has ``` inside
        ````

        ## standard input

        ```
        from stdin
        ```

        Summarise
        """)
  }

  @Test("binary files, directories without --recursive and more than the context are refused before sending")
  func refusals() throws {
    let server = try FakeGroqServer()
    let root = try Self.folder([
      "photo.png": Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0]), "big.txt": Data(repeating: 0x61, count: 600_000),
      "src/main.swift": Data("print(1)\n".utf8), "src/build/out.o": Data("x".utf8),
      "src/notes.log": Data("log".utf8), "src/.gitignore": Data("build/\n*.log\n".utf8),
    ])
    let binary = try GroqProcess.run(["chat", "-f", root + "/photo.png", "hi"], server: server)
    #expect(binary.status == 2)
    #expect(binary.stderr.hasPrefix("groq: error: \(root)/photo.png is not a text file"))
    let directory = try GroqProcess.run(["chat", "-f", root + "/src", "hi"], server: server)
    #expect(directory.status == 2)
    #expect(directory.stderr.contains("add --recursive"))
    let big = try GroqProcess.run(["chat", "-f", root + "/big.txt", "hi"], server: server)
    #expect(big.status == 2)
    // 600,000 bytes at four a token, and the heading's path, whose length varies with the scratch folder's name.
    #expect(big.stderr.contains("about 150,0"))
    #expect(big.stderr.contains("tokens, more than openai/gpt-oss-120b's context of 131,072"))
    #expect(server.requests.filter { $0.path.hasSuffix("/chat/completions") }.isEmpty)

    let recursive = try GroqProcess.run(["chat", "--recursive", "-f", root + "/src", "hi"], server: server)
    #expect(recursive.status == 0)
    let message = try Self.lastMessage(server)
    #expect(message.contains("## \(root)/src/.gitignore"))
    #expect(message.contains("## \(root)/src/main.swift"))
    #expect(!message.contains("out.o"))
    #expect(!message.contains("notes.log"))
  }

  @Test("/file adds a file to the next message only")
  func slashFile() throws {
    let server = try FakeGroqServer()
    let root = try Self.folder(["notes.md": Data("# Notes\n".utf8)])
    let session = try REPLTests.open(server)
    session.type("/file \(root)/notes.md\r")
    #expect(session.expect("1 file(s), about"))
    session.type("read it\r")
    #expect(session.expect(ChatTests.answer))
    session.type("and again\r")
    #expect(session.expect(ChatTests.answer))
    session.type("\u{04}")
    #expect(session.finish() == 0)
    let bodies = try REPLTests.chatBodies(server)
    #expect(REPLTests.messages(bodies[0]).last?.content == "## \(root)/notes.md\n\n```\n# Notes\n```\n\nread it")
    #expect(REPLTests.messages(bodies[1]).last?.content == "and again")
  }
}
