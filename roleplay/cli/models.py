"""``roleplay models …``: the catalogue, pulling a model, choosing the one that interviews."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated, Any

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

from roleplay.cli.common import err, out, print_json, settings
from roleplay.cli.completion import model_names, pulled_models
from roleplay.cli.tables import ListColumn, list_table
from roleplay.core.settings import Settings, set_in_environment

if TYPE_CHECKING:
    from roleplay.cli.shapes import ModelItem
    from roleplay.llm.model_catalogue import OllamaModel

models_app = typer.Typer(help="Chat models: list, pull from the Hugging Face hub, use, remove.")
# Settings that pick the model over a saved choice, when the shell sets them.
OVERRIDES = ("model", "local_model")


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")


def _mb(size: float) -> str:
    return f"{size / 1048576:,.1f} MB"


MODEL_COLUMNS = [
    ListColumn("name", "id"),
    ListColumn("kind", wide_only=True),
    ListColumn("size"),
    ListColumn("about", "title"),
    ListColumn("state"),
    ListColumn("RAM", wide_only=True),
    ListColumn("licence", wide_only=True),
    ListColumn("from", "title", wide_only=True),
]


def model_items(config: Settings, served: list[OllamaModel] | None) -> list[ModelItem]:
    """Every model: the built-in one, a file the settings name, those pulled, the catalogue's
    others, a local Ollama's, and the configured endpoint's."""
    from roleplay.cli.shapes import ModelItem
    from roleplay.llm.choice import BUILT_IN, chosen
    from roleplay.llm.model_catalogue import catalogue, installed

    current = chosen(config)
    listed = {entry.name: entry for entry in catalogue()}

    def item(name: str, kind: str, title: str, **fields: Any) -> ModelItem:
        shown = {"size_bytes": None, "ram_gb": None, "licence": None, "source": None}
        return ModelItem.model_validate(
            {"name": name, "kind": kind, "title": title, "ready": True, "in_use": name == current}
            | shown
            | fields
        )

    items = [item(BUILT_IN, "built-in", "SmolLM2 135M Instruct, runs in this process")]
    if config.local_model:
        path = config.local_model
        items.append(item("file", "file", path.name, source=str(path)))
    pulled = installed(config.models_dir)
    for model in pulled:
        entry = listed.get(model.name)
        about = entry.title if entry else model.file
        extra = {"ram_gb": entry.ram_gb, "licence": entry.licence} if entry else {}
        items.append(
            item(model.name, "pulled", about, size_bytes=model.size, source=model.repo, **extra)
        )
    for entry in listed.values():
        if entry.name not in {m.name for m in pulled}:
            about = f"{entry.title}: {entry.good_for}"
            size = int(entry.size_mb * 1048576)
            facts = {"ram_gb": entry.ram_gb, "licence": entry.licence, "source": entry.repo}
            items.append(
                item(entry.name, "catalogue", about, size_bytes=size, ready=False, **facts)
            )
    for model in served or []:
        size = model.size or None
        name = f"ollama:{model.name}"
        items.append(item(name, "ollama", model.name, size_bytes=size, source=config.ollama_url))
    if config.llm == "openai" or config.llm_base_url:  # the same rule as choice.options
        where = config.llm_base_url or "the OpenAI API"
        items.append(item("http", "http", f"{config.llm_model} at {where}", source=where))
    return items


def model_row(m: ModelItem) -> list[str]:
    return [
        m.name,
        m.kind,
        _size(m.size_bytes),
        m.title,
        "in use" if m.in_use else ("ready" if m.ready else "pull"),
        f"{m.ram_gb:g} GB" if m.ram_gb else "",
        m.licence or "",
        m.source or "",
    ]


def _size(size: int | None) -> str:
    if not size:
        return ""
    return f"{size / 1024**3:.1f} GB" if size >= 1024**3 else f"{size / 1048576:.0f} MB"


@models_app.command("list")
def models_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    wide: Annotated[bool, typer.Option("--wide", help="Every column")] = False,
) -> None:
    """The built-in model, those pulled, the catalogue, a local Ollama's models and the
    configured endpoint, and which one interviews."""
    from roleplay.cli.shapes import ModelsListing, OllamaItem
    from roleplay.llm.choice import chosen
    from roleplay.llm.model_catalogue import ollama_models

    config = settings()
    served = ollama_models(config.ollama_url)
    items = model_items(config, served)
    if as_json:
        ollama = OllamaItem(url=config.ollama_url, answering=served is not None)
        print_json(ModelsListing(in_use=chosen(config), models=items, ollama=ollama))
        return
    rows = [model_row(item) for item in items]
    out.print(list_table(MODEL_COLUMNS, rows, wide=wide, width=out.width))
    if served is None:
        out.print(
            f"Ollama at {escape(config.ollama_url)} is not answering (start it with "
            "'ollama serve', or set ROLEPLAY_OLLAMA_URL)."
        )
    elif not served:
        out.print("Ollama has no models (ollama pull qwen2.5:1.5b-instruct).")
    out.print("Pull one with: roleplay models pull NAME; choose with: roleplay models use NAME")
    _say_in_use(config, served)


def _say_in_use(config: Settings, served: list[OllamaModel] | None = None) -> None:
    from roleplay.llm.choice import BUILT_IN, STRONGER, chosen, option

    current = chosen(config)
    picked = option(config, current, served or [])
    described = picked.describe() if picked else f"{current} (not on this machine)"
    out.print(f"\n[bold]Interviewing with[/bold]: {escape(described)}")
    if current == BUILT_IN:
        out.print(STRONGER)


@models_app.command("pull")
def models_pull(
    name: Annotated[
        str,
        typer.Argument(
            help="A catalogue name, or hf://OWNER/REPO/FILE.gguf", autocompletion=model_names
        ),
    ],
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
    name: Annotated[
        str,
        typer.Argument(
            help="smollm2, a pulled model, ollama:NAME or http", autocompletion=model_names
        ),
    ],
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
def models_remove(
    name: Annotated[
        str, typer.Argument(help="A pulled model's name", autocompletion=pulled_models)
    ],
) -> None:
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
