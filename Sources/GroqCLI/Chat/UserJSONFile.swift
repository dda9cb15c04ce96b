import Foundation
import GroqKit

/// A JSON file the user wrote, read and parsed with errors that name it.
enum UserJSONFile {
  static func read(_ path: String, what: String, command: String?) throws(UsageError) -> JSONValue {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else {
      throw UsageError("cannot read \(what) \(path)", command: command)
    }
    guard let value = JSONValue(parsing: data) else {
      var detail = ""
      do {
        _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      } catch {
        if let debug = (error as NSError).userInfo["NSDebugDescription"] as? String { detail = ": " + debug }
      }
      throw UsageError("\(what) \(path) is not valid JSON" + detail, command: command)
    }
    return value
  }
}
