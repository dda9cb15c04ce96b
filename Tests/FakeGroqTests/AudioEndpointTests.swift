import FakeGroq
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The fake's audio endpoints, through URLSession as groq reaches them.
@Suite struct AudioEndpointTests {
  let server: FakeGroqServer

  init() throws {
    server = try FakeGroqServer()
  }

  func post(_ path: String, body: Data, contentType: String) async throws -> (Int, String?, Data) {
    var request = URLRequest(url: try #require(URL(string: server.baseURL + "/openai/v1" + path)))
    request.httpMethod = "POST"
    request.setValue("Bearer gsk_test_key", forHTTPHeaderField: "Authorization")
    request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    request.httpBody = body
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type"), data)
  }

  func form(_ fields: [(String, String)], file: Data? = nil, filename: String = "a.wav") -> Data {
    var body = Data()
    for (name, value) in fields {
      body += Data("--B\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    if let file {
      body += Data(
        "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: audio/wav\r\n\r\n"
          .utf8)
      body += file + Data("\r\n".utf8)
    }
    return body + Data("--B--\r\n".utf8)
  }

  @Test func textFormatIsPlainTextNotJSON() async throws {
    let wav = FakeAudio.wav(seconds: 6) { Int16(3 + $0) }
    let body = form([("model", "whisper-large-v3-turbo"), ("response_format", "text")], file: wav)
    let (status, type, data) = try await post(
      "/audio/transcriptions", body: body, contentType: "multipart/form-data; boundary=B")
    #expect(status == 200)
    #expect(type?.hasPrefix("text/plain") == true)
    #expect(String(decoding: data, as: UTF8.self) == " Second 3. Second 8.\n")
  }

  @Test func repeatedGranularitiesAreAllHonoured() async throws {
    let wav = FakeAudio.wav(seconds: 2)
    let body = form(
      [
        ("model", "whisper-large-v3"), ("response_format", "verbose_json"), ("timestamp_granularities[]", "word"),
        ("timestamp_granularities[]", "segment"),
      ], file: wav)
    let (status, _, data) = try await post(
      "/audio/transcriptions", body: body, contentType: "multipart/form-data; boundary=B")
    #expect(status == 200)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect((object["words"] as? [Any])?.count == 2)
    #expect((object["segments"] as? [Any])?.count == 1)
    #expect(server.requests.last?.multipartForm?.values("timestamp_granularities[]") == ["word", "segment"])
  }

  @Test func uploadsPast25MBAre413() async throws {
    let body = form([("model", "whisper-large-v3")], file: Data(count: 25 * 1024 * 1024 + 1))
    let (status, _, data) = try await post(
      "/audio/transcriptions", body: body, contentType: "multipart/form-data; boundary=B")
    #expect(status == 413)
    #expect(String(decoding: data, as: UTF8.self).contains("\"type\":\"invalid_request_error\""))
  }

  @Test(arguments: [
    ([("model", "whisper-large-v3-turbo")], "/audio/translations", "does not support translations"),
    ([("model", "whisper-large-v3"), ("response_format", "srt")], "/audio/transcriptions", "response_format"),
    ([("model", "whisper-large-v3"), ("colour", "red")], "/audio/transcriptions", "property 'colour' is unsupported"),
    ([("response_format", "json")], "/audio/transcriptions", "'model' is missing"),
  ])
  func validatesLikeGroq(fields: [(String, String)], path: String, message: String) async throws {
    let (status, _, data) = try await post(
      path, body: form(fields, file: FakeAudio.wav(seconds: 1)), contentType: "multipart/form-data; boundary=B")
    #expect(status == 400)
    #expect(String(decoding: data, as: UTF8.self).contains(message))
  }

  @Test func speechIsAValidWAV() async throws {
    let body =
      #"{"model":"canopylabs/orpheus-v1-english","input":"Hi!","voice":"troy","response_format":"wav","sample_rate":8000}"#
    let (status, type, data) = try await post("/audio/speech", body: Data(body.utf8), contentType: "application/json")
    #expect(status == 200)
    #expect(type == "audio/wav")
    let wav = try #require(FakeAudio.decode(data))
    #expect(wav.sampleRate == 8000)
    #expect(wav.values.count == 3 * 80)
    #expect(wav.riffSize == data.count - 8)
  }

  @Test func unknownVoiceIs400InGroqsShape() async throws {
    let body = #"{"model":"canopylabs/orpheus-v1-english","input":"Hi","voice":"Nobody","response_format":"wav"}"#
    let (status, _, data) = try await post("/audio/speech", body: Data(body.utf8), contentType: "application/json")
    #expect(status == 400)
    let error = try #require(
      (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["error"] as? [String: Any])
    #expect((error["message"] as? String)?.hasPrefix("voice must be one of [autumn ") == true)
    #expect(error["type"] as? String == "invalid_request_error")
  }

  @Test func orpheusSpeaksWAVOnlyAndPlayAIIsDecommissioned() async throws {
    let mp3 = #"{"model":"canopylabs/orpheus-v1-english","input":"Hi","voice":"troy","response_format":"mp3"}"#
    let (status, _, data) = try await post("/audio/speech", body: Data(mp3.utf8), contentType: "application/json")
    #expect(status == 400)
    #expect(String(decoding: data, as: UTF8.self).contains("The only supported format is wav"))
    let playAI = #"{"model":"playai-tts","input":"Hi","voice":"Fritz-PlayAI","response_format":"wav"}"#
    let (gone, _, body) = try await post("/audio/speech", body: Data(playAI.utf8), contentType: "application/json")
    #expect(gone == 400)
    #expect(String(decoding: body, as: UTF8.self).contains("model_decommissioned"))
  }
}
