"""The terminal interview: prompts on a TTY, one message per line when scripted through a pipe."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting
from roleplay.feedback.report import report_markdown
from roleplay.feedback.report_maker import make_report
from roleplay.interview.debrief import build_debrief, debrief_markdown
from roleplay.interview.engine import Interview
from roleplay.interview.transcripts import save_transcript
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.samples import ensure_pack
from roleplay.llm.backend import ChatBackend
from roleplay.llm.choice import STRONGER
from roleplay.llm.errors import ModelError
from roleplay.wiring import knowledge
from roleplay.wiring.parts import Parts

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


def _prepare_research(parts: Parts, packs: list[str], err: Console, *, resumed: bool) -> None:
    """Build the sample packs this interview draws on and load the embedder, with the progress
    on the terminal. A pack named for a new interview must exist; one a saved interview drew on
    may have been removed since, and it carries on without it."""
    with err.status("Preparing research…") as status:
        for pack in packs:
            status.update(f"Preparing research pack {pack}…")
            try:
                ensure_pack(
                    parts.store,
                    pack,
                    limits=knowledge.limits(parts.settings),
                    chunking=knowledge.chunking(parts.settings),
                )
            except KnowledgeError:
                if not resumed:
                    raise
                err.print(f"Research pack '{pack}' is gone: carrying on without it.")
        status.update("Loading the embedder…")
        parts.store.embedder.model.embed_query("warm up")
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
    # Practise one question of a saved interview again: the interview, and which answer.
    practise: tuple[Session, int] | None = None


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


def _interview(parts: Parts, plan: ChatPlan, err: Console) -> Interview:
    record = parts.history.record
    if plan.resume is not None:
        if plan.resume.packs:
            _prepare_research(parts, plan.resume.packs, err, resumed=True)
        return parts.interviews.resume(plan.resume, plan.persona, recorder=record)
    if plan.practise is not None:
        saved, answer = plan.practise
        if saved.packs:
            _prepare_research(parts, saved.packs, err, resumed=True)
        return parts.interviews.practise(saved, plan.persona, answer, recorder=record)
    if plan.packs or plan.candidate_packs:
        _prepare_research(parts, [*plan.packs, *plan.candidate_packs], err, resumed=False)
    return parts.interviews.new(
        plan.persona,
        Setting(company=plan.company, role=plan.role, candidate=plan.candidate),
        turns=plan.turns,
        minutes=plan.minutes,
        packs=plan.packs,
        candidate_packs=plan.candidate_packs,
        recorder=record,
    )


def run_chat(
    parts: Parts,
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
    config = parts.settings
    _load_model(parts.backend, err)
    interview = _interview(parts, plan, err)
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
        for trouble in (interview.model_trouble, interview.save_error):
            if trouble:
                err.print(f"warning: {trouble}", markup=False)

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
                backend=parts.backend,
                prompts=interview.prompts,
                packs=parts.store if interview.session.packs else None,
                history=parts.history,
                rubric_id=parts.rubric_of(interview.session),
            )
        out.rule("Feedback")
        out.print(render_markdown(report_markdown(feedback)))
    else:
        out.rule("Debrief")
        out.print(render_markdown(debrief_markdown(build_debrief(interview.session, persona))))
    err.print(f"Transcript saved: {paths[0]} and {paths[1]}")
    err.print(f"Session {session.id} saved (roleplay report {session.id}).")
    return status
