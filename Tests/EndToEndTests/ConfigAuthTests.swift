import FakeGroq
import Foundation
import Testing

/// config.toml and the key's sources, end to end, with HOME and XDG_CONFIG_HOME in a scratch directory.
@Suite("config file and auth", .timeLimit(.minutes(1)))
struct ConfigAuthTests {
  /// A home of its own, and where groq keeps its config in it.
  struct Home {
    let environment: [String: String]
    let config: String

    init() {
      let home = GroqProcess.scratchDirectory("home")
      config = home + "/xdg-config/groq"
      environment = ["HOME": home, "XDG_CONFIG_HOME": home + "/xdg-config"]
    }

    var file: String { config + "/config.toml" }

    func write(_ name: String, _ text: String, mode: Int = 0o600) throws {
      try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
      try text.write(toFile: config + "/" + name, atomically: false, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: config + "/" + name)
    }

    /// An executable script in the home, for api_key_command and EDITOR.
    func script(_ name: String, _ body: String) throws -> String {
      let path = environment["HOME"]! + "/" + name
      try FileManager.default.createDirectory(atPath: environment["HOME"]!, withIntermediateDirectories: true)
      try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: false, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
      return path
    }

    func with(_ extra: [String: String]) -> [String: String] { environment.merging(extra) { $1 } }
  }

  static let noKey = ["GROQ_API_KEY": ""]

