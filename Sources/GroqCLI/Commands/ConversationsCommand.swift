import Foundation

/// `groq conversations`: every saved conversation found, read, exported, renamed and removed from the command line.
struct ConversationsCommand: Command {
  static let readsSettings = false

  enum Action: String, CaseIterable, Sendable {
    case list, show, search, export, rename, delete, prune
  }

  static let spec = CommandSpec(
    name: "conversations",
    summary: "List, search, show, export and prune saved conversations",
    discussion: """
      chat saves every conversation in $XDG_DATA_HOME/groq/conversations (~/.local/share), one JSON file each. \
      'list' (the default) prints them newest first: name, title (the first question, or one given with /title \
      in chat), model, exchanges and age. 'show NAME' prints one readable, with --json the file as saved and with \
      --markdown as Markdown, which is also what 'export' writes. 'search TEXT' looks through every message, case \
      not minding, and prints each matching line. 'delete' asks first on a terminal; scripts pass --yes. 'prune \
      --older-than 30d' removes those not updated for that long, --keep-named sparing the ones given a name.
      """,
    arguments: [
      ArgumentSpec(
        name: "action", help: "list (the default), show, search, export, rename, delete or prune",
        completion: .choices(Action.allCases.map(\.rawValue))),
      ArgumentSpec(
        name: "name", help: "The conversation (search: the text to find)", variadic: true,
        completion: .conversations),
    ],
    options: [
      OptionSpec(long: "json", help: "Print JSON: the list, the search's matches, or the saved file"),
      OptionSpec(long: "markdown", help: "With show: write the conversation as Markdown"),
      OptionSpec(long: "limit", short: "n", value: ValueSpec("n"), help: "With list and search: at most this many"),
      OptionSpec(
        long: "older-than", value: ValueSpec("age"), help: "With prune: not updated for this long: 30d, 12h, 2w"),
      OptionSpec(long: "keep-named", help: "With prune: keep conversations that were given a name"),
      OptionSpec(long: "dry-run", help: "With prune: print what would be removed, and remove nothing"),
      OptionSpec(long: "yes", short: "y", help: "With delete and prune: do not ask"),
    ],
    examples: [
      Example("Newest first", "groq conversations"),
      Example("Every line that mentions rate limits", "groq conversations search \"rate limit\""),
      Example("Read one, or keep it as Markdown", "groq conversations export notes > notes.md"),
      Example("Give a generated name a better one", "groq conversations rename 2026-11-30-132350-3f3a notes"),
      Example("Clear out a month's one-off questions", "groq conversations prune --older-than 30d --keep-named"),
    ],
    environment: [
      EnvironmentSpec("XDG_DATA_HOME", "Conversations are in $XDG_DATA_HOME/groq/conversations (~/.local/share)")
    ]
  )

