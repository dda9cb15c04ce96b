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
}
