import Testing

@testable import GroqKit

@Suite("subtitle writers")
struct SubtitleTests {
  let cues = [
    Cue(start: 0, end: 2.96, text: " Hello there."),
    Cue(start: 3725.5, end: 3727.0004, text: " Two\nlines --> one"),
  ]

  @Test("srt: numbered cues, comma before milliseconds, blank line between")
  func srt() {
    #expect(
      SubtitleFormat.srt.render(cues)
        == "1\n00:00:00,000 --> 00:00:02,960\nHello there.\n\n2\n01:02:05,500 --> 01:02:07,000\nTwo lines -> one\n")
  }

  @Test("vtt: the WEBVTT header, a dot before milliseconds")
  func vtt() {
    #expect(
      SubtitleFormat.vtt.render(cues)
        == "WEBVTT\n\n00:00:00.000 --> 00:00:02.960\nHello there.\n\n01:02:05.500 --> 01:02:07.000\nTwo lines -> one\n")
  }

  @Test("tsv: Whisper's header and integer milliseconds")
  func tsv() {
    #expect(
      SubtitleFormat.tsv.render(cues) == "start\tend\ttext\n0\t2960\tHello there.\n3725500\t3727000\tTwo lines -> one\n"
    )
  }

  @Test("vtt escapes the characters its cue text reads as markup; srt and tsv keep them as said")
  func markup() {
    let cues = [Cue(start: 0, end: 1, text: " R&D <draft> a > b")]
    #expect(
      SubtitleFormat.vtt.render(cues) == "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nR&amp;D &lt;draft> a > b\n")
    #expect(SubtitleFormat.srt.render(cues).hasSuffix("\nR&D <draft> a > b\n"))
  }

  @Test("a tab in the text would start a tsv column: it becomes a space")
  func tabs() {
    #expect(SubtitleFormat.tsv.render([Cue(start: 0, end: 1, text: "a\tb")]) == "start\tend\ttext\n0\t1000\ta b\n")
  }

  @Test("no cues: an empty file, headers aside")
  func empty() {
    #expect(SubtitleFormat.srt.render([]) == "")
    #expect(SubtitleFormat.vtt.render([]) == "WEBVTT\n\n")
  }

  @Test("cues come from segments, or from words when asked")
  func cuesFromTranscription() {
    let transcription = Transcription(
      text: " Hi you", segments: [Transcription.Segment(id: 0, start: 0, end: 1, text: " Hi you")],
      words: [Transcription.Word(word: "Hi", start: 0, end: 0.4), Transcription.Word(word: "you", start: 0.4, end: 1)])
    #expect(transcription.cues(words: false) == [Cue(start: 0, end: 1, text: " Hi you")])
    #expect(transcription.cues(words: true).map(\.text) == ["Hi", "you"])
  }

  @Test(
    "a segment is suspect past any of Whisper's thresholds",
    arguments: [
      (-1.01, 0.1, 1.0, true), (-0.99, 0.1, 1.0, false), (-0.2, 0.61, 1.0, true), (-0.2, 0.6, 2.4, false),
      (-0.2, 0.1, 2.41, true),
    ])
  func suspect(logprob: Double, noSpeech: Double, compression: Double, suspect: Bool) {
    let segment = Transcription.Segment(
      id: 0, start: 0, end: 1, text: "x", avgLogprob: logprob, compressionRatio: compression, noSpeechProb: noSpeech)
    #expect(segment.isSuspect == suspect)
  }
}
