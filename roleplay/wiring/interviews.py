"""Building an interview from the settings: a new one, or a saved one carried on.

The terminal and both of the web app's paths (start, and reopen a past interview) build theirs
here, so every interview gets the same director, notes, evidence and research, whichever shell
holds it. A coach's scenario becomes an interview through ``new`` too, with the settings
``roleplay.coaching.scenario_setup`` locks.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting
from roleplay.core.settings import Settings
from roleplay.interview.engine import Interview, Recorder
from roleplay.interview.prompts import Prompts
from roleplay.interview.relevance import local_relevance
from roleplay.interview.stronger import practice_of
from roleplay.knowledge.retrieval import PackRetriever
from roleplay.knowledge.store import PackStore
from roleplay.llm.backend import ChatBackend

# Practising one question again: the question, two follow-ups, and the close.
PRACTICE_TURNS = 3
PRACTICE_MINUTES = 10.0


@dataclass
class InterviewFactory:
    """What every interview of a process shares. ``store`` opens the research store, and is
    called only when an interview draws on research."""

    settings: Settings
    backend: ChatBackend
    prompts: Prompts
    store: Callable[[], PackStore]
    # Every interview this process holds, for the operators' count (pages let theirs go).
    held: weakref.WeakSet[Interview] = field(default_factory=weakref.WeakSet)

    def new(
        self,
        persona: Persona,
        setting: Setting,
        *,
        turns: int,
        minutes: float,
        packs: Sequence[str] = (),
        candidate_packs: Sequence[str] = (),
        recorder: Recorder | None = None,
        scenario: str | None = None,
        backend: ChatBackend | None = None,
    ) -> Interview:
        """A new interview; ``scenario`` is the code of the coach's scenario it is an attempt at,
        ``backend`` a model other than the default to hold it with."""
        interview = Interview(
            persona,
            setting,
            backend or self.backend,
            self.prompts,
            max_turns=int(turns),
            minutes=float(minutes),
            packs=[*packs, *candidate_packs],
            candidate_packs=list(candidate_packs),
            **self._options(persona, list(packs), list(candidate_packs), recorder),
        )
        interview.session.scenario = scenario
        return self._held(interview)

    def resume(
        self,
        saved: Session,
        persona: Persona,
        *,
        recorder: Recorder | None = None,
        backend: ChatBackend | None = None,
    ) -> Interview:
        """Carry on a saved interview. Research removed since it was saved is left out: the
        interview goes on without it rather than not at all."""
        company = [p for p in saved.packs if p not in saved.candidate_packs]
        options = self._options(
            persona, self._existing(company), self._existing(saved.candidate_packs), recorder
        )
        return self._held(
            Interview.resume(saved, persona, backend or self.backend, self.prompts, **options)
        )

    def practise(
        self,
        saved: Session,
        persona: Persona,
        answer: int,
        *,
        recorder: Recorder | None = None,
        backend: ChatBackend | None = None,
    ) -> Interview:
        """A short interview that asks the question ``saved``'s ``answer``-th answer replied to
        again, with the same interviewer, setting and research, then follows up as usual."""
        practice = practice_of(saved, answer)
        company = [p for p in saved.packs if p not in saved.candidate_packs]
        packs, candidate_packs = self._existing(company), self._existing(saved.candidate_packs)
        return self._held(
            Interview(
                persona,
                saved.setting,
                backend or self.backend,
                self.prompts,
                max_turns=PRACTICE_TURNS,
                minutes=min(saved.minutes, PRACTICE_MINUTES),
                packs=[*packs, *candidate_packs],
                candidate_packs=candidate_packs,
                practice=practice,
                **self._options(persona, packs, candidate_packs, recorder),
            )
        )

    def _held(self, interview: Interview) -> Interview:
        self.held.add(interview)
        return interview

    def open_count(self) -> int:
        """Interviews of this process still going (a page's, not yet finished or let go)."""
        return sum(1 for interview in list(self.held) if not interview.finished)

    def _existing(self, packs: list[str]) -> list[str]:
        if not packs:
            return []
        store = self.store()
        return [name for name in packs if store.exists(name)]

    def _options(
        self,
        persona: Persona,
        packs: list[str],
        candidate_packs: list[str],
        recorder: Recorder | None,
    ) -> dict[str, Any]:
        settings = self.settings
        options: dict[str, Any] = {
            "notes_max_tokens": settings.max_notes_tokens,
            "director": settings.director,
            "voicing_tries": settings.voicing_tries,
            "seed": settings.seed,
            "notes": settings.notes,
            "relevance": local_relevance(),
            "recorder": recorder,
        }
        if packs or candidate_packs:
            options["retriever"] = PackRetriever(
                store=self.store(),
                persona=persona,
                company_packs=packs,
                candidate_packs=candidate_packs,
                k=settings.retrieval_k,
                min_score=settings.retrieval_min_score,
            )
        return options
