"""The debrief shows what each planned question was testing and who phrased the turns."""

from __future__ import annotations

from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.interview.debrief import build_debrief, debrief_markdown
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from tests.support.builders import notes_reply
from tests.support.fakes import ScriptedChatModel


def test_the_debrief_names_what_each_question_tested_and_the_follow_ups(
    anxious: Persona, setting: Setting, scripted: ScriptedChatModel, prompts: Prompts
) -> None:
    scripted.enqueue(notes_reply(), notes_reply())
    backend = ChatBackend(chat=scripted, label="local", embedded=True)
    interview = Interview(
        anxious, setting, backend, prompts, background_notes=False, voicing_tries=0
    )
    "".join(interview.open())
    "".join(interview.answer("I guess stuff."))
    "".join(interview.answer("I rebuilt the churn model myself and cut churn by 20 percent."))
    debrief = build_debrief(interview.session, anxious)
    text = debrief_markdown(debrief)
    opening = interview.session.turns[0].plan
    assert f"Turn 0: “{opening.question}” — Great on paper, can't do the job" in text
    assert "a follow-up: the answer before was too vague" in text
    assert debrief.said_as_planned == debrief.interviewer_turns == 3
    assert "3 of 3 interviewer turns were said in the persona's planned words" in text
