"""Which research sentence answers a candidate's question: the answer alone, no model.

Usage: python bench/answers.py [--company NAME ...] [--show]

Every research question of bench/listening.py's conversations (those labelled with the words of
the fact that answers them, or as one the research cannot answer; the everyday ones are left
out) is read by the turn reader and answered by ``answers.answering`` from the passages the
engine would retrieve for it, as an interview does. Prints, per company and in all: right (the
first sentence holds a labelled word, or nothing is said where the research has no answer),
wrong (a fact on another subject, or a fact where there is none) and none (nothing said where
the research has the answer). Runs in about a minute on MiniLM and an embedded Chroma.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.listening import COMPANIES, load_script, prepare
from roleplay.core.notes import PrivateNotes
from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Session, Setting
from roleplay.core.settings import Settings
from roleplay.core.turn_rules import turn_rules
from roleplay.interview.answers import answering
from roleplay.interview.listener import Listener
from roleplay.interview.reading import read_turn
from roleplay.interview.relevance import local_relevance
from roleplay.knowledge.retrieval import PackRetriever


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--company", action="append", choices=COMPANIES)
    parser.add_argument("--show", action="store_true", help="print every question not right")
    args = parser.parse_args()
    script, relevance = load_script(), local_relevance()
    library = PersonaLibrary([shipped_dir("personas")])
    counts: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as data:
        store = prepare(Settings(data_dir=Path(data), seed=7), script)
        for conversation in script.conversations:
            if args.company and conversation.company not in args.company:
                continue
            place = script.companies[conversation.company]
            persona = library.get(conversation.persona)
            retriever = PackRetriever(store=store, persona=persona, company_packs=[place.pack])
            tally = counts.setdefault(conversation.company, Counter())
            for step in conversation.turns:
                if isinstance(step.answer, str) or (step.answer is None and not step.dont_know):
                    continue  # an everyday question, or no question
                reading = read_turn(step.say, "", relevance)
                question = reading.question or step.say
                session = Session(
                    persona_id=persona.id,
                    persona_name=persona.name,
                    mode=persona.mode,
                    max_turns=10,
                    minutes=20,
                    notes=PrivateNotes(mood=0.3, worries=[]),
                    setting=Setting(company=place.company, role=place.role, candidate="Sam"),
                )
                session.add_turn("candidate", step.say, search=Listener.search(reading, step.say))
                intent = reading.intent
                answer = answering(
                    question,
                    retriever(session, "middle"),
                    relevance,
                    [place.company, "Sam", persona.name, place.role],
                    hint=turn_rules().intents[intent].search if intent else "",
                    tools=intent == "tools",
                    guessed=not reading.intent_named,
                    context=step.say.replace(question, " "),
                )
                said = answer[0].lower() if answer else ""
                if step.answer:
                    right = any(word.lower() in said for word in step.answer)
                    verdict = "right" if right else ("wrong" if said else "none")
                else:
                    verdict = "wrong" if said else "right"
                tally[verdict] += 1
                if args.show and verdict != "right":
                    print(f"[{verdict}] {conversation.company}: {step.say}\n  said: {said}")
    total: Counter[str] = Counter()
    print(f"{'company':<10} {'right':>7} {'wrong':>7} {'none':>7}")
    for company in COMPANIES:
        if company in counts:
            tally = counts[company]
            total.update(tally)
            print(f"{company:<10} {tally['right']:>7} {tally['wrong']:>7} {tally['none']:>7}")
    print(f"{'all':<10} {total['right']:>7} {total['wrong']:>7} {total['none']:>7}")


if __name__ == "__main__":
    main()
