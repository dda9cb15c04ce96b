import Foundation

/// The fast path for `GET /models`: `JSONScanner` instead of `JSONDecoder`.
///
/// `groq models` and Tab completion wait for this list, and `JSONDecoder`'s first use in a run costs more than the
/// whole request (its generic Codable machinery is looked up in the static binary's conformance tables). The scan
/// reads the fields `Model` has and skips the rest; anything unexpected (a field of another type, no `id`) makes
/// it answer nil, and `JSONDecoder` then decodes the list and reports the problem properly. Tests check the two
/// agree.
extension ModelList {
  static func scan(_ data: Data) -> ModelList? {
    data.withUnsafeBytes { bytes in
      var scanner = JSONScanner(bytes)
      var models: [Model]?
      let complete = scanner.fields { scanner, key in
        switch key {
        case "data": return scanner.list { Model.scan(&$0) }.map { models = $0 } != nil
        default: return scanner.skipValue()
        }
      }
      guard complete, scanner.atEnd, let models else { return nil }
      return ModelList(data: models)
    }
  }
}

extension Model {
  /// One model object alone, as `GET /models/{id}` answers.
  static func scan(_ data: Data) -> Model? {
    data.withUnsafeBytes { bytes in
      var scanner = JSONScanner(bytes)
      guard let model = scan(&scanner), scanner.atEnd else { return nil }
      return model
    }
  }

  static func scan(_ scanner: inout JSONScanner) -> Model? {
    var id: String?
    var model = Model(id: "")
    let complete = scanner.fields { scanner, key in
      switch key {
      case "id": return scanner.string().map { id = $0 } != nil
      case "object": return scanner.nullable(into: &model.object) { $0.string() }
      case "created": return scanner.nullable(into: &model.created) { $0.int() }
      case "owned_by": return scanner.nullable(into: &model.ownedBy) { $0.string() }
      case "active": return scanner.nullable(into: &model.active) { $0.bool() }
      case "context_window": return scanner.nullable(into: &model.contextWindow) { $0.int() }
      case "max_completion_tokens": return scanner.nullable(into: &model.maxCompletionTokens) { $0.int() }
      default: return scanner.skipValue()
      }
    }
    guard complete, let id else { return nil }
    model.id = id
    return model
  }
}
