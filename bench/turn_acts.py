"""How well the turn reader reads candidate turns: per-kind precision and recall, and intents.

Usage: python bench/turn_acts.py [--split tune|held_out|fresh|all] [--no-similarity] [--errors]

Every item of tests/data/turn_acts.yaml is a candidate turn after an interviewer's line, labelled
by hand with its kind (answer, partial, dodge, refusal, question, small talk, goodbye, hostile)
and, for a question, its intent. The reader's phrases were tuned, and its model
(roleplay/interview/turn_model.py) fitted, on the 'tune' split only; 'held_out' and 'fresh'
(other companies, written apart; the model's design was chosen looking at 'held_out', 'fresh'
was read only after) are the figures that count. Prints accuracy,
the accuracy of always saying the commonest kind (the floor to beat), per-kind precision and
recall, intent accuracy on the questions, and the time per turn. ``--no-similarity`` reads with
phrases alone (no MiniLM).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roleplay.core.turn_rules import INTENTS, KINDS  # noqa: E402
from roleplay.interview.reading import read_turn  # noqa: E402
from tests.support.labelled import LabelledTurn, load_turns  # noqa: E402


def read_all(items: list[LabelledTurn], similarity: bool) -> tuple[list[tuple], float]:
    relevance = None
    if similarity:
        from roleplay.interview.relevance import local_relevance

        relevance = local_relevance()
        relevance.scores(["warm up"], [["the embedder"]])
    started = time.perf_counter()
    rows = []
    for item in items:
        reading = read_turn(item.text, item.asked, relevance)
        rows.append((item, reading.kind, reading.intent))
    return rows, (time.perf_counter() - started) / max(1, len(items))


def report(rows: list[tuple], errors: bool) -> None:
    n = len(rows)
    right = sum(item.kind == kind for item, kind, _ in rows)
    common, count = Counter(item.kind for item, _, _ in rows).most_common(1)[0]
    print(f"  kind accuracy {right / n:.3f} ({right}/{n}); always '{common}': {count / n:.3f}")
    print(f"  {'kind':<11} {'precision':>9} {'recall':>7} {'labelled':>8}")
    for kind in KINDS:
        said = [item for item, got, _ in rows if got == kind]
        meant = [item for item, _, _ in rows if item.kind == kind]
        hit = sum(item.kind == kind for item in said)
        precision = hit / len(said) if said else float("nan")
        recall = sum(got == kind for item, got, _ in rows if item.kind == kind) / max(1, len(meant))
        print(f"  {kind:<11} {precision:>9.2f} {recall:>7.2f} {len(meant):>8}")
    questions = [(item, got) for item, kind, got in rows if item.kind == "question" == kind]
    if questions:
        hits = sum(item.intent == got for item, got in questions)
        print(f"  intent accuracy on questions read as questions {hits / len(questions):.3f} "
              f"({hits}/{len(questions)})")  # fmt: skip
        for intent in INTENTS:
            meant = [got for item, got in questions if item.intent == intent]
            if meant:
                print(f"    {intent:<10} {sum(g == intent for g in meant)}/{len(meant)}")
    if errors:
        for item, kind, intent in rows:
            if kind != item.kind or (kind == "question" and intent != item.intent):
                want = item.kind + (f"/{item.intent}" if item.intent else "")
                got = kind + (f"/{intent}" if intent else "")
                print(f"    {item.id}: want {want}, got {got}: {item.text[:90]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["tune", "held_out", "fresh", "all"], default="all")
    parser.add_argument("--no-similarity", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every misread turn")
    args = parser.parse_args()
    items = load_turns()
    splits = ["tune", "held_out", "fresh"] if args.split == "all" else [args.split]
    rows, seconds = read_all(items, not args.no_similarity)
    for split in splits:
        chosen = [row for row in rows if row[0].split == split]
        print(f"{split}: {len(chosen)} turns")
        report(chosen, args.errors)
    print(f"time per turn {seconds * 1000:.1f} ms (MiniLM {'off' if args.no_similarity else 'on'})")


if __name__ == "__main__":
    main()
