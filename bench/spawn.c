// spawn: runs one command for bench/measure.py and reports how it went on file descriptor 3:
//     START_NS END_NS UTIME_S STIME_S MAXRSS_KB WAIT_STATUS
// (CLOCK_MONOTONIC nanoseconds, the child's own rusage from wait4, its raw wait status). Usage: spawn PATH ARGS...
//
// Why not spawn from Python directly: Linux gives a new process's ru_maxrss the peak RSS of the process it was
// spawned from (exec records the old address space's high-water mark), so every child of a Python harness
// reports at least Python's own peak, ~15 MiB and growing: more than `curl --version` really uses. Spawned from
// this ~1 MiB program, the figure is the command's own. The command inherits stdin, stdout and stderr as given.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static long long nanoseconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: spawn PATH [ARGS...] (report on fd 3)\n", stderr);
    return 2;
  }
  // The report pipe is ours alone: the command must not hold it open.
  if (fcntl(3, F_SETFD, FD_CLOEXEC) != 0) {
    perror("spawn: fd 3");
    return 2;
  }
  long long start = nanoseconds();
  pid_t pid;
  int error = posix_spawn(&pid, argv[1], NULL, NULL, argv + 1, environ);
  if (error != 0) {
    errno = error;
    perror(argv[1]);
    return 127;
  }
  int status;
  struct rusage usage;
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      perror("spawn: wait4");
      return 2;
    }
  }
  long long end = nanoseconds();
  dprintf(3, "%lld %lld %ld.%06ld %ld.%06ld %ld %d\n", start, end, (long)usage.ru_utime.tv_sec,
          (long)usage.ru_utime.tv_usec, (long)usage.ru_stime.tv_sec, (long)usage.ru_stime.tv_usec,
          usage.ru_maxrss, status);
  return 0;
}
