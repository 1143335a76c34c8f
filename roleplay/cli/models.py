"""``roleplay models …``: the catalogue, pulling a model, choosing the one that interviews."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from roleplay.cli.common import err, out, settings
from roleplay.core.settings import Settings, set_in_environment

models_app = typer.Typer(help="Chat models: list, pull from the Hugging Face hub, use, remove.")
# Settings that pick the model over a saved choice, when the shell sets them.
OVERRIDES = ("model", "local_model")


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")


def _mb(size: float) -> str:
    return f"{size / 1048576:,.1f} MB"


@models_app.command("list")
def models_list() -> None:
    """The catalogue, what is pulled, a local Ollama's models, and which model interviews."""
    from roleplay.llm.choice import BUILT_IN
    from roleplay.llm.model_catalogue import catalogue, installed, ollama_models

    config = settings()
    pulled = {m.name: m for m in installed(config.models_dir)}
    out.print("[bold]Built in[/bold]")
    out.print(f"  {BUILT_IN:<16} SmolLM2 135M Instruct, runs in this process (nothing to set up)")
    out.print(f"\n[bold]Pulled[/bold] (in {config.models_dir})", soft_wrap=True)
    for model in pulled.values():
        out.print(f"  {model.name:<16} {_mb(model.size):>10}  from {model.repo}", soft_wrap=True)
    if not pulled:
        out.print("  none yet")
    out.print("\n[bold]Catalogue[/bold] (roleplay models pull NAME)")
    for entry in catalogue():
        mark = "  [green]pulled[/green]" if entry.name in pulled else ""
        out.print(
            f"  {entry.name:<16} {entry.title}: {entry.size_mb / 1024:.1f} GB, needs about "
            f"{entry.ram_gb:g} GB of RAM, {entry.licence}{mark}",
            soft_wrap=True,
        )
        out.print(f"  {'':<16} {entry.good_for}", soft_wrap=True, markup=False)
    found = ollama_models(config.ollama_url)
    out.print(f"\n[bold]Ollama[/bold] at {config.ollama_url}", soft_wrap=True)
    if found is None:
        out.print("  not answering (start it with 'ollama serve', or set ROLEPLAY_OLLAMA_URL)")
    for model in found or []:
        out.print(f"  ollama:{model.name:<9} {_mb(model.size):>10}", soft_wrap=True, markup=False)
    if found == []:
        out.print("  no models (ollama pull qwen2.5:1.5b-instruct)")
    out.print("\n[bold]Configured endpoint[/bold]")
    if config.llm == "openai" or config.llm_base_url:  # the same rule as the options' "http"
        where = config.llm_base_url or "the OpenAI API"
        out.print(f"  http             {config.llm_model} at {where}", soft_wrap=True)
    else:
        out.print("  none (ROLEPLAY_LLM_BASE_URL and ROLEPLAY_LLM_MODEL set one)")
    _say_in_use(config)


def _say_in_use(config: Settings) -> None:
    from roleplay.llm.choice import BUILT_IN, STRONGER, chosen, option

    current = chosen(config)
    picked = option(config, current)
    described = picked.describe() if picked else f"{current} (not on this machine)"
    out.print(f"\n[bold]Interviewing with[/bold]: {escape(described)}", soft_wrap=True)
    if current == BUILT_IN:
        out.print(STRONGER, soft_wrap=True)


@models_app.command("pull")
def models_pull(
    name: Annotated[str, typer.Argument(help="A catalogue name, or hf://OWNER/REPO/FILE.gguf")],
) -> None:
    """Download a model into the data directory (a stopped pull carries on where it stopped)."""
    from roleplay.llm.pull import pull, target

    config = settings()
    wanted = target(name)
    err.print(f"Pulling {wanted.file} from {wanted.repo} …", soft_wrap=True)
    with _progress() as show:
        model = pull(wanted, config.models_dir, progress=show)
    out.print(
        f"Pulled {model.name} ({_mb(model.size)}, SHA-256 checked) to "
        f"{model.path(config.models_dir)}. Interview with it: roleplay models use {model.name}",
        soft_wrap=True,
    )


