#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fast path's fast path: a chunk that carries nothing but a piece of the answer's text.
///
/// Almost every event of a stream is one of these. Its content is appended straight to the read's output bytes:
/// no `ChatCompletionChunk`, no array element, no String. Anything else (a role, reasoning, tool calls, a finish
/// reason, usage, `x_groq`, an error, a key it does not know) makes it answer false and leave the buffer as it was,
/// so the chunk goes through `ChatCompletionChunk.scan` and `JSONDecoder` as before.
enum ContentDelta {
  /// The bytes around the content string of the last plain chunk. A stream repeats them in every content chunk
  /// (id, model, fingerprint, index, `"logprobs":null,"finish_reason":null`), so a chunk with the same bytes before
  /// and after its content string is plain too: a parser in the same state, fed the same bytes, ends in the same
  /// state, whatever the string held. Two memcmp calls replace reading every key.
  struct Shape: Sendable {
    var prefix: [UInt8] = []
    var suffix: [UInt8] = []
  }

  /// Appends the chunk's content to `buffer` and answers true when the chunk is plain content; false otherwise.
  static func append(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8]) -> Bool {
    var shape = Shape()
    return append(bytes, to: &buffer, shape: &shape)
  }

  /// As `append(_:to:)`, trying the bytes around the last plain chunk's content before reading every key.
  static func append(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8], shape: inout Shape) -> Bool {
    if let taken = appendSameShape(bytes, to: &buffer, shape: shape) { return taken }
    var content: Range<Int>? = nil
    guard scan(bytes, to: &buffer, content: &content), let content else { return false }
    shape.prefix = Array(UnsafeRawBufferPointer(rebasing: bytes[..<content.lowerBound]))
    shape.suffix = Array(UnsafeRawBufferPointer(rebasing: bytes[content.upperBound...]))
    return true
  }

  /// True or false when the chunk has the shape's bytes around its content; nil when it does not, or no shape yet.
  private static func appendSameShape(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8], shape: Shape)
    -> Bool?
  {
    let prefix = shape.prefix.count
    let suffix = shape.suffix.count
    guard prefix > 0, bytes.count > prefix + suffix, let base = bytes.baseAddress,
      shape.prefix.withUnsafeBytes({ memcmp(base, $0.baseAddress!, prefix) == 0 })
    else { return nil }
    let mark = buffer.count
    var scanner = JSONScanner(bytes, at: prefix)
    guard scanner.string(appendingTo: &buffer) else {
      buffer.removeSubrange(mark...)
      return nil
    }
    let end = scanner.offset
    guard bytes.count - end == suffix,
      suffix == 0 || shape.suffix.withUnsafeBytes({ memcmp(base + end, $0.baseAddress!, suffix) == 0 })
    else {
      buffer.removeSubrange(mark...)
      return nil
    }
    return true
  }

  /// Reads every key; `content` is where the content string lies (its quotes included).
  private static func scan(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8], content: inout Range<Int>?)
    -> Bool
  {
    let mark = buffer.count
    var scanner = JSONScanner(bytes)
    var choices = 0
    let plain = scanner.fields { scanner, key in
      switch key {
      case "choices":
        return scanner.array { scanner in
          choices += 1
          return choices == 1 && choice(&scanner, into: &buffer, content: &content)
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
  private static func choice(
    _ scanner: inout JSONScanner, into buffer: inout [UInt8], content: inout Range<Int>?
  ) -> Bool {
    let plain = scanner.fields { scanner, key in
      switch key {
      case "index": return scanner.int() == 0
      case "finish_reason": return scanner.null()
      case "logprobs": return scanner.skipValue()
      case "delta":
        return scanner.fields { scanner, key in
          guard case "content" = key, content == nil else { return false }
          let start = scanner.offset
          guard scanner.string(appendingTo: &buffer) else { return false }
          content = start..<scanner.offset
          return true
        }
      default: return false
      }
    }
    return plain && content != nil
  }
}
