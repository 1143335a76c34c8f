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


@dataclass(frozen=True)
class ListColumn:
    """One column: its heading, what kind of text it holds, and whether only ``--wide`` shows
    it. ``kind``: "id" (copied into other commands: never cut), "title" (takes the width left,
    cut last), "short" (a few characters: kept whole)."""

    heading: str
    kind: str = "short"
    wide_only: bool = False


def _widest(field: ListColumn, cells: list[str]) -> int:
    return max([len(field.heading), *(len(cell) for cell in cells)])


def list_table(
    fields: Sequence[ListColumn], rows: Sequence[Sequence[str]], *, wide: bool, width: int
) -> Table:
    """A table of ``rows`` (one value per field, in order) for a terminal ``width`` characters
    wide, narrow unless ``wide``. An id or a short value is kept whole (its column is as wide as
    its widest value); the title takes what the others leave, never under ``TITLE_MIN``, and is
    cut at its end rather than wrapped."""
    shown = [i for i, field in enumerate(fields) if wide or not field.wide_only]
    widths = {i: _widest(fields[i], [row[i] for row in rows]) for i in shown}
    titles = [i for i in shown if fields[i].kind == "title"]
    # Each column but the first has three characters before it, and the table one at each end.
    taken = sum(w for i, w in widths.items() if i not in titles) + 3 * (len(shown) - 1) + 2
    for i in titles:
        widths[i] = min(widths[i], max(TITLE_MIN, (width - taken) // len(titles)))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    for i in shown:
        cut = "ellipsis" if i in titles else "fold"
        table.add_column(
            fields[i].heading, no_wrap=True, overflow=cut, min_width=widths[i], max_width=widths[i]
        )
    for row in rows:
        table.add_row(*(row[i] for i in shown))
    return table
