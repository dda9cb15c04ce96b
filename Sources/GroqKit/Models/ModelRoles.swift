/// A job groq picks a model for. `tools` is Groq's built-in tools (browser_search, code_interpreter), not
/// function calling, which most chat models do.
public enum ModelRole: String, CaseIterable, Sendable {
  case chat, fast, reasoning, vision, tools, safety, transcription, translation, speech
}

/// How a model family is asked about its reasoning (groq-api.md 0b): the fields differ and are refused across.
public enum ReasoningFamily: String, Sendable, Equatable {
  /// `include_reasoning` true/false; the reasoning comes apart by default; efforts low/medium/high.
  case gptOSS = "gpt-oss"
  /// `reasoning_format` raw/parsed/hidden; efforts none/default/low/medium/high.
  case qwen3

  /// The `reasoning_effort` values the family takes.
  public var efforts: [ReasoningEffort] {
    switch self {
    case .gptOSS: [.low, .medium, .high]
    case .qwen3: [.none, .default, .low, .medium, .high]
    }
  }
}

/// A speaking voice and, where known, whether it sounds female or male: a retired voice maps to a live voice of
/// the same language and gender.
public struct Voice: Sendable, Equatable {
  public enum Gender: Sendable, Equatable { case female, male }
  public let name: String
  public let gender: Gender?

  public init(_ name: String, _ gender: Gender?) {
    self.name = name
    self.gender = gender
  }
}

/// When and how Groq shut a model down, and what it named in its place.
public struct Retirement: Sendable, Equatable {
  /// ISO date, as in Groq's deprecation notices.
  public let date: String
  /// nil when Groq named none (compound).
  public let replacement: String?
}

/// One model id groq knows and what it can do. Everything here is a hint: `GET /models` decides what exists.
public struct KnownModel: Sendable, Equatable {
  public let id: String
  /// An array, not a `Set`: the first `Set<ModelRole>` of a run searches the static binary's conformance tables,
  /// and `groq models` reads these for every row. No id has more than a few roles.
  public let roles: [ModelRole]
  public var vision = false
  public var reasoning: ReasoningFamily?
  /// Groq's built-in tools (browser_search, code_interpreter).
  public var builtInTools = false
  /// `json_schema` with `strict: true`.
  public var strictSchema = false
  public var translates = false
  /// Speech models: voices in the order `--list-voices` shows them, the first the default.
  public var voices: [Voice] = []
  /// Speech models: the formats `/audio/speech` answers in.
  public var formats: [String] = []
  /// Tokens of context for text models; characters per request for speech models.
  public var inputLimit: Int?
  public var language: String?
  /// Set for a model Groq shut down.
  public var retired: Retirement?
}

/// The model data groq has, in one place (groq-api.md 0b, as of 2026-11): which ids each role prefers, what each
/// known id can do, and when the seed-era ids were shut down. Model ids rot: defaults are the first preferred id,
/// healed from `/models` when Groq answers that it is gone, and an id groq does not know is judged by its name.
public enum ModelRoles {
  /// Each role's ids, best first. The first is the default, used without asking the server.
  public static func preferred(for role: ModelRole) -> [String] {
    switch role {
    case .chat: [gptOSS120, gptOSS20, qwen38]
    case .fast: [gptOSS20, gptOSS120, qwen38]
    case .reasoning: [gptOSS120, qwen38, gptOSS20]
    case .vision: [qwen38]
    case .tools: [gptOSS120, gptOSS20]
    case .safety: ["openai/gpt-oss-safeguard-20b"]
    case .transcription: ["whisper-large-v3-turbo", "whisper-large-v3"]
    case .translation: ["whisper-large-v3"]
    case .speech: [orpheusEnglish, orpheusArabic]
    }
  }

  static let gptOSS120 = "openai/gpt-oss-120b"
  static let gptOSS20 = "openai/gpt-oss-20b"
  static let qwen38 = "qwen/qwen3.8-27b"
  static let orpheusEnglish = "canopylabs/orpheus-v1-english"
  static let orpheusArabic = "canopylabs/orpheus-arabic-saudi"

  private static let playAIFormats = ["flac", "mp3", "mulaw", "ogg", "wav"]
  private static let chatRoles: [ModelRole] = [.chat, .fast]

