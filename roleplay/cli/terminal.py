"""The terminal interview: prompts on a TTY, one message per line when scripted through a pipe."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from roleplay.feedback.report import report_markdown
from roleplay.feedback.reporting import make_report
from roleplay.history.sessions import SessionStore
from roleplay.interview.debrief import build_debrief, debrief_markdown
from roleplay.interview.engine import Interview
from roleplay.interview.factory import InterviewFactory
from roleplay.interview.prompts import Prompts
from roleplay.interview.session import Session, Setting
from roleplay.interview.transcripts import save_transcript
from roleplay.knowledge import configured
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.samples import ensure_pack
from roleplay.knowledge.store import PackStore
from roleplay.llm import ChatBackend, build_backend
from roleplay.llm.choice import STRONGER
from roleplay.llm.errors import ModelError
from roleplay.personas import Persona
from roleplay.settings import Settings

END_COMMANDS = {"/end", "/quit", "/exit"}


def _messages(interactive: bool, prompt: Callable[[], str]) -> Iterator[str]:
    """The candidate's messages; ends at end of input."""
    while True:
        try:
            line = prompt() if interactive else sys.stdin.readline()
        except EOFError:
            return
        if not interactive and line == "":
            return
        line = line.strip()
        if line:
            yield line


def _prepare_research(
    config: Settings, store: PackStore, packs: list[str], err: Console, *, resumed: bool
) -> None:
    """Build the sample packs this interview draws on and load the embedder, with the progress
    on the terminal. A pack named for a new interview must exist; one a saved interview drew on
    may have been removed since, and it carries on without it."""
    with err.status("Preparing research…") as status:
        for pack in packs:
            status.update(f"Preparing research pack {pack}…")
            try:
                ensure_pack(
                    store,
                    pack,
                    limits=configured.limits(config),
                    chunking=configured.chunking(config),
                )
            except KnowledgeError:
                if not resumed:
                    raise
                err.print(f"Research pack '{pack}' is gone: carrying on without it.")
        status.update("Loading the embedder…")
        store.embedder.model.embed_query("warm up")
    err.print(f"Research: {', '.join(packs)}")


@dataclass
class ChatPlan:
    """What to hold: a new interview, or a saved one to carry on (``resume``)."""

    persona: Persona
    company: str = ""
    role: str = ""
    candidate: str = ""
    turns: int = 8
    minutes: float = 30.0
    packs: list[str] = field(default_factory=list)
    candidate_packs: list[str] = field(default_factory=list)
    resume: Session | None = None


def _load_model(backend: ChatBackend, err: Console) -> None:
    local = hasattr(backend.chat, "load")
    runs = "in this process (llama.cpp)" if local else f"on {backend.where}"
    err.print(f"Interviewer model: {backend.model or backend.label}, {runs}.", markup=False)
    if backend.embedded:
        err.print(STRONGER, markup=False)
    if local:
        err.print(f"Loading {backend.chat.model_path} …", markup=False)
        try:
            backend.chat.load()
        except ModelError:
            raise
        except Exception as error:
            raise backend.explain(error) from None


def _interview(
    config: Settings, plan: ChatPlan, backend: ChatBackend, history: SessionStore, err: Console
) -> Interview:
    store: list[PackStore] = []

    def open_store() -> PackStore:
        if not store:
            store.append(configured.open_store(config))
        return store[0]

    factory = InterviewFactory(config, backend, Prompts.load(config.prompts_dir), open_store)
    if plan.resume is not None:
        if plan.resume.packs:
            _prepare_research(config, open_store(), plan.resume.packs, err, resumed=True)
        return factory.resume(plan.resume, plan.persona, recorder=history.record)
    if plan.packs or plan.candidate_packs:
        packs = [*plan.packs, *plan.candidate_packs]
        _prepare_research(config, open_store(), packs, err, resumed=False)
    return factory.new(
        plan.persona,
        Setting(company=plan.company, role=plan.role, candidate=plan.candidate),
        turns=plan.turns,
        minutes=plan.minutes,
        packs=plan.packs,
        candidate_packs=plan.candidate_packs,
        recorder=history.record,
    )


