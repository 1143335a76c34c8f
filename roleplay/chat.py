"""The terminal interview: prompts on a TTY, one message per line when scripted through a pipe."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from roleplay.debrief import build_debrief, debrief_markdown
from roleplay.engine import Interview
from roleplay.feedback.report import report_markdown
from roleplay.feedback.service import make_report
from roleplay.history.sessions import SessionStore
from roleplay.knowledge import service
from roleplay.knowledge.retrieval import PackRetriever
from roleplay.knowledge.samples import ensure_pack
from roleplay.llm import ChatBackend, build_backend
from roleplay.llm.errors import ModelError
from roleplay.personas import Persona
from roleplay.prompts import Prompts
from roleplay.relevance import local_relevance
from roleplay.session import Session, Setting
from roleplay.settings import Settings
from roleplay.transcripts import save_transcript

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


def _retriever(
    config: Settings, persona: Persona, packs: list[str], candidate_packs: list[str], err: Console
) -> PackRetriever | None:
    if not packs and not candidate_packs:
        return None
    store = service.open_store(config)
    with err.status("Preparing research…") as status:
        for pack in [*packs, *candidate_packs]:
            status.update(f"Preparing research pack {pack}…")
            ensure_pack(
                store, pack, limits=service.limits(config), chunking=service.chunking(config)
            )
        status.update("Loading the embedder…")
        store.embedder.model.embed_query("warm up")
    err.print(f"Research: {', '.join([*packs, *candidate_packs])}")
    return PackRetriever(
        store=store,
        persona=persona,
        company_packs=packs,
        candidate_packs=candidate_packs,
        k=config.retrieval_k,
        min_score=config.retrieval_min_score,
    )


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
    if hasattr(backend.chat, "load"):
        err.print(f"Loading {backend.label} …")
        try:
            backend.chat.load()
        except ModelError:
            raise
        except Exception as error:
            raise backend.explain(error) from None


def _interview(
    config: Settings, plan: ChatPlan, backend: ChatBackend, history: SessionStore, err: Console
) -> Interview:
    prompts = Prompts.load(config.prompts_dir)
    saved = plan.resume
    company_packs = (
        [p for p in saved.packs if p not in saved.candidate_packs] if saved else plan.packs
    )
    candidate_packs = saved.candidate_packs if saved else plan.candidate_packs
    retriever = _retriever(config, plan.persona, company_packs, candidate_packs, err)
    options: dict[str, Any] = {
        "notes_max_tokens": config.max_notes_tokens,
        "director": config.director,
        "voicing_tries": config.voicing_tries,
        "seed": config.seed,
        "notes": config.notes,
        "relevance": local_relevance(),
        "recorder": history.record,
        **({"retriever": retriever} if retriever else {}),
    }
    if saved is not None:
        return Interview.resume(saved, plan.persona, backend, prompts, **options)
    return Interview(
        plan.persona,
        Setting(company=plan.company, role=plan.role, candidate=plan.candidate),
        backend,
        prompts,
        max_turns=plan.turns,
        minutes=plan.minutes,
        packs=[*plan.packs, *plan.candidate_packs],
        candidate_packs=plan.candidate_packs,
        **options,
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
        f"[bold]{persona.name}[/bold], {persona.title} at {setting.company} — {persona.summary}\n"
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
                    out.print(f"[bold cyan]{persona.name}:[/bold cyan] ", end="")
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
                out.print(f"[bold]{who}:[/bold] {turn.text}\n", soft_wrap=True)
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
    return service.open_store(config) if session.packs else None
