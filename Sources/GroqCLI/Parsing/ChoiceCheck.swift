extension ParsedArguments {
  /// An option whose value must be one of `choices`; nil when absent. The hint lists them all.
  func choice(_ long: String, among choices: [String], command: String) throws(UsageError) -> String? {
    guard let value = value(long) else { return nil }
    guard choices.contains(value) else {
      throw UsageError(
        "invalid value '\(value)' for --\(long)", hint: "one of " + choices.joined(separator: ", "), command: command)
    }
    return value
  }
}
