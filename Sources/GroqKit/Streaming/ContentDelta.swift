/// The fast path's fast path: a chunk that carries nothing but a piece of the answer's text.
///
/// Almost every event of a stream is one of these. Its content is appended straight to the read's output bytes:
/// no `ChatCompletionChunk`, no array element, no String. Anything else (a role, reasoning, tool calls, a finish
/// reason, usage, `x_groq`, an error, a key it does not know) makes it answer false and leave the buffer as it was,
/// so the chunk goes through `ChatCompletionChunk.scan` and `JSONDecoder` as before.
enum ContentDelta {
  /// Appends the chunk's content to `buffer` and answers true when the chunk is plain content; false otherwise.
  static func append(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8]) -> Bool {
    let mark = buffer.count
    var scanner = JSONScanner(bytes)
    var choices = 0
    let plain = scanner.fields { scanner, key in
      switch key {
      case "choices":
        return scanner.array { scanner in
          choices += 1
          return choices == 1 && choice(&scanner, into: &buffer)
        }
      // What every chunk repeats and nothing downstream reads from a content chunk.
      case "id", "object", "created", "model", "system_fingerprint": return scanner.skipValue()
      default: return false
      }
    }
    if plain && choices == 1 && scanner.atEnd { return true }
    buffer.removeSubrange(mark...)
    return false
  }

  /// The first and only choice: index 0, no finish reason, a delta that is only `content`.
  private static func choice(_ scanner: inout JSONScanner, into buffer: inout [UInt8]) -> Bool {
    var content = false
    let plain = scanner.fields { scanner, key in
      switch key {
      case "index": return scanner.int() == 0
      case "finish_reason": return scanner.null()
      case "logprobs": return scanner.skipValue()
      case "delta":
        return scanner.fields { scanner, key in
          guard case "content" = key, !content else { return false }
          content = true
          return scanner.string(appendingTo: &buffer)
        }
      default: return false
      }
    }
    return plain && content
  }
}
