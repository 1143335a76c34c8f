"""What ``--json`` prints, command by command: one model per shape, each field described.

These shapes are a promise to scripts: a field may be added, never renamed, retyped or taken
away. ``docs/json.md`` is written from them (``scripts/docs.py``) and tests/unit/test_cli_json.py
checks that every ``list`` and ``show`` command prints exactly its shape.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from roleplay.coaching.lti.platforms import Platform
    from roleplay.core.personas import Persona
    from roleplay.core.session import Session
    from roleplay.history.listing import SessionSummary
    from roleplay.knowledge.manifest import PackInfo
    from roleplay.knowledge.samples import SamplePack
    from roleplay.knowledge.store import Passage


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SessionItem(Shape):
    """One saved interview (``sessions list --json``: a list of these, newest first)."""

    id: str = Field(description="What `sessions show`, `report` and `chat --resume` take.")
    persona: str = Field(description="The interviewer's persona id.")
    company: str
    role: str
    started_at: datetime = Field(description="ISO 8601, UTC.")
    finished: bool
    turns: int = Field(description="Turns said, both sides.")
    score: float | None = Field(description="The newest report's overall score (0-100).")


class TurnItem(Shape):
    """One turn of a saved interview, in the order said."""

    index: int
    speaker: Literal["interviewer", "candidate"]
    text: str
    at: datetime
    stage: str | None = Field(description="opening, questions, candidate_questions or close.")


class WorryItem(Shape):
    """One of the interviewer's private worries, and where it ended."""

    id: str
    label: str
    status: Literal["open", "eased", "confirmed"]
    evidence: list[str] = Field(description="The candidate's sentences that moved it, verbatim.")


class NotesItem(Shape):
    """The interviewer's private notes as they stood at the end."""

    mood: float = Field(description="How uneasy the interviewer felt, 0 calm .. 1 tense.")
    lean: str = Field(description="hire, no_hire or undecided (informal: warm, cool, ...).")
    thought: str
    worries: list[WorryItem]


class PracticeItem(Shape):
    """The earlier interview and question an interview practised again."""

    session: str
    answer: int = Field(description="Which answer of that interview (1 for the first).")
    question: str


class SessionDetail(Shape):
    """A saved interview whole (``sessions show ID --json``)."""

    id: str
    persona: str
    interviewer: str = Field(description="The interviewer's name.")
    mode: Literal["formal", "informational"]
    company: str
    role: str
    candidate: str
    scenario: str | None = Field(description="The coach's scenario code, for an attempt at one.")
    practice: PracticeItem | None = Field(description="The question it practised again, if any.")
    packs: list[str] = Field(description="The research packs it was grounded in.")
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    turns: list[TurnItem]
    notes: NotesItem


class PackItem(Shape):
    """A research pack (``knowledge list --json``: built packs, then the samples not yet built)."""

    name: str
    built: bool = Field(description="False: a sample pack, built the first time it is used.")
    sources: int
    chunks: int
    embedder: str | None = Field(description="null until built.")
    description: str = Field(description="A sample pack's description; '' for your own.")


class SourceItem(Shape):
    """One source of a pack: a file or a web page."""

    name: str
    chunks: int
    added_at: str = Field(description="ISO 8601, UTC.")


class PackDetail(Shape):
    """One pack (``knowledge show NAME --json``)."""

    name: str
    embedder: str
    dimension: int | None
    collection: str = Field(description="The Chroma collection holding its chunks.")
    chunks: int
    sources: list[SourceItem] = Field(description="By name.")


class PassageItem(Shape):
    """One passage found (``knowledge search --json``: a list of these, best first)."""

    rank: int
    source: str
    location: str = Field(description="Page or section within the source, when known.")
    score: float = Field(description="Higher is closer.")
    text: str


class PersonaItem(Shape):
    """An interviewer (``personas list --json``: a list of these). ``personas show ID --json``
    prints the whole persona file's fields instead (see Interviewers and cards)."""

    id: str
    name: str
    title: str
    mode: Literal["formal", "informational"]
    summary: str


class ModelItem(Shape):
    """One model: built in, pulled, in the catalogue (to pull), an Ollama's, or the endpoint."""

    name: str = Field(description="What `models use` takes.")
    kind: Literal["built-in", "file", "pulled", "catalogue", "ollama", "http"]
    title: str
    size_bytes: int | None = Field(description="null when not known.")
    ram_gb: float | None = Field(description="About how much memory it needs, when known.")
    licence: str | None
    source: str | None = Field(description="Hugging Face repository, file path or URL.")
    ready: bool = Field(description="Can interview now (a catalogue entry must be pulled).")
    in_use: bool


class OllamaItem(Shape):
    """The local Ollama server the settings name, and whether it answered."""

    url: str
    answering: bool


class ModelsListing(Shape):
    """Every model (``models list --json``)."""

    in_use: str = Field(description="The name of the model that interviews.")
    models: list[ModelItem]
    ollama: OllamaItem


class UserItem(Shape):
    """An account (``users list --json``: a list of these)."""

    name: str
    role: Literal["coach", "learner"]


