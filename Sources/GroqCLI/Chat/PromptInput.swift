import Foundation

/// Where a one-shot prompt comes from: piped stdin first, then the arguments, as llm does; `-` reads stdin in place.
enum PromptInput {
  static func assemble(words: [String], terminal: Terminal) throws(CLIError) -> String {
    var stdinText: String?
    func stdin() throws(CLIError) -> String {
      if let stdinText { return stdinText }
      let data = try terminal.readStdin(limit: InputLimits.chat, what: "a prompt")
      guard let text = String(data: data, encoding: .utf8) else {
        throw CLIError(
          "standard input is not UTF-8 text", hint: "groq sends text; convert the input first", status: .usage)
      }
      stdinText = text
      return text
    }

    var parts: [String] = []
    if words.contains("-") {
      var expanded: [String] = []
      for word in words { expanded.append(word == "-" ? trimmingTrailingNewlines(try stdin()) : word) }
      parts.append(expanded.joinedText(separator: " "))
    } else {
      if !terminal.stdinIsTTY {
        let piped = try stdin()
        // `echo hi |` ends in a newline that is not part of the text.
        if !isBlank(piped) {
          parts.append(trimmingTrailingNewlines(piped))
        }
      }
      if !words.isEmpty { parts.append(words.joinedText(separator: " ")) }
    }
    let prompt = parts.joinedText(separator: "\n\n")
    guard !isBlank(prompt) else {
      throw CLIError(
        "the prompt is empty", hint: "give the prompt as arguments, or pipe text in: echo hi | groq chat",
        status: .usage)
    }
    return prompt
  }

  /// Only white space, or nothing. Not `trimmingCharacters(in:)`, which goes through NSString and CFCharacterSet
  /// on Linux, before every request.
  private static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }

  private static func trimmingTrailingNewlines(_ text: String) -> String {
    var text = Substring(text)
    while text.last?.isNewline == true { text = text.dropLast() }
    return String(text)
  }
}
