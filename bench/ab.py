#!/usr/bin/env python3
"""bench/ab.py: two or more commands run in turn, to compare builds or options.

Usage: bench/ab.py [--pipe] RUNS COMMAND... -- COMMAND... [-- COMMAND...]

Each round runs every command once, the order rotating so that no command always follows the same one; the first
two rounds are warm-ups. Per command it prints the median and mean CPU (user+sys of the command, from wait4) and the
median and least wall time, in ms. stdout goes to /dev/null, or with --pipe is read through a pipe by this script,
as bench/measure.py reads it; stderr goes to /dev/null. For a change's own effect, not for the issue's goals (those
are bench/run's, against curl).
"""
import os
import statistics
import sys
import time


def run(argv, pipe):
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 2)]
    reader = writer = None
    if pipe:
        reader, writer = os.pipe()
        actions += [(os.POSIX_SPAWN_DUP2, writer, 1), (os.POSIX_SPAWN_CLOSE, reader)]
    else:
        actions.append((os.POSIX_SPAWN_DUP2, devnull, 1))
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    os.close(devnull)
    if pipe:
        os.close(writer)
        while os.read(reader, 1 << 16):
            pass
        os.close(reader)
    _, _, usage = os.wait4(pid, 0)
    return (usage.ru_utime + usage.ru_stime) * 1000, (time.perf_counter() - start) * 1000


def main():
    args = sys.argv[1:]
    pipe = bool(args) and args[0] == "--pipe"
    if pipe:
        args = args[1:]
    if len(args) < 2 or not args[0].isdigit():
        sys.exit(__doc__)
    runs = int(args[0])
    commands = [[]]
    for word in args[1:]:
        if word == "--":
            commands.append([])
        else:
            commands[-1].append(word)
    results = [[] for _ in commands]
    for round_ in range(runs + 2):
        shift = round_ % len(commands)
        for index in list(range(len(commands)))[shift:] + list(range(len(commands)))[:shift]:
            measured = run(commands[index], pipe)
            if round_ >= 2:
                results[index].append(measured)
    for command, measured in zip(commands, results):
        cpu = [m[0] for m in measured]
        wall = [m[1] for m in measured]
        print("cpu median %7.2f mean %7.2f | wall median %7.2f min %7.2f | %s" % (
            statistics.median(cpu), statistics.mean(cpu), statistics.median(wall), min(wall), " ".join(command)))


if __name__ == "__main__":
    main()
