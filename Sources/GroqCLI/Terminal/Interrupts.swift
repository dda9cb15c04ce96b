#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Ctrl-C, turned into the cancellation of whatever groq is waiting for.
///
/// The handler only writes a byte to a pipe (async-signal-safe); a thread reading the pipe does the cancelling.
/// DispatchSource signal sources are not used: libdispatch installs its own handler, which libedit later clobbers
/// (platform-notes section 5). A second Ctrl-C ends the process at once, in case the first could not.
enum Interrupts {
  nonisolated(unsafe) private static var pipeWriteEnd: Int32 = -1
  nonisolated(unsafe) private static var latchWriteEnd: Int32 = -1
  /// Becomes readable at the first Ctrl-C and stays so: a blocking wait can poll it beside its own descriptor,
  /// because the signal may land on any thread and interrupt nobody's read(2).
  nonisolated(unsafe) private(set) static var latch: Int32 = -1
  nonisolated(unsafe) private static var count: sig_atomic_t = 0
  private static let lock = NSLock()
  nonisolated(unsafe) private static var onInterrupt: (@Sendable () -> Void)?
  /// One-shot commands end at a second Ctrl-C, in case the first could not stop them; the REPL must survive any
  /// number of them.
  nonisolated(unsafe) static var secondEndsProcess = true

  /// Runs in the signal handler: only async-signal-safe calls.
  private static let handleSignal: @convention(c) (Int32) -> Void = { _ in
    Interrupts.count += 1
    if Interrupts.count > 1 && Interrupts.secondEndsProcess { _exit(130) }
    var byte: UInt8 = 1
    _ = write(Interrupts.latchWriteEnd, &byte, 1)
    _ = write(Interrupts.pipeWriteEnd, &byte, 1)
  }

  /// True once Ctrl-C has been pressed.
  static var happened: Bool { count > 0 }

  /// Forgets past Ctrl-Cs once the REPL has dealt with them, so the next wait for input or an answer starts afresh.
  static func reset() {
    count = 0
    guard latch >= 0 else { return }
    var byte: UInt8 = 0
    var poller = pollfd(fd: latch, events: Int16(POLLIN), revents: 0)
    while poll(&poller, 1, 0) > 0 && poller.revents & Int16(POLLIN) != 0 {
      _ = read(latch, &byte, 1)
      poller.revents = 0
    }
  }

  /// Installs the handler; `action` runs on a background thread at each Ctrl-C.
  static func install(_ action: @escaping @Sendable () -> Void) {
    lock.lock()
    onInterrupt = action
    let installed = pipeWriteEnd >= 0
    lock.unlock()
    if installed { return }

    var fds: [Int32] = [0, 0]
    var latchFDs: [Int32] = [0, 0]
    guard pipe(&fds) == 0, pipe(&latchFDs) == 0 else { return }
    pipeWriteEnd = fds[1]
    let readEnd = fds[0]
    latch = latchFDs[0]
    latchWriteEnd = latchFDs[1]

    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handleSignal
    #else
      action.__sigaction_u.__sa_handler = handleSignal
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: a blocking read(2) must return EINTR
    sigaction(SIGINT, &action, nil)

    let thread = Thread {
      var byte: UInt8 = 0
      while true {
        let result = read(readEnd, &byte, 1)
        if result < 0 && errno == EINTR { continue }
        if result <= 0 { return }
        // A Ctrl-C the REPL has already dealt with (reset) must not cancel the next answer.
        if !happened { continue }
        lock.lock()
        let action = onInterrupt
        lock.unlock()
        action?()
      }
    }
    thread.start()
  }
}
