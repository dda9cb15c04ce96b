extension ParsedArguments {
  /// A decimal option's value, checked against its range; nil when absent.
  func number(_ long: String, in range: ClosedRange<Double>, command: String) throws(UsageError) -> Double? {
    guard let text = value(long) else { return nil }
    guard let number = Double(text), number.isFinite, range.contains(number) else {
      throw UsageError(
        "invalid value '\(text)' for --\(long): expected a number from \(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))",
        command: command)
    }
    return number
  }

  /// An integer option's value, checked against its range; nil when absent.
  func integer(_ long: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
    guard let text = value(long) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      let bound =
        range.upperBound == Int.max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
      throw UsageError("invalid value '\(text)' for --\(long): expected a whole number \(bound)", command: command)
    }
    return number
  }

  /// A value that must be one of an enum's raw values; nil when absent.
  func choice<T: RawRepresentable & CaseIterable>(
    _ long: String, command: String
  ) throws(UsageError) -> T? where T.RawValue == String {
    guard let text = value(long) else { return nil }
    guard let value = T(rawValue: text) else {
      let names = T.allCases.map(\.rawValue)
      throw UsageError(
        "invalid value '\(text)' for --\(long): expected " + names.dropLast().joined(separator: ", ") + " or "
          + (names.last ?? ""),
        command: command)
    }
    return value
  }
}
