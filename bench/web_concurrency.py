"""How much one user's research upload slows another user's interview in the same web app.

Starts `roleplay serve` on the embedded model, then times an answer's reply (first visible words
and the whole reply) with nothing else running, and again while a second session ingests a
synthetic file of about 400 passages. Both share the machine's cores, so some slowdown is
expected; what must not happen is the reply waiting for the ingest to finish.
Run: .venv/bin/python bench/web_concurrency.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from gradio_client import Client, handle_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.documents import synthetic_notes
from tests.servers import roleplay_serve
from tests.webapi import start_sample

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
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
