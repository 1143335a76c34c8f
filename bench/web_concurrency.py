"""Interviews side by side in one web app, and one user's upload beside another's interview.

Starts `roleplay serve` on the embedded model. With ``--interviews 1 3 6`` it runs that many
interviews at once (each its own `gradio_client` session: start, two answers, end) and prints the
p50 and p95 of a turn's whole latency for each count. Otherwise it times an answer's reply (first
visible words and the whole reply) with nothing else running, and again while a second session
ingests a synthetic file of about 400 passages: some slowdown is expected on shared cores; what
must not happen is the reply waiting for the ingest to finish.
Run: .venv/bin/python bench/web_concurrency.py [--rounds 3] [--interviews 1 3 6]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from gradio_client import Client, handle_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.documents import synthetic_notes
from tests.support.servers import roleplay_serve
from tests.support.webapi import start_sample

ANSWERS = [
    "I moved from clinic operations into analytics two years ago.",
    "What does a good first quarter look like in this team?",
    "How did you decide which dashboards to retire?",
]


def timed_reply(client: Client, answer: str) -> tuple[float, float]:
    began = time.perf_counter()
    job = client.submit(answer, api_name="/send")
    first = None
    for chat, *_rest in job:
        if first is None and chat and chat[-1]["role"] == "assistant" and chat[-1]["content"]:
            first = time.perf_counter() - began
    job.result()
    return first or float("nan"), time.perf_counter() - began


def one_interview(url: str, gate: threading.Barrier, turns: list[float], done: list[bool]) -> None:
    client = Client(url, verbose=False)
    gate.wait()
    calls = [
        lambda: start_sample(client, "anxious-hiring-manager", answers=20, minutes=60),
        lambda: client.predict(ANSWERS[0], api_name="/send"),
        lambda: client.predict(ANSWERS[2], api_name="/send"),
        lambda: client.predict(api_name="/end"),
    ]
    for call in calls:
        began = time.perf_counter()
        call()
        turns.append(time.perf_counter() - began)
    done.append(True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def side_by_side(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with roleplay_serve(Path(folder), {"ROLEPLAY_SEED": "7"}) as url:
            for count in counts:
                turns: list[float] = []
                done: list[bool] = []
                gate = threading.Barrier(count)
                threads = [
                    threading.Thread(target=one_interview, args=(url, gate, turns, done))
                    for _ in range(count)
                ]
                began = time.perf_counter()
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                took = time.perf_counter() - began
                print(
                    f"{count} at once: {len(done)} of {count} finished in {took:.0f} s; "
                    f"turn p50 {percentile(turns, 0.5):.1f} s, "
                    f"p95 {percentile(turns, 0.95):.1f} s, worst {max(turns):.1f} s "
                    f"({len(turns)} turns)"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--interviews", type=int, nargs="+", help="interviews at once, e.g. 1 3 6")
    args = parser.parse_args()
    if args.interviews:
        side_by_side(args.interviews)
        return
    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder) / "long-notes.md"
        notes.write_text(synthetic_notes(400, 90))
        with roleplay_serve(Path(folder), {"ROLEPLAY_SEED": "7"}) as url:
            quiet, busy = [], []
            for round_number in range(args.rounds):
                talker, uploader = Client(url, verbose=False), Client(url, verbose=False)
                start_sample(talker, "relaxed-industry-leader", answers=20, minutes=60)
                quiet.append(timed_reply(talker, ANSWERS[round_number % len(ANSWERS)]))
                ingest_began = time.perf_counter()
                ingest = uploader.submit([handle_file(str(notes))], api_name="/upload_research")
                time.sleep(1.0)  # let the ingest get into its embedding
                busy.append(timed_reply(talker, ANSWERS[(round_number + 1) % len(ANSWERS)]))
                reply_done = time.perf_counter() - ingest_began
                ingest.result(timeout=900)
                ingest_time = time.perf_counter() - ingest_began
                print(
                    f"round {round_number + 1}: reply done {reply_done:.1f} s after the upload "
                    f"began; the ingest took {ingest_time:.1f} s"
                )
    for label, figures in (("alone", quiet), ("during an ingest", busy)):
        firsts = [f for f, _ in figures]
        wholes = [w for _, w in figures]
        print(
            f"reply {label:>17}: first words median {statistics.median(firsts):.2f} s, "
            f"whole reply median {statistics.median(wholes):.2f} s ({len(figures)} replies)"
        )


if __name__ == "__main__":
    main()
