import GroqKit

/// `groq translate`: speech in any language to English text.
struct TranslateCommand: TranscriptionCommand {
  static let spec = CommandSpec(
    name: "translate",
    summary: "Translate speech in an audio file to English text",
    discussion: """
      Like transcribe, but the text is English whatever the language spoken; only whisper-large-v3 translates. \
      Subtitles, --segments, --flag-suspect and files over 25 MB work as they do for transcribe.
      """,
    arguments: [TranscriptionOptions.audioArgument],
    options: TranscriptionOptions.options(task),
    examples: [
      Example("An interview in English", "groq translate interview.ogg"),
      Example("English subtitles", "groq translate interview.ogg --format vtt > interview.vtt"),
    ],
    environment: EnvironmentSpec.common
  )

  static let task = TranscriptionRequest.Task.translate
  let options: TranscriptionOptions
}
