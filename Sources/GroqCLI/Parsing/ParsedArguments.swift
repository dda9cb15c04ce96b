/// What the user typed, sorted by the command's spec: options by long name, and the positional arguments in order.
public struct ParsedArguments: Sendable, Equatable {
  public private(set) var values: [String: [String]] = [:]
  public private(set) var flags: Set<String> = []
  public var positionals: [String] = []

  public init() {}

  public func flag(_ long: String) -> Bool { flags.contains(long) }
  /// The last value given: a repeated single-valued option means its last occurrence, as with most getopt tools.
  public func value(_ long: String) -> String? { values[long]?.last }
  public func values(_ long: String) -> [String] { values[long] ?? [] }

  mutating func setFlag(_ long: String) { flags.insert(long) }
  mutating func add(_ value: String, for long: String) { values[long, default: []].append(value) }
}
