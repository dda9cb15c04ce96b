#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
@preconcurrency import CEditLine
import Foundation

/// Line editing, history and Tab completion through libedit: the only file that imports it.
///
/// libedit is used through its readline compatibility layer, because its native `el_set()` and `history()` are C
/// variadics Swift cannot call (platform-notes section 4). That layer keeps its state in globals and gives the
/// completion callback no context pointer, so the completer lives in a static.
final class LineEditor: Sendable {
  /// What a read produced.
  enum Event: Equatable, Sendable {
    case line(String)
    /// A line holding a paste of several lines: one message, never a command.
    case pasted(String)
    /// Ctrl-C at the prompt: the line is thrown away.
    case interrupted
    /// Ctrl-D on an empty line.
    case end
  }

  /// Offers completions for `word`, given the line up to the word's start; nil means file names.
  typealias Completer = @Sendable (_ before: String, _ word: String) -> [String]?
  /// A line to show beside each of several matches (a conversation's title), or nil to show the words alone.
  typealias Describer = @Sendable (_ before: String, _ matches: [String]) -> [String: String]?

  static let historyLimit = 1000
  /// libedit's variables, found once it is loaded.
  private static var libedit: groq_editline_variables { groq_editline_variables().pointee }

  private let historyFile: URL?
  /// The terminal as groq found it, put back when the REPL ends.
  nonisolated(unsafe) private static var original = termios()
  private let keepOutOfHistory: @Sendable (String) -> Bool

  /// Set up once per process; `historyFile` nil keeps no history on disk (--no-history, GROQ_HISTORY=0).
  /// Loads libedit, which groq does not link (see CEditLine.h): only the REPL needs it.
  init(
    historyFile: URL?, completer: @escaping Completer, describer: Describer? = nil,
    keepOutOfHistory: @escaping @Sendable (String) -> Bool
  ) throws(CLIError) {
    if let failure = groq_editline_load() {
      throw CLIError(
        "could not load libedit for the line editor: " + String(cString: failure),
        hint: "install libedit2 (apt-get install libedit2), or give the prompt: groq chat 'hi'")
    }
    self.historyFile = historyFile
    self.keepOutOfHistory = keepOutOfHistory
    // Without a character-type locale libedit drops every non-ASCII byte typed (platform-notes section 4).
    // LC_CTYPE only: LC_NUMERIC would change how C formats numbers.
    setlocale(LC_CTYPE, "")
    Self.libedit.readline_name.pointee = UnsafePointer(strdup("groq"))
    // libedit's own SIGINT handler would switch the terminal to cooked mode and re-raise the signal mid-line;
    // Interrupts handles Ctrl-C instead.
    Self.libedit.catch_signals.pointee = 0
    tcgetattr(0, &Self.original)
    // Keys reach libedit through `keys`, which takes bracketed pastes out first. Set before rl_initialize, which
    // installs it only if it is set then; it returns whole characters, not bytes.
    Self.libedit.getc_function.pointee = { _ in LineEditor.nextCharacter() }
    rl_initialize()
    using_history()
    stifle_history(Int32(Self.historyLimit))
    // `/` must stay inside the word, or `/mo` would complete as `mo`.
    Self.libedit.completer_word_break_characters.pointee = strdup(" \t\n")
    Self.completer = completer
    Self.describer = describer
    Self.libedit.attempted_completion_function.pointee = { text, start, _ in LineEditor.complete(text, start: start) }
    if let historyFile {
      // Trim before reading: the file is only ever appended to, by every run.
      _ = history_truncate_file(historyFile.path, Int32(Self.historyLimit))
      _ = read_history(historyFile.path)
    }
  }

