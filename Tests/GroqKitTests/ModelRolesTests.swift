import FakeGroq
import Foundation
import Testing

@testable import GroqKit

@Suite("Model roles: defaults, what each id can do, retired ids")
struct ModelRolesTests {
  @Test("every role has a live default that can do it, and no preferred id is retired")
  func defaultsAreLive() {
    for role in ModelRole.allCases {
      let ids = ModelRoles.preferred(for: role)
      #expect(!ids.isEmpty, "\(role)")
      for id in ids {
        #expect(ModelRoles.known(id) != nil, "\(id) is preferred but unknown")
        #expect(ModelRoles.retirement(of: id) == nil, "\(id) is preferred but retired")
        #expect(ModelRoles.can(id, role), "\(id) is preferred for \(role) but cannot do it")
      }
    }
    #expect(ModelRoles.defaultModel(for: .chat) == "openai/gpt-oss-120b")
    #expect(ModelRoles.defaultModel(for: .fast) == "openai/gpt-oss-20b")
    #expect(ModelRoles.defaultModel(for: .vision) == "qwen/qwen3.8-27b")
    #expect(ModelRoles.defaultModel(for: .translation) == "whisper-large-v3")
  }

  @Test("every retired id names a live replacement, or none (compound)")
  func retirementsNameLiveModels() {
    for model in ModelRoles.known where model.retired != nil {
      if let replacement = model.retired?.replacement {
        #expect(ModelRoles.retirement(of: replacement) == nil, "\(model.id) → \(replacement)")
      }
    }
    #expect(ModelRoles.retirement(of: "llama-3.3-70b-versatile")?.date == "2026-08-16")
    #expect(ModelRoles.retirement(of: "compound-beta")?.replacement == nil)
  }

  @Test("an unknown id is judged by its name")
  func heuristics() {
    #expect(ModelRoles.can("whisper-tiny.en", .transcription))
    #expect(!ModelRoles.can("whisper-tiny.en", .chat))
    #expect(ModelRoles.can("some/orpheus-v2", .speech) && !ModelRoles.can("some/orpheus-v2", .chat))
    #expect(ModelRoles.can("llama-guard-5", .safety) && !ModelRoles.can("llama-guard-5", .chat))
    #expect(ModelRoles.can("mistral-7b-instruct", .chat) && !ModelRoles.can("mistral-7b-instruct", .vision))
    #expect(ModelRoles.can("qwen2.5-vl-7b", .vision))
    #expect(ModelRoles.reasoningFamily(of: "openai/gpt-oss-240b") == .gptOSS)
    #expect(ModelRoles.reasoningFamily(of: "Qwen3-4B-GGUF") == .qwen3)
    #expect(ModelRoles.reasoningFamily(of: "mistral-7b") == nil)
    #expect(!ModelRoles.can("nomic-embed-text", .chat))
  }

  @Test("a role's candidates among a live list: preferred ids in order, then others that can do it")
  func candidates() {
    let live = ["whisper-large-v3", "zeta-chat", "qwen/qwen3.8-27b", "openai/gpt-oss-20b", "llama-3.3-70b-versatile"]
    #expect(ModelRoles.candidates(for: .chat, among: live) == ["openai/gpt-oss-20b", "qwen/qwen3.8-27b", "zeta-chat"])
    #expect(ModelRoles.candidates(for: .translation, among: live) == ["whisper-large-v3"])
    #expect(ModelRoles.candidates(for: .vision, among: ["llama3"]) == [])
  }

  @Test("a PlayAI voice maps to the Orpheus voice of its language and gender")
  func voiceMapping() {
    #expect(ModelRoles.replacementVoice(for: "Fritz-PlayAI")! == ("canopylabs/orpheus-v1-english", "troy"))
    #expect(ModelRoles.replacementVoice(for: "celeste-playai")! == ("canopylabs/orpheus-v1-english", "autumn"))
    #expect(ModelRoles.replacementVoice(for: "Amira-PlayAI")! == ("canopylabs/orpheus-arabic-saudi", "lulwa"))
    #expect(ModelRoles.replacementVoice(for: "Quinn-PlayAI")! == ("canopylabs/orpheus-v1-english", "troy"))
    #expect(ModelRoles.replacementVoice(for: "troy") == nil)
  }

  @Test("the speech and transcription catalogues come from the model data")
  func catalogues() {
    #expect(SpeechCatalogue.defaultModel == ModelRoles.defaultModel(for: .speech))
    #expect(SpeechCatalogue.model("canopylabs/orpheus-arabic-saudi")?.voices == ["fahad", "sultan", "lulwa", "noura"])
    #expect(SpeechCatalogue.model("canopylabs/orpheus-v1-english")?.formats == ["wav"])
    #expect(SpeechCatalogue.model("playai-tts")?.retired != nil)
    #expect(TranscriptionModel.named("whisper-large-v3")?.canTranslate == true)
    #expect(TranscriptionModel.named("whisper-large-v3-turbo")?.canTranslate == false)
  }
}

@Suite("the fake server's lineup agrees with the model data")
struct FakeLineupTests {
  @Test("every preferred id is in the fake's /models; every id there is known and live; no retired id is listed")
  func agree() throws {
    let list = try JSONSerialization.jsonObject(with: Data(FakeModelList.json(excluding: []).utf8)) as? [String: Any]
    let ids = Set(((list?["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
    #expect(!ids.isEmpty)
    for id in ModelRole.allCases.flatMap(ModelRoles.preferred(for:)) { #expect(ids.contains(id), "\(id) is preferred but not served") }
    for id in ids {
      #expect(ModelRoles.known(id) != nil, "the fake serves \(id), which the model data does not know")
      #expect(ModelRoles.retirement(of: id) == nil, "the fake serves \(id), shut down")
    }
  }
}

@Suite("which errors say the model is gone")
struct ModelGoneErrorTests {
  @Test("400 model_decommissioned and 404 model_not_found are gone; another 404 or code is not")
  func gone() {
    func error(_ status: Int, _ code: String?) -> GroqError {
      GroqError(kind: .api(status: status), message: "m", code: code)
    }
    #expect(error(400, "model_decommissioned").modelIsGone)
    #expect(error(404, "model_not_found").modelIsGone)
    #expect(!error(400, "model_not_found").modelIsGone)
    #expect(!error(404, nil).modelIsGone)
    #expect(!error(403, "model_terms_required").modelIsGone)
  }
}
