#!/usr/bin/env python3
"""Measures groq against curl on the same fake Groq server and prints a Markdown report.

Usually started by bench/run, which builds the binaries and starts fake-groq:

    measure.py --url URL [--key KEY] --curl /usr/bin/curl --groq curl=PATH [--groq urlsession=PATH]
               [--groq-env urlsession:GROQ_TRANSPORT=urlsession] [--spawner PATH] [--runs N]

Every command is spawned directly (no shell) and reaped with wait4, so the CPU time and peak RSS reported are
that command's alone, not a shell's or ours. Standard library only, so it runs wherever python3 does; the
optional spawner (bench/spawn.c, compiled by bench/run) only makes the peak RSS figures exact.
"""

import argparse
import atexit
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time

WARMUPS = 3
STREAM_TOKENS = 5000
FIRST_TOKEN_TOKENS = 20
FIRST_TOKEN_DELAY_MS = 20
# A live model (groq-api.md 0b); its reasoning is switched off so that the stream is 5000 answer tokens.
MODEL = "openai/gpt-oss-20b"
READ_SIZE = 1 << 20


class Run:
    """One spawned command: its timings, resources, output and exit status."""

    def __init__(self, wall, cpu, rss_kb, first_byte, output, reads, stderr, status):
        self.wall = wall
        self.cpu = cpu
        self.rss_kb = rss_kb
        self.first_byte = first_byte
        self.output = output
        self.reads = reads  # how many reads the output came in: 1 or 2 for a client that buffers it all
        self.stderr = stderr
        self.status = status


def spawn(argv, env, spawner=None):
    """Runs argv to completion with stdin from /dev/null and stdout read whole from a pipe.

    stdin is /dev/null because `groq chat` reads a prompt from a non-terminal stdin. stdout goes to a pipe we
    drain with large reads, so the reader never throttles the child; stderr goes to a temporary file so it
    cannot fill a second pipe nobody is reading.

    With a spawner (bench/spawn.c), that small program starts and reaps the command and reports its times and
    rusage; see spawn.c for why the peak RSS is only right that way. Without one, we spawn and reap it ourselves:
    same timings, but every peak RSS is at least our own.
    """
    read_end, write_end = os.pipe()  # all our fds are close-on-exec; the dup2s give the child its own
    devnull = os.open(os.devnull, os.O_RDONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, write_end, 1)]
    report_read = report_write = None
    if spawner:
        report_read, report_write = os.pipe()
        actions.append((os.POSIX_SPAWN_DUP2, report_write, 3))
        argv = [spawner] + argv
    with tempfile.TemporaryFile() as err:
        actions.append((os.POSIX_SPAWN_DUP2, err.fileno(), 2))
        # CLOCK_MONOTONIC is perf_counter's clock on Linux, named here because the spawner's timestamps, which
        # the first-byte time is measured against, come from it too.
        start = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
        # Our copies of the write ends must go, or the reads below would never see EOF.
        for fd in (write_end, devnull, report_write):
            if fd is not None:
                os.close(fd)
        first_byte_at = None
        chunks = []
        while True:
            chunk = os.read(read_end, READ_SIZE)
            if not chunk:
                break
            if first_byte_at is None:
                first_byte_at = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
            chunks.append(chunk)
        report = b""
        if spawner:
            while True:
                chunk = os.read(report_read, 4096)
                if not chunk:
                    break
                report += chunk
            os.close(report_read)
        _, status, usage = os.wait4(pid, 0)
        end = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        os.close(read_end)
        err.seek(0)
        stderr = err.read()

    cpu, rss_kb = usage.ru_utime + usage.ru_stime, usage.ru_maxrss  # ru_maxrss is in kilobytes on Linux
    if spawner:
        if os.waitstatus_to_exitcode(status) != 0 or not report:
            # The spawner itself failed (its reason is in stderr): report that as the run's failure.
            return Run(0, 0, 0, None, b"", 0, stderr, os.waitstatus_to_exitcode(status) or 1)
        fields = report.split()
        # The spawner's clock brackets exactly the command's life, without its own start-up.
        start, end = int(fields[0]), int(fields[1])
        cpu, rss_kb, status = float(fields[2]) + float(fields[3]), int(fields[4]), int(fields[5])
    return Run(
        wall=(end - start) / 1e9,
        cpu=cpu,
        rss_kb=rss_kb,
        first_byte=(first_byte_at - start) / 1e9 if first_byte_at is not None else None,
        output=b"".join(chunks),
        reads=len(chunks),
        stderr=stderr,
        status=os.waitstatus_to_exitcode(status),
    )


