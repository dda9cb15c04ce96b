import Foundation
import GroqKit

/// A conversation's file, written with `JSONText` in the layout JSONEncoder's `.prettyPrinted` gives, and read back
/// by JSONDecoder like any file an older groq wrote.
///
/// Saving ran every message through JSONEncoder after each answer; its first use of each type made the runtime search
/// the binary's conformances, most of what saving a one-shot chat cost (issue 10). A test holds this file equal to
/// JSONEncoder's, once both are read back.
extension Conversation {
  var fileJSON: Data {
    var json = JSONText(pretty: true)
    json.object { json in
      json.member("completionTokens", completionTokens)
      json.member("created", InternetTime.string(created))
      json.member("id", id)
      json.key("messages")
      json.array(messages) { json, entry in entry.write(to: &json) }
      json.member("model", model)
      json.member("named", named)
      json.member("promptTokens", promptTokens)
      json.member("system", system)
      json.member("title", title)
      json.member("updated", InternetTime.string(updated))
      json.member("version", version)
    }
    return Data(json.bytes)
  }
}

extension Conversation.Entry {
  /// The message's own members at the top level, as `encode(to:)` puts them, then what groq knows about it.
  func write(to json: inout JSONText) {
    json.object { json in
      message.writeMembers(to: &json)
      json.member("date", date.map(InternetTime.string))
      if interrupted { json.member("interrupted", true) }
      if let usage {
        json.key("usage")
        usage.write(to: &json)
      }
    }
  }
}
