#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import GroqKit

/// Ctrl-C, turned into the cancellation of whatever groq is waiting for; SIGTERM and SIGHUP likewise, except that
/// they end the REPL too and groq then exits 143 or 129 (what was shown is saved, the terminal restored, the
/// temporary files removed, on the same path as Ctrl-C).
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
  /// SIGTERM or SIGHUP once either arrived, else 0.
  nonisolated(unsafe) private static var ending: sig_atomic_t = 0
  private static let lock = NSLock()
  nonisolated(unsafe) private static var onInterrupt: (@Sendable () -> Void)?
  /// One-shot commands end at a second Ctrl-C, in case the first could not stop them; the REPL must survive any
  /// number of them.
  nonisolated(unsafe) static var secondEndsProcess = true

  /// Runs in the signal handler: only async-signal-safe calls.
  private static let handleSignal: @convention(c) (Int32) -> Void = { signal in
    if signal != SIGINT && Interrupts.ending == 0 { Interrupts.ending = signal }
    Interrupts.count += 1
    // The second signal ends the process from the pipe's thread, which first removes the temporary files.
    var byte: UInt8 = Interrupts.count > 1 && (Interrupts.secondEndsProcess || Interrupts.ending != 0) ? 2 : 1
    _ = write(Interrupts.latchWriteEnd, &byte, 1)
    _ = write(Interrupts.pipeWriteEnd, &byte, 1)
  }

  /// True once Ctrl-C (or SIGTERM, SIGHUP) has arrived.
  static var happened: Bool { count > 0 }

  /// True once SIGTERM or SIGHUP has arrived: the REPL ends instead of offering a new prompt.
  static var isEnding: Bool { ending != 0 }

  /// The exit status for the signal that arrived: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.
  static var status: ExitStatus {
    switch ending {
    case SIGTERM: return .terminated
    case SIGHUP: return .hangUp
    default: return .interrupted
    }
  }

  /// Forgets past Ctrl-Cs once the REPL has dealt with them, so the next wait for input or an answer starts afresh.
  static func reset() {
    if ending != 0 { return }  // SIGTERM and SIGHUP are never forgotten: the REPL is on its way out
    count = 0
    guard latch >= 0 else { return }
    var byte: UInt8 = 0
    var poller = pollfd(fd: latch, events: Int16(POLLIN), revents: 0)
    while poll(&poller, 1, 0) > 0 && poller.revents & Int16(POLLIN) != 0 {
      _ = read(latch, &byte, 1)
      poller.revents = 0
    }
  }

  /// Lets the three signals through on this thread, and so on every thread it starts: a parent may hand groq a
  /// mask that blocks them (a test runner's Process does), and a blocked SIGTERM would never reach the handler.
  static func unblock() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
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
    for signal in [SIGTERM, SIGHUP] {
      // Under nohup SIGHUP is ignored, and must stay so.
      var previous = sigaction()
      sigaction(signal, nil, &previous)
      #if canImport(Glibc)
        let ignored = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1
      #else
        let ignored = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == 1
      #endif
      if !ignored { sigaction(signal, &action, nil) }
    }
    unblock()

    let started = PlainThread.start {
      var byte: UInt8 = 0
      while true {
        let result = read(readEnd, &byte, 1)
        if result < 0 && errno == EINTR { continue }
        if result <= 0 { return }
        if byte == 2 {
          RunTemporaryDirectory.remove()
          _exit(status.rawValue)
        }
        // A Ctrl-C the REPL has already dealt with (reset) must not cancel the next answer.
        if !happened { continue }
        lock.lock()
        let action = onInterrupt
        lock.unlock()
        action?()
      }
    }
    // Without the thread nothing would act on the signals: they get their default action back, and end groq.
    if !started { for number in [SIGINT, SIGTERM] { _ = signal(number, SIG_DFL) } }
  }
}