def child_env(extra):
    """Our environment minus anything that could change either client's behaviour, plus `extra`.

    Stray GROQ_* settings (a default model, custom headers) or a proxy would make the two sides do different
    work, so they are dropped.
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("GROQ_") and "proxy" not in name.lower()
    }
    env.update(extra)
    return env


class Command:
    """One side of a scenario: a label, an argv, an environment and a check of each run's output."""

    def __init__(self, label, argv, env, check=None):
        self.label = label
        self.argv = argv
        self.env = env
        self.check = check  # Run -> None when fine, else a short complaint
        self.runs = []
        self.problems = []

    def run_once(self, record, spawner):
        run = spawn(self.argv, self.env, spawner)
        problem = None
        if run.status != 0:
            detail = run.stderr.decode(errors="replace").strip()[:200]
            problem = "exit status %d" % run.status + (": " + detail if detail else "")
        elif self.check:
            problem = self.check(run)
        # Keeping megabytes of curl output per run would grow our own RSS, which (without a spawner) is the
        # floor of every child's peak RSS.
        run.output = run.stderr = None
        if problem:
            self.problems.append(problem)
        elif record:
            # Failed runs are left out of the statistics: a fast failure would look like a fast success.
            self.runs.append(run)


def measure(commands, runs, spawner):
    """Warms up, then runs every command `runs` times, interleaved.

    Interleaving (groq, curl, groq, curl, ...) rather than all of one then all of the other spreads the
    machine's slow moments over both sides, which matters on a small, shared box.
    """
    for command in commands:
        for _ in range(WARMUPS):
            command.run_once(False, spawner)
    for index in range(runs):
        # Rotating who goes first removes any systematic "second in the pair" advantage (warm caches).
        shift = index % len(commands)
        for command in commands[shift:] + commands[:shift]:
            command.run_once(True, spawner)


# Output checks: the benchmark is only meaningful if both sides really received the whole stream.


def groq_tokens_check(expected, incremental=False):
    def check(run):
        output = run.output
        if not output:
            return "no output"
        if not output.endswith(b"\n"):
            return "output does not end with a newline"
        words = len(output.split())
        if words != expected:
            return "%d tokens printed, %d expected" % (words, expected)
        return incremental_check(run) if incremental else None

    return check


def curl_stream_check(expected, incremental=False):
    def check(run):
        output = run.output
        if not output.rstrip().endswith(b"data: [DONE]"):
            return "output does not end with 'data: [DONE]'"
        tokens = output.count(b'"delta":{"content":')
        if tokens != expected:
            return "%d content chunks, %d expected" % (tokens, expected)
        return incremental_check(run) if incremental else None

    return check


def incremental_check(run):
    """First-byte time alone would miss a client that prints the first token at once and then buffers the rest.
    With tokens 20 ms apart, one that passes each on as it comes hands them over in separate reads."""
    if run.reads < FIRST_TOKEN_TOKENS // 2:
        return "output came in %d reads: held back rather than streamed" % run.reads
    return None


def nonempty_check(run):
    return None if run.output.strip() else "no output"


# Statistics and formatting.


