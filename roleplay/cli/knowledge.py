"""``roleplay knowledge …``: build, inspect, search and remove research packs."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.console import Console

from roleplay.cli.common import parts

app = typer.Typer(help="Company research packs: add sources, list, show, search, remove.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="knowledge")


@app.command("add")
def add(
    pack: Annotated[str, typer.Argument(help="Pack name; any text, e.g. 'Acme Corp'")],
    sources: Annotated[list[str], typer.Argument(help="Files, folders (recursively) or URLs")],
) -> None:
    """Add files, folders and URLs to a pack (creating it). Unchanged sources are skipped."""
    from roleplay.knowledge.ingest import ingest
    from roleplay.wiring import knowledge as configured

    found = parts()
    config, store = found.settings, found.store
    with err.status("Starting…") as status:

        def progress(source: str, stage: str, done: int, total: int) -> None:
            counts = f" {done}/{total} chunks" if total else ""
            status.update(f"{stage.capitalize()} {source}{counts}")

        outcomes = ingest(
            store,
            pack,
            sources,
            limits=configured.limits(config),
            chunking=configured.chunking(config),
            progress=progress,
        )
    for outcome in outcomes:
        style = {"failed": "red", "skipped": "yellow"}.get(outcome.status, "")
        out.print(outcome.line(), style=style, markup=False)
    counts = Counter(o.status for o in outcomes)
    summary = ", ".join(
        f"{counts[s]} {s}" for s in ("added", "unchanged", "replaced", "failed", "skipped")
    )
    out.print(f"{pack}: {summary}", markup=False)
    if counts["failed"]:
        raise typer.Exit(1)


@app.command("list")
def list_packs() -> None:
    """List the packs, and the sample packs that can be used by name."""
    from roleplay.knowledge.samples import sample_packs

    store = parts().store
    packs = store.packs()
    for info in packs:
        out.print(
            f"[bold]{info.name}[/bold]  {len(info.sources)} sources, {info.chunks} chunks "
            f"[dim]({info.embedder})[/dim]"
        )
    built = {p.name for p in packs}
    waiting = [s for s in sample_packs() if s.name not in built]
    if waiting:
        out.print("\nSample packs, built on first use:")
        for shipped in waiting:
            out.print(f"  [bold]{shipped.name}[/bold]  {shipped.description}")
    if not packs and not waiting:
        out.print("No packs yet. Add one with: roleplay knowledge add NAME FILES…")


@app.command("show")
def show(pack: str) -> None:
    """Show a pack's sources, their chunk counts, and its embedder."""
    store = parts().store
    info = store.info(pack)
    out.print(f"[bold]{info.name}[/bold]")
    out.print(f"  embedder:   {info.embedder} ({info.dimension or '?'} dimensions)")
    out.print(f"  collection: {info.collection}")
    out.print(f"  chunks:     {info.chunks} in {len(info.sources)} sources")
    for source in sorted(info.sources.values(), key=lambda s: s.name):
        out.print(
            f"  - {source.name}: {source.chunks} chunks, added {source.added_at}", markup=False
        )


@app.command("search")
def search(
    pack: str,
    query: str,
    k: Annotated[int, typer.Option("-k", help="How many passages")] = 5,
) -> None:
    """Search a pack: ranked passages with their source and score."""
    store = parts().store
    for rank, passage in enumerate(store.search(pack, query, k), 1):
        where = f" ({passage.location})" if passage.location else ""
        out.print(f"{rank}. [bold]{passage.source}[/bold]{where}  score {passage.score:.3f}")
        out.print(f"   {' '.join(passage.text.split())[:400]}\n", markup=False)


@app.command("remove")
def remove(
    pack: str,
    source: Annotated[str | None, typer.Option(help="Remove only this source")] = None,
) -> None:
    """Remove a pack, or one source from it."""
    store = parts().store
    if source:
        chunks = store.remove_source(pack, source)
        out.print(f"Removed {source} ({chunks} chunks) from {pack}", markup=False)
    else:
        store.remove_pack(pack)
        out.print(f"Removed pack {pack}", markup=False)