class VoicesListing(Shape):
    """The speech engines and voices (``speech voices --json``)."""

    stt: str = Field(description="Speech-to-text engine: off, local or openai.")
    tts: str = Field(description="Text-to-speech engine: off, local or openai.")
    voices: list[str] = Field(description="The voices a persona can name.")


class ShareItem(Shape):
    """A read-only link (``share list --json``: a list of these, newest first). Its token is
    shown once, when made, and never kept."""

    session: str = Field(description="The interview whose report it opens.")
    created_at: datetime
    expires_at: datetime
    live: bool = Field(description="False once revoked or expired.")


class CohortItem(Shape):
    """A coach's cohort (``cohort list --json``: a list of these)."""

    name: str
    learners: int
    assigned: int = Field(description="Scenarios assigned to it.")


class PlatformItem(Shape):
    """A learning platform registered for LTI 1.3 (``lti list --json``: a list of these)."""

    issuer: str
    client_id: str
    deployment_ids: list[str]
    auth_login_url: str
    auth_token_url: str
    key_set_url: str

    @classmethod
    def of(cls, platform: Platform) -> PlatformItem:
        return cls(
            issuer=platform.issuer,
            client_id=platform.client_id,
            deployment_ids=list(platform.deployment_ids),
            auth_login_url=platform.auth_login_url,
            auth_token_url=platform.auth_token_url,
            key_set_url=platform.key_set_url,
        )


def shapes() -> dict[str, tuple[type[BaseModel], bool]]:
    """Command -> (its shape, whether it prints a list of them), for the docs and the tests. A
    scenario's shape is its file's (``ScenarioListing``) and a cohort's report is the report
    itself (``CohortReport``), loaded only when asked for."""
    from roleplay.coaching.cohort_report import CohortReport
    from roleplay.coaching.scenarios import ScenarioListing

    return {
        "sessions list": (SessionItem, True),
        "sessions show": (SessionDetail, False),
        "knowledge list": (PackItem, True),
        "knowledge show": (PackDetail, False),
        "knowledge search": (PassageItem, True),
        "personas list": (PersonaItem, True),
        "models list": (ModelsListing, False),
        "users list": (UserItem, True),
        "speech voices": (VoicesListing, False),
        "share list": (ShareItem, True),
        "scenario list": (ScenarioListing, True),
        "scenario show": (ScenarioListing, False),
        "cohort list": (CohortItem, True),
        "cohort report": (CohortReport, False),
        "lti list": (PlatformItem, True),
    }


def session_item(summary: SessionSummary) -> SessionItem:
    return SessionItem(
        id=summary.id,
        persona=summary.persona_id,
        company=summary.company,
        role=summary.role,
        started_at=summary.started_at,
        finished=summary.finished,
        turns=summary.turns,
        score=summary.overall,
    )


def session_detail(session: Session) -> SessionDetail:
    notes = session.notes
    return SessionDetail(
        id=session.id,
        persona=session.persona_id,
        interviewer=session.persona_name,
        mode=session.mode,
        company=session.setting.company,
        role=session.setting.role,
        candidate=session.setting.candidate,
        scenario=session.scenario,
        practice=(
            PracticeItem(
                session=session.practice.session,
                answer=session.practice.answer,
                question=session.practice.question,
            )
            if session.practice
            else None
        ),
        packs=session.packs,
        started_at=session.started_at,
        ended_at=session.ended_at,
        end_reason=session.end_reason,
        turns=[
            TurnItem(index=t.index, speaker=t.speaker, text=t.text, at=t.at, stage=t.stage)
            for t in session.turns
        ],
        notes=NotesItem(
            mood=notes.mood,
            lean=notes.lean,
            thought=notes.thought,
            worries=[
                WorryItem(id=w.id, label=w.label, status=w.status, evidence=w.evidence)
                for w in notes.worries
            ],
        ),
    )


def pack_item(info: PackInfo) -> PackItem:
    return PackItem(
        name=info.name,
        built=True,
        sources=len(info.sources),
        chunks=info.chunks,
        embedder=info.embedder,
        description="",
    )


def sample_item(sample: SamplePack) -> PackItem:
    return PackItem(
        name=sample.name,
        built=False,
        sources=0,
        chunks=0,
        embedder=None,
        description=sample.description,
    )


def pack_detail(info: PackInfo) -> PackDetail:
    return PackDetail(
        name=info.name,
        embedder=info.embedder,
        dimension=info.dimension,
        collection=info.collection,
        chunks=info.chunks,
        sources=[
            SourceItem(name=s.name, chunks=s.chunks, added_at=s.added_at)
            for s in sorted(info.sources.values(), key=lambda s: s.name)
        ],
    )


def passage_item(rank: int, passage: Passage) -> PassageItem:
    return PassageItem(
        rank=rank,
        source=passage.source,
        location=passage.location,
        score=passage.score,
        text=passage.text,
    )


def persona_item(persona: Persona) -> PersonaItem:
    return PersonaItem(
        id=persona.id,
        name=persona.name,
        title=persona.title,
        mode=persona.mode,
        summary=persona.summary,
    )
