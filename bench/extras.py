#!/usr/bin/env python3
"""The figures bench/run adds to measure.py's table: memory over a very long stream, a 25 MB upload against curl,
and Ctrl-C during a fast stream. Prints Markdown.

    extras.py --stream-url URL --curl PATH --groq LABEL=PATH [--groq-env LABEL:NAME=VALUE] --spawner PATH

URL is bench/stream-server.py's (it streams any number of tokens as fast as they are read, and takes uploads).
Each run is spawned through bench/spawn.c, so peak RSS is the command's own; stdout goes to /dev/null except where
the reader is the point (Ctrl-C). Standard library only.
"""

import argparse
import os
import signal
import statistics
import struct
import tempfile
import time

KEY = "gsk_test_key"


def spawn(spawner, argv, env, stdout_fd):
    """Runs argv through the spawner with stdout on stdout_fd; returns (wall s, cpu s, peak RSS MiB, status)."""
    report_read, report_write = os.pipe()
    devnull_in = os.open(os.devnull, os.O_RDONLY)
    devnull_err = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull_in, 0), (os.POSIX_SPAWN_DUP2, stdout_fd, 1),
               (os.POSIX_SPAWN_DUP2, devnull_err, 2), (os.POSIX_SPAWN_DUP2, report_write, 3)]
    pid = os.posix_spawn(spawner, [spawner] + argv, env, file_actions=actions)
    for fd in (report_write, devnull_in, devnull_err):
        os.close(fd)
    report = b""
    while True:
        piece = os.read(report_read, 4096)
        if not piece:
            break
        report += piece
    os.close(report_read)
    os.waitpid(pid, 0)
    start, end, user, system, rss_kb, status = report.split()
    return ((int(end) - int(start)) / 1e9, float(user) + float(system), int(rss_kb) / 1024,
            os.waitstatus_to_exitcode(int(status)))


def environment(url, extra):
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("GROQ_") and "proxy" not in name.lower()}
    scratch = tempfile.mkdtemp(prefix="groq-bench-extras-")
    env.update({"GROQ_API_KEY": KEY, "GROQ_BASE_URL": url, "XDG_DATA_HOME": scratch, "XDG_STATE_HOME": scratch})
    env.update(extra)
    return env


