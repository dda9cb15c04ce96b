#!/usr/bin/env python3
"""How long Ctrl-C takes to bring the REPL's prompt back while an answer streams.

usage: bench/repl-interrupt.py GROQ_BINARY BASE_URL [RUNS]
Start the server first (`.build/release/fake-groq --port 0` prints BASE_URL). groq runs on a pseudo-terminal that
is its controlling terminal, as in a shell, so the typed Ctrl-C is a real SIGINT from the terminal driver. The
time is from writing Ctrl-C to the terminal until the next prompt shows.
"""
import os
import pty
import select
import statistics
import sys
import tempfile
import time

binary, url = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
home = tempfile.mkdtemp(prefix="groq-repl-bench-")
env = {
    "HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "1", "PATH": "/usr/bin:/bin",
    "GROQ_API_KEY": "gsk_test_key", "GROQ_BASE_URL": url,
    # The fake server paces tokens 20 ms apart, so the answer is still streaming when Ctrl-C comes.
    "GROQ_CUSTOM_HEADERS": "x-fake-token-delay-ms: 20",
}
pid, fd = pty.fork()
if pid == 0:
    os.execve(binary, [binary, "chat", "--max-tokens", "2000"], env)
shown = b""


def wait_for(text, timeout=10.0):
    global shown
    deadline = time.monotonic() + timeout
    while text not in shown:
        if time.monotonic() > deadline:
            sys.exit("timed out waiting for %r; the terminal showed %r" % (text, shown[-300:]))
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            shown += os.read(fd, 65536)


wait_for(b"> ")
times = []
for _ in range(runs):
    shown = b""
    os.write(fd, b"tell me a long story\r")
    wait_for(b"Lorem")
    shown = b""
    started = time.perf_counter()
    os.write(fd, b"\x03")
    wait_for(b"> ")
    times.append((time.perf_counter() - started) * 1000)
os.write(fd, b"\x04")
os.waitpid(pid, 0)
print("Ctrl-C to prompt, %d runs: median %.1f ms, max %.1f ms" % (runs, statistics.median(times), max(times)))
