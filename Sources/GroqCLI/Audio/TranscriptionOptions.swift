import GroqKit

/// What `groq transcribe` and `groq translate` share: their options, as one description and one parse, so the two
/// commands cannot drift apart. Translation differs only where the API does: no --language and no word timings.
struct TranscriptionOptions: Sendable {
  /// What groq prints: the API's own formats, or subtitles it builds from `verbose_json`.
  enum OutputFormat: String, Sendable, CaseIterable {
    case text, json
    case verboseJSON = "verbose_json"
    case srt, vtt, tsv

    var subtitles: SubtitleFormat? { SubtitleFormat(rawValue: rawValue) }
  }

  var task: TranscriptionRequest.Task
  var input: AudioInput
  var model: String
  /// -m named no model: groq chose it, and may choose again when Groq has shut it down.
  var modelIsDefault = false
  var language: String?
  var prompt: String?
  var temperature: Double?
  var format: OutputFormat
  var words: Bool
  var segments: Bool
  var flagSuspect: Bool
  var network: NetworkOptions

  var role: ModelRole { Self.role(task) }

  /// The job a task picks its model for.
  static func role(_ task: TranscriptionRequest.Task) -> ModelRole {
    task == .transcribe ? .transcription : .translation
  }

  static func defaultModel(_ task: TranscriptionRequest.Task) -> String { ModelRoles.defaultModel(for: role(task)) }

  static let audioArgument = ArgumentSpec(
    name: "file", help: "Audio file: flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm ('-' reads standard input)",
    completion: .file)

  /// The options of one of the two commands, in help order.
  static func options(_ task: TranscriptionRequest.Task) -> [OptionSpec] {
    let transcribing = task == .transcribe
    var options = [
      OptionSpec(
        long: "model", short: "m", value: ValueSpec("id", completion: .models), help: "Whisper model",
        defaultValue: defaultModel(task)),
      OptionSpec(
        long: "format", value: ValueSpec("name", completion: .choices(OutputFormat.allCases.map(\.rawValue))),
        help: "text, json, verbose_json, or subtitles built locally: srt, vtt, tsv", defaultValue: "text"),
      OptionSpec(long: "url", value: ValueSpec("url"), help: "Audio for Groq to fetch, instead of a file"),
    ]
    if transcribing {
      options.append(
        OptionSpec(long: "language", value: ValueSpec("code"), help: "Language of the audio, ISO-639-1 (en, de, ja)"))
    }
    options += [
      OptionSpec(long: "prompt", value: ValueSpec("text"), help: "Spellings and style to follow (up to 224 tokens)"),
      OptionSpec(long: "temperature", value: ValueSpec("x"), help: "Sampling temperature, 0 to 1"),
    ]
    if transcribing {
      options.append(OptionSpec(long: "words", help: "Print each word's start and end (or make word subtitles)"))
    }
    options += [
      OptionSpec(long: "segments", help: "Print each segment's start and end"),
      OptionSpec(long: "flag-suspect", help: "Mark segments Whisper itself would distrust; count them on stderr"),
    ]
    return options + OptionSpec.network
  }

  init(_ arguments: ParsedArguments, task: TranscriptionRequest.Task, context: CommandContext) throws(UsageError) {
    let command = task.rawValue
    self.task = task
    input = try AudioInput(
      positionals: arguments.positionals, url: arguments.value("url"), stdinIsTTY: context.terminal.stdinIsTTY,
      command: command)
    model = arguments.value("model") ?? Self.defaultModel(task)
    modelIsDefault = arguments.value("model") == nil
    if task == .translate, let known = TranscriptionModel.named(model), !known.canTranslate {
      throw UsageError(
        "\(model) cannot translate", hint: "use -m \(Self.defaultModel(.translate)), the default for translate",
        command: command)
    }
    language = arguments.value("language")
    if let language, !(2...3).contains(language.count) || !language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
      throw UsageError(
        "invalid value '\(language)' for --language: expected an ISO-639-1 code such as en, de or ja",
        command: command)
    }
    prompt = arguments.value("prompt")
    temperature = try arguments.number("temperature", in: 0...1, command: command)
    let formatName = try arguments.choice("format", among: OutputFormat.allCases.map(\.rawValue), command: command)
    let format = formatName.flatMap(OutputFormat.init(rawValue:)) ?? .text
    self.format = format
    words = arguments.flag("words")
    segments = arguments.flag("segments")
    flagSuspect = arguments.flag("flag-suspect")
    if (words || segments) && format == .json {
      throw UsageError(
        "--\(words ? "words" : "segments") prints timings, which --format json has none of",
        hint: "use --format text, verbose_json, srt, vtt or tsv", command: command)
    }
    if words && segments && format != .verboseJSON {
      throw UsageError(
        "--words and --segments together need --format verbose_json", command: command)
    }
    network = try NetworkOptions(arguments, command: command)
  }

  /// Whether the answer must carry timings: anything but plain text or json straight from the API.
  var needsTimings: Bool {
    words || segments || flagSuspect || (format != .text && format != .json)
  }

  /// The API request for `source`.
  func request(_ source: AudioSource, verbose: Bool) -> TranscriptionRequest {
    var granularities: [TranscriptionRequest.Granularity] = []
    // Granularities are transcription-only in the API; segments come by default, words only when asked.
    if verbose && task == .transcribe { granularities = words ? [.word, .segment] : [.segment] }
    return TranscriptionRequest(
      task: task, model: model, source: source, language: language, prompt: prompt, temperature: temperature,
      responseFormat: verbose ? .verboseJSON : (format == .json ? .json : .text), granularities: granularities)
  }
}
