"""Does the interviewer listen? Scripted candidates, each turn labelled with what the next
interviewer turn must do (``bench/data/listening/conversations.yaml``).

Every persona meets a scripted candidate at the sample company and at one written for this
benchmark and never tuned on. After each candidate turn the interviewer's reply is judged, by
this file alone (its own word lists, and ``bench/fidelity_detector.py`` for clean turns), on:

- questions answered: a question whose answer the research or an everyday reply holds gets one
  of the labelled words; one the research cannot answer gets an admission, not a guess;
- specific answers picked up: the reply repeats one of the candidate's labelled words;
- dodges caught: after a dodge or refusal the reply asks the question before it again;
- red flags met without cheer: nothing pleased in the reply;
- closes heard: thanks and goodbye end the interview with a reply that asks nothing;
- clean turns (fidelity detector), one question per question turn, and the time per reply.

Runs on whatever backend the settings name (the embedded model by default).
Run: .venv/bin/python bench/listening.py
     [--company sample|second|…|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth]
     [--tries N]
     [--show 10]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fidelity_detector import inspect, question_count, question_key, same_question
from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.interview.relevance import local_relevance
from roleplay.knowledge.ingest import ingest
from roleplay.knowledge.retrieval import PackRetriever
from roleplay.knowledge.samples import ensure_pack
from roleplay.wiring import knowledge as configured
from roleplay.wiring.chat import build_backend

DATA = Path(__file__).resolve().parent / "data"
CONVERSATIONS = DATA / "listening" / "conversations.yaml"
Check = Literal["answered", "picked_up", "dodge_caught", "no_cheer", "close_heard"]
COMPANIES = [
    "sample", "second", "third", "fourth", "unseen", "fresh", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twentyfirst", "twentysecond",
    "twentythird", "twentyfourth", "twentyfifth", "twentysixth", "twentyseventh", "twentyeighth",
    "twentyninth", "thirtieth", "thirtyfirst", "thirtysecond", "thirtythird", "thirtyfourth",
    "thirtyfifth", "thirtysixth", "thirtyseventh", "thirtyeighth", "thirtyninth",
]  # fmt: skip
CHECKS: tuple[Check, ...] = ("answered", "picked_up", "dodge_caught", "no_cheer", "close_heard")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Company(_Strict):
    pack: str
    company: str
    role: str
    folder: str = ""  # under bench/data; the sample company ships with the app


class Step(_Strict):
    say: str
    answer: list[str] | str | None = None  # words, or a name under 'everyday'
    dont_know: bool = False
    pick_up: list[str] | None = None
    come_back: bool = False
    no_cheer: bool = False
    close: bool = False

    @model_validator(mode="after")
    def _one_expectation(self) -> Step:
        given = [self.answer is not None, self.dont_know, bool(self.pick_up), self.come_back]
        given += [self.no_cheer, self.close]
        if sum(given) != 1:
            raise ValueError(f"{self.say!r}: label exactly one expectation")
        return self


class Conversation(_Strict):
    persona: str
    company: str
    turns: list[Step]


class Script(_Strict):
    companies: dict[str, Company]
    everyday: dict[str, list[str]]
    conversations: list[Conversation]
    admits: list[str]
    pleased: list[str]


def load_script(path: Path = CONVERSATIONS) -> Script:
    return Script.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass
class Judged:
    persona: str
    company: str
    said: str
    reply: str
    check: Check
    passed: bool
    seconds: float
    clean: bool
    problems: list[str] = field(default_factory=list)
    # None for a close: it asks nothing by design.
    questions: int | None = None


_QUOTED = re.compile(r"“[^”]*”")


def _has(text: str, words: list[str]) -> bool:
    lowered = text.lower()
    return any(word.lower() in lowered for word in words)


def judge(
    step: Step, reply: str, before: str, finished: bool, script: Script
) -> tuple[Check, bool]:
    """Which check a reply answers to, and whether it passed."""
    if step.answer is not None:
        words = script.everyday[step.answer] if isinstance(step.answer, str) else step.answer
        return "answered", _has(reply, words)
    if step.dont_know:
        return "answered", _has(reply, script.admits)
    if step.pick_up:
        return "picked_up", _has(reply, step.pick_up)
    if step.come_back:
        return "dodge_caught", same_question(question_key(reply), question_key(before))
    if step.no_cheer:
        # The candidate's own words quoted back ("“a great stepping stone” gives me pause")
        # are not the interviewer's cheer.
        return "no_cheer", not _has(_QUOTED.sub("“”", reply), script.pleased)
    return "close_heard", finished and question_count(reply) == 0


def prepare(settings: Settings, script: Script, companies: set[str] | None = None):
    """A store holding each company's research (those of ``companies`` only, when given)."""
    store = configured.open_store(settings)
    limits, chunking = configured.limits(settings), configured.chunking(settings)
    for key, company in script.companies.items():
        if companies and key not in companies:
            continue
        if company.folder:
            items = [str(DATA / company.folder)]
            ingest(store, company.pack, items, limits=limits, chunking=chunking)
        else:
            ensure_pack(store, company.pack, limits=limits, chunking=chunking)
    return store


