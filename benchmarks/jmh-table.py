#!/usr/bin/env python3
"""Prints a JMH JSON result file as a Markdown table, with ratios to one benchmark of each group.

    jmh-table.py RESULT.json BASELINE_METHOD

A group is a benchmark class with one set of parameters (e.g. HotPath.TwoThreads, durableCommits=on).
Besides JMH's mean and 99.9% interval, the table gives the median of all measured iterations of all
forks: on a shared machine a neighbour's burst inflates a few iterations, which moves the mean, not
the median. Ratios are of medians.
"""
import json
import statistics
import sys


def main(path, baseline):
    rows = json.load(open(path))
    groups = {}
    for r in rows:
        cls, method = r["benchmark"].rsplit(".", 1)
        cls = cls.replace("io.batchtrack.benchmarks.", "")
        params = ", ".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
        iterations = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        groups.setdefault((cls, params), []).append({
            "method": method,
            "threads": r["threads"],
            "forks": r["forks"],
            "n": len(iterations),
            "mean": r["primaryMetric"]["score"],
            "error": r["primaryMetric"]["scoreError"],
            "median": statistics.median(iterations),
            "min": min(iterations),
            "unit": r["primaryMetric"]["scoreUnit"],
        })
    print("| benchmark | params | threads | median | mean ± 99.9% | best iteration | iterations | ratio to "
          + baseline + " |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for (cls, params), items in groups.items():
        base = next((i for i in items if i["method"] == baseline), None)
        for i in items:
            ratio = f"{i['median'] / base['median']:.2f}x" if base else "—"
            unit = i["unit"].replace("/op", "")
            print(f"| {cls}.{i['method']} | {params or '—'} | {i['threads']} | {fmt(i['median'])} {unit} "
                  f"| {fmt(i['mean'])} ± {fmt(i['error'])} | {fmt(i['min'])} | {i['n']} ({i['forks']} forks) | {ratio} |")


def fmt(v):
    if v != v:  # NaN: a single iteration has no interval
        return "n/a"
    return f"{v:,.1f}" if v < 1000 else f"{v:,.0f}"


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
