import FakeGroq
import Foundation
@testable import GroqKit

// SwiftPM gives an executable its own `main`, so libFuzzer's is never linked; this one hands over to libFuzzer's
// driver with the callback below.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv, fuzzOne))

/// One input, fed to the target `GROQ_FUZZ_TARGET` names (sse, chunk or multipart).
///
/// Besides crashes (and AddressSanitizer's reports), each target checks one property a bug would break, so a wrong
/// answer is a finding too: the SSE decoder gives the same events however the bytes are split, and the chunk
/// scanner agrees with JSONDecoder whenever both read a chunk.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  switch FuzzTarget.current {
  case .sse: FuzzTarget.sse(bytes)
  case .chunk: FuzzTarget.chunk(bytes)
  case .multipart: FuzzTarget.multipart(bytes)
  }
  return 0
}

/// The three parsers that read what a peer sends.
enum FuzzTarget: String {
  case sse, chunk, multipart

  static let current: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["GROQ_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      fatalError("set GROQ_FUZZ_TARGET to sse, chunk or multipart")
    }
    return target
  }()

  /// The first byte picks where the rest is cut in two, as two network reads would cut it.
  static func sse(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let first = bytes.first else { return }
    let body = Array(bytes.dropFirst())
    var whole = SSEDecoder()
    let expected = whole.push(body)
    let cut = body.isEmpty ? 0 : Int(first) % (body.count + 1)
    var split = SSEDecoder()
    let events = split.push(body[..<cut]) + split.push(body[cut...])
    if events != expected {
      fatalError("SSE events differ when the input is cut at \(cut): \(events) vs \(expected)")
    }
    _ = whole.finish()
  }

  /// Any bytes go to the scanner; the two decoders are compared on the input's canonical form (JSONSerialization's
  /// re-encoding), because on a repeated key they legitimately differ: the scanner keeps the last value,
  /// JSONDecoder the first (the fuzzer's first finding; servers never repeat keys).
  static func chunk(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard ChatCompletionChunk.scan(UnsafeRawBufferPointer(bytes)) != nil,
      let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
      let canonical = try? JSONSerialization.data(withJSONObject: object)
    else { return }
    let scanned = canonical.withUnsafeBytes { ChatCompletionChunk.scan($0) }
    guard let scanned, let decoded = try? JSONDecoder().decode(ChatCompletionChunk.self, from: canonical) else {
      return
    }
    if scanned != decoded {
      fatalError("the scanner and JSONDecoder disagree: \(scanned) vs \(decoded)")
    }
  }

  static func multipart(_ bytes: UnsafeBufferPointer<UInt8>) {
    let form = MultipartForm(body: Data(bytes), contentType: "multipart/form-data; boundary=XyZ")
    _ = form?.file
    _ = form?.value("model")
  }
}
