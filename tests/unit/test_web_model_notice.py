"""The page says when the model cannot be asked and the interviewer goes on in its planned
words (a strict director over HTTP), without the server's address."""

from __future__ import annotations

from roleplay.interview.engine import Interview
from roleplay.web.handlers.practice import chat_outputs
from roleplay.web.services import PageState
from tests.support.fakes import FlakyModel


def test_the_notice_says_the_model_is_not_answering_and_hides_its_address(
    offline_strict: tuple[Interview, FlakyModel],
) -> None:
    interview, model = offline_strict
    "".join(interview.open())
    page = PageState(interview=interview)

    _chat, _sources, notice, _retry, _page = chat_outputs(page)
    assert "planned words" in notice and "⚠️" in notice
    assert "10.0.0.5" not in notice

    model.down = False
    "".join(interview.answer("I led a team of four analysts."))
    assert "planned words" not in chat_outputs(page)[2]
