"""``roleplay knowledge …``: build, inspect, search and remove research packs."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from roleplay.cli.common import parts, print_json
from roleplay.cli.tables import ListColumn, list_table

if TYPE_CHECKING:
    from roleplay.cli.shapes import PackItem

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


PACK_COLUMNS = [
    ListColumn("pack", "id"),
    ListColumn("sources"),
    ListColumn("chunks"),
    ListColumn("about", "title"),
    ListColumn("embedder", wide_only=True),
]
JSON = Annotated[bool, typer.Option("--json", help="Print JSON")]


def pack_row(item: PackItem) -> list[str]:
    return [
        item.name,
        str(item.sources) if item.built else "-",
        str(item.chunks) if item.built else "-",
        item.description or "your research",
        item.embedder or "",
    ]


@app.command("list")
def list_packs(
    as_json: JSON = False,
    wide: Annotated[bool, typer.Option("--wide", help="Every column")] = False,
) -> None:
    """List the packs, and the sample packs that can be used by name."""
    from roleplay.cli.shapes import pack_item, sample_item
    from roleplay.knowledge.samples import sample_packs

    packs = parts().store.packs()
    built = {p.name for p in packs}
    items = [pack_item(p) for p in packs]
    items += [sample_item(s) for s in sample_packs() if s.name not in built]
    if as_json:
        print_json(items)
        return
    if not items:
        out.print("No packs yet. Add one with: roleplay knowledge add NAME FILES…")
        return
    rows = [pack_row(item) for item in items]
    out.print(list_table(PACK_COLUMNS, rows, wide=wide, width=out.width))
    if len(built) < len(items):
        out.print("A pack with '-' is a sample, built the first time it is used.")


@app.command("show")
def show(pack: str, as_json: JSON = False) -> None:
    """Show a pack's sources, their chunk counts, and its embedder."""
    from roleplay.cli.shapes import pack_detail

    detail = pack_detail(parts().store.info(pack))
    if as_json:
        print_json(detail)
        return
    out.print(f"[bold]{escape(detail.name)}[/bold]")
    out.print(f"  embedder:   {detail.embedder} ({detail.dimension or '?'} dimensions)")
    out.print(f"  collection: {detail.collection}")
    out.print(f"  chunks:     {detail.chunks} in {len(detail.sources)} sources")
    for source in detail.sources:
        out.print(
            f"  - {source.name}: {source.chunks} chunks, added {source.added_at}", markup=False
        )


@app.command("search")
def search(
    pack: str,
    query: str,
    k: Annotated[int, typer.Option("-k", help="How many passages")] = 5,
    as_json: JSON = False,
) -> None:
    """Search a pack: ranked passages with their source and score."""
    from roleplay.cli.shapes import passage_item

    found = [passage_item(n, p) for n, p in enumerate(parts().store.search(pack, query, k), 1)]
    if as_json:
        print_json(found)
        return
    for passage in found:
        where = f" ({passage.location})" if passage.location else ""
        out.print(
            f"{passage.rank}. [bold]{escape(passage.source)}[/bold]{escape(where)}  "
            f"score {passage.score:.3f}"
        )
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