  var action: Action
  var names: [String]
  var json: Bool
  var markdown: Bool
  var limit: Int?
  var olderThan: Double?
  var keepNamed: Bool
  var dryRun: Bool
  var yes: Bool

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    (action, names) = try Subcommand.parse(arguments.positionals, default: Action.list, command: "conversations")
    json = arguments.flag("json")
    markdown = arguments.flag("markdown")
    limit = try arguments.integer("limit", in: 1...Int.max, command: "conversations")
    keepNamed = arguments.flag("keep-named")
    dryRun = arguments.flag("dry-run")
    yes = arguments.flag("yes")
    olderThan = nil
    if let text = arguments.value("older-than") {
      guard let seconds = AgeSpan.seconds(text) else {
        throw UsageError(
          "invalid value '\(text)' for --older-than", hint: "a number and a unit: 45m, 12h, 30d or 2w",
          command: "conversations")
      }
      olderThan = seconds
    }
    try check()
  }

  /// Each action's words and options, so a misplaced flag is an error rather than ignored.
  private func check() throws(UsageError) {
    let usage = "conversations \(action)"
    switch action {
    case .list: try Subcommand.expect(names, [], usage: usage, command: "conversations")
    case .show, .export: try Subcommand.expect(names, ["name"], usage: usage, command: "conversations")
    case .rename: try Subcommand.expect(names, ["name", "new-name"], usage: usage, command: "conversations")
    case .search:
      guard !names.isEmpty, !names.joined().isEmpty else {
        throw UsageError("conversations search needs the text to find", command: "conversations")
      }
    case .delete:
      if names.isEmpty { throw UsageError("conversations delete needs at least one <name>", command: "conversations") }
    case .prune:
      try Subcommand.expect(names, [], usage: usage, command: "conversations")
      if olderThan == nil {
        throw UsageError("prune needs --older-than", hint: "for example --older-than 30d", command: "conversations")
      }
    }
    let allowed: [Action: Set<String>] = [
      .list: ["json", "limit"], .search: ["json", "limit"], .show: ["json", "markdown"], .export: ["json"],
      .delete: ["yes"], .prune: ["older-than", "keep-named", "dry-run", "yes"], .rename: [],
    ]
    let given: [(String, Bool)] = [
      ("json", json), ("markdown", markdown), ("limit", limit != nil), ("older-than", olderThan != nil),
      ("keep-named", keepNamed), ("dry-run", dryRun), ("yes", yes),
    ]
    if let wrong = given.first(where: { $0.1 && !(allowed[action] ?? []).contains($0.0) }) {
      throw UsageError("--\(wrong.0) does not go with 'conversations \(action)'", command: "conversations")
    }
    if json && markdown { throw UsageError("give --json or --markdown, not both", command: "conversations") }
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    guard let directory = UserDirectories(environment: context.environment).conversations else {
      throw CLIError("there is no home directory to find conversations in", hint: "set HOME or XDG_DATA_HOME")
    }
    let store = ConversationStore(directory: directory)
    let terminal = context.terminal
    switch action {
    case .list: try terminal.out(list(store, terminal: terminal))
    case .show: try terminal.out(try show(store, asMarkdown: markdown))
    case .export: try terminal.out(try show(store, asMarkdown: !json))
    case .search:
      let hits = store.search(names.joined(separator: " ")).prefix(limit ?? Int.max)
      try terminal.out(json ? Self.json(Array(hits)) : hits.map(Self.describe).joined(separator: "\n"))
      return hits.isEmpty ? .failure : .success
    case .rename:
      try store.move(names[0], to: names[1])
    case .delete:
      let missing = names.filter { !store.exists($0) }
      if let first = missing.first { throw store.unknown(first) }
      try remove(
        names, from: store, what: names.count == 1 ? "'\(names[0])'" : "\(names.count) conversations",
        terminal: terminal)
    case .prune: try prune(store, terminal: terminal)
    }
    return .success
  }

  private func list(_ store: ConversationStore, terminal: Terminal) -> String {
    let (all, unreadable) = ConversationIndex(directory: store.directory).summaries()
    if let first = unreadable.first {
      // Listed apart rather than dropped in silence: a damaged file is still the user's.
      terminal.warning(
        "\(unreadable.count) conversation file\(unreadable.count == 1 ? "" : "s") could not be read: "
          + unreadable.prefix(5).joined(separator: ", ") + (unreadable.count > 5 ? ", ..." : ""),
        hint: "'groq conversations show \(first)' says why")
    }
    let summaries = Array(all.prefix(limit ?? Int.max))
    if json { return Self.json(summaries) }
    let now = Date()
    let rows = summaries.map { summary in
      [
        summary.id, summary.title, summary.model, String(summary.exchanges),
        ConversationTranscript.age(summary.updated, now: now),
      ]
    }
    return Self.table(rows)
  }

  private func show(_ store: ConversationStore, asMarkdown: Bool) throws -> String {
    let conversation = try store.require(names[0])
    if json || (!asMarkdown && action == .export) {
      // The file as saved: it holds no key, and `jq` reads it as it is.
      return String(decoding: try Data(contentsOf: store.file(conversation.id)), as: UTF8.self)
    }
    let modified =
      (try? store.file(conversation.id).resourceValues(forKeys: [.contentModificationDateKey]))?
      .contentModificationDate ?? conversation.updated
    let transcript = ConversationTranscript(conversation, updated: modified)
    return asMarkdown ? transcript.markdown : transcript.text
  }

  private func prune(_ store: ConversationStore, terminal: Terminal) throws {
    let cutoff = Date().addingTimeInterval(-(olderThan ?? 0))
    let old = store.summaries().filter { $0.updated < cutoff && !(keepNamed && $0.named) }.map(\.id)
    if dryRun {
      try terminal.out(old.map { $0 + "\n" }.joined())
      terminal.err("would remove \(old.count) conversation\(old.count == 1 ? "" : "s")\n")
      return
    }
    guard !old.isEmpty else {
      terminal.err("no conversation is that old\n")
      return
    }
    try remove(old, from: store, what: "\(old.count) conversation\(old.count == 1 ? "" : "s")", terminal: terminal)
  }

  /// Asks on a terminal unless --yes; refuses in a script without --yes, since nothing brings the files back.
  private func remove(_ ids: [String], from store: ConversationStore, what: String, terminal: Terminal) throws {
    if !yes {
      guard terminal.stdinIsTTY else {
        throw CLIError("deleting \(what) needs --yes when not on a terminal", status: .usage)
      }
      guard Confirmation.ask("delete \(what)?", terminal: terminal) else {
        throw CLIError("nothing was deleted", status: .failure)
      }
    }
    for id in ids { store.remove(id) }
    terminal.err("deleted \(what)\n")
  }

  /// Columns padded to their widest cell, the last left ragged.
  static func table(_ rows: [[String]]) -> String {
    guard let columns = rows.first?.count else { return "" }
    let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ") + "\n"
    }.joined()
  }

  static func describe(_ hit: ConversationSearch.Hit) -> String {
    "\(hit.id)  \(hit.title)\n"
      + hit.matches.map { "  \($0.role == "user" ? "you" : $0.role): \($0.line)\n" }.joined()
  }

  static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .internetTime
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "[]\n"
  }
}