def run(
    settings: Settings,
    *,
    companies: set[str] | None = None,
    personas: set[str] | None = None,
    log=print,
) -> list[Judged]:
    script = load_script()
    backend = build_backend(settings)
    if hasattr(backend.chat, "load"):
        backend.chat.load()
    store = prepare(settings, script, companies)
    library = PersonaLibrary([shipped_dir("personas")])
    judged: list[Judged] = []
    for conversation in script.conversations:
        if (companies and conversation.company not in companies) or (
            personas and conversation.persona not in personas
        ):
            continue
        persona = library.get(conversation.persona)
        place = script.companies[conversation.company]
        setting = Setting(company=place.company, role=place.role, candidate="Sam")
        interview = Interview(
            persona,
            setting,
            backend,
            Prompts.load(),
            max_turns=len(conversation.turns) + 2,
            retriever=PackRetriever(store=store, persona=persona, company_packs=[place.pack]),
            relevance=local_relevance(),
            voicing_tries=settings.voicing_tries,
            seed=settings.seed,
        )
        before = "".join(interview.open())
        names = [place.company, place.role, "Sam", persona.name]
        labels = [w.label for w in persona.worries]
        for step in conversation.turns:
            if interview.finished:
                break
            began = time.perf_counter()
            reply = "".join(interview.answer(step.say))
            seconds = time.perf_counter() - began
            turn = interview.session.turns[-1]
            check, passed = judge(step, reply, before, interview.finished, script)
            findings = inspect(
                reply, names=names, labels=labels, snippets=[s.snippet for s in turn.sources]
            )
            judged.append(
                Judged(
                    persona=persona.id,
                    company=conversation.company,
                    said=step.say,
                    reply=reply,
                    check=check,
                    passed=passed,
                    seconds=seconds,
                    clean=not findings.problems and not findings.name_errors,
                    problems=findings.problems + findings.name_errors,
                    questions=None if turn.stage == "close" else findings.questions,
                )
            )
            before = reply
        interview.close()
        log(f"  {persona.id} at {place.company}: {len(conversation.turns)} turns")
    return judged


def rate(judged: list[Judged], check: Check) -> tuple[int, int]:
    chosen = [j for j in judged if j.check == check]
    return sum(j.passed for j in chosen), len(chosen)


def table(judged: list[Judged]) -> str:
    names = {"answered": "questions answered", "picked_up": "specifics picked up"}
    names |= {"dodge_caught": "dodges caught", "no_cheer": "red flags, no cheer"}
    names |= {"close_heard": "closes heard"}
    groups = sorted({j.company for j in judged})
    rows = [f"{'':<24}" + "".join(f"{g:>16}" for g in groups)]

    def cell(part: int, whole: int) -> str:
        return f"{part}/{whole} {100 * part / whole:5.1f}%" if whole else "n/a"

    for check in CHECKS:
        cells = [cell(*rate([j for j in judged if j.company == g], check)) for g in groups]
        rows.append(f"{names[check]:<24}" + "".join(f"{c:>16}" for c in cells))
    clean, one, p50, p95 = [], [], [], []
    for g in groups:
        mine = [j for j in judged if j.company == g]
        clean.append(cell(sum(j.clean for j in mine), len(mine)))
        asking = [j for j in mine if j.questions is not None]
        one.append(cell(sum(j.questions == 1 for j in asking), len(asking)))
        times = sorted(j.seconds for j in mine)
        p50.append(f"{statistics.median(times):.2f} s")
        p95.append(f"{times[int(0.95 * (len(times) - 1))]:.2f} s")
    for label, cells in [("clean turns", clean), ("one question per turn", one)]:
        rows.append(f"{label:<24}" + "".join(f"{c:>16}" for c in cells))
    for label, cells in [("reply p50", p50), ("reply p95", p95)]:
        rows.append(f"{label:<24}" + "".join(f"{c:>16}" for c in cells))
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--company",
        action="append",
        choices=COMPANIES,
    )
    parser.add_argument("--persona", action="append")
    parser.add_argument("--tries", type=int, default=None, help="voicing tries (default: auto)")
    parser.add_argument("--show", type=int, default=0, help="print this many failed turns")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), seed=7, voicing_tries=args.tries)
        print(f"model: {build_backend(settings).label}; voicing tries: {args.tries or 'auto'}")
        judged = run(
            settings,
            companies=set(args.company or []),
            personas=set(args.persona or []),
        )
    print(table(judged))
    failed = [j for j in judged if not j.passed or not j.clean]
    for j in failed[: args.show]:
        print(
            f"\n[{j.check}{'' if j.clean else ' unclean: ' + '; '.join(j.problems)}] "
            f"{j.persona} at {j.company}\n  C: {j.said}\n  I: {j.reply}"
        )


if __name__ == "__main__":
    main()