class _progress:
    """A progress bar on a terminal; elsewhere (a log, a pipe) a line at every tenth."""

    def __enter__(self):
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=err,
        )
        self.task = None
        self.began = time.monotonic()
        self.shown = -1
        if err.is_terminal:
            self.bar.start()
        return self

    def __call__(self, done: int, total: int, resumed: int) -> None:
        if self.task is None:
            self.began = time.monotonic()  # the speed is the download's, not the look-up's
            if resumed:
                err.print(f"Carrying on from {_mb(resumed)} (an earlier pull stopped there).")
            self.task = self.bar.add_task("Downloading", total=total, completed=resumed)
        self.bar.update(self.task, completed=done)
        tenth = done * 10 // total
        if not err.is_terminal and tenth > self.shown:
            self.shown = tenth
            elapsed = max(time.monotonic() - self.began, 1e-6)
            speed = (done - resumed) / elapsed
            left = (total - done) / speed if speed else 0
            err.print(
                f"  {tenth * 10:3d}%  {_mb(done)} of {_mb(total)}, {_mb(speed)}/s, "
                f"{left:.0f} s left"
            )

    def __exit__(self, *exc: object) -> None:
        if err.is_terminal:
            self.bar.stop()


@models_app.command("use")
def models_use(
    name: Annotated[str, typer.Argument(help="smollm2, a pulled model, ollama:NAME or http")],
) -> None:
    """Interview with this model from now on (saved in the data directory)."""
    from roleplay.core.saved_choices import save_choice
    from roleplay.llm.choice import BUILT_IN, option
    from roleplay.llm.errors import ModelError

    config = settings()
    if option(config, name) is None:
        raise ModelError(_not_here(config, name[:80]))
    path = save_choice(config.data_dir, "model", None if name == BUILT_IN else name)
    out.print(f"Interviews now use {name} (saved in {path}).", soft_wrap=True)
    _warn_overrides()


@models_app.command("remove")
def models_remove(name: Annotated[str, typer.Argument(help="A pulled model's name")]) -> None:
    """Delete a pulled model's file."""
    from roleplay.core.saved_choices import SAVED_FILE, save_choice, saved_choice
    from roleplay.llm.choice import BUILT_IN
    from roleplay.llm.errors import ModelError
    from roleplay.llm.model_catalogue import forget

    config = settings()
    removed = forget(config.models_dir, name)
    if removed is None:
        raise ModelError(f"No pulled model is called '{name[:80]}' ('roleplay models list').")
    out.print(f"Removed {removed.name} ({_mb(removed.size)} freed).")
    if saved_choice(config.data_dir, "model") == name:
        save_choice(config.data_dir, "model", None)
        out.print(f"Interviews go back to the built-in {BUILT_IN} (in {SAVED_FILE}).")


def _not_here(config: Settings, name: str) -> str:
    if name == "http":
        return "No endpoint is configured: set ROLEPLAY_LLM_BASE_URL and ROLEPLAY_LLM_MODEL."
    if name.startswith("ollama:"):
        return (
            f"Ollama at {config.ollama_url} does not list {name.removeprefix('ollama:')} (or is "
            "not running): 'ollama list' shows its models."
        )
    return (
        f"There is no model '{name}' on this machine: 'roleplay models list' shows the ones "
        f"there are, and 'roleplay models pull {name}' fetches a catalogue model."
    )


def _warn_overrides() -> None:
    shell = set_in_environment()
    for name in OVERRIDES:
        if name in shell:
            variable = f"ROLEPLAY_{name.upper()}"
            err.print(f"note: {variable} is set in this shell and wins over the saved choice.")
    if shell.get("llm") == "openai":
        err.print("note: ROLEPLAY_LLM=openai is set in this shell and wins over the saved choice.")
