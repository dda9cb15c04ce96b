import FakeGroq
import Foundation
import Testing

/// The fake server's multipart parser on malformed bodies: what the fuzzer found (bench/fuzz multipart).
@Suite("multipart form parsing")
struct MultipartFormTests {
  static let contentType = "multipart/form-data; boundary=XyZ"

  @Test("a part whose headers end right where the next delimiter starts is empty, not a crash")
  func emptyPartAfterHeaders() throws {
    let body = Data("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--XyZ--\r\n".utf8)
    let form = try #require(MultipartForm(body: body, contentType: Self.contentType))
    #expect(form.parts.count == 1)
    #expect(form.value("a") == "")
  }

  @Test("the fuzzer's crashing input is parsed without reading out of bounds")
  func fuzzerCrash() {
    let body = Data(base64Encoded: "LS1YeVoNCkNvbnRlbnQtRGlzcG9zaQAAAAAAAAAAdA0KDW9uOiBmcg0KLS1YeVoNCkNvbgoNb246IGZyDQotLVh0ZW50LURpc3BvcyBuYW1lPSJtb2RlbCINCg1vbjogZnINCi0tWGF2DQoNCi0tWHlaDQpDb250ZW5SaXRvLUQ=")!
    _ = MultipartForm(body: body, contentType: Self.contentType)
  }

  @Test("a well-formed form still reads its fields and file")
  func wellFormed() throws {
    let body = Data(
      ("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
        + "RIFF\r\n--XyZ--\r\n").utf8)
    let form = try #require(MultipartForm(body: body, contentType: Self.contentType))
    #expect(form.value("model") == "whisper")
    #expect(form.file?.filename == "a.wav")
    #expect(form.file?.body == Data("RIFF".utf8))
  }
}