def run_chat(
    config: Settings,
    plan: ChatPlan,
    *,
    transcript: Path | None,
    report: bool,
    out: Console,
    err: Console,
    render_markdown: Callable[[str], Any],
) -> int:
    """Run one interview; return the exit status (0 done, 2 the model failed)."""
    persona = plan.persona
    history = SessionStore.open(config)
    backend = build_backend(config)
    _load_model(backend, err)
    interview = _interview(config, plan, backend, history, err)
    session = interview.session
    setting = session.setting
    interactive = sys.stdin.isatty()
    err.print(
        f"[bold]{escape(persona.name)}[/bold], {escape(persona.title)} at "
        f"{escape(setting.company)} — {escape(persona.summary)}\n"
        f"Up to {session.max_turns} answers or {session.minutes:g} minutes. "
        "Type /end to finish.\n"
    )

    def speak(stream: Iterator[str]) -> None:
        if interview.session.turns and interview.session.turns[-1].sources_error:
            err.print(f"[dim]{interview.session.turns[-1].sources_error}[/dim]")
        started = False
        try:
            for piece in stream:
                if not started:
                    out.print(f"[bold cyan]{escape(persona.name)}:[/bold cyan] ", end="")
                    started = True
                out.print(piece, end="", markup=False, soft_wrap=True)
        finally:
            if started:
                out.print("\n")
        if interview.save_error:
            err.print(f"warning: {interview.save_error}", markup=False)

    status = 0
    try:
        if plan.resume is not None:
            err.print(f"Resuming session {session.id} ({len(session.turns)} turns so far).\n")
            for turn in session.turns:
                who = persona.name if turn.speaker == "interviewer" else setting.candidate
                out.print(f"[bold]{escape(who)}:[/bold] {escape(turn.text)}\n", soft_wrap=True)
            if interview.can_retry:
                speak(interview.retry())
        if not session.turns:
            speak(interview.open())
        for message in _messages(
            interactive, lambda: out.input(f"[bold]{setting.candidate}:[/bold] ")
        ):
            if interview.finished or message.lower() in END_COMMANDS:
                break
            if not interactive:
                out.print(f"[bold]{setting.candidate}:[/bold] {message}\n", soft_wrap=True)
            speak(interview.answer(message))
            if interview.finished:
                break
        if not interview.finished:
            speak(interview.end())
    except ModelError as error:
        err.print(f"error: {error}", markup=False)
        if interview.session.turns:
            err.print(f"Saved; carry on later with: roleplay chat --resume {session.id}")
        status = 2
    except KeyboardInterrupt:
        err.print("\nInterrupted; saving what was said.")
        err.print(f"Carry on later with: roleplay chat --resume {session.id}")
        status = 130
    interview.close()
    if not interview.session.turns:
        return status  # nothing was said: no debrief, no empty transcript
    if interview.save_error:
        err.print(f"warning: {interview.save_error}", markup=False)
    paths = save_transcript(interview.session, persona, transcript or config.transcripts_dir)
    if report and interview.finished and status == 0:
        with err.status("Scoring your interview…"):
            feedback = make_report(
                interview.session,
                persona,
                settings=config,
                backend=backend,
                prompts=interview.prompts,
                packs=_packs_store(config, interview.session),
                history=history,
            )
        out.rule("Feedback")
        out.print(render_markdown(report_markdown(feedback)))
    else:
        out.rule("Debrief")
        out.print(render_markdown(debrief_markdown(build_debrief(interview.session, persona))))
    err.print(f"Transcript saved: {paths[0]} and {paths[1]}")
    err.print(f"Session {session.id} saved (roleplay report {session.id}).")
    return status


def _packs_store(config: Settings, session: Session):
    return configured.open_store(config) if session.packs else None
