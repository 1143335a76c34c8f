"""The interview as a state machine, driven by hypothesis in any order: open, answer, retry, end,
reopen from what was saved, with the model going down and coming back between any two steps.
Whatever the order, the record stays whole and every refusal is the one a front end expects."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from roleplay.core.personas import Persona, PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Session, Setting
from roleplay.interview.engine import Interview, InterviewOver
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from roleplay.llm.errors import ModelError
from tests.support.fakes import FlakyModel, WordOverlap

MAX_ANSWERS = 3
ANSWERS = st.sampled_from(
    [
        "I led our move to dbt and cut the nightly run from six hours to one.",
        "Honestly I would rather not say.",
        "What does the team work on at the moment?",
        "Thanks for your time, goodbye.",
        "Sort of.",
        "ok",
    ]
)
PERSONAS = PersonaLibrary([shipped_dir("personas")])
PROMPTS = Prompts.load()
SETTING = Setting(company="Larkspur Health", role="Product Analyst", candidate="Sam")


def hold(persona: Persona, backend: ChatBackend, saved: Session | None = None) -> Interview:
    options = {
        "director": "strict",
        "voicing_tries": 1,  # the model is asked to phrase each turn, so its failure shows
        "notes": "evidence",
        "background_notes": False,
        "relevance": WordOverlap(),
    }
    if saved is not None:
        return Interview.resume(saved, persona, backend, PROMPTS, **options)
    return Interview(persona, SETTING, backend, PROMPTS, max_turns=MAX_ANSWERS, **options)


def said(stream: Iterator[str]) -> bool:
    """Hear a turn out: True when it was said, False when the model failed it."""
    try:
        "".join(stream)
    except ModelError:
        return False
    return True


class InterviewMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.model = FlakyModel()
        self.backend = ChatBackend(chat=self.model, label="flaky", where="the flaky model")
        self.persona = PERSONAS.get("anxious-hiring-manager")
        self.interview = hold(self.persona, self.backend)

    @property
    def session(self) -> Session:
        return self.interview.session

    @rule(down=st.booleans())
    def the_model_goes_down_or_comes_back(self, down: bool) -> None:
        self.model.down = down

    # A turn the model phrases fails while it is down; one said as written (a goodbye) does
    # not need it. Either way nothing is lost, and with the model up every turn is said.

    @precondition(lambda self: not self.session.turns and not self.interview.can_retry)
    @rule()
    def open(self) -> None:
        if said(self.interview.open()):
            assert [t.speaker for t in self.session.turns] == ["interviewer"]
        else:
            assert self.model.down and self.interview.can_retry and not self.session.turns

    @rule(text=ANSWERS)
    def answer(self, text: str) -> None:
        before = len(self.session.turns)
        if self.session.finished:
            with pytest.raises(InterviewOver):
                "".join(self.interview.answer(text))
        elif self.interview.can_retry:
            with pytest.raises(RuntimeError, match="retry"):
                "".join(self.interview.answer(text))
            assert len(self.session.turns) == before
        elif said(self.interview.answer(text)):
            assert [t.speaker for t in self.session.turns[before:]] == ["candidate", "interviewer"]
        else:
            # The answer is kept; the reply is owed.
            assert self.model.down and self.interview.can_retry
            assert self.session.turns[-1].text == text

    @rule()
    def retry(self) -> None:
        if self.session.finished:
            with pytest.raises(InterviewOver):
                "".join(self.interview.retry())
        elif not self.interview.can_retry:
            with pytest.raises(RuntimeError, match="no failed turn"):
                "".join(self.interview.retry())
        elif said(self.interview.retry()):
            assert not self.interview.can_retry
            assert self.session.turns[-1].speaker == "interviewer"
        else:
            assert self.model.down and self.interview.can_retry

    @rule()
    def end(self) -> None:
        if self.session.finished:
            with pytest.raises(InterviewOver):
                "".join(self.interview.end())
        elif said(self.interview.end()):
            assert self.session.finished and self.session.turns[-1].speaker == "interviewer"
        else:
            assert self.model.down and not self.session.finished and self.interview.can_retry

    @rule()
    def reopen_what_was_saved(self) -> None:
        saved = Session.model_validate_json(self.session.model_dump_json())
        owed = bool(saved.turns) and saved.turns[-1].speaker == "candidate" and not saved.finished
        before = self.interview
        self.interview = hold(self.persona, self.backend, saved)
        before.close()
        assert self.session.turns == saved.turns
        # A reply lost with the process is owed: the reopened interview offers Retry.
        assert self.interview.can_retry == owed

    @invariant()
    def the_record_stays_whole(self) -> None:
        turns = self.session.turns
        assert [t.index for t in turns] == list(range(len(turns)))
        assert all(t.text.strip() for t in turns)
        speakers = [t.speaker for t in turns]
        assert ("candidate", "candidate") not in pairwise(speakers)
        assert self.session.candidate_turns <= MAX_ANSWERS
        if self.session.finished:
            assert speakers[-1] == "interviewer" and self.session.end_reason

    def teardown(self) -> None:
        self.interview.close()


InterviewMachine.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=14,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_the_interview_holds_together_in_any_order = InterviewMachine.TestCase
