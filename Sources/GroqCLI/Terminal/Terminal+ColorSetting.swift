/// The config file's `color`: below NO_COLOR and TERM=dumb (the environment wins over the file), above the
/// terminal test.
extension Terminal {
  mutating func applyColorSetting(_ setting: String?, environment: [String: String]) {
    let allowed = (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    switch setting {
    case "always": stderrColor = allowed
    case "never": stderrColor = false
    default: break
    }
  }
}
