"""The interview engine: one conversation between a persona and a candidate.

It decides the stage (opening, questions, the candidate's questions, close) and when the
interview ends, has ``planner`` plan each interviewer turn and ``speaking`` say
it (the model's phrasing only when it passes every check), records turns in a ``Session``, and
has ``noting`` update the private notes after every answer. The notes update runs in the
background right after a reply has streamed, while the candidate reads and types, and is awaited
before the next reply so that reply can act on it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Literal

from roleplay.core.delivery import Delivery
from roleplay.core.notes import PrivateNotes
from roleplay.core.personas import Persona
from roleplay.core.session import (
    EndReason,
    PracticeOf,
    Session,
    Setting,
    Source,
    Stage,
    Turn,
)
from roleplay.interview.assessor import Assessor, Relevance
from roleplay.interview.listener import Listener
from roleplay.interview.note_taking import NoteTaker
from roleplay.interview.planner import plan_turn
from roleplay.interview.prompts import Prompts
from roleplay.interview.speaking import Speaker, say
from roleplay.llm.backend import ChatBackend

Retriever = Callable[[Session, Stage], list[Source]]
# Saves the session as it stands (called after every change; see roleplay.history).
Recorder = Callable[[Session], None]
Director = Literal["auto", "strict", "guided"]
NotesSetting = Literal["auto", "evidence", "llm", "both"]


class InterviewOver(RuntimeError):
    """The interview has ended; nothing more can be said in it."""


class StillSpeaking(RuntimeError):
    """The interviewer's turn is still being generated; wait for it to finish."""


def _no_facts(session: Session, stage: Stage) -> list[Source]:
    return []


