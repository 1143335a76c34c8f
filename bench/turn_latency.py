"""Time to first token and turn length on the embedded model, over a scripted interview.

Prints, per turn: seconds to the first visible piece, seconds to the end of the reply, and the
seconds the next reply waited for the background notes update. Run:
.venv/bin/python bench/turn_latency.py [persona] [typing seconds]
The optional typing seconds (default 0) pause before each answer, as a candidate reading the
question and typing does; background work (the notes, loading MiniLM after the opening) then no
longer competes with the reply for the CPU.
"""

from __future__ import annotations

import statistics
import sys
import time

from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.interview.relevance import local_relevance
from roleplay.wiring.chat import build_backend

ANSWERS = [
    "I spent three years analysing product data at a small health startup.",
    "A colleague and I disagreed on a retention metric, so we ran a test and I changed my mind.",
    "I want a role where I can stay and grow for several years.",
    "I learned the codebase by pairing with two people each day in my first month.",
]


def timed(stream) -> tuple[float, float]:
    start = time.perf_counter()
    first = None
    for _ in stream:
        if first is None:
            first = time.perf_counter() - start
    return first or 0.0, time.perf_counter() - start


def main() -> None:
    persona_id = sys.argv[1] if len(sys.argv) > 1 else "anxious-hiring-manager"
    typing = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    settings = Settings(seed=7)
    backend = build_backend(settings)
    start = time.perf_counter()
    backend.chat.load()
    print(f"model: {backend.label}; load {time.perf_counter() - start:.2f} s")
    interview = Interview(
        PersonaLibrary([shipped_dir("personas")]).get(persona_id),
        Setting(company="Larkspur Health", role="Product Analyst", candidate="Sam"),
        backend,
        Prompts.load(),
        max_turns=len(ANSWERS),
        relevance=local_relevance(),
    )
    rows = [("opening", *timed(interview.open()), 0.0)]
    for number, answer in enumerate(ANSWERS, 1):
        # The candidate reads and types while the notes update; wait for it, timed apart.
        time.sleep(typing)
        notes_start = time.perf_counter()
        interview.wait_for_notes()
        notes = time.perf_counter() - notes_start
        rows.append((f"answer {number}", *timed(interview.answer(answer)), notes))
    interview.close()
    print(f"{'turn':<10} {'first piece s':>14} {'whole reply s':>14} {'notes before s':>15}")
    for name, first, whole, notes in rows:
        print(f"{name:<10} {first:>14.2f} {whole:>14.2f} {notes:>15.2f}")
    firsts = [r[1] for r in rows[1:]]
    print(f"median first piece after an answer: {statistics.median(firsts):.2f} s")
    failed = sum(1 for t in interview.session.turns if t.notes_error)
    print(f"notes updates that failed: {failed} of {len(ANSWERS)}")
    said = [t for t in interview.session.turns if t.speaker == "interviewer"]
    by_model = sum(1 for t in said if getattr(t, "voiced_by", None) == "model")
    print(f"director: {interview.director}; turns phrased by the model: {by_model} of {len(said)}")


if __name__ == "__main__":
    main()
