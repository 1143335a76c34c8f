"""Kinds of question whose answer no single close sentence holds, each with a finder of its
own: what happens after today (the hiring list's later steps, ``process_steps``), how long one
step takes and who is on it (``step_details``), how the company began (``origins``), what the
team has been working on lately (``recent_work``), whether something worked (``impact``),
where someone worked before (``career_path``), how many days are in the office
(``office_days``), whether the post is new (``new_post``), what is open to apply for
(``openings``), what the job involves (``duties``), what a normal week holds (``own_week``),
how big the team is (``team_size``) and the whole company (``company_size``), and which tools
it uses when the research lists them a line each (``tools_list``). Closeness in meaning finds
the nearest sentence on the subject; these find the one that says what was asked."""

from __future__ import annotations

from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.career_path import asks_career_path, career_path
from roleplay.interview.company_size import asks_company_size, company_size
from roleplay.interview.duties import asks_duties, duties
from roleplay.interview.impact import asks_impact, impact
from roleplay.interview.list_items import research_said, research_said_after
from roleplay.interview.new_post import asks_new_post, new_post
from roleplay.interview.office_days import asks_office_days, office_days
from roleplay.interview.openings import asks_openings, openings
from roleplay.interview.origins import asks_origin, origin_line
from roleplay.interview.own_week import asks_routine, routine
from roleplay.interview.process_steps import asks_next_steps, next_steps
from roleplay.interview.recent_work import asks_recent_work, recent_work
from roleplay.interview.step_details import (
    asks_step_length,
    asks_step_people,
    step_length,
    step_people,
)
from roleplay.interview.team_size import asks_team_size, team_size
from roleplay.interview.tools_list import asks_tools, tools_list


def own_answer(
    question: str,
    sources: Sequence[Source],
    company: str,
    *,
    tools: bool = False,
    context: str = "",
) -> str:
    """The answer to ``question`` when its kind has a finder of its own and the research
    holds it, or "". ``tools`` when the question was read as one about tools; ``context`` the
    rest of the candidate's turn."""
    # ("What happens after today, Dev? When would I hear?": the steps, asked in the first.)
    whole = f"{context.strip()} {question}" if asks_next_steps(context) else question
    if asks_next_steps(whole) and (steps := next_steps(sources, whole)):
        return steps
    if asks_step_length(question):
        return step_length(sources, question, company)
    if asks_step_people(question):
        return step_people(research_said(sources, company), question)
    if asks_career_path(question) and (path := career_path(sources, question, context, company)):
        return path
    if asks_new_post(question) and (told := new_post(sources)):
        return told
    if asks_office_days(question) and (days := office_days(research_said(sources, company))):
        return days
    if asks_openings(question) and (open_now := openings(research_said(sources, company))):
        return open_now
    if asks_impact(question) and (
        change := impact(research_said_after(sources, company), question, context)
    ):
        return change
    if asks_origin(question, company):
        return origin_line(research_said(sources, company), company)
    if asks_duties(question) and (work := duties(sources, question)):
        return work
    # ("What does a typical week look like for the team?", when no duties are listed.)
    if asks_routine(question) and (week := routine(research_said(sources, company))):
        return week
    if asks_recent_work(question):
        return recent_work(research_said(sources, company))
    if asks_company_size(question, company):
        return company_size(research_said(sources, company), question)
    if asks_team_size(question, company):
        return team_size(research_said(sources, company), question)
    if tools or asks_tools(question):
        return tools_list(sources)
    return ""


# What the research is searched for as well when a question is of a kind with a finder of its
# own: the sentence that says it may share no word with the question ("Would I be in Hull every
# day?" and "We are a hybrid team. Everyone is in the office on Tuesdays…").
_SEARCHED_FOR = (
    (asks_office_days, "hybrid working, days a week in the office and from home"),
    (asks_next_steps, "hiring process stages: interview, exercise, panel, decision"),
    (asks_openings, "job openings, vacancies, graduate intake and hiring plans"),
    (asks_new_post, "this is a new post, a newly created role, or cover for someone leaving"),
    (asks_duties, "key responsibilities: in your first months you would"),
    # ("How did it all begin?" shares no word with "The service traces its roots to 1948…")
    (asks_origin, "our history: founded, formed, began, traces its roots to the year"),
)


# ... and the words its answer is said in, which a passage must hold to be searched for them
# ("This is a new post." in a long job ad).
_SAID_IN = ((asks_new_post, ("new post", "new role", "newly created", "new position")),)


def searched_for(question: str) -> str:
    """The words the research is searched for besides ``question`` itself ("" for none)."""
    return " ".join(words for asks, words in _SEARCHED_FOR if asks(question))


def said_in(question: str) -> list[str]:
    """The words an answer to ``question`` is said in, when its kind has them."""
    return [phrase for asks, phrases in _SAID_IN if asks(question) for phrase in phrases]
