"""How well the evidence assessor reads answers: accuracy on the hand-labelled answers.

Usage: python bench/notes_eval.py [--split dev|test|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|all]
       [--no-similarity] [--model] [--errors] [--agreement]

Every (answer, worry) pair of tests/data/notes_labels/<split>.yaml is one decision: eases,
confirms or neutral. 'test' is held out; 'fresh' is a second held-out split, written by another
hand that read only the file format and the personas' worries, never the assessor's rules;
'fresh2' a third, written the same way and sealed: its first run (on 70ebe8d) was accuracy 0.796
(always-neutral 0.681), labelled movements found 0.565, movements made right 0.709.
'fresh3' a fourth, written and sealed the same way: its first run (on a0f9c07) was accuracy
0.801 (always-neutral 0.727), movements found 0.525, made right 0.633. A linear model over
MiniLM vectors and the rules' pulls, fitted to the other splits, found no more of its movements
(0.508) though more of those it made were right (0.732): not shipped. Mended since on what it
showed (0.833, 0.678, 0.667).
'fresh4' a fifth, written and sealed the same way: its first run (on those mends, before any
look at it) was accuracy 0.736 (always-neutral 0.620), movements found 0.512, made right 0.677;
mended since on what it showed (0.755, 0.561, 0.697), and by the mends below (0.773, 0.610,
0.714).
'fresh5' a sixth, written and sealed the same way: its first run (on 080a964) was accuracy
0.713 (always-neutral 0.625), movements found 0.444, made right 0.655; mends made on the other
splits since (generic questions outweigh curiosity, a long notice outweighs availability,
"applied to forty places") left it exactly there; mended on what it showed on 2026-12-07
(0.806, 0.691, 0.747), with 'fresh2' to 'fresh4' and 'dev' (see below).
'fresh6' a seventh, written and sealed the same way after those mends and run once on them:
accuracy 0.782 (always-neutral 0.676), movements found 0.600, made right 0.689, direction right
where both moved 1.000; the rules before the mends gave it 0.773, 0.571 and 0.667. It is the
honest figure for answers never read: the best first run of the six sealed splits (0.444 to
0.565 before), and still far from 0.90.
The mends of 2026-12-07 (cues/cues.yaml, the personas' evidence lists): a stopgap said plainly;
what the company or the person did, named ("I read that Ferncroft switched…", "you've done
both"); asking for a job denied ("I'm not here to ask you for a job"), and the words inside a
denied phrase denied with it; sarcasm about colleagues ("nothing builds team spirit like…")
against team fit and about advice against follow-through; losing the thread ("where was I?",
"it's a long story"); keeping the person past their time; saying back what was just said;
remote work assumed, a start "not till after the summer", pay "at the very least"; pay inside
the band and a month's notice; a clipped background ("Six years qualified, …"); "applying for
anything"; "my manager's useless"; "in it for the holidays". 'test' 0.844/0.600/0.623 to
0.858/0.662/0.662 (its errors were read at the start, none mended on), 'dev' 0.897/0.811/0.720
to 0.908/0.874/0.728, 'fresh' 0.856/0.807/0.730 to 0.867/0.842/0.750, 'fresh2' 0.796/0.609/
0.689 to 0.843/0.754/0.754, 'fresh3' 0.833/0.678/0.667 to 0.856/0.797/0.681, 'fresh4' 0.773/
0.610/0.714 to 0.815/0.732/0.741. Tried and left out (no net gain): commitment and exit for the
cost of a wrong hire, results and vagueness for the manager's reputation, sarcasm for culture
fit and for expectations.
``--agreement`` compares the split's labels with a second hand's, made blind
(tests/data/notes_labels/second_hand/: 'test' and 'fresh5'): on 'test' the two agree on 0.900 of
the decisions, and the second hand finds 0.988 of the labelled movements (0.963 on 'fresh5'),
though only 0.693 of its own movements are labelled so (it moves more). The labels are no
ceiling on the movements, then: a careful reader finds nearly all of them, and the 0.90 asked of
the assessor is within a reader's reach. The rules here find 0.662.
Two learned readers were tried on 2026-12-06, each judged with every split left out in turn: a
logistic regression per worry over the rules' pulls and MiniLM vectors of the answer and of its
sentence closest to the worry raised accuracy on every split ('test' 0.844 to 0.875) and the
share of its moves that are right ('test' 0.623 to 0.734), but found no more movements ('test'
0.600 to 0.588; 'fresh5' 0.444 to 0.395), and each split added to its training added about 0.02:
not shipped.
Prints accuracy, the accuracy of always saying "neutral" (the floor any figure must beat),
per-class precision and recall, accuracy per hard-case kind, and the time per answer.
``--model`` judges the same answers the way the notes moved before the evidence assessor: the
model's own notes update (ROLEPLAY_NOTES=llm) on the configured model, the embedded one by
default; the "before" figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roleplay.core.personas import PersonaLibrary  # noqa: E402
from roleplay.core.resources import shipped_dir  # noqa: E402
from roleplay.interview.assessor import Assessor  # noqa: E402
from roleplay.wiring.chat import build_backend  # noqa: E402
from tests.support.labelled import (  # noqa: E402
    LabelledAnswer,
    load_labelled,
    load_second_hand,
    second_hand_splits,
)

Pair = tuple[str, str, LabelledAnswer, str]  # label, verdict, the answer, the worry

_NAMES = {"eases": "eases", "confirms": "confirms", "unchanged": "neutral"}


def _share(rows: list[Pair]) -> float:
    return sum(1 for want, got, _, _ in rows if want == got) / max(1, len(rows))


def predict(items: list[LabelledAnswer], similarity: bool) -> tuple[list[Pair], float]:
    library = PersonaLibrary([shipped_dir("personas")])
    relevance = None
    if similarity:
        from roleplay.interview.relevance import local_relevance

        relevance = local_relevance()
        relevance.scores(["warm up"], [["the embedder"]])
    assessors = {p.id: Assessor(p, relevance) for p in library.all()}
    pairs = []
    started = time.perf_counter()
    for item in items:
        findings = assessors[item.persona].assess(item.answer)
        for finding in findings:
            pairs.append((item.labels[finding.worry], _NAMES[finding.verdict], item, finding.worry))
    return pairs, (time.perf_counter() - started) / max(1, len(items))


def predict_by_model(items: list[LabelledAnswer]) -> tuple[list[Pair], float, int]:
    """The model's own notes update after each answer; an unreadable one moves nothing."""
    from roleplay.core.notes import PrivateNotes
    from roleplay.core.session import Session, Setting
    from roleplay.core.settings import Settings
    from roleplay.interview.note_taking import NoteTaker
    from roleplay.interview.prompts import Prompts

    settings = Settings()
    backend = build_backend(settings)
    prompts = Prompts.load(settings.prompts_dir)
    library = PersonaLibrary([shipped_dir("personas")])
    status = {"eased": "eases", "confirmed": "confirms", "open": "neutral"}
    pairs, failed = [], 0
    started = time.perf_counter()
    for item in items:
        persona = library.get(item.persona)
        session = Session(
            persona_id=persona.id,
            persona_name=persona.name,
            mode=persona.mode,
            setting=Setting(company=item.company, role=item.role, candidate="Sam"),
            max_turns=8,
            minutes=30,
            notes=PrivateNotes.initial(persona),
        )
        session.add_turn("interviewer", item.question)
        session.add_turn("candidate", item.answer)
        taker = NoteTaker(
            persona, "llm", Assessor(persona), backend, max_tokens=settings.max_notes_tokens
        )
        messages = prompts.notes_messages(persona, session, candidate_words=item.answer)
        notes, problem = taker.update(session.notes, item.answer, turn_index=2, messages=messages)
        failed += problem is not None
        for worry in notes.worries:
            pairs.append((item.labels[worry.id], status[worry.status], item, worry.id))
    return pairs, (time.perf_counter() - started) / max(1, len(items)), failed


