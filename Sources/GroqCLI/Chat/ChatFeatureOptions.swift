import GroqKit

/// The options beyond plain text that `chat` and `reason` share: images, JSON output, tools, reasoning, prefill,
/// service tier and the raw response.
enum ChatFeatureOptions {
  static let specs: [OptionSpec] =
    [
      OptionSpec(
        long: "image", short: "i", value: ValueSpec("path|url", completion: .file),
        help: "Attach an image: a JPEG, PNG, WebP or GIF file, or an http(s) URL; chat then defaults to a vision model",
        repeatable: true),
      OptionSpec(long: "json-mode", help: "Ask for a JSON object as the answer (not streamed; no --stop)"),
      OptionSpec(
        long: "schema", value: ValueSpec("file", completion: .file),
        help: "Ask for JSON that follows the JSON Schema in this file (not streamed)"),
      OptionSpec(
        long: "schema-name", value: ValueSpec("name"), help: "Name sent with --schema (default: from the file)"),
      OptionSpec(
        long: "tools", value: ValueSpec("file", completion: .file),
        help: "Offer the functions defined in this JSON file; calls print as JSON lines"),
      OptionSpec(long: "tool-choice", value: ValueSpec("choice"), help: "auto, none, required, or a tool's name"),
    ] + BuiltInTool.specs + [
      OptionSpec(
        long: "reasoning-format",
        value: ValueSpec("format", completion: .choices(ReasoningFormat.allCases.map(\.rawValue))),
        help: "Reasoning models: raw (<think> in the text; not gpt-oss), parsed (apart) or hidden"),
      OptionSpec(
        long: "reasoning-effort",
        value: ValueSpec("level", completion: .choices(ReasoningEffort.allCases.map(\.rawValue))),
        help: "How hard a reasoning model thinks: low, medium or high (qwen3 also none, default)"),
      OptionSpec(
        long: "show-reasoning", help: "Print parsed reasoning on standard error even when it is not a terminal"),
      OptionSpec(long: "hide-reasoning", help: "Never print the reasoning"),
      OptionSpec(
        long: "prefill", value: ValueSpec("text"),
        help: "Text the answer starts from; only what the model adds to it is printed"),
      OptionSpec(
        long: "service-tier", value: ValueSpec("tier", completion: .choices(ServiceTier.allCases.map(\.rawValue))),
        help: "on_demand, flex (fails fast when busy), auto or performance"),
      OptionSpec(long: "json", help: "Print the API's whole response as JSON (not streamed)"),
      OptionSpec(long: "raw", help: "Print the answer as the model wrote it, without rendering its Markdown"),
      OptionSpec(
        long: "file", short: "f", value: ValueSpec("path", completion: .file),
        help: "Put a text file in the prompt, under its name (repeatable; globs; '-' is standard input)",
        repeatable: true),
      OptionSpec(long: "recursive", help: "Let -f take directories: their files, leaving out what .gitignore ignores"),
    ]
}
