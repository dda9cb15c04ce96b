/// Splits argv into options and arguments by a command's spec: `-m X`, `-mX`, `--model X`, `--model=X`, clustered
/// short flags, `--` to end options, and `-` as an ordinary argument (stdin). Options may follow arguments.
/// Long options must be spelled out: a prefix that means one option today could mean two tomorrow, in someone's script.
enum ArgumentParser {
  static func parse(_ argv: [String], options: [OptionSpec], command: String?) throws(UsageError) -> ParsedArguments {
    var result = ParsedArguments()
    var index = 0
    func nextValue(for option: OptionSpec, spelled: String) throws(UsageError) -> String {
      index += 1
      guard index < argv.count else {
        throw UsageError("option '\(spelled)' needs a value (\(option.value?.name ?? "value"))", command: command)
      }
      return argv[index]
    }
    while index < argv.count {
      let word = argv[index]
      if word == "--" {
        result.positionals += argv[(index + 1)...]
        break
      } else if word.hasPrefix("--") {
        let body = word.dropFirst(2)
        // A Character search: `contains("=")` would be Foundation's range(of:) through NSString.
        let equals = body.firstIndex(of: "=")
        let name = String(body[..<(equals ?? body.endIndex)])
        let inline = equals.map { String(body[body.index(after: $0)...]) }
        guard let option = options.first(where: { $0.long == name }) else {
          throw unknown("--" + name, options: options, command: command)
        }
        if option.takesValue {
          let value: String
          if let inline { value = inline } else { value = try nextValue(for: option, spelled: "--" + name) }
          result.add(value, for: option.long)
        } else if inline != nil {
          throw UsageError("option '--\(name)' takes no value", command: command)
        } else {
          result.setFlag(option.long)
        }
      } else if word.hasPrefix("-"), word.count > 1 {
        var letters = Substring(word.dropFirst())
        while let letter = letters.first {
          letters = letters.dropFirst()
          guard let option = options.first(where: { $0.short == letter }) else {
            throw unknown("-" + String(letter), options: options, command: command)
          }
          if option.takesValue {
            let value: String
            if letters.isEmpty {
              value = try nextValue(for: option, spelled: "-\(letter)")
            } else {
              value = String(letters)
            }
            result.add(value, for: option.long)
            break
          }
          result.setFlag(option.long)
        }
      } else {
        result.positionals.append(word)
      }
      index += 1
    }
    return result
  }

  private static func unknown(_ spelled: String, options: [OptionSpec], command: String?) -> UsageError {
    let names = options.map { "--" + $0.long } + options.compactMap { $0.short.map { "-\($0)" } }
    let hint = Suggestion.closest(to: spelled, among: names).map { "did you mean '\($0)'?" }
    return UsageError("unknown option '\(spelled)'", hint: hint, command: command)
  }
}

/// "Did you mean": the nearest candidate by edit distance, if it is near enough to be what was meant.
enum Suggestion {
  static func closest(to word: String, among candidates: [String]) -> String? {
    // A prefix the user stopped typing ("--temp") is the best guess of all.
    let prefixed = candidates.filter { word.count >= 3 && $0.hasPrefix(word) }
    if prefixed.count == 1 { return prefixed[0] }
    // Every one-letter option is one edit from every other: no guess is better than a wrong one.
    let scored = candidates.filter { $0.count > 2 }.map { ($0, distance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(1, min(word.count, best.0.count) / 3) ? best.0 : nil
  }

  /// Edit distance where swapping two neighbours counts as one edit ("chta" is one step from "chat").
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