  @Test("set, get, list and unset keep the user's comments and order")
  func setGetUnset() throws {
    let home = Home()
    try home.write("config.toml", "# mine\nstream = true # keep\n")
    for arguments in [["config", "set", "model.chat", "openai/gpt-oss-20b"], ["config", "set", "stream", "off"]] {
      #expect(try GroqProcess.run(arguments, environment: home.environment).status == 0)
    }
    #expect(
      try String(contentsOfFile: home.file, encoding: .utf8)
        == "# mine\nstream = false # keep\n\n[model]\nchat = \"openai/gpt-oss-20b\"\n")
    #expect(try GroqProcess.run(["config", "get", "model.chat"], environment: home.environment).stdout
      == "openai/gpt-oss-20b\n")
    #expect(try GroqProcess.run(["config", "list"], environment: home.environment).stdout
      == "stream = false\nmodel.chat = \"openai/gpt-oss-20b\"\n")
    #expect(try GroqProcess.run(["config", "unset", "stream"], environment: home.environment).status == 0)
    #expect(try GroqProcess.run(["config", "get", "stream"], environment: home.environment).status == 1)
    #expect(try GroqProcess.run(["config", "path"], environment: home.environment).stdout == home.file + "\n")
  }

  @Test("a wrong key or value is refused by set, with a suggestion, and nothing is written")
  func setRefuses() throws {
    let home = Home()
    let unknown = try GroqProcess.run(["config", "set", "modle.chat", "x"], environment: home.environment)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean 'model.chat'?"))
    let bad = try GroqProcess.run(["config", "set", "max_retries", "50"], environment: home.environment)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("max_retries must be a whole number from 0 to 10"))
    #expect(!FileManager.default.fileExists(atPath: home.file))
  }

  @Test("a broken file stops chat with file and line, exit 2; groq config still works and never writes over it")
  func brokenFile() throws {
    let server = try FakeGroqServer()
    let home = Home()
    try home.write("config.toml", "stream = true\ntimeout = \"soon\n")
    let chat = try GroqProcess.run(["chat", "hi"], server: server, environment: home.environment)
    #expect(chat.status == 2)
    #expect(chat.stderr.hasPrefix("groq: error: \(home.file):2: the string has no closing \"\n"))
    #expect(server.requests.isEmpty)
    let set = try GroqProcess.run(["config", "set", "stats", "true"], environment: home.environment)
    #expect(set.status == 2)
    #expect(try String(contentsOfFile: home.file, encoding: .utf8) == "stream = true\ntimeout = \"soon\n")
    #expect(try GroqProcess.run(["config", "path"], environment: home.environment).status == 0)

    try home.write("config.toml", "[model]\nchta = \"x\"\n")
    let unknown = try GroqProcess.run(["chat", "hi"], server: server, environment: home.environment)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("\(home.file):2: unknown key 'model.chta'\nhint: did you mean 'model.chat'?"))
    #expect(try GroqProcess.run(["config", "unset", "model.chta"], environment: home.environment).status == 0)
    #expect(try String(contentsOfFile: home.file, encoding: .utf8) == "[model]\n")
    #expect(try GroqProcess.run(["chat", "hi"], server: server, environment: home.environment).status == 0)
    #expect(try GroqProcess.run(["config", "unset", "modle.chat"], environment: home.environment).status == 2)
  }

  @Test("edit saves a copy that checks out, and leaves the file alone when it does not")
  func edit() throws {
    let home = Home()
    try home.write("config.toml", "stats = true\n")
    let good = try home.script("good-editor", "echo 'stream = false' >> \"$1\"")
    #expect(try GroqProcess.run(["config", "edit"], environment: home.with(["EDITOR": good])).status == 0)
    #expect(try String(contentsOfFile: home.file, encoding: .utf8) == "stats = true\nstream = false\n")
    let bad = try home.script("bad-editor", "echo 'colour = \"never\"' >> \"$1\"")
    let result = try GroqProcess.run(["config", "edit"], environment: home.with(["VISUAL": bad]))
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(home.file):3: unknown key 'colour'"))
    #expect(try String(contentsOfFile: home.file, encoding: .utf8) == "stats = true\nstream = false\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: home.config) == ["config.toml"])
  }

  @Test("base_url and timeout from the config reach the request; GROQ_BASE_URL wins over the file")
  func networkFromConfig() throws {
    let server = try FakeGroqServer()
    let home = Home()
    try home.write("config.toml", "base_url = \"\(server.baseURL)\"\nmax_retries = 0\n")
    let fromFile = try GroqProcess.run(
      ["chat", "hi"], server: server, environment: home.with(["GROQ_BASE_URL": ""]))
    #expect(fromFile.status == 0)
    #expect(server.requests.count == 1)
    try home.write("config.toml", "base_url = \"http://127.0.0.1:1\"\n")
    #expect(try GroqProcess.run(["chat", "hi"], server: server, environment: home.environment).status == 0)
    #expect(server.requests.count == 2)
  }

  @Test("the key comes from api_key_command, then the credentials file; status names the source, masked")
  func keySources() throws {
    let server = try FakeGroqServer()
    let home = Home()
    let environment = home.with(Self.noKey)
    #expect(try GroqProcess.run(["auth", "status"], environment: environment).status == 4)

    try home.write("credentials", GroqProcess.testKey + "\n")
    #expect(try GroqProcess.run(["chat", "hi"], server: server, environment: environment).status == 0)
    let fromFile = try GroqProcess.run(["auth", "status"], environment: environment)
    #expect(fromFile.stdout == "key: gsk_..._key\nfrom: \(home.config)/credentials\n")

    let command = try home.script("key-command", "echo \(GroqProcess.testKey)\necho second line")
    try home.write("config.toml", "api_key_command = \"\(command) --quiet\"\n")
    #expect(try GroqProcess.run(["chat", "hi"], server: server, environment: environment).status == 0)
    #expect(server.requests.count == 2)
    let fromCommand = try GroqProcess.run(["auth", "status"], environment: environment)
    #expect(fromCommand.stdout == "key: gsk_..._key\nfrom: api_key_command (\(command) --quiet)\n")

    let fromEnvironment = try GroqProcess.run(["auth", "status"], environment: home.with(["GROQ_API_KEY": "gsk_abcdefgh9f3a"]))
    #expect(fromEnvironment.stdout == "key: gsk_...9f3a\nfrom: the environment (GROQ_API_KEY)\n")
    for result in [fromFile, fromCommand, fromEnvironment] {
      #expect(!result.stdout.contains(GroqProcess.testKey) && !result.stdout.contains("abcdefgh"))
    }
  }

  @Test("a failing key command is exit 4 and its output is not shown")
  func failingKeyCommand() throws {
    let server = try FakeGroqServer()
    let home = Home()
    let command = try home.script("fails", "echo gsk_leaked_secret\necho gsk_leaked_too >&2\nexit 3")
    try home.write("config.toml", "api_key_command = \"\(command)\"\n")
    let result = try GroqProcess.run(["chat", "hi"], server: server, environment: home.with(Self.noKey))
    #expect(result.status == 4)
    #expect(result.stderr.hasPrefix("groq: error: api_key_command failed (exit status 3)\n"))
    #expect(!result.stderr.contains("leaked"))
    #expect(server.requests.isEmpty)
  }

  @Test("a credentials file others can read is refused, as ssh does")
  func looseCredentials() throws {
    let server = try FakeGroqServer()
    let home = Home()
    try home.write("credentials", GroqProcess.testKey + "\n", mode: 0o644)
    let result = try GroqProcess.run(["chat", "hi"], server: server, environment: home.with(Self.noKey))
    #expect(result.status == 4)
    #expect(result.stderr.contains("can be read by others (mode 644)"))
    #expect(result.stderr.contains("hint: chmod 600 \(home.config)/credentials"))
    #expect(server.requests.isEmpty)
  }

  @Test("login checks the key with /models and stores it 0600; a rejected key stores nothing; logout removes it")
  func loginLogout() throws {
    let server = try FakeGroqServer()
    let home = Home()
    let environment = home.with(Self.noKey.merging(["GROQ_BASE_URL": server.baseURL]) { $1 })
    let rejected = try GroqProcess.run(["auth", "login"], stdin: "gsk_wrong_key_0000\n", environment: environment)
    #expect(rejected.status == 4)
    #expect(!rejected.stderr.contains("gsk_wrong_key_0000"))
    #expect(!FileManager.default.fileExists(atPath: home.config + "/credentials"))

    let login = try GroqProcess.run(["auth", "login"], stdin: GroqProcess.testKey + "\n", environment: environment)
    #expect(login.status == 0)
    #expect(login.stderr == "stored the key gsk_..._key in \(home.config)/credentials\n")
    #expect(server.requests.last?.path.hasSuffix("/models") == true)
    let attributes = try FileManager.default.attributesOfItem(atPath: home.config + "/credentials")
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    #expect(try GroqProcess.run(["chat", "hi"], server: server, environment: environment).status == 0)

    let argv = try GroqProcess.run(["auth", "login", "gsk_in_argv"], environment: environment)
    #expect(argv.status == 2)
    #expect(!argv.stderr.contains("gsk_in_argv"))

    #expect(try GroqProcess.run(["auth", "logout"], environment: environment).status == 0)
    #expect(!FileManager.default.fileExists(atPath: home.config + "/credentials"))
    #expect(try GroqProcess.run(["auth", "status"], environment: environment).status == 4)
  }

  @Test("login on a terminal reads the key without echoing it")
  func loginOnTerminal() throws {
    let server = try FakeGroqServer()
    let home = Home()
    let session = try TerminalSession(
      ["auth", "login"], server: server, environment: home.with(Self.noKey.merging(["GROQ_BASE_URL": server.baseURL]) { $1 }))
    #expect(session.expect("(it is not shown): "))
    session.type(GroqProcess.testKey + "\r")
    #expect(session.expect("stored the key gsk_..._key"))
    #expect(session.finish() == 0)
    #expect(!session.transcript.contains(GroqProcess.testKey))
    #expect(FileManager.default.fileExists(atPath: home.config + "/credentials"))
  }
}
