#if os(Linux)
  import Foundation

  /// Runs the program's main task on the process's main thread.
  ///
  /// With an async `main`, Swift parks the main thread in dispatch_main and runs everything on libdispatch's pool,
  /// which starts three threads (two workers and its event thread) and hops to them before groq does anything:
  /// half a millisecond of the 3 ms `groq --version` cost. Here the main task prefers this executor, so it and
  /// its child tasks run on the main thread; only what is started apart from it (an unstructured `Task`, a
  /// `Task.sleep`'s timer) uses the pool, which then starts its threads as before.
  ///
  /// Nothing in groq is `@MainActor`: the main dispatch queue is never drained, and main-actor work would wait for
  /// ever.
  final class MainThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      condition.lock()
      jobs.append(job)
      condition.signal()
      condition.unlock()
    }

    /// Runs jobs as they come, on the calling thread, for good: the program ends with `_exit` in `CLI.main`.
    func run() -> Never {
      var ready: [UnownedJob] = []
      while true {
        condition.lock()
        while jobs.isEmpty { condition.wait() }
        swap(&ready, &jobs)
        condition.unlock()
        for job in ready { job.runSynchronously(on: asUnownedTaskExecutor()) }
        ready.removeAll(keepingCapacity: true)
      }
    }
  }
#endif