def report(pairs: list[Pair], per_answer: float) -> None:
    total = len(pairs)
    right = sum(1 for want, got, _, _ in pairs if want == got)
    neutral = sum(1 for want, _, _, _ in pairs if want == "neutral")
    print(f"decisions: {total} (answers {len({id(p[2]) for p in pairs})})")
    print(f"accuracy: {right / total:.3f}   always-neutral baseline: {neutral / total:.3f}")
    moved = [p for p in pairs if p[0] != "neutral"]
    print(f"accuracy where the label moves: {_share(moved):.3f}")
    # Of the moves the notes made, how many the label agrees with; and where both moved, how
    # often the direction is right (eases for confirms is the worst mistake a note can make).
    made = [p for p in pairs if p[1] != "neutral"]
    both = [p for p in made if p[0] != "neutral"]
    print(f"moves made that are right: {_share(made):.3f} ({len(made)} moves)")
    print(f"direction right where both moved: {_share(both):.3f} ({len(both)})")
    for label in ("eases", "confirms", "neutral"):
        said = sum(1 for _, got, _, _ in pairs if got == label)
        truly = sum(1 for want, _, _, _ in pairs if want == label)
        hit = sum(1 for want, got, _, _ in pairs if want == got == label)
        precision = hit / said if said else 0
        recall = hit / truly if truly else 0
        print(
            f"  {label:9s} precision {precision:.3f}  recall {recall:.3f}"
            f"  (labelled {truly}, said {said})"
        )
    kinds = Counter(p[2].hard for p in pairs if p[2].hard)
    for kind in sorted(kinds):
        rows = [p for p in pairs if p[2].hard == kind]
        print(f"  hard/{kind:12s} accuracy {_share(rows):.3f} ({len(rows)} decisions)")
    print(f"time per answer: {per_answer * 1000:.1f} ms")