  /// Reads one line on a thread of its own, so waiting for the user blocks no task. Keys are held again by the
  /// time it returns (see `readBlocking`).
  func read(prompt: String) async -> Event {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: Self.readBlocking(prompt: prompt)) }.start()
    }
  }

  /// Puts the terminal back as it was found.
  func close() {
    tcsetattr(0, TCSADRAIN, &Self.original)
  }

  /// Back to holding typed keys for the next prompt, after `close` let another program (an editor) use the terminal.
  func resume() {
    Self.holdTypeahead()
  }

  /// Between prompts (while an answer streams) keys typed ahead wait unechoed for the next prompt, which shows them.
  /// In the terminal's cooked mode they would be echoed into the answer, and a Ctrl-D would be an end of file
  /// instead of a key. Ctrl-C still signals. libedit ignores settings made outside cooked mode, so it goes on
  /// restoring the original ones.
  private static func holdTypeahead() {
    var settings = original
    settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &settings.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    tcsetattr(0, TCSANOW, &settings)
  }

  /// libedit's callback interface, driven by our own poll(2) on the terminal and the Ctrl-C latch.
  ///
  /// Plain readline() cannot be interrupted reliably: the signal lands on the main thread, which on Linux is parked
  /// in dispatch_main and is never the one reading, and libedit retries a read that EINTR does interrupt. Polling
  /// both descriptors makes Ctrl-C at the prompt independent of which thread the signal reached.
  private static func readBlocking(prompt: String) -> Event {
    finished = nil
    // Without libedit's signal handlers it never hears of SIGWINCH; a window resized during an answer is measured
    // here, before the prompt is drawn.
    rl_resize_terminal()
    if bracketsPastes { send(BracketedPaste.enable) }
    rl_callback_handler_install(prompt) { line in
      LineEditor.finished =
        line.map { pointer in
          let text = String(cString: pointer)
          return LineEditor.keys.restore(text).map(Event.pasted) ?? .line(text)
        } ?? .end
      free(line)
    }
    defer {
      rl_callback_handler_remove()
      // Removing the handler puts the terminal back in cooked mode, where a Ctrl-D typed now would become an end
      // of file that a later raw read returns as a NUL, which libedit takes as the start of a key and waits on
      // (a REPL test caught it). Keys are held again at once, on this thread.
      holdTypeahead()
      if bracketsPastes { send(BracketedPaste.disable) }
    }
    while finished == nil {
      // Keys typed ahead of this prompt, or after the Enter that ended the last line, are already read.
      if !keys.isEmpty && !keys.waitsForPasteEnd {
        rl_callback_read_char()
        if latchFiredInsideRead { return interrupted() }
        continue
      }
      switch waitForTerminal() {
      case .interrupted: return interrupted()
      case .closed: return .end
      case .readable:
        // Readable with nothing to read: the terminal hung up, or sent an end of file in cooked mode.
        guard readKeys() else { return .end }
      }
    }
    return finished ?? .end
  }

  private enum Wait { case readable, interrupted, closed }

  /// Waits for the terminal or the Ctrl-C latch, whichever comes first.
  private static func waitForTerminal() -> Wait {
    while true {
      var fds = [
        pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
        pollfd(fd: Interrupts.latch, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&fds, 2, -1) < 0 {
        if errno == EINTR { continue }
        return .closed
      }
      if fds[1].revents != 0 { return .interrupted }
      if fds[0].revents != 0 { return .readable }
    }
  }

  /// Ctrl-C (or SIGTERM) at the prompt. As a shell does: the typed text stays visible, marked, and a fresh prompt
  /// starts on the next line.
  private static func interrupted() -> Event {
    latchFiredInsideRead = false
    _ = (Interrupts.isEnding ? "\n" : "^C\n").withCString { systemWrite(1, $0, strlen($0)) }
    // Including a paste whose end never came.
    keys.reset()
    return .interrupted
  }

  /// The latch fired while libedit itself was waiting for a key (the rest of an escape sequence, or after an end of
  /// file); its read is ended so the prompt can be.
  nonisolated(unsafe) private static var latchFiredInsideRead = false

  /// A dumb terminal would print the sequence that turns bracketed paste on.
  private static let bracketsPastes = ProcessInfo.processInfo.environment["TERM"] != "dumb"

  /// What libedit has not read yet from the terminal.
  nonisolated(unsafe) private static var keys = BracketedPaste()

  /// Reads what the terminal has into `keys`; false at its end.
  private static func readKeys() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = systemRead(0, &buffer, buffer.count)
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
    guard count > 0 else { return false }
    keys.append(buffer[0..<count])
    return true
  }

  /// libedit's getc: the next character, read from the terminal if none is waiting (the rest of a key's escape
  /// sequence, or of a paste); -1 at the end.
  ///
  /// It waits on the latch too: a plain read(0) here ignored Ctrl-C and SIGTERM, and a groq told to stop while
  /// libedit waited for a key never did (seen in the REPL tests, after a Ctrl-D).
  private static func nextCharacter() -> Int32 {
    while true {
      if let character = keys.next() { return Int32(bitPattern: character) }
      switch waitForTerminal() {
      case .interrupted:
        latchFiredInsideRead = true
        return -1
      case .closed: return -1
      case .readable: guard readKeys() else { return -1 }
      }
    }
  }

  /// Writes to the terminal (the line editor's own output, not the answer's).
  private static func send(_ text: String) {
    _ = text.withCString { systemWrite(1, $0, strlen($0)) }
  }

  /// Adds a line to the history in memory and at the end of the file, at once, so a crash loses nothing typed and
  /// two open sessions both keep their lines.
  func remember(_ line: String) {
    guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !keepOutOfHistory(line) else { return }
    let length = Self.libedit.history_length.pointee
    if length > 0, let last = history_get(Self.libedit.history_base.pointee + length - 1), let text = last.pointee.line,
      String(cString: text) == line
    {
      return
    }
    add_history(line)
    guard let historyFile else { return }
    HistoryFile.append(line, to: historyFile.path)
  }

  // MARK: Completion (C callbacks cannot capture, so the state is static; one read runs at a time)

  nonisolated(unsafe) private static var completer: Completer?
  nonisolated(unsafe) private static var describer: Describer?
  nonisolated(unsafe) private static var matches: [String] = []
  nonisolated(unsafe) private static var nextMatch = 0
  nonisolated(unsafe) private static var finished: Event?

  private static func complete(
    _ text: UnsafePointer<CChar>?, start: Int32
  ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let line = libedit.line_buffer.pointee.map { String(cString: $0) } ?? ""
    let word = text.map { String(cString: $0) } ?? ""
    let before = String(decoding: line.utf8.prefix(Int(max(start, 0))), as: UTF8.self)
    guard let offered = completer?(before, word) else {
      // libedit's own file-name completion, for /attach.
      libedit.attempted_completion_over.pointee = 0
      return nil
    }
    libedit.attempted_completion_over.pointee = 1
    matches = offered
    nextMatch = 0
    libedit.completion_append_character.pointee = 32
    guard !matches.isEmpty else { return nil }
    if matches.count > 1, let descriptions = describer?(before, matches) {
      showDescribed(descriptions)
    }
    return rl_completion_matches(text) { _, state in LineEditor.generate(state) }
  }

  /// libedit lists matches as bare words; when they have descriptions groq prints its own list, one per line,
  /// redraws the prompt, and completes only the part all matches share, so libedit has nothing left to list.
  private static func showDescribed(_ descriptions: [String: String]) {
    let width = matches.map(\.count).max() ?? 0
    let list = matches.map { match in
      match + String(repeating: " ", count: width - match.count) + "  " + (descriptions[match] ?? "")
    }
    let text = "\r\n" + list.joined(separator: "\r\n") + "\r\n"
    _ = text.withCString { write(1, $0, strlen($0)) }
    var shared = matches[0]
    for match in matches.dropFirst() {
      while !match.hasPrefix(shared) { shared.removeLast() }
    }
    matches = [shared]
    libedit.completion_append_character.pointee = 0
    rl_forced_update_display()
  }

  private static func generate(_ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { nextMatch = 0 }
    guard nextMatch < matches.count else { return nil }
    defer { nextMatch += 1 }
    return strdup(matches[nextMatch])
  }
}

/// write(2) and read(2), out of reach of LineEditor's own `read(prompt:)`, which hides them inside the class.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemRead(_ fd: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, bytes, count) }
