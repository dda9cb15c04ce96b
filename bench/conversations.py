#!/usr/bin/env python3
"""bench/conversations.py: times `groq conversations` on a generated store of saved conversations.

Usage: bench/conversations.py [--count 5000] [--runs 7] [--groq PATH]

Generates COUNT conversations (1 to 6 exchanges of a few hundred characters each, 2% mentioning "rate limit",
modification times spread over 90 days) in a scratch XDG_DATA_HOME, then runs list (cold: no summary cache; warm),
search, show and prune --dry-run, and prints the median wall time of each. Without --groq it builds release groq.
The issue's targets: list under 200 ms, search under 1 s, for 5,000 conversations.
"""
import argparse, json, os, random, shutil, statistics, subprocess, sys, tempfile, time

WORDS = ("the model answer stream token latency request server client cache retry limit context window prompt "
         "reason tool call json schema vision image audio speech voice file batch queue deadline timeout error "
         "swift linux terminal shell config role key fast small large question summary diff review test").split()


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(directory, count, seed=1):
    rng = random.Random(seed)
    now = time.time()
    for index in range(count):
        created = now - rng.uniform(0, 90 * 86400)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(created))
        named = rng.random() < 0.1
        name = f"topic-{index}" if named else time.strftime("%Y-%m-%d-%H%M%S", time.gmtime(created)) + f"-{index:04x}"
        messages = []
        for _ in range(rng.randint(1, 6)):
            question = sentence(rng, rng.randint(8, 30))
            if rng.random() < 0.02:
                question += " What about the Rate Limit here?"
            answer = "\n\n".join(sentence(rng, rng.randint(20, 60)) for _ in range(rng.randint(1, 4)))
            messages.append({"role": "user", "content": question, "date": stamp})
            messages.append({"role": "assistant", "content": answer, "date": stamp,
                             "usage": {"prompt_tokens": 50, "completion_tokens": 120, "total_tokens": 170}})
        conversation = {"version": 1, "id": name, "named": named, "model": "openai/gpt-oss-120b", "created": stamp,
                        "updated": stamp, "messages": messages, "promptTokens": 0, "completionTokens": 0}
        path = os.path.join(directory, name + ".json")
        with open(path, "w") as handle:
            json.dump(conversation, handle, indent=2, sort_keys=True)
        os.utime(path, (created, created))
    return name


def timed(command, environment, runs, before=None):
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        result = subprocess.run(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            sys.exit(f"{' '.join(command)} failed: {result.stderr.decode()}")
    return statistics.median(times), result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--groq")
    options = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    groq = options.groq
    if not groq:
        subprocess.run(["swift", "build", "-c", "release", "--product", "groq"], cwd=root, check=True,
                       stdout=sys.stderr)
        groq = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                              capture_output=True, text=True).stdout.strip() + "/groq"
    scratch = tempfile.mkdtemp(prefix="groq-bench-conversations-")
    try:
        store = os.path.join(scratch, "data", "groq", "conversations")
        os.makedirs(store)
        last = generate(store, options.count)
        size = sum(os.path.getsize(os.path.join(store, name)) for name in os.listdir(store))
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": scratch,
                       "XDG_DATA_HOME": os.path.join(scratch, "data")}
        cache = os.path.join(store, ".summaries.tsv")
        drop = lambda: os.path.exists(cache) and os.remove(cache)
        rows = [
            ("list, no summary cache", [groq, "conversations"], drop),
            ("list", [groq, "conversations"], None),
            ("list --json", [groq, "conversations", "--json"], None),
            ('search "rate limit"', [groq, "conversations", "search", "rate limit"], None),
            ("search (no match)", [groq, "conversations", "search", "zebra crossing"], None),
            ("show", [groq, "conversations", "show", last], None),
            ("prune --older-than 30d --dry-run", [groq, "conversations", "prune", "--older-than", "30d", "--dry-run"],
             None),
        ]
        print(f"{options.count} conversations, {size / 1e6:.1f} MB; median of {options.runs} runs; {groq}\n")
        print("| command | median | lines out |\n|---|---:|---:|")
        for label, command, before in rows:
            median, out = timed(command, environment, options.runs, before)
            lines = out.count(b"\n")
            print(f"| `groq {' '.join(command[1:])}` ({label}) | {median * 1000:.0f} ms | {lines} |")
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
