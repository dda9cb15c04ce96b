import Foundation

/// A value behind a lock, for what a `Sendable` fake or test records from concurrent callers.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) { self.value = value }

  public func withValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }

  public var current: Value { withValue { $0 } }
}