def long_streams(args, groqs):
    """Peak RSS must not grow with the length of the answer (backpressure, no backlog)."""
    print("\n### Memory over long streams (peak RSS, stdout to /dev/null)\n")
    sizes = [10_000, 100_000, 1_000_000]
    print("| client | " + " | ".join("%d tokens" % size for size in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    null = os.open(os.devnull, os.O_WRONLY)
    for label, path, env in groqs:
        cells = []
        for size in sizes:
            wall, _, rss, status = spawn(args.spawner, [path, "chat", "--no-history", "--max-tokens", str(size),
                                                       "hi"], env, null)
            cells.append("%.1f MiB, %.2f s" % (rss, wall) if status == 0 else "exit %d" % status)
        print("| groq (%s) | %s |" % (label, " | ".join(cells)))
    cells = []
    for size in sizes:
        body = '{"model":"m","stream":true,"max_completion_tokens":%d,"messages":[]}' % size
        wall, _, rss, status = spawn(args.spawner, [args.curl, "-q", "-sN", "-H", "Authorization: Bearer " + KEY,
                                                    "-d", body, args.stream_url + "/openai/v1/chat/completions"],
                                     os.environ.copy(), null)
        cells.append("%.1f MiB, %.2f s" % (rss, wall) if status == 0 else "exit %d" % status)
    print("| curl (raw SSE) | %s |" % " | ".join(cells))
    os.close(null)


def silent_wav(path, size):
    """A WAV of silence, `size` bytes in all: 16 kHz mono 16-bit, as speech is recorded."""
    data = size - 44
    with open(path, "wb") as file:
        file.write(b"RIFF" + struct.pack("<I", 36 + data) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000,
                                                                                          32000, 2, 16))
        file.write(b"data" + struct.pack("<I", data))
        block = b"\0" * (1 << 20)
        left = data
        while left > 0:
            file.write(block[:min(left, len(block))])
            left -= len(block)


def upload(args, groqs, runs=5):
    """A 24 MB file, the size of Groq's upload limit: memory must stay flat and the wall near curl's."""
    size = 24_000_000
    print("\n### Upload of a %d MB WAV (`transcribe`; curl: `-F file=@...`), median of %d\n" % (size // 10**6, runs))
    with tempfile.TemporaryDirectory(prefix="groq-bench-upload-") as folder:
        wav = os.path.join(folder, "speech.wav")
        silent_wav(wav, size)
        null = os.open(os.devnull, os.O_WRONLY)
        commands = [("groq (%s)" % label, [path, "transcribe", wav], env) for label, path, env in groqs]
        commands.append(("curl", [args.curl, "-q", "-s", "-H", "Authorization: Bearer " + KEY, "-F",
                                  "file=@" + wav, "-F", "model=whisper-large-v3-turbo",
                                  args.stream_url + "/openai/v1/audio/transcriptions"], os.environ.copy()))
        results = {name: [] for name, _, _ in commands}
        for _ in range(runs):
            for name, argv, env in commands:  # interleaved
                results[name].append(spawn(args.spawner, argv, env, null))
        os.close(null)
    curl_wall = statistics.median(run[0] for run in results["curl"])
    print("| client | wall | CPU | peak RSS | vs curl (wall) |")
    print("|---|---:|---:|---:|---:|")
    for name, _, _ in commands:
        good = [run for run in results[name] if run[3] == 0]
        if not good:
            print("| %s | failed (exit %d) | | | |" % (name, results[name][0][3]))
            continue
        wall = statistics.median(run[0] for run in good)
        print("| %s | %.0f ms | %.0f ms | %.1f MiB | %.2f× |" % (
            name, wall * 1000, statistics.median(run[1] for run in good) * 1000,
            max(run[2] for run in good), wall / curl_wall))


def interrupt_once(path, env, drain):
    """Starts a million-token stream, sends SIGINT once 256 KiB are out; seconds until groq has exited.

    drain: keep reading stdout (a fast terminal), or stop reading so groq sits behind a full pipe and only
    start again after Ctrl-C (a terminal that cannot keep up: the backlog case).
    """
    read_end, write_end = os.pipe()
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, write_end, 1),
               (os.POSIX_SPAWN_DUP2, devnull, 2)]
    pid = os.posix_spawn(path, [path, "chat", "--no-history", "--max-tokens", "1000000", "hi"], env,
                         file_actions=actions)
    os.close(write_end)
    os.close(devnull)
    seen = 0
    while seen < (256 << 10):
        piece = os.read(read_end, 65536)
        if not piece:
            break
        seen += len(piece)
    if not drain:
        time.sleep(0.5)  # let the backlog build behind the full pipe
    sent = time.monotonic()
    os.kill(pid, signal.SIGINT)
    while os.read(read_end, 1 << 20):
        pass
    _, status = os.waitpid(pid, 0)
    elapsed = time.monotonic() - sent
    os.close(read_end)
    return elapsed, os.waitstatus_to_exitcode(status)


def interrupts(args, groqs, runs=5):
    print("\n### Ctrl-C during a fast million-token stream: SIGINT to exit, %d runs\n" % runs)
    print("| client | reader keeps up: median / max | reader stalled (backlog): median / max | exit status |")
    print("|---|---:|---:|---|")
    for label, path, env in groqs:
        cells = []
        statuses = set()
        for drain in (True, False):
            times = []
            for _ in range(runs):
                elapsed, status = interrupt_once(path, env, drain)
                times.append(elapsed)
                statuses.add(status)
            cells.append("%.1f / %.1f ms" % (statistics.median(times) * 1000, max(times) * 1000))
        print("| groq (%s) | %s | %s |" % (label, " | ".join(cells), ", ".join(map(str, sorted(statuses)))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stream-url", required=True)
    parser.add_argument("--curl", required=True)
    parser.add_argument("--groq", action="append", required=True, metavar="LABEL=PATH")
    parser.add_argument("--groq-env", action="append", default=[], metavar="LABEL:NAME=VALUE")
    parser.add_argument("--spawner", required=True)
    args = parser.parse_args()
    extra = {}
    for item in args.groq_env:
        label, _, assignment = item.partition(":")
        name, _, value = assignment.partition("=")
        extra.setdefault(label, {})[name] = value
    groqs = []
    for item in args.groq:
        label, _, path = item.partition("=")
        groqs.append((label, path, environment(args.stream_url, extra.get(label, {}))))
    long_streams(args, groqs)
    upload(args, groqs)
    interrupts(args, groqs)


if __name__ == "__main__":
    main()
