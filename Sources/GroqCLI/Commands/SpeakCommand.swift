import Foundation
import GroqKit

/// `groq speak`: text to speech, long text spoken piece by piece and joined into one file.
struct SpeakCommand: Command {
  static let spec = CommandSpec(
    name: "speak",
    summary: "Speak text aloud into an audio file",
    discussion: """
      The text is the arguments joined by spaces, the file given with -f, or standard input (at most 1 MB from \
      either). The model follows \
      from the voice when only one model has it; with no voice, the default speech model's first voice speaks. A \
      voice of a model Groq retired (the PlayAI voices) is spoken by the closest live voice, with a warning. A \
      format the model does not answer in (Orpheus answers WAV only) is asked for as WAV and converted with \
      ffmpeg when it is installed. With no -m, a default model Groq shut down gives way to a live one of the \
      same language (that has the voice -v chose), with a warning. \
      Text longer than the model's limit per request is split at \
      sentence ends (then between words), spoken piece by piece, and joined into one file; that needs wav (the \
      default) or mp3. The audio goes to the file given with -o, or to standard output when that is not a terminal.
      """,
    arguments: [ArgumentSpec(name: "text", help: "The text to speak ('-' reads standard input)", variadic: true)],
    options: [
      OptionSpec(
        long: "voice", short: "v", value: ValueSpec("name"),
        help: "Voice, e.g. troy or fahad (default: the model's first voice)"),
      OptionSpec(
        long: "model", short: "m", value: ValueSpec("id", completion: .models),
        help: "Speech model (default: the voice's model)"),
      OptionSpec(
        long: "format", value: ValueSpec("name", completion: .choices(SpeechCatalogue.formats.map(\.name))),
        help: "Audio format: wav, mp3, flac, ogg or mulaw", defaultValue: "wav"),
      OptionSpec(long: "speed", value: ValueSpec("x"), help: "Speaking speed, 0.5 to 5"),
      OptionSpec(
        long: "sample-rate", value: ValueSpec("hz"),
        help: "Samples per second: " + SpeechCatalogue.sampleRates.map(String.init).joined(separator: ", ")),
      OptionSpec(long: "output", short: "o", value: ValueSpec("file", completion: .file), help: "Write the audio here"),
      OptionSpec(
        long: "file", short: "f", value: ValueSpec("file", completion: .file), help: "Read the text from a file"),
      OptionSpec(long: "list-voices", help: "List the voices and models groq knows, and exit"),
    ] + OptionSpec.network,
    examples: [
      Example("Speak into a file", "groq speak -v troy -o hello.wav \"Hello\""),
      Example(
        "From a pipe to a pipe",
        "echo \"I love building and shipping new features\" | groq speak -v autumn > hello.wav"),
      Example("MP3, converted from WAV by ffmpeg", "groq speak -v troy --format mp3 \"hello\" > hello.mp3"),
      Example("The voices to choose from", "groq speak --list-voices"),
    ],
    environment: EnvironmentSpec.common
  )