  /// Every id groq knows: live ones first, then the seed's, with their shutdown dates.
  public static let known: [KnownModel] = [
    KnownModel(
      id: gptOSS120, roles: [.chat, .fast, .reasoning, .tools], reasoning: .gptOSS, builtInTools: true,
      strictSchema: true, inputLimit: 131_072),
    KnownModel(
      id: gptOSS20, roles: [.chat, .fast, .reasoning, .tools], reasoning: .gptOSS, builtInTools: true,
      strictSchema: true, inputLimit: 131_072),
    KnownModel(
      id: qwen38, roles: [.chat, .fast, .reasoning, .vision], vision: true, reasoning: .qwen3, inputLimit: 131_072),
    KnownModel(
      id: "openai/gpt-oss-safeguard-20b", roles: [.safety, .tools], reasoning: .gptOSS, builtInTools: true,
      strictSchema: true, inputLimit: 131_072),
    KnownModel(id: "allam-2-7b", roles: chatRoles, inputLimit: 4_096),
    KnownModel(id: "meta-llama/llama-prompt-guard-2-22m", roles: [.safety], inputLimit: 512),
    KnownModel(id: "meta-llama/llama-prompt-guard-2-86m", roles: [.safety], inputLimit: 512),
    KnownModel(id: "whisper-large-v3-turbo", roles: [.transcription], inputLimit: 448),
    KnownModel(id: "whisper-large-v3", roles: [.transcription, .translation], translates: true, inputLimit: 448),
    KnownModel(
      id: orpheusEnglish, roles: [.speech],
      voices: [
        Voice("troy", .male), Voice("autumn", .female), Voice("diana", .female), Voice("hannah", .female),
        Voice("austin", .male), Voice("daniel", .male),
      ], formats: ["wav"], inputLimit: 200, language: "English"),
    KnownModel(
      id: orpheusArabic, roles: [.speech],
      voices: [Voice("fahad", .male), Voice("sultan", .male), Voice("lulwa", .female), Voice("noura", .female)],
      formats: ["wav"], inputLimit: 200, language: "Arabic"),

    // The seed's models, shut down: kept so that their errors can say so and name what replaced them.
    KnownModel(
      id: "llama-3.3-70b-versatile", roles: chatRoles, inputLimit: 131_072,
      retired: Retirement(date: "2026-08-16", replacement: gptOSS120)),
    KnownModel(
      id: "llama-3.1-8b-instant", roles: chatRoles, inputLimit: 131_072,
      retired: Retirement(date: "2026-08-16", replacement: gptOSS20)),
    KnownModel(
      id: "deepseek-r1-distill-llama-70b", roles: [.chat, .reasoning], inputLimit: 131_072,
      retired: Retirement(date: "2025-10-02", replacement: gptOSS120)),
    KnownModel(
      id: "qwen-qwq-32b", roles: [.chat, .reasoning], reasoning: .qwen3, inputLimit: 131_072,
      retired: Retirement(date: "2025-07-14", replacement: qwen38)),
    KnownModel(
      id: "qwen/qwen3-32b", roles: [.chat, .reasoning], reasoning: .qwen3, inputLimit: 131_072,
      retired: Retirement(date: "2026-07-17", replacement: qwen38)),
    KnownModel(
      id: "meta-llama/llama-4-scout-17b-16e-instruct", roles: [.chat, .vision], vision: true, inputLimit: 131_072,
      retired: Retirement(date: "2026-07-17", replacement: qwen38)),
    KnownModel(
      id: "qwen/qwen3.6-27b", roles: [.chat, .reasoning, .vision], vision: true, reasoning: .qwen3,
      inputLimit: 131_072, retired: Retirement(date: "2026-09-14", replacement: qwen38)),
    KnownModel(id: "compound-beta", roles: [.tools], retired: Retirement(date: "2026-09-21", replacement: nil)),
    KnownModel(id: "compound-beta-mini", roles: [.tools], retired: Retirement(date: "2026-09-21", replacement: nil)),
    KnownModel(id: "groq/compound", roles: [.tools], retired: Retirement(date: "2026-09-21", replacement: nil)),
    KnownModel(
      id: "groq/compound-mini", roles: [.tools], retired: Retirement(date: "2026-09-21", replacement: nil)),
    KnownModel(
      id: "llama-guard-3-8b", roles: [.safety],
      retired: Retirement(date: "2025-06-06", replacement: "openai/gpt-oss-safeguard-20b")),
    KnownModel(
      id: "meta-llama/llama-guard-4-12b", roles: [.safety],
      retired: Retirement(date: "2026-03-05", replacement: "openai/gpt-oss-safeguard-20b")),
    KnownModel(
      id: "distil-whisper-large-v3-en", roles: [.transcription], inputLimit: 448,
      retired: Retirement(date: "2025-08-23", replacement: "whisper-large-v3-turbo")),
    KnownModel(
      id: "playai-tts", roles: [.speech],
      voices: [
        Voice("Arista", .female), Voice("Atlas", .male), Voice("Basil", .male), Voice("Briggs", .male),
        Voice("Calum", .male), Voice("Celeste", .female), Voice("Cheyenne", .female), Voice("Chip", .male),
        Voice("Cillian", .male), Voice("Deedee", .female), Voice("Fritz", .male), Voice("Gail", .female),
        Voice("Indigo", nil), Voice("Mamaw", .female), Voice("Mason", .male), Voice("Mikail", .male),
        Voice("Mitch", .male), Voice("Quinn", nil), Voice("Thunder", .male),
      ].map { Voice($0.name + "-PlayAI", $0.gender) }, formats: playAIFormats, inputLimit: 10_000,
      language: "English", retired: Retirement(date: "2025-12-31", replacement: orpheusEnglish)),
    KnownModel(
      id: "playai-tts-arabic", roles: [.speech],
      voices: [Voice("Ahmad", .male), Voice("Amira", .female), Voice("Khalid", .male), Voice("Nasser", .male)]
        .map { Voice($0.name + "-PlayAI", $0.gender) }, formats: playAIFormats, inputLimit: 10_000,
      language: "Arabic", retired: Retirement(date: "2025-12-31", replacement: orpheusArabic)),
  ]

