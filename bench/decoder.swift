// bench/decoder.swift: what groq's stream decoder costs per content event, without the network.
//
// Built by bench/decoder (not a test: it measures speed) together with GroqKit's sources as one module, so it
// runs the exact code path of a stream: SSEDecoder.push over each read, ContentDelta appending plain content to the
// read's bytes (ChatCompletionStream's path), one String per read as ReplyPrinter makes it. For comparison it also
// runs the chunk path alone (ChatStreamInterpreter on every event, as before ContentDelta). Prints nanoseconds of
// CPU per event for a few read sizes.
import Foundation

@main
enum DecoderBench {
  static func main() {
    let events = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 200_000
    let body = makeBody(events: events)
    print("decoder: \(events) content events, \(body.count >> 10) KiB of SSE")
    for (fast, readSize) in [true, false].flatMap({ fast in [16 << 10, 64 << 10, 1 << 20].map { (fast, $0) } }) {
      var best = Double.infinity
      var bytes = 0
      for _ in 0..<5 {
        let started = cpuNanoseconds()
        bytes = decode(body, readSize: readSize, fast: fast)
        let elapsed = cpuNanoseconds() - started
        best = min(best, elapsed)
      }
      let perEvent = best / Double(events)
      print(
        String(
          format: "  %@ reads of %4d KiB: %6.0f ns of CPU per event (best of 5), %d bytes of content",
          fast ? "content to bytes:" : "chunks only:     ", readSize >> 10, perEvent, bytes))
    }
  }

  /// This thread's CPU time: on a busy machine it counts only our work, where wall time counts the waits too.
  static func cpuNanoseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
  }

  /// Groq's shape for a content chunk (groq-api.md), with a varying token.
  static func makeBody(events: Int) -> Data {
    var text = ""
    let words = [" the", " quick", " brown", " fox", " jumps", " over", " lazy", " dogs", "é", " 🎉"]
    for index in 0..<events {
      text +=
        #"data: {"id":"chatcmpl-5b8e3c9a-2f1d-4e6b-9a7c-0d3e5f7a9b1c","object":"chat.completion.chunk","#
        + #""created":1764500000,"model":"openai/gpt-oss-120b","system_fingerprint":"fp_3f5e7a9b1c","#
        + #""choices":[{"index":0,"delta":{"content":""# + words[index % words.count]
        + #""},"logprobs":null,"finish_reason":null}]}"# + "\n\n"
    }
    return Data(text.utf8)
  }

  /// Decodes `body` in reads of `readSize` bytes; returns the content's length so nothing is optimised away.
  static func decode(_ body: Data, readSize: Int, fast: Bool) -> Int {
    var decoder = SSEDecoder()
    var interpreter = ChatStreamInterpreter()
    var shape = ContentDelta.Shape()
    var total = 0
    body.withUnsafeBytes { all in
      var offset = 0
      while offset < all.count {
        let end = min(offset + readSize, all.count)
        var piece = ""
        var content: [UInt8] = []
        try! decoder.push(UnsafeRawBufferPointer(rebasing: all[offset..<end])) { event in
          if fast, ContentDelta.append(event.data, to: &content, shape: &shape) { return }
          if case .chunk(let chunk)? = try interpreter.interpret(event),
            let content = chunk.choices.first?.delta.content
          {
            piece += content
          }
        }
        if fast { piece = String(decoding: content, as: UTF8.self) }
        total += piece.utf8.count
        offset = end
      }
    }
    return total
  }
}
