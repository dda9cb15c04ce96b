#!/usr/bin/env python3
"""bench/render.py: what Markdown rendering costs on a terminal.

Runs `groq chat` with a 5000-token stream from fake-groq on a pseudo-terminal (100 x 40), rendering on and with
--raw, taking turns run by run so that load weighs on both alike, and reports per mode the CPU time of the groq
process (user + system, from wait4) and the time from start to the first byte of the answer on the terminal. The stream is fake-groq's filler prose with no line break: one
line that outgrows the window, the renderer's costliest case (it is redrawn until it is taller than the window,
then written piece by piece).

With --markdown (and no --url) it serves, itself, a Markdown answer of about 5000 tokens (headings, emphasis,
lists, code blocks, tables, repeated) in pieces of four characters, the renderer's everyday work. The whole body
goes out at once, so groq reads many tokens at a time; --paced sends one event per write with a pause every four
(about 0.6 s per answer), as a real stream arrives: one read per token or so, and each line shown as written and
redrawn styled when it ends.

Usage: bench/render.py --groq PATH (--url URL | --markdown [--paced]) [--runs N]
"""
import argparse, http.server, json, os, pty, select, statistics, struct, fcntl, termios, threading, time

SECTION = """## Section {n}

Some **bold** text, some *emphasis*, `inline code` and a [link](https://example.com/{n}) in a paragraph long
enough to wrap at the window's edge more than once, so that the renderer wraps it at word boundaries.

- a list item that also runs on long enough to wrap under its own text rather than under the bullet
- a second item with `code`
  - nested

```python
def greet(name):  # a comment
    return "hello " + name + str({n})
```

| Name | Qty |
|:-----|----:|
| apples | {n} |
| kiwis | 12 |

"""


def markdown_server(paced=False):
    """An OpenAI-style SSE server on a free port that answers every chat request with the Markdown above."""
    text = "".join(SECTION.format(n=n) for n in range(40))
    pieces = [text[i:i + 4] for i in range(0, len(text), 4)][:5000]

    def chunk(delta, finish=None):
        return "data: " + json.dumps({"id": "b", "object": "chat.completion.chunk", "created": 1, "model": "m",
                                      "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}) + "\n\n"
    events = [chunk({"content": p}).encode() for p in pieces] + [(chunk({}, "stop") + "data: [DONE]\n\n").encode()]
    body = b"".join(events)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("content-length", 0)))
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            if not paced:
                self.wfile.write(body)
                return
            for number, event in enumerate(events):
                self.wfile.write(event)
                self.wfile.flush()
                if number % 4 == 3:
                    time.sleep(0.0005)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return "http://127.0.0.1:%d" % server.server_address[1]

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
    parser.add_argument("--url")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--paced", action="store_true")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if args.markdown:
        args.url = markdown_server(args.paced)
    elif not args.url:
        parser.error("give --url (a fake-groq) or --markdown")
    modes = (("rendered", False), ("--raw", True))
    samples = {mode: ([], [], []) for mode, _ in modes}
    # The modes take turns, run by run, so that a change in the machine's load weighs on both alike.
    for _ in range(args.runs):
        for mode, raw in modes:
            c, f, size, status = run(args.groq, args.url, raw, {})
            if status != 0:
                raise SystemExit("groq exited %d in mode %s" % (status, mode))
            for values, value in zip(samples[mode], (c, f, size)):
                values.append(value)
    results = {mode: tuple(statistics.median(values) for values in samples[mode]) for mode, _ in modes}
    print("| mode | CPU (median, ms) | first output (median, ms) | bytes on the terminal |")
    print("|---|---|---|---|")
    for mode, (cpu, first, size) in results.items():
        print("| %s | %.1f | %.1f | %d |" % (mode, cpu * 1000, first * 1000, size))
    rendered, raw = results["rendered"][0], results["--raw"][0]
    print()
    print("rendering costs %+.0f%% CPU against --raw" % ((rendered / raw - 1) * 100 if raw else 0))


if __name__ == "__main__":
    main()
