"""How fast the notes and the report are on the embedded defaults.

Usage: python bench/feedback_speed.py [--judge]

Replays the hand-written strong and weak interviews (tests/data/transcripts/, four personas)
and prints: the time to update the notes after each answer (the evidence assessor with MiniLM,
warm), and the time from the end of an interview to its report. ``--judge`` also asks the
embedded model to judge (ROLEPLAY_JUDGE=on), the way every report was made before the evidence
scoring: the "before" figure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roleplay.core.notes import PrivateNotes  # noqa: E402
from roleplay.core.personas import PersonaLibrary  # noqa: E402
from roleplay.core.resources import shipped_dir  # noqa: E402
from roleplay.core.settings import Settings  # noqa: E402
from roleplay.feedback.report_maker import make_report  # noqa: E402
from roleplay.interview.assessor import Assessor  # noqa: E402
from roleplay.interview.note_taking import NoteTaker  # noqa: E402
from roleplay.interview.prompts import Prompts  # noqa: E402
from roleplay.interview.relevance import EmbeddingRelevance, local_relevance  # noqa: E402
from roleplay.wiring.chat import build_backend  # noqa: E402
from tests.support.transcripts import replay  # noqa: E402


def spread(label: str, seconds: list[float]) -> None:
    print(
        f"{label}: median {statistics.median(seconds):.3f} s, max {max(seconds):.3f} s "
        f"({len(seconds)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", action="store_true", help="also time the embedded LLM judge")
    args = parser.parse_args()
    library = PersonaLibrary([shipped_dir("personas")])
    start = time.perf_counter()
    local_relevance().scores(["warm up"], [["the embedder"]])
    print(f"MiniLM load: {time.perf_counter() - start:.2f} s (once per process, at the opening)")

    def cold() -> EmbeddingRelevance:
        # The loaded model, with none of the sentences already embedded.
        return EmbeddingRelevance(local_relevance().embeddings)

    prompts = Prompts.load()
    sessions = [(p, replay(p, s, cold())) for p in library.all() for s in ("strong", "weak")]

    notes_times = []
    for persona, session in sessions:
        taker = NoteTaker(persona, "evidence", Assessor(persona, cold()))
        notes = PrivateNotes.initial(persona)
        for turn in session.turns:
            if turn.speaker == "candidate":
                start = time.perf_counter()
                notes, _ = taker.update(notes, turn.text, turn_index=turn.index + 1)
                notes_times.append(time.perf_counter() - start)
    spread("notes after an answer (evidence)", notes_times)

    modes = ["auto"] + (["on"] if args.judge else [])
    for mode in modes:
        settings = Settings(judge=mode)  # type: ignore[arg-type]
        backend = build_backend(settings)
        if mode == "on":
            backend.chat.load()
        times = []
        for persona, session in sessions if mode == "auto" else sessions[:2]:
            start = time.perf_counter()
            report = make_report(
                session,
                persona,
                settings=settings,
                backend=backend,
                prompts=prompts,
                relevance=cold(),
            )
            times.append(time.perf_counter() - start)
            print(
                f"  {persona.id} ({mode}): {times[-1]:.2f} s, overall {report.overall}, "
                f"{report.scored} of {report.out_of} criteria scored"
            )
        spread(f"report after the end (judge {mode})", times)


if __name__ == "__main__":
    main()
