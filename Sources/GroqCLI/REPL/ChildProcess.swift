#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Runs a program to its end, waited for with waitpid(2) on a thread of its own.
///
/// Not Foundation's Process: its waitUntilExit spins a run loop on the calling thread, which is a task's here, and
/// its exit notice rides on a SIGCHLD handler beside the ones libdispatch and libedit install (platform-notes
/// section 5). posix_spawn and waitpid need neither.
enum ChildProcess {
  /// The exit status (128 + the signal when one ended it). `input`, when given, is written to its stdin, and its
  /// stdout and stderr go to /dev/null; without it the program shares groq's terminal.
  static func run(_ arguments: [String], input: Data? = nil) async throws -> Int32 {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pipeEnds: [Int32] = [-1, -1]
    if input != nil {
      guard pipe(&pipeEnds) == 0 else { throw CLIError("could not start \(arguments[0])") }
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
      posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    if input != nil { close(pipeEnds[0]) }
    guard spawned == 0 else {
      if input != nil { close(pipeEnds[1]) }
      throw CLIError("could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    if let input {
      _ = input.withUnsafeBytes { write(pipeEnds[1], $0.baseAddress, $0.count) }
      close(pipeEnds[1])
    }
    let child = pid
    return await withCheckedContinuation { continuation in
      Thread {
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        continuation.resume(returning: signal == 0 ? (status >> 8) & 0xFF : 128 + signal)
      }.start()
    }
  }
}
