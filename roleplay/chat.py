"""The terminal interview: prompts on a TTY, one message per line when scripted through a pipe."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.console import Console

from roleplay.debrief import build_debrief, debrief_markdown
from roleplay.engine import Interview
from roleplay.knowledge import service
from roleplay.knowledge.retrieval import PackRetriever
from roleplay.knowledge.samples import ensure_pack
from roleplay.llm import build_backend
from roleplay.llm.errors import ModelError
from roleplay.personas import Persona
from roleplay.prompts import Prompts
from roleplay.session import Setting
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


def run_chat(
    config: Settings,
    persona: Persona,
    *,
    company: str,
    role: str,
    candidate: str,
    turns: int,
    minutes: float,
    transcript: Path | None,
    packs: list[str],
    candidate_packs: list[str],
    out: Console,
    err: Console,
    render_markdown: Callable[[str], Any],
) -> int:
    """Run one interview; return the exit status (0 done, 2 the model failed)."""
    backend = build_backend(config)
    if hasattr(backend.chat, "load"):
        err.print(f"Loading {backend.label} …")
        try:
            backend.chat.load()
        except ModelError:
            raise
        except Exception as error:
            raise backend.explain(error) from None
    retriever = _retriever(config, persona, packs, candidate_packs, err)
    interview = Interview(
        persona,
        Setting(company=company, role=role, candidate=candidate),
        backend,
        Prompts.load(config.prompts_dir),
        max_turns=turns,
        minutes=minutes,
        notes_max_tokens=config.max_notes_tokens,
        packs=[*packs, *candidate_packs],
        **({"retriever": retriever} if retriever else {}),
    )
    interactive = sys.stdin.isatty()
    err.print(
        f"[bold]{persona.name}[/bold], {persona.title} at {company} — {persona.summary}\n"
        f"Up to {turns} answers or {minutes:g} minutes. Type /end to finish.\n"
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

    status = 0
    try:
        speak(interview.open())
        for message in _messages(interactive, lambda: out.input(f"[bold]{candidate}:[/bold] ")):
            if message.lower() in END_COMMANDS:
                break
            if not interactive:
                out.print(f"[bold]{candidate}:[/bold] {message}\n", soft_wrap=True)
            speak(interview.answer(message))
            if interview.finished:
                break
        if not interview.finished:
            speak(interview.end())
    except ModelError as error:
        err.print(f"error: {error}", markup=False)
        status = 2
    except KeyboardInterrupt:
        err.print("\nInterrupted; saving what was said.")
        status = 130
    interview.close()
    if not interview.session.turns:
        return status  # nothing was said: no debrief, no empty transcript
    debrief = build_debrief(interview.session, persona)
    out.rule("Debrief")
    out.print(render_markdown(debrief_markdown(debrief)))
    paths = save_transcript(interview.session, persona, transcript or config.transcripts_dir)
    err.print(f"Transcript saved: {paths[0]} and {paths[1]}")
    return status