  var listVoices: Bool
  var words: [String]
  var textFile: String?
  var voice: String
  var model: String
  var format: SpeechFormat
  var speed: Double?
  var sampleRate: Int?
  var destination: SpeechDestination
  var network: NetworkOptions
  /// Said on stderr before speaking: a retired voice and the live one that stands in.
  var notice: String?
  /// Set when the model does not answer in `format`: WAV is asked for and ffmpeg converts it.
  var converter: FFmpeg?
  /// `-m` named the model: it is never swapped. Otherwise a default Groq shut down heals, keeping a voice from -v.
  var modelNamed = false
  var voiceGiven = false

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    listVoices = arguments.flag("list-voices")
    words = arguments.positionals
    textFile = arguments.value("file")
    network = try NetworkOptions(arguments, command: "speak")
    let formatName = try arguments.choice("format", among: SpeechCatalogue.formats.map(\.name), command: "speak")
    format = SpeechCatalogue.format(formatName ?? "wav") ?? SpeechCatalogue.formats[0]
    speed = try arguments.number("speed", in: SpeechCatalogue.speeds, command: "speak")
    let rates = SpeechCatalogue.sampleRates.map(String.init)
    sampleRate = try arguments.choice("sample-rate", among: rates, command: "speak").flatMap { Int($0) }
    if listVoices {
      (voice, model, destination) = ("", "", .stdout)
      return
    }
    let named = arguments.value("model")
    var voice = arguments.value("voice") ?? SpeechVoice.defaultVoice(model: named)
    guard !voice.isEmpty else {
      throw UsageError(
        "no voice given", hint: "choose one with -v; 'groq speak --list-voices' lists them", command: "speak")
    }
    var model = try Self.model(for: voice, named: named)
    (modelNamed, voiceGiven) = (named != nil, arguments.value("voice") != nil)
    if let stand = SpeechVoice.standIn(voice: voice, model: model, named: named) {
      notice = stand.notice
      (voice, model) = (stand.voice, stand.model)
    }
    self.model = model
    self.voice = SpeechCatalogue.spelling(of: voice, in: model)
    converter = try SpeechVoice.converter(
      model: model, format: format.name, path: context.environment["PATH"])
    if let textFile {
      guard words.isEmpty else { throw UsageError("give the text as arguments or with -f, not both", command: "speak") }
      guard FileManager.default.isReadableFile(atPath: textFile) else {
        throw UsageError("cannot read '\(textFile)'", command: "speak")
      }
    } else if words.isEmpty && context.terminal.stdinIsTTY {
      throw UsageError(
        "no text given", hint: "groq speak -v \(voice) \"Hello\", or pipe text in", command: "speak")
    }
    destination = try SpeechDestination(arguments.value("output"), stdoutIsTTY: context.terminal.stdoutIsTTY)
  }

  /// `-m` when given; otherwise the one model that has the voice, or the current default for a voice groq does not
  /// know (the server decides whether it exists).
  static func model(for voice: String, named: String?) throws(UsageError) -> String {
    if let named { return named }
    let models = SpeechCatalogue.models(withVoice: voice)
    guard models.count <= 1 else {
      throw UsageError(
        "voice '\(voice)' belongs to several models: " + models.map(\.id).joined(separator: ", "),
        hint: "choose one with -m", command: "speak")
    }
    return models.first?.id ?? SpeechCatalogue.defaultModel
  }

  func run(_ context: CommandContext) async throws -> ExitStatus {
    if listVoices {
      try context.terminal.out(VoiceListing.render(tty: context.terminal.stdoutIsTTY))
      return .success
    }
    if let notice { context.terminal.warning(notice) }
    let text = try readText(context.terminal)
    let limit = SpeechCatalogue.model(model)?.inputLimit ?? SpeechCatalogue.fallbackInputLimit
    let pieces = SpeechTextSplitter.split(text, limit: limit)
    guard !pieces.isEmpty else {
      throw CLIError(
        "the text is empty", hint: "give the text to speak as arguments, with -f, or on stdin",
        status: .usage)
    }
    if pieces.count > 1 && format.joining == .none && converter == nil {
      throw CLIError(
        "the text is \(SpeechTextSplitter.length(text)) characters, over \(model)'s \(limit) per request, and "
          + "\(format.name) pieces cannot be joined into one file",
        hint: "use --format wav or mp3, or send shorter text", status: .usage)
    }
    let client = try context.makeClient(
      timeout: network.timeout, maxRetries: network.maxRetries, deadline: network.deadline)
    // One piece is written as the server sent it; several are joined as each arrives.
    let joining = pieces.count > 1 ? format.joining : .concatenate
    let showProgress = pieces.count > 1 && context.terminal.stderrIsTTY
    // Erased on every way out, so an error's line starts clean.
    defer { if showProgress { context.terminal.err("\r\u{1B}[K") } }
    let spoken = converter == nil ? format : SpeechCatalogue.formats[0]
    let healing = ModelHealing(role: .speech, context: context, client: client)
    try await destination.write(terminal: context.terminal) { output in
      let converting = try converter.map { _ in try SpeechVoice.scratchWAV() }
      defer { if let converting { try? FileManager.default.removeItem(at: converting) } }
      let target = try converting.map { url -> FileHandle in
        _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        return try FileHandle(forUpdating: url)
      }
      let joiner = AudioJoiner(writingTo: target ?? output, joining: converter == nil ? joining : .wav)
      for (index, piece) in pieces.enumerated() {
        // After Ctrl-C, neither announce nor ask for another piece.
        try Task.checkCancellation()
        if showProgress {
          context.terminal.err("\r" + context.terminal.style("speaking piece \(index + 1)/\(pieces.count)", .dim))
        }
        do {
          try joiner.append(
            try await speak(piece, format: spoken, client: client, healing: healing))
        } catch let error as AudioFormatError {
          throw CLIError(
            "could not join the spoken pieces: \(error.message)",
            hint: "speak less text at once")
        }
      }
      try joiner.finish()
      if let converter, let converting, let target {
        try target.close()
        try await SpeechVoice.convert(converting, with: converter, format: format.name, into: output)
      }
    }
    return .success
  }

  /// Speaks one piece; a default model Groq shut down heals once for all pieces.
  private func speak(_ input: String, format: SpeechFormat, client: GroqClient, healing: ModelHealing)
    async throws -> Data
  {
    let chosen = voiceGiven ? voice : nil
    return try await healing.send(
      model: model, userNamed: modelNamed, client: client,
      accepts: { SpeechVoice.canStandIn($0, for: model, voice: chosen) }
    ) { used in
      let request = SpeechRequest(
        model: used, input: input, voice: used == model ? voice : SpeechVoice.voice(chosen, for: used),
        responseFormat: format.name, sampleRate: sampleRate, speed: speed)
      return try await send(request, client: client)
    }.result
  }

  private func send(_ request: SpeechRequest, client: GroqClient) async throws -> Data {
    do {
      return try await client.speech(request)
    } catch let error as GroqError
      where error.status == 400 && (error.param == "voice" || error.message.lowercased().contains("voice"))
    {
      let known = SpeechCatalogue.model(request.model)?.voices ?? []
      throw CLIError(
        "the server refused voice '\(request.voice)' for \(request.model): \(error.message)",
        hint: known.isEmpty
          ? "see 'groq speak --list-voices'"
          : "voices groq knows for \(request.model): " + known.joined(separator: ", "))
    }
  }

  private func readText(_ terminal: Terminal) throws -> String {
    let data: Data
    if let textFile {
      data = try InputLimits.readFile(textFile, limit: InputLimits.speech, what: "text to speak")
    } else if words.isEmpty || words == ["-"] {
      data = try terminal.readStdin(limit: InputLimits.speech, what: "text to speak")
    } else {
      return words.joined(separator: " ")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CLIError("the text is not UTF-8", hint: "convert it first, e.g. with iconv", status: .usage)
    }
    return text
  }
}