def agreement(split: str) -> None:
    """How the split's labels and a second hand's blind labels agree (see the docstring)."""
    first = {item.id: item.labels for item in load_labelled(split)}
    second = load_second_hand(split)
    pairs = [(first[i][worry], second[i][worry]) for i in first for worry in first[i]]
    moved = [p for p in pairs if p[0] != "neutral"]
    theirs = [p for p in pairs if p[1] != "neutral"]
    print(f"split: {split}, labels against a second hand's ({len(pairs)} decisions)")
    print(f"agreement: {sum(a == b for a, b in pairs) / len(pairs):.3f}")
    print(
        f"labelled movements the second hand found: "
        f"{sum(a == b for a, b in moved) / len(moved):.3f} ({len(moved)})"
    )
    print(
        f"its movements the labels agree with: "
        f"{sum(a == b for a, b in theirs) / len(theirs):.3f} ({len(theirs)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        default="test",
        choices=["dev", "test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "all"],
    )
    parser.add_argument("--no-similarity", action="store_true")
    parser.add_argument("--model", action="store_true", help="the model's own notes instead")
    parser.add_argument("--errors", action="store_true", help="print every wrong decision")
    parser.add_argument(
        "--agreement", action="store_true", help="the labels against a second hand's"
    )
    args = parser.parse_args()
    if args.agreement:
        if args.split != "all" and args.split not in second_hand_splits():
            parser.error(f"no second hand labelled {args.split!r}: {second_hand_splits()}")
        for split in second_hand_splits() if args.split == "all" else [args.split]:
            agreement(split)
        return
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    items = [item for split in splits for item in load_labelled(split)]
    if args.model:
        pairs, per_answer, failed = predict_by_model(items)
        print(f"split: {args.split}, notes: the model's own update ({failed} unreadable)")
    else:
        pairs, per_answer = predict(items, similarity=not args.no_similarity)
        print(f"split: {args.split}, similarity: {'off' if args.no_similarity else 'MiniLM'}")
    report(pairs, per_answer)
    if args.errors:
        for want, got, item, worry in pairs:
            if want != got:
                print(f"\n[{item.id}] {worry}: labelled {want}, said {got}\n  {item.answer}")


if __name__ == "__main__":
    main()
