import Testing

@testable import GroqCLI
import GroqKit

@Suite struct AudioOptionTests {
  @Test(
    "the speech model follows from the voice where one model has it",
    arguments: [
      ("Fritz-PlayAI", nil, "playai-tts"), ("fritz-playai", nil, "playai-tts"),
      ("Amira-PlayAI", nil, "playai-tts-arabic"), ("fahad", nil, "canopylabs/orpheus-arabic-saudi"),
      ("troy", nil, "canopylabs/orpheus-v1-english"), ("Someone-New", nil, SpeechCatalogue.defaultModel),
      ("troy", "my-model", "my-model"),
    ])
  func modelFromVoice(voice: String, named: String?, model: String) throws {
    #expect(try SpeakCommand.model(for: voice, named: named) == model)
  }

  @Test("every voice in the catalogue belongs to exactly one model, so inference is never ambiguous")
  func voicesAreUnique() {
    let voices = SpeechCatalogue.models.flatMap(\.voices).map { $0.lowercased() }
    #expect(Set(voices).count == voices.count)
  }

  @Test("transcribe and translate share one option list; translate lacks only --language and --words")
  func sharedOptions() {
    let transcribe = TranscribeCommand.spec.options.map(\.long)
    let translate = TranslateCommand.spec.options.map(\.long)
    #expect(transcribe.filter { !translate.contains($0) } == ["language", "words"])
    #expect(translate.allSatisfy(transcribe.contains))
  }

  @Test("a request asks for the granularities it needs, and none when translating")
  func granularities() throws {
    let options = try TranscriptionOptions(
      ArgumentParser.parse(
        ["--url", "https://example.com/a.wav", "--words"], options: TranscribeCommand.spec.options,
        command: "transcribe"),
      task: .transcribe, context: CommandContext(terminal: Terminal(environment: [:]), environment: [:]))
    #expect(options.needsTimings)
    let request = options.request(.url("https://example.com/a.wav"), verbose: true)
    #expect(request.granularities == [.word, .segment])
    #expect(request.responseFormat == .verboseJSON)
    var translating = options
    translating.task = .translate
    #expect(translating.request(.url("https://example.com/a.wav"), verbose: true).granularities.isEmpty)
  }
}