  /// The role's default: its first preferred id.
  public static func defaultModel(for role: ModelRole) -> String { preferred(for: role)[0] }

  /// What groq knows of this id, matched exactly; nil for an id it has never heard of.
  public static func known(_ id: String) -> KnownModel? { known.first { $0.id == id } }

  /// The shutdown of this id, when groq knows of one.
  public static func retirement(of id: String) -> Retirement? { known(id)?.retired }

  /// Whether this id can do the role's job: from the data for a known id, else from its name, so that the lists of
  /// other servers (llama.cpp, vLLM, newer Groq models) are judged too.
  public static func can(_ id: String, _ role: ModelRole) -> Bool {
    if let model = known(id) { return model.roles.contains(role) }
    return guessedRoles(of: id).contains(role)
  }

  /// The reasoning family of a model: from the data, else from its name; nil when it does not reason the Groq way.
  public static func reasoningFamily(of id: String) -> ReasoningFamily? {
    if let model = known(id) { return model.reasoning }
    let name = id.lowercased()
    if name.contains("gpt-oss") { return .gptOSS }
    if name.contains("qwen3") || name.contains("qwq") { return .qwen3 }
    return nil
  }

  /// Whether Groq's built-in tools run on this model.
  public static func hasBuiltInTools(_ id: String) -> Bool {
    known(id)?.builtInTools ?? id.lowercased().contains("gpt-oss")
  }

  /// The ids of `live` that can do the role: the role's preferred ids in order first, then the others `can` allows,
  /// sorted. This is how a default heals when Groq shuts it down.
  public static func candidates(for role: ModelRole, among live: [String]) -> [String] {
    let liveSet = Set(live)
    let preferredLive = preferred(for: role).filter { liveSet.contains($0) }
    let others = Set(live).subtracting(preferredLive).filter { can($0, role) && retirement(of: $0) == nil }
    return preferredLive + others.sorted()
  }

  /// Roles judged from the name of an id groq does not know. A model that is not audio, safety or embedding is
  /// taken to chat: most of a server's list does.
  static func guessedRoles(of id: String) -> [ModelRole] {
    let name = id.lowercased()
    if name.contains("whisper") { return [.transcription] }
    if ["tts", "orpheus", "playai", "speech"].contains(where: name.contains) { return [.speech] }
    if name.contains("guard") { return [.safety] }
    if name.contains("embed") || name.contains("rerank") { return [] }
    var roles: [ModelRole] = [.chat, .fast]
    if reasoningFamily(of: id) != nil || ["r1", "reason", "think"].contains(where: name.contains) {
      roles.append(.reasoning)
    }
    if ["vision", "-vl", "llava", "scout", "maverick"].contains(where: name.contains) { roles.append(.vision) }
    if hasBuiltInTools(id) { roles.append(.tools) }
    return roles
  }

  /// The live voice that stands in for a retired one: the replacement model's voice of the same gender where known,
  /// else its default voice. nil for a voice no retired model had.
  public static func replacementVoice(for voice: String) -> (model: String, voice: String)? {
    for model in known where model.retired != nil {
      guard let old = model.voices.first(where: { $0.name.caseInsensitiveCompare(voice) == .orderedSame }),
        let replacement = model.retired?.replacement, let live = known(replacement), let first = live.voices.first
      else { continue }
      let same = old.gender.flatMap { gender in live.voices.first { $0.gender == gender } }
      return (replacement, (same ?? first).name)
    }
    return nil
  }
}
