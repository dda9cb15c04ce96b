import GroqKit

/// `groq transcribe`: speech to text, with timings and subtitles on request.
struct TranscribeCommand: TranscriptionCommand {
  static let spec = CommandSpec(
    name: "transcribe",
    summary: "Transcribe speech in an audio file to text",
    discussion: """
      The text goes to standard output. srt, vtt and tsv subtitles are built locally from Groq's segment and word \
      times. A file over Groq's 25 MB upload limit is split into overlapping pieces, sent one after another and \
      merged into one text with continuous timestamps: WAV is split natively, other formats through ffmpeg when it \
      is installed. Audio on standard input ('-') is copied to a private temporary folder first, at most 2 GB of \
      it. --flag-suspect marks segments past Whisper's own thresholds (avg_logprob below -1, \
      no_speech_prob above 0.6, compression_ratio above 2.4) with [suspect] and counts them on standard error.
      """,
    arguments: [TranscriptionOptions.audioArgument],
    options: TranscriptionOptions.options(task),
    examples: [
      Example("The text of a recording", "groq transcribe talk.wav"),
      Example("One line per word: start, end, word", "groq transcribe talk.mp3 --words"),
      Example("Subtitles", "groq transcribe talk.m4a --format srt > talk.srt"),
      Example(
        "Audio Groq fetches itself, with hints",
        "groq transcribe --url https://example.com/a.flac --language en "
          + "--prompt \"Groq, LPU\""),
    ],
    environment: EnvironmentSpec.common
  )

  static let task = TranscriptionRequest.Task.transcribe
  let options: TranscriptionOptions
}
