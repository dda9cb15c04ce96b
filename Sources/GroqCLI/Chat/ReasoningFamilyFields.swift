import GroqKit

/// Reasoning asked for in each model family's own fields (groq-api.md 0b): gpt-oss takes `include_reasoning`,
/// qwen3 takes `reasoning_format`, and any other model gets a reasoning field only when the user gives one, because
/// Groq refuses `reasoning_format` where it does not apply.
extension ChatFeatures {
  /// The reasoning fields for the request's model. chat asks qwen3 for parsed reasoning when no format was given, so
  /// `<think>` never lands on standard output unless `--reasoning-format raw` asks for it.
  func applyReasoning(to request: inout ChatCompletionRequest) {
    request.reasoningEffort = reasoningEffort
    // Set afresh each time: a healed request may go to a model of another family.
    request.includeReasoning = nil
    switch ModelRoles.reasoningFamily(of: request.model) {
    case .gptOSS:
      request.reasoningFormat = nil
      request.includeReasoning = reasoningFormat == .hidden ? false : nil
    case .qwen3:
      request.reasoningFormat = reasoningFormat ?? .parsed
    case nil:
      request.reasoningFormat = reasoningFormatGiven ? reasoningFormat : nil
    }
  }

  /// Refuses, before anything is sent, what the model's family cannot do: raw reasoning from gpt-oss, an effort the
  /// family does not take, built-in tools on a model known to lack them.
  func check(model: String, command: String?) throws(UsageError) {
    let family = ModelRoles.reasoningFamily(of: model)
    if family == .gptOSS && reasoningFormat == .raw {
      throw UsageError(
        "\(model) gives its reasoning apart from the answer; --reasoning-format raw does not work with it",
        hint: "use --show-reasoning to print the reasoning, or --reasoning-format hidden to leave it out",
        command: command)
    }
    if let family, let effort = reasoningEffort, !family.efforts.contains(effort) {
      throw UsageError(
        "--reasoning-effort \(effort.rawValue) does not work with \(model)",
        hint: "\(family.rawValue) models take " + family.efforts.map(\.rawValue).joined(separator: ", "),
        command: command)
    }
    if !builtInTools.isEmpty, ModelRoles.known(model) != nil, !ModelRoles.hasBuiltInTools(model) {
      let live = ModelRoles.preferred(for: .tools).joined(separator: ", ")
      throw UsageError(
        "\(model) cannot run Groq's built-in tools (" + builtInTools.map(\.option).joined(separator: ", ") + ")",
        hint: "leave out -m, or use one of " + live, command: command)
    }
  }
}

extension ChatFeatures {
  /// The role a command's model is picked for: a model groq chose for a new conversation moves to a vision model
  /// for images (chat only) and to a built-in tools model for --search and --code.
  func role(for request: ChatRequestOptions, resumed: Bool) -> ModelRole {
    guard request.modelIsDefault && !resumed else { return request.role }
    if !images.isEmpty && defaultVisionModel != nil { return .vision }
    if !builtInTools.isEmpty && !ModelRoles.can(request.model, .tools) { return .tools }
    return request.role
  }
}
