#!/usr/bin/env python3
"""Times whole processes, interleaved: round after round, every variant once, in a new random order each
round. On a machine shared with other work (as a CI machine or a developer's laptop is), load that comes
and goes then spreads over all variants alike instead of landing on whichever one hyperfine happened to be
running. Reports wall time and CPU time (user + system of the process and its children) per variant.

usage: interleave.py RUNS WARMUP OUT.json NAME=COMMAND [NAME=COMMAND ...]
A command is split on whitespace (no shell); a name ending in '!' has the cold cache directory given by
the environment variable COLD_CACHE removed before each of its runs (not timed).
"""
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"exit {proc.returncode}: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    runs, warmup, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    variants = []
    for spec in sys.argv[4:]:
        name, command = spec.split("=", 1)
        variants.append((name.rstrip("!"), name.endswith("!"), command.split()))
    cold = os.environ.get("COLD_CACHE")
    samples = {name: {"wall": [], "cpu": []} for name, _, _ in variants}
    order = list(range(len(variants)))
    for round_no in range(warmup + runs):
        random.shuffle(order)
        for i in order:
            name, needs_cold, argv = variants[i]
            if needs_cold and cold:
                shutil.rmtree(cold, ignore_errors=True)
            wall, cpu = run_once(argv)
            if round_no >= warmup:
                samples[name]["wall"].append(wall)
                samples[name]["cpu"].append(cpu)
        print(f"\r  round {round_no + 1}/{warmup + runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    results = []
    for name, _, argv in variants:
        s = samples[name]
        results.append({
            "name": name, "command": " ".join(argv), "runs": runs,
            "wall": {"min": min(s["wall"]), "median": statistics.median(s["wall"]),
                     "mean": statistics.mean(s["wall"]), "stdev": statistics.stdev(s["wall"]) if runs > 1 else 0.0},
            "cpu": {"min": min(s["cpu"]), "median": statistics.median(s["cpu"]), "mean": statistics.mean(s["cpu"])},
            "samples": s,
        })
    with open(out, "w") as f:
        json.dump({"results": results}, f, indent=1)


if __name__ == "__main__":
    main()
