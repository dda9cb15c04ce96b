/// The config's `render` key as the answer renderer takes it: never turns rendering off; auto and always leave it
/// to the terminal test (the renderer never writes escape sequences into a pipe).
extension Settings {
  var rendersAnswers: Bool? { render.map { $0 != "never" } }
}
