"""The command's tables, made to read at 80 columns: the few columns that matter (``--wide`` adds
the rest), ids never cut, and one line a row, the long text cut with an ellipsis rather than
wrapped a word a line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.table import Table

# The fewest characters a title keeps, however narrow the terminal.
TITLE_MIN = 20
# The narrowest an id folds to when it is too long for the terminal (it is never cut).
ID_MIN = 12


@dataclass(frozen=True)
class ListColumn:
    """One column: its heading, what kind of text it holds, and whether only ``--wide`` shows
    it. ``kind``: "id" (copied into other commands: never cut, folded onto a second line when
    too long), "title" (takes the width left, cut last), "short" (a few characters: kept
    whole)."""

    heading: str
    kind: str = "short"
    wide_only: bool = False


def _widest(field: ListColumn, cells: list[str]) -> int:
    return max([len(field.heading), *(len(cell) for cell in cells)])


def list_table(
    fields: Sequence[ListColumn], rows: Sequence[Sequence[str]], *, wide: bool, width: int
) -> Table:
    """A table of ``rows`` (one value per field, in order) for a terminal ``width`` characters
    wide, narrow unless ``wide``. A short value is kept whole; an id is never cut, and folds
    onto a second line only when the terminal leaves it no room; the titles share what the
    others leave, each keeping at least ``TITLE_MIN`` characters, cut at their end rather than
    wrapped."""
    shown = [i for i, field in enumerate(fields) if wide or not field.wide_only]
    widths = {i: _widest(fields[i], [row[i] for row in rows]) for i in shown}
    titles = [i for i in shown if fields[i].kind == "title"]
    ids = [i for i in shown if fields[i].kind == "id"]
    # Each column but the first has three characters before it, and the table one at each end.
    edges = 3 * (len(shown) - 1) + 2
    short = sum(w for i, w in widths.items() if i not in titles and i not in ids)
    # A title cut keeps TITLE_MIN characters and its ellipsis.
    least_titles = sum(min(widths[i], TITLE_MIN + 1) for i in titles)
    room = width - edges - short - least_titles
    if ids and sum(widths[i] for i in ids) > room:
        for i in ids:
            widths[i] = min(widths[i], max(ID_MIN, room // len(ids)))
    taken = sum(w for i, w in widths.items() if i not in titles) + edges
    for i in titles:
        widths[i] = min(widths[i], max(TITLE_MIN + 1, (width - taken) // len(titles)))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    for i in shown:
        title = i in titles
        table.add_column(
            fields[i].heading,
            no_wrap=title or fields[i].kind == "short",
            overflow="ellipsis" if title else "fold",
            min_width=widths[i],
            max_width=widths[i],
        )
    for row in rows:
        table.add_row(*(row[i] for i in shown))
    return table
