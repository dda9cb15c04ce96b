import Foundation
import GroqKit

/// How `groq models` shows models: aligned for eyes, tab-separated for tools, JSON for jq.
enum ModelRendering {
  static func table(_ models: [Model]) -> String {
    let header = ["ID", "OWNER", "CONTEXT", "MAX OUTPUT", "FOR"]
    let rows = models.map { model in
      [
        model.id, model.ownedBy ?? "-", model.contextWindow.map(Format.grouped) ?? "-",
        model.maxCompletionTokens.map(Format.grouped) ?? "-", roles(model.id),
      ]
    }
    let all = [header] + rows
    let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      row.enumerated().map { column, cell in
        // Numbers (the middle two columns) align right, words left.
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 2 || column == 3 ? pad + cell : cell + pad
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n") + "\n"
  }

  /// What groq would pick the model for (`ModelRoles`: known ids from the data, others by name), comma-separated.
  static func roles(_ id: String) -> String {
    let roles = ModelRole.allCases.filter { ModelRoles.can(id, $0) }.map(\.rawValue)
    return roles.isEmpty ? "-" : roles.joinedText(separator: ",")
  }

  /// `id<TAB>owner<TAB>context<TAB>max<TAB>roles`, plain integers, empty where unknown.
  static func lines(_ models: [Model]) -> String {
    models.map { model in
      [
        model.id, model.ownedBy ?? "", model.contextWindow.map(String.init) ?? "",
        model.maxCompletionTokens.map(String.init) ?? "", roles(model.id),
      ].joinedText(separator: "\t") + "\n"
    }.joinedText()
  }

  static func detail(_ model: Model, tty: Bool) -> String {
    guard tty else { return lines([model]) }
    var rows: [(String, String)] = [("id", model.id)]
    if let owner = model.ownedBy { rows.append(("owner", owner)) }
    if let active = model.active { rows.append(("active", active ? "yes" : "no")) }
    if let context = model.contextWindow { rows.append(("context window", Format.grouped(context) + " tokens")) }
    if let maximum = model.maxCompletionTokens { rows.append(("max completion", Format.grouped(maximum) + " tokens")) }
    rows.append(("for", roles(model.id)))
    if let created = model.created {
      let date = Date(timeIntervalSince1970: TimeInterval(created))
      rows.append(("created", String(ISO8601DateFormatter().string(from: date).prefix(10))))
    }
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
      .joined(separator: "\n") + "\n"
  }

  /// The list's `data` array, as the server sent its objects.
  static func json(listData: Data) throws -> String {
    guard let list = try JSONSerialization.jsonObject(with: listData) as? [String: Any], let data = list["data"] else {
      throw CLIError("unexpected response from the server: missing key `data`")
    }
    return try pretty(data)
  }

  static func json(object: Data) throws -> String { try pretty(JSONSerialization.jsonObject(with: object)) }

  private static func pretty(_ value: Any) throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
