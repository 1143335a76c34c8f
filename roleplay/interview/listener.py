"""Reading and hearing the candidate's turns for one interview, safely.

The engine asks two things of each candidate turn: what kind of turn it is (as it arrives, so a
question can be searched for in the research) and, before the reply is planned, everything the
reply must take up (``hearing.Heard``). MiniLM helps with both; when it cannot be used the turn
is read by its words alone, and the interview goes on.
"""

from __future__ import annotations

from collections.abc import Sequence

from roleplay.core.personas import Persona
from roleplay.core.session import EndReason, Session, Source
from roleplay.core.turn_rules import turn_rules
from roleplay.interview.addressee import (
    addressed,
    asks_the_interviewer,
    asks_their_path,
    called,
    called_name,
    played,
    spoken_of,
)
from roleplay.interview.assessor import Assessor, Finding, Relevance
from roleplay.interview.hearing import Heard, hear
from roleplay.interview.note_taking import new_research_terms
from roleplay.interview.own_finders import said_in, searched_for
from roleplay.interview.played import own_answer
from roleplay.interview.profiles import Profile, profiles
from roleplay.interview.question_words import POINTS_TO_SAID, uncalled
from roleplay.interview.reading import Reading, read_turn


class Listener:
    def __init__(self, persona: Persona, assessor: Assessor, relevance: Relevance | None):
        self.persona = persona
        self.assessor = assessor
        self.relevance = relevance
        # The last turn heard (its index) and what was heard in it.
        self.last: tuple[int, Heard] | None = None
        # The person of the research the interviewer answers as, once known (``played``).
        self.playing: Profile | None = None

    @staticmethod
    def goodbye(text: str) -> EndReason | None:
        """Thanks and goodbye get a goodbye, never another question. Phrases alone decide:
        ending the interview on a near likeness would cost the candidate their interview."""
        return "candidate_closed" if read_turn(text).kind == "goodbye" else None

    def findings_on(self, index: int) -> list[Finding] | None:
        """The assessor's findings on turn ``index`` when it was heard (None otherwise, or when
        the assessor could not read it)."""
        if self.last is None or self.last[0] != index or not self.last[1].findings:
            return None
        return list(self.last[1].findings)

    def read(self, session: Session, text: str) -> Reading:
        """What kind of turn ``text`` is, after the interviewer's last question."""
        last = session.last("interviewer")
        # The question the plan asked; the line itself when it asked none ("Anything else?").
        asked = ((last.plan.question if last.plan else "") or last.text) if last else ""
        try:
            return read_turn(text, asked, self.relevance)
        except Exception:  # MiniLM failed: the words alone decide
            return read_turn(text, asked)

    @staticmethod
    def search(reading: Reading, text: str) -> str:
        """What the research is searched for to answer a question ("" for any other turn)."""
        if reading.kind != "question" or not reading.intent:
            return ""
        question = uncalled(reading.question or text)
        hint = turn_rules().search(reading.intent, question)
        # "I don't actually drive. Would that be a problem?": what "that" is was said before.
        if POINTS_TO_SAID.search(question):
            question = text
        # A kind with a finder of its own is searched for its finder's words apart as well, on
        # a line of their own: said with the question, its words drown them ("Is this a post
        # someone's leaving behind?" and "This is a new post.").
        finder = searched_for(text)
        apart = ([finder] if finder else []) + [f'"{phrase}"' for phrase in said_in(text)]
        return "\n".join([f"{question} {hint} {finder}".strip(), *apart])

    def search_for(self, reading: Reading, text: str, said: Sequence[str] = ()) -> str:
        """``search``, and the interviewer's own profile when they are asked about themselves:
        "how did you end up here?" is answered from it (``played``), found by the name the
        candidate called them by when they did (``said``: the candidate's turns so far)."""
        search = self.search(reading, text)
        plays = self.persona.plays
        if search and plays and asks_the_interviewer(reading.question or text, reading.intent):
            return f"{search} {plays.search} {called_name([*said, text])}".strip()
        return search

    def hear(self, session: Session, facts: list[Source]) -> Heard | None:
        """What the reply to the candidate's last turn must take up (None when the last turn
        is the interviewer's)."""
        if not session.turns or session.turns[-1].speaker != "candidate":
            return None
        said = session.turns[-1]
        self.last = (said.index, self._hear(session, said.text, said.index, facts))
        return self.last[1]

    def _hear(self, session: Session, text: str, index: int, facts: list[Source]) -> Heard:
        setting = session.setting
        seen = [s for t in session.turns for s in t.sources]
        sources = list({s.snippet: s for s in [*facts, *seen]}.values())
        names = [setting.company, setting.candidate, self.persona.name]
        reading = self.read(session, text)
        found = profiles(sources, setting.company)
        said = [t.text for t in session.turns if t.speaker == "candidate"]
        try:
            own = self._own_answer(session.setting.company, reading, text, found, said)
            # Who is played, or called by name, names someone else to talk to.
            if person := self.playing or called(found, said):
                names.append(person.name)
            # ("What else comes with the job, Owen?" asks nothing of Owen.)
            if (first := called_name(said)) and not any(first in name for name in names):
                names.append(first)
            terms = new_research_terms(session, text, before=index)
            findings = self.assessor.assess(text, turn=index, research_terms=terms)
            return hear(
                text,
                reading,
                findings,
                sources=sources,
                relevance=self.relevance,
                names=names,
                about=setting.role,
                own=own,
            )
        except Exception:  # e.g. MiniLM failed to load: planned on the words alone
            return hear(text, read_turn(text), sources=sources, names=names, about=setting.role)

    def _own_answer(
        self, company: str, reading: Reading, text: str, found: list[Profile], said: list[str]
    ) -> str:
        """What the interviewer says of themselves when asked about themselves and the research
        holds their profile, or of someone else whose profile it holds when asked how they got
        where they are; "" otherwise."""
        plays = self.persona.plays
        question = reading.question or text
        if POINTS_TO_SAID.search(question) and addressed(question):
            question = text  # "You studied drama, I heard. Where was that, if you don't mind?"
        if reading.kind != "question":
            return ""
        known = [*found, self.playing] if self.playing else found
        if plays and asks_the_interviewer(question, reading.intent):
            # Who is played stays who they were (their profile may not be among this turn's
            # passages), unless the candidate calls someone else by name.
            person = called(known, said) or self.playing or played(found, plays.titles, said)
            self.playing = person or self.playing
            in_person = True
        elif asks_their_path(question):
            # "I heard your head of operations on the radio. How did he get there?"
            person = spoken_of([p for p in known if p is not self.playing], text)
            in_person = False
        else:
            return ""
        if person is None:
            return ""
        closeness = None
        if self.relevance is not None:
            rows = self.relevance.scores(list(person.pieces), [[question]])
            closeness = [row[0] for row in rows]
        names = [company]
        return own_answer(
            person, question, closeness, intent=reading.intent, names=names, in_person=in_person
        )
