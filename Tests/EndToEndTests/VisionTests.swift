import FakeGroq
import Foundation
import Testing

@Suite("images for vision models")
struct VisionTests {
  static let vision = "qwen/qwen3.8-27b"

  @Test("a local file becomes a base64 data URL after the text; a URL goes as it is")
  func parts() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      Fixtures.resolve(
        ["chat", "-m", Self.vision, "-i", "@photo.png", "--image", "https://example.com/b.png", "What differs?"]),
      server: server)
    #expect(result.status == 0)
    #expect(result.stdout == "I see 2 images.\n")
    #expect(result.stderr == "")
    let messages = try #require(try server.requests.first?.json()["messages"] as? [[String: Any]])
    let parts = try #require(messages.last?["content"] as? [[String: Any]])
    #expect(parts.count == 3)
    #expect(parts[0] as NSDictionary == ["type": "text", "text": "What differs?"] as NSDictionary)
    let expected = "data:image/png;base64," + Fixtures.png.base64EncodedString()
    #expect(parts[1] as NSDictionary == ["type": "image_url", "image_url": ["url": expected]] as NSDictionary)
    #expect(
      parts[2] as NSDictionary
        == ["type": "image_url", "image_url": ["url": "https://example.com/b.png"]] as NSDictionary)
  }

  @Test("without -m or GROQ_MODEL, chat asks a vision model; a model the user named is kept")
  func visionDefault() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(Fixtures.resolve(["chat", "-i", "@photo.png", "what is it?"]), server: server)
    #expect(result.status == 0)
    #expect(result.stdout == "I see 1 image.\n")
    _ = try GroqProcess.run(
      Fixtures.resolve(["chat", "-i", "@photo.png", "x"]), server: server,
      environment: ["GROQ_MODEL": "openai/gpt-oss-20b"])
    _ = try GroqProcess.run(
      Fixtures.resolve(["chat", "-m", "openai/gpt-oss-120b", "-i", "@photo.png", "x"]), server: server)
    _ = try GroqProcess.run(["chat", "x"], server: server)
    let models = try server.requests.map { try $0.json()["model"] as? String }
    #expect(models == [Self.vision, "openai/gpt-oss-20b", "openai/gpt-oss-120b", "openai/gpt-oss-120b"])
  }

  @Test(
    "the MIME type comes from the file's first bytes",
    arguments: [("@photo.jpg", "image/jpeg"), ("@anim.gif", "image/gif"), ("@pic.webp", "image/webp")])
  func mimeTypes(file: String, type: String) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      Fixtures.resolve(["chat", "-m", Self.vision, "-i", file, "what is it?"]), server: server)
    #expect(result.status == 0)
    let messages = try #require(try server.requests.first?.json()["messages"] as? [[String: Any]])
    let parts = try #require(messages.last?["content"] as? [[String: Any]])
    let url = try #require((parts.last?["image_url"] as? [String: Any])?["url"] as? String)
    #expect(url.hasPrefix("data:\(type);base64,"))
  }

  @Test(
    "images over 4 MB of base64, alone or together, are refused before any request",
    arguments: [["-i", "@huge.png"], ["-i", "@half.png", "-i", "@half.png"]])
  func overCap(images: [String]) throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(
      Fixtures.resolve(["chat", "-m", Self.vision] + images + ["describe"]), server: server)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("groq: error: the images come to 4."))
    #expect(result.stderr.contains("Groq takes at most 4 MB of base64 images per request"))
    #expect(server.requests.isEmpty)
  }

  @Test("more than five images warn on stderr and are still sent")
  func tooMany() throws {
    let server = try FakeGroqServer()
    let images = Array(repeating: ["-i", "@photo.png"], count: 6).flatMap { $0 }
    let result = try GroqProcess.run(
      Fixtures.resolve(["chat", "-m", Self.vision] + images + ["compare"]), server: server)
    #expect(result.status == 0)
    #expect(result.stdout == "I see 6 images.\n")
    #expect(result.stderr == "groq: warning: 6 images; Groq recommends at most 5 per request\n")
  }

  @Test("reason puts images on the question too")
  func reason() throws {
    let server = try FakeGroqServer()
    let result = try GroqProcess.run(Fixtures.resolve(["reason", "-i", "@photo.png", "what is it?"]), server: server)
    // The default reasoning model has no vision: the fake refuses as Groq does, after the request was sent.
    #expect(result.status == 1)
    #expect(result.stderr.contains("image input is not supported"))
    let messages = try #require(try server.requests.first?.json()["messages"] as? [[String: Any]])
    let parts = try #require(messages.last?["content"] as? [[String: Any]])
    #expect(parts.map { $0["type"] as? String } == ["text", "image_url"])
  }
}
