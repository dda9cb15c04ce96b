/// The config's `render` key, for the streaming Markdown renderer to ask: auto renders on a terminal only.
extension Settings {
  func rendersMarkdown(stdoutIsTerminal: Bool) -> Bool {
    switch render {
    case "always": true
    case "never": false
    default: stdoutIsTerminal
    }
  }
}