class Interview:
    def __init__(
        self,
        persona: Persona,
        setting: Setting,
        backend: ChatBackend,
        prompts: Prompts,
        *,
        max_turns: int = 8,
        minutes: float = 30.0,
        retriever: Retriever = _no_facts,
        clock: Callable[[], float] = time.monotonic,
        notes_max_tokens: int = 400,
        background_notes: bool = True,
        packs: list[str] | None = None,
        candidate_packs: list[str] | None = None,
        recorder: Recorder | None = None,
        director: Director = "auto",
        voicing_tries: int | None = None,
        seed: int | None = None,
        notes: NotesSetting = "auto",
        relevance: Relevance | None = None,
        practice: PracticeOf | None = None,
    ):
        self.persona = persona
        # The embedded model cannot be trusted with the notes; a stronger one proposes and the
        # evidence must agree (roleplay.interview.note_taking).
        if notes == "auto":
            notes = "evidence" if backend.embedded else "both"
        assessor = Assessor(persona, relevance)
        self.note_taker = NoteTaker(persona, notes, assessor, backend, max_tokens=notes_max_tokens)
        self.listener = Listener(persona, assessor, relevance)
        # Strict: the model only rephrases the plan, checked, shown whole. Guided: the plan is
        # guidance and the model speaks freely, streamed, through the same checks.
        if director == "auto":
            director = "strict" if backend.embedded else "guided"
        self.director = director
        # The embedded model's phrasings almost never pass the checks: not worth the wait.
        self.voicing_tries = (
            (0 if backend.embedded else 2) if voicing_tries is None else voicing_tries
        )
        # A seeded run (ROLEPLAY_SEED) plans the same lines every time; otherwise each session
        # varies its own.
        self.plan_seed = "" if seed is None else f"seed-{seed}"
        self.backend = backend
        self.prompts = prompts
        self.retriever = retriever
        self.clock = clock
        self.session = Session(
            persona_id=persona.id,
            persona_name=persona.name,
            mode=persona.mode,
            setting=setting,
            max_turns=max_turns,
            minutes=minutes,
            model=backend.label,
            packs=packs or [],
            candidate_packs=candidate_packs or [],
            practice=practice,
            notes=PrivateNotes.initial(persona),
        )
        self._started = clock()
        self._executor = ThreadPoolExecutor(max_workers=1) if background_notes else None
        self._notes_job: Future[None] | None = None
        self._failed: tuple[Stage, EndReason | None] | None = None
        # Held from the candidate's message until the reply is saved: a second message sent in
        # between would land before the reply it answers. A Lock, not an RLock: a generator
        # may be resumed (and closed) on another thread than the one that started it.
        self._turn_lock = threading.Lock()
        self.recorder = recorder
        # Why the last save failed, for the front end to show; None once a save works again.
        self.save_error: str | None = None
        # Why the model could not be asked for the last turn, which was said in the plan's
        # words (the strict director goes on without it); None once the model answers again.
        self.model_trouble: str | None = None

    @classmethod
    def resume(
        cls,
        session: Session,
        persona: Persona,
        backend: ChatBackend,
        prompts: Prompts,
        **options: Any,
    ) -> Interview:
        """Carry on a saved interview from its last turn.

        The clock continues from the time already used. When the last saved turn is the
        candidate's, the reply to it was lost: ``can_retry`` is set so the front end asks the
        interviewer again.
        """
        interview = cls(
            persona,
            session.setting,
            backend,
            prompts,
            max_turns=session.max_turns,
            minutes=session.minutes,
            **options,
        )
        interview.session = session
        if session.turns:
            used = (session.turns[-1].at - session.started_at).total_seconds()
            interview._started = interview.clock() - max(0.0, used)
            if session.turns[-1].speaker == "candidate" and not session.finished:
                reason = interview._limit_reached()
                interview._failed = ("close", reason) if reason else (interview._next_stage(), None)
        return interview

    # -- what a front end calls -------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.session.finished

    def open(self) -> Iterator[str]:
        """Stream the interviewer's opening turn."""
        if self.session.turns:
            raise RuntimeError("The interview has already started")
        with self._claim():
            yield from self._speak("opening", None)
        if self._executor is not None:
            # While the candidate reads the opening and types (not while it is generated, on
            # two cores); the first notes update queues behind it.
            self._executor.submit(self.note_taker.warm_up)

    def answer(self, text: str, delivery: Delivery | None = None) -> Iterator[str]:
        """Record the candidate's message (with how it was said, when it was spoken), then
        stream the interviewer's reply."""
        text = text.strip()
        if not text:
            raise ValueError("An empty message cannot be sent")
        with self._claim():
            if self._failed:
                raise RuntimeError("The last interviewer turn failed; call retry() first")
            reading = self.listener.read(self.session, text)
            said = [t.text for t in self.session.turns if t.speaker == "candidate"]
            search = self.listener.search_for(reading, text, said)
            self.session.add_turn("candidate", text, delivery=delivery, search=search)
            self._record()
            reason = self.listener.goodbye(text) or self._limit_reached()
            if reason:
                yield from self._speak("close", reason)
            else:
                yield from self._speak(self._next_stage(), None)

    def end(self) -> Iterator[str]:
        """The candidate closes the interview; the interviewer says goodbye in character."""
        with self._claim():
            self._failed = None
            yield from self._speak("close", "candidate_closed")

    def retry(self) -> Iterator[str]:
        """Try again the interviewer turn that failed (e.g. the model server was down)."""
        with self._claim():
            if not self._failed:
                raise RuntimeError("There is no failed turn to retry")
            stage, reason = self._failed
            yield from self._speak(stage, reason)

    @property
    def speaking(self) -> bool:
        """True from a message (or start) until the reply to it is saved."""
        return self._turn_lock.locked()

    @property
    def can_retry(self) -> bool:
        return self._failed is not None

    def wait_for_notes(self) -> None:
        """Block until the private notes reflect every turn so far."""
        if self._notes_job is not None:
            job, self._notes_job = self._notes_job, None
            job.result()

    def close(self) -> None:
        """Release the background worker (after the debrief has been read)."""
        self.wait_for_notes()
        if self._executor:
            self._executor.shutdown(wait=True)

    # -- stages and limits --------------------------------------------------------------------

    def elapsed_minutes(self) -> float:
        return (self.clock() - self._started) / 60

    @contextmanager
    def _claim(self) -> Iterator[None]:
        """This turn, and no other, until the reply is saved (or fails)."""
        if self.finished:
            raise InterviewOver("The interview is over")
        if not self._turn_lock.acquire(blocking=False):
            raise StillSpeaking("The interviewer is still speaking")
        try:
            # Checked again now the turn is ours: the turn before may have ended the interview.
            if self.finished:
                raise InterviewOver("The interview is over")
            yield
        finally:
            self._turn_lock.release()

    def _limit_reached(self) -> EndReason | None:
        if self.session.candidate_turns >= self.session.max_turns:
            return "turn_limit"
        if self.elapsed_minutes() >= self.session.minutes:
            return "time_limit"
        return None

    def _next_stage(self) -> Stage:
        if self.session.candidate_turns >= self.session.max_turns - 1:
            return "candidate_questions"
        return "questions"

    # -- one interviewer turn -----------------------------------------------------------------

    def _speak(self, stage: Stage, end_reason: EndReason | None) -> Iterator[str]:
        # The candidate is waiting from here until the last word: background work (an ingest in
        # the web app) steps aside for the whole turn, the wait for the notes included.
        with self.backend.activity.replying():
            yield from self._turn(stage, end_reason)

    def _turn(self, stage: Stage, end_reason: EndReason | None) -> Iterator[str]:
        self.wait_for_notes()
        facts, facts_error = self._look_up(stage)
        heard = self.listener.hear(self.session, facts)
        try:
            plan = plan_turn(
                self.persona,
                self.session,
                stage,
                facts,
                end_reason,
                seed=self.plan_seed,
                heard=heard,
            )
        except Exception:
            self._failed = (stage, end_reason)  # the candidate's words are saved; retry() works
            raise
        if plan.move == "close" and stage != "close":
            # Every planned question has been asked: the interviewer wraps up.
            stage, end_reason = "close", "interviewer_closed"
        try:
            voiced = yield from say(
                plan,
                Speaker(self.persona, self.session, self.prompts, self.backend),
                stage=stage,
                facts=facts,
                closing_reason=end_reason or "",
                director=self.director,
                tries=self.voicing_tries,
            )
        except Exception as error:  # any failure of the model call is the user's to read
            self._failed = (stage, end_reason)
            raise self.backend.explain(error) from error
        self._failed = None
        if voiced.asked:  # (a close said by rule tells nothing of the model)
            trouble = voiced.model_error
            self.model_trouble = (
                f"{trouble} The interviewer says its planned words until the model is back."
                if trouble
                else None
            )
        turn = self.session.add_turn(
            "interviewer",
            voiced.text,
            stage=stage,
            sources=facts,
            sources_error=facts_error,
            plan=plan,
            voiced_by=voiced.voiced_by,
            voicing_note=voiced.note,
            scripted=voiced.voiced_by == "plan",
        )
        if voiced.closed and end_reason is None and self.session.candidate_turns > 0:
            end_reason = "interviewer_closed"
        if end_reason:
            self.session.ended_at = turn.at
            self.session.end_reason = end_reason
        self._schedule_notes(turn)
        self._record()

    def _look_up(self, stage: Stage) -> tuple[list[Source], str | None]:
        # Research makes a turn better but is not worth stopping the interview for.
        try:
            return self.retriever(self.session, stage), None
        except Exception as error:
            return [], f"Research could not be looked up for this turn: {error}"

    # -- private notes ------------------------------------------------------------------------

    def _schedule_notes(self, turn: Turn) -> None:
        # The notes move on the findings the reply was planned on.
        findings = self.listener.findings_on(turn.index - 1)
        update = self.note_taker.after_reply(self.session, turn, self.prompts, findings=findings)
        if update is None:
            # Nothing new from the candidate (the opening, or a goodbye after /end).
            turn.notes = self.session.notes.model_copy(deep=True)
            return

        def run() -> None:
            notes, problem = update(self.session.notes)
            self.session.notes = notes
            turn.notes = notes.model_copy(deep=True)
            turn.notes_error = problem
            self._record()

        if self._executor is None:
            run()
        else:
            self._notes_job = self._executor.submit(run)

    def _record(self) -> None:
        if self.recorder is None:
            return
        # A failed save must not end the interview: the front end shows save_error, and the
        # next successful save writes everything that was missed.
        try:
            self.recorder(self.session)
        except Exception as error:
            self.save_error = f"Could not save this interview: {error}"
        else:
            self.save_error = None
