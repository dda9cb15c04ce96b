/// One prompt, one answer: what `chat` and `reason` do once their options are parsed and checked.
struct OneShotChat: Sendable {
  var request: ChatRequestOptions
  var features: ChatFeatures
  var promptWords: [String]
  var stream: Bool
  var stats: Bool
  var network: NetworkOptions

  func run(_ context: CommandContext) async throws -> ExitStatus {
    let client = try context.makeClient(timeout: network.timeout, maxRetries: network.maxRetries)
    let prompt = try PromptInput.assemble(words: promptWords, terminal: context.terminal)
    let body = features.makeRequest(request, prompt: prompt)
    let reply = try await features.send(body, stream: stream, client: client, terminal: context.terminal)
    if stats { context.terminal.err(StatsFooter.render(reply, terminal: context.terminal)) }
    return .success
  }
}
