#!/usr/bin/env python3
"""bench/render.py: what Markdown rendering costs on a terminal.

Runs `groq chat` with a 5000-token stream from fake-groq on a pseudo-terminal (100 x 40), rendering on and with
--raw, and reports per mode the CPU time of the groq process (user + system, from wait4) and the time from start
to the first byte of the answer on the terminal. The stream is fake-groq's filler prose with no line break: one
line that outgrows the window, the renderer's costliest case (it is redrawn until it is taller than the window,
then written piece by piece).

Usage: bench/render.py --groq PATH --url URL [--runs N]
"""
import argparse, json, os, pty, select, statistics, struct, fcntl, termios, time

TOKENS = 5000


def run(groq, url, raw, env_extra):
    pid, master = pty.fork()
    if pid == 0:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
               "LANG": "C.UTF-8", "TERM": "xterm-256color", "GROQ_API_KEY": "gsk_test_key",
               "GROQ_BASE_URL": url, **env_extra}
        argv = [groq, "chat", "--no-history", "-m", "openai/gpt-oss-20b", "--reasoning-format", "hidden",
                "--max-tokens", str(TOKENS)] + (["--raw"] if raw else []) + ["hi"]
        os.execve(groq, argv, env)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    start = time.monotonic()
    first = None
    total = 0
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        if first is None:
            first = time.monotonic() - start
        total += len(data)
    _, status, usage = os.wait4(pid, 0)
    os.close(master)
    return usage.ru_utime + usage.ru_stime, first or 0.0, total, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--groq", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    results = {}
    for mode, raw in (("rendered", False), ("--raw", True)):
        cpu, first, sizes = [], [], []
        for _ in range(args.runs):
            c, f, size, status = run(args.groq, args.url, raw, {})
            if status != 0:
                raise SystemExit("groq exited %d in mode %s" % (status, mode))
            cpu.append(c)
            first.append(f)
            sizes.append(size)
        results[mode] = (statistics.median(cpu), statistics.median(first), statistics.median(sizes))
    print("| mode | CPU (median, ms) | first output (median, ms) | bytes on the terminal |")
    print("|---|---|---|---|")
    for mode, (cpu, first, size) in results.items():
        print("| %s | %.1f | %.1f | %d |" % (mode, cpu * 1000, first * 1000, size))
    rendered, raw = results["rendered"][0], results["--raw"][0]
    print()
    print("rendering costs %+.0f%% CPU against --raw" % ((rendered / raw - 1) * 100 if raw else 0))


if __name__ == "__main__":
    main()
