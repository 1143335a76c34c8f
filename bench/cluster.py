"""Interviews at once through the cluster's balancer, with 1 and with 3 app processes.

Starts ``scripts/cluster.sh`` (PostgreSQL, a Chroma server, a llama.cpp server with the
embedded model, N app processes and nginx, all on loopback), then runs 6, 12 and 30
interviews at once through nginx: each a new browser (its own identity cookie) that starts an
interview on the sample research and sends four answers. It prints, per count, the p50 and p95
of a turn's whole time (an answer sent to its reply's end) and the errors.

On this machine's 2 cores the processes share the same cores, so more processes is not more
speed: the figures say the cluster is correct under load and how much headroom it has, not
how it scales on more cores. The app processes use the embedded model's own settings (the
model phrases nothing; the engine plans and says each turn), as one process does.
Run: .venv/bin/python bench/cluster.py [--processes 1 3] [--interviews 6 12 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.cluster import page, running_cluster, start

ANSWERS = [
    "At Quillon I cut false alarms by a third in six months.",
    "I led four analysts on the churn model and presented it to the board.",
    "What does a good first quarter look like in this team?",
    "I stayed five years at my last job to finish the migration.",
]


def interview(url: str, n: int) -> tuple[list[float], int]:
    """One browser's interview; its turn times and how many events failed."""
    times, errors = [], 0
    try:
        raw = page(url)
        start(raw, candidate=f"Bench{n}")
    except Exception:
        return times, 1
    for answer in ANSWERS:
        began = time.perf_counter()
        try:
            _chat, _sources, notice, *_rest = raw.call("send", answer, None)
        except Exception:
            errors += 1
            continue
        if "⚠️" in str(notice):
            errors += 1
        times.append(time.perf_counter() - began)
    return times, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 3])
    parser.add_argument("--interviews", type=int, nargs="+", default=[6, 12, 30])
    options = parser.parse_args()
    rows = []
    for processes in options.processes:
        began = time.perf_counter()
        with running_cluster(processes) as cluster:
            started = time.perf_counter() - began
            for count in options.interviews:
                with ThreadPoolExecutor(max_workers=count) as pool:
                    results = list(
                        pool.map(lambda n: interview(cluster["balancer"], n), range(count))
                    )
                turns = [t for times, _errors in results for t in times]
                errors = sum(e for _times, e in results)
                rows.append((processes, count, len(turns), turns, errors, started))
                print(f"… {processes} process(es), {count} at once: done", file=sys.stderr)
    print(f"{'processes':>9} {'at once':>7} {'turns':>5} {'p50 s':>6} {'p95 s':>6} {'errors':>6}")
    for processes, count, n, turns, errors, _started in rows:
        p50 = statistics.median(turns) if turns else float("nan")
        p95 = percentile(turns, 0.95) if turns else float("nan")
        print(f"{processes:>9} {count:>7} {n:>5} {p50:>6.2f} {p95:>6.2f} {errors:>6}")
    for processes in options.processes:
        started = next(r[5] for r in rows if r[0] == processes)
        print(f"cluster of {processes}: started (every part ready) in {started:.0f} s")


if __name__ == "__main__":
    main()