def p90(values):
    ordered = sorted(values)
    # Nearest-rank percentile: with few runs, an interpolated value would be a number no run produced.
    return ordered[max(0, -(-len(ordered) * 9 // 10) - 1)]


STATS = {"median": statistics.median, "min": min, "p90": p90}

# metric name -> (unit, how to read it from a Run, which statistics to show)
METRICS = {
    "wall": ("ms", lambda run: run.wall * 1000, ["median", "min", "p90"]),
    "CPU user+sys": ("ms", lambda run: run.cpu * 1000, ["median", "min"]),
    "peak RSS": ("MiB", lambda run: run.rss_kb / 1024, ["median", "min"]),
    "first byte": ("ms", lambda run: run.first_byte * 1000 if run.first_byte is not None else None,
                   ["median", "min", "p90"]),
}


def statistic(command, metric, stat):
    """A statistic of one metric over a command's successful runs, or None when there is nothing to summarize."""
    values = [METRICS[metric][1](run) for run in command.runs]
    values = [value for value in values if value is not None]
    return STATS[stat](values) if values else None


def number(value, unit):
    if value is None:
        return "n/a"
    if unit == "MiB":
        return "%.1f MiB" % value
    return "%.2f ms" % value if value < 100 else "%.1f ms" % value


def ratio(value, reference):
    if value is None or not reference:
        return "n/a"
    return "%.2f×" % (value / reference)


class Scenario:
    def __init__(self, name, groqs, curl, metrics):
        self.name = name
        self.groqs = groqs  # one Command per groq build
        self.curl = curl
        self.metrics = metrics


def build_scenarios(args, groq_builds):
    auth = "Authorization: Bearer " + args.key
    # groq chat saves each exchange, as it does for users; into a scratch directory, not the user's home.
    scratch = tempfile.mkdtemp(prefix="groq-bench-")
    atexit.register(shutil.rmtree, scratch, True)
    groq_env = child_env(
        {"GROQ_API_KEY": args.key, "GROQ_BASE_URL": args.url, "XDG_DATA_HOME": scratch, "XDG_STATE_HOME": scratch}
    )
    delayed_env = dict(groq_env, GROQ_CUSTOM_HEADERS="x-fake-token-delay-ms: %d" % FIRST_TOKEN_DELAY_MS)
    curl_env = child_env({})
    # -q must come first: it makes curl ignore any ~/.curlrc, which could otherwise add work to one side only.
    curl = [args.curl, "-q"]
    chat_url = args.url + "/openai/v1/chat/completions"

    def stream_body(tokens):
        return json.dumps(
            {
                "model": MODEL,
                "messages": [{"role": "user", "content": "hi"}],
                "stream": True,
                "include_reasoning": False,
                "max_completion_tokens": tokens,
            },
            separators=(",", ":"),
        )

    def groqs(argv_tail, env, check=None):
        return [Command(label, [path] + argv_tail, dict(env, **args.groq_env.get(label, {})), check)
                for label, path in groq_builds]

    chat = ["chat", "-m", MODEL, "--reasoning-format", "hidden", "--max-tokens"]
    curl_chat = curl + ["-sN", "-H", auth, "-H", "Content-Type: application/json"]
    return [
        Scenario(
            "start-up (`--version`)",
            groqs(["--version"], groq_env, nonempty_check),
            Command("curl", curl + ["--version"], curl_env, nonempty_check),
            ["wall", "CPU user+sys", "peak RSS"],
        ),
        Scenario(
            "`models`",
            groqs(["models"], groq_env, nonempty_check),
            Command("curl", curl + ["-s", "-H", auth, args.url + "/openai/v1/models"], curl_env, nonempty_check),
            ["wall", "CPU user+sys", "peak RSS"],
        ),
        Scenario(
            "stream %d tokens, no delay" % STREAM_TOKENS,
            groqs(chat + [str(STREAM_TOKENS), "hi"], groq_env, groq_tokens_check(STREAM_TOKENS)),
            Command("curl", curl_chat + ["-d", stream_body(STREAM_TOKENS), chat_url], curl_env,
                    curl_stream_check(STREAM_TOKENS)),
            ["wall", "CPU user+sys", "peak RSS"],
        ),
        Scenario(
            "first token (%d tokens, %d ms apart)" % (FIRST_TOKEN_TOKENS, FIRST_TOKEN_DELAY_MS),
            groqs(chat + [str(FIRST_TOKEN_TOKENS), "hi"], delayed_env,
                  groq_tokens_check(FIRST_TOKEN_TOKENS, incremental=True)),
            Command(
                "curl",
                curl_chat + ["-H", "x-fake-token-delay-ms: %d" % FIRST_TOKEN_DELAY_MS, "-d",
                             stream_body(FIRST_TOKEN_TOKENS), chat_url],
                curl_env,
                curl_stream_check(FIRST_TOKEN_TOKENS, incremental=True),
            ),
            ["first byte", "wall"],
        ),
    ]


def report(scenarios, groq_labels, runs):
    multiple = len(groq_labels) > 1
    groq_heads = ["groq (%s)" % label for label in groq_labels] if multiple else ["groq"]
    ratio_heads = ["ratio (%s)" % label for label in groq_labels] if multiple else ["ratio"]
    heads = ["scenario", "metric"] + groq_heads + ["curl"] + ratio_heads
    lines = ["| " + " | ".join(heads) + " |", "|" + "|".join(["---"] * 2 + ["---:"] * (len(heads) - 2)) + "|"]
    for scenario in scenarios:
        first_row = True
        for metric in scenario.metrics:
            unit, _, stats = METRICS[metric]
            for stat in stats:
                reference = statistic(scenario.curl, metric, stat)
                groq_values = [statistic(command, metric, stat) for command in scenario.groqs]
                cells = [scenario.name if first_row else "", "%s %s" % (metric, stat)]
                cells += [number(value, unit) for value in groq_values] + [number(reference, unit)]
                cells += [ratio(value, reference) for value in groq_values]
                lines.append("| " + " | ".join(cells) + " |")
                first_row = False
    print("%d measured runs per command after %d warm-ups, groq and curl interleaved; ratio = groq / curl.\n"
          % (runs, WARMUPS))
    print("\n".join(lines))


def targets(scenarios, groq_labels):
    startup, models, stream, first_token = scenarios
    print("\n### Targets (medians)\n")
    for index, label in enumerate(groq_labels):
        def med(scenario, metric, side=None):
            return statistic(side or scenario.groqs[index], metric, "median")

        def line(name, ok, detail):
            verdict = "n/a " if ok is None else ("PASS" if ok else "FAIL")
            print("- %s %s — %s: %s" % (verdict, "groq (%s)" % label if len(groq_labels) > 1 else "groq", name,
                                       detail))

        def compare(name, scenario, metric, factor=None, plus_ms=None):
            groq, curl = med(scenario, metric), med(scenario, metric, scenario.curl)
            if groq is None or curl is None:
                return line(name, None, "no successful runs")
            limit = curl * factor if factor is not None else curl + plus_ms
            line(name, groq <= limit, "%.2f ms vs limit %.2f ms (curl %.2f ms)" % (groq, limit, curl))

        # The goals of issue 10, for the static build.
        compare("start-up ≤ 1.3× curl", startup, "wall", factor=1.3)
        compare("stream wall ≤ 1.3× curl", stream, "wall", factor=1.3)
        compare("stream CPU ≤ 1.5× curl", stream, "CPU user+sys", factor=1.5)
        compare("first token ≤ curl + 5 ms", first_token, "first byte", plus_ms=5)
        compare("models wall ≤ 1.5× curl", models, "wall", factor=1.5)
        # The worst single run over every scenario: a memory ceiling is about the peak, not the typical run.
        peaks = [(run.rss_kb, scenario.name) for scenario in scenarios for run in scenario.groqs[index].runs]
        if peaks:
            peak_kb, where = max(peaks)
            line("peak RSS < 40 MiB", peak_kb < 40 * 1024, "%.1f MiB at most (in %s)" % (peak_kb / 1024, where))
        else:
            line("peak RSS < 40 MiB", None, "no successful runs")


def sanity(scenarios):
    print("\n### Output checks\n")
    for scenario in scenarios:
        for command in scenario.groqs + [scenario.curl]:
            name = command.label
            if command is not scenario.curl:
                name = "groq (%s)" % name if len(scenario.groqs) > 1 else "groq"
            if command.problems:
                unique = sorted(set(command.problems))
                print("- FAIL %s, %s: %d bad runs (warm-ups included); %s"
                      % (scenario.name, name, len(command.problems), "; ".join(unique[:3])))
            else:
                print("- ok   %s, %s: all %d runs" % (scenario.name, name, len(command.runs)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="fake-groq's base URL")
    parser.add_argument("--key", default="gsk_test_key")
    parser.add_argument("--curl", required=True, help="absolute path of curl")
    parser.add_argument("--groq", action="append", required=True, metavar="LABEL=PATH",
                        help="a groq build to measure (absolute path); repeat for several builds")
    parser.add_argument("--groq-env", action="append", default=[], metavar="LABEL:NAME=VALUE",
                        help="an environment variable for one groq build's runs (e.g. its transport); repeatable")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--spawner", help="absolute path of the compiled bench/spawn.c, for exact peak RSS")
    args = parser.parse_args()
    extra_env = {}
    for item in args.groq_env:
        label, _, assignment = item.partition(":")
        name, _, value = assignment.partition("=")
        extra_env.setdefault(label, {})[name] = value
    args.groq_env = extra_env

    groq_builds = []
    for item in args.groq:
        label, separator, path = item.partition("=")
        if not separator:
            label, path = "groq", item
        groq_builds.append((label, path))
    for path in [args.curl] + [path for _, path in groq_builds] + ([args.spawner] if args.spawner else []):
        # posix_spawn does no PATH search, and a relative path would silently depend on our working directory.
        if not os.path.isabs(path) or not os.access(path, os.X_OK):
            sys.exit("measure.py: %s is not an absolute path to an executable" % path)

    scenarios = build_scenarios(args, groq_builds)
    for scenario in scenarios:
        print("measuring: %s" % scenario.name, file=sys.stderr, flush=True)
        measure(scenario.groqs + [scenario.curl], args.runs, args.spawner)

    labels = [label for label, _ in groq_builds]
    report(scenarios, labels, args.runs)
    targets(scenarios, labels)
    sanity(scenarios)
    if not args.spawner:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print("\nNo spawner (bench/spawn.c): every peak RSS above is at least this script's own peak, %.1f MiB."
              % own)


if __name__ == "__main__":
    main()
