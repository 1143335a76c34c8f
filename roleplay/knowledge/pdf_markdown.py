"""A PDF's pages as Markdown: the structure its type shows, kept for the splitter.

Text pulled from a PDF line by line loses what the reader saw: a heading is one more short line,
a table comes a cell per line ("Salary" then "£27,500 – £30,500"), a bullet is a lost glyph and
a paragraph is cut wherever the page was. ``pdfplumber`` keeps each line's font and place, so:

- a line set larger than the body text, or wholly in bold on its own, is a heading (larger
  type, higher level);
- a ruled table is a Markdown table where it stands (its first row a header only when set in
  bold over rows that are not), which the splitter says row by row (``tables``);
- a line opening with a bullet glyph is a list item, with the lines indented under it;
- the lines of a paragraph are joined, and a new paragraph starts at a wider gap, or at a line
  opening with a label ("Reports to: …");
- a running header or footer (the same line at the top or foot of every page, page numbers
  aside) and a bare page number are left out.

Runs inside the parse worker (``worker``), never in the app's own process.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from roleplay.knowledge.labels import LABELLED

# What a bullet's glyph comes out as: a private-use or unmapped character, or the glyph itself.
_BULLET = re.compile(r"^(?:\(cid:\d+\)|[•▪●◦‣■□➢►▸\uf0a7\uf0b7\uf076\uf0d8*–-])\s*")
# A bullet set in a symbol font comes out as the letter its glyph sits on: ZapfDingbats' and
# Wingdings' round bullet is an "l", Wingdings' square one an "§" or "n".
# "1 Get to know our four sites…": a list's number set apart from its item, with no stop.
_NUMBERED = re.compile(r"^(\d{1,2})[.)]?\s+(?=[A-Z])")
_SYMBOL_FONT = re.compile(r"dingbat|wingding|symbol", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# How much larger than the body a line's type must be to be a heading, in points.
_LARGER = 1.2
# The top and foot of a page where a running header or footer sits, as a share of its height.
_MARGIN = 0.1


def pdf_markdown(pdf: Any) -> list[str]:
    """Each page of an open ``pdfplumber`` PDF as Markdown."""
    pages = [_lines(page) for page in pdf.pages]
    sizes: Counter[float] = Counter()
    for lines, _ in pages:
        for line in lines:
            sizes[line["size"]] += len(line["text"])
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    levels = sorted({s for s in sizes if s >= body + _LARGER}, reverse=True)
    running = _running(pages, len(pdf.pages))
    starts = [(line["x0"], line["x1"]) for lines, _ in pages for line in lines]
    # A slide deck (pages wider than tall, in large type) sets a point to a line.
    slides = all(page.width > page.height for page in pdf.pages) and body >= _SLIDE_TYPE
    return [
        _markdown(lines, tables, body, levels, running, page.height, starts, slides)
        for (lines, tables), page in zip(pages, pdf.pages, strict=True)
    ]


def _lines(page: Any) -> tuple[list[dict[str, Any]], list[tuple[float, str]]]:
    """A page's text lines outside its tables, and its tables as (top, Markdown)."""
    # A "table" of one column is a shaded or ruled column of labels, its values set beside it
    # outside the rules ("Salary" ruled, "£32,500 – £35,000 per annum" not): its lines are
    # read as the text they are, label and value together.
    found = [t for t in page.find_tables() if max((len(r) for r in t.extract()), default=0) > 1]
    tables = [(t.bbox[1], rows_markdown(_header_first(page, t))) for t in found]
    lines = []
    for line in page.extract_text_lines(strip=True, return_chars=True):
        middle = (line["top"] + line["bottom"]) / 2
        if any(t.bbox[1] <= middle <= t.bbox[3] and t.bbox[0] <= line["x0"] < t.bbox[2]
               for t in found):  # fmt: skip
            continue
        chars = [c for c in line["chars"] if c["text"].strip()] or line["chars"]
        line["size"] = round(Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0], 1)
        line["bold"] = all("bold" in c["fontname"].lower() for c in chars)
        line["text"] = _labelled(line["text"], chars)
        if _SYMBOL_FONT.search(chars[0]["fontname"]) and line["text"][:1] == chars[0]["text"]:
            line["text"] = "•" + line["text"][1:]
        lines.append(line)
    return lines, [table for table in tables if table[1]]


def _labelled(text: str, chars: list[dict[str, Any]]) -> str:
    """A line opening with a few words in bold, its value after them in plain type ("**Salary**
    £32,500 – £35,000"), with the colon a reader sees there: a label and its value."""
    bold = 0
    for char in chars:
        if "bold" not in char["fontname"].lower():
            break
        bold += 1
    if not 0 < bold < len(chars):
        return text
    # (where the bold ends in the line's text, which has its spaces)
    letters = sum(1 for c in chars[:bold] if c["text"].strip())
    ends = [i for i, letter in enumerate(text) if letter.strip()]
    if letters > len(ends) or not letters:
        return text
    cut = ends[letters - 1] + 1
    label, rest = text[:cut].strip(), text[cut:].strip()
    # (A list's number set in bold, "4 Produce post-concert reports…", is no label, nor the
    # last word of a label wrapped onto the next line: "working" over "week in the office…";
    # a value opens as a value does, "£32,500", "Permanent", "Six months".)
    if (
        not rest
        or len(label.split()) > _LABEL_WORDS
        or label[-1:] in ":.!?,;"
        or not label[:1].isalpha()
        or not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "£$€")
    ):
        return text
    return f"{label}: {rest}"


_LABEL_WORDS = 4


def _header_first(page: Any, table: Any) -> list[list[str]]:
    """The table's rows, behind an empty header row unless its first row is one (all bold,
    over rows that are not): the splitter says every row but the header."""
    rows = [[" ".join((cell or "").split()).replace("|", "/") for cell in row]
            for row in table.extract()]  # fmt: skip
    rows = [row for row in rows if any(row)]
    bold = [_bold_row(page, row_cells) for row_cells in table.rows]
    if rows and bold and bold[0] and not all(bold[1:]):
        return rows
    return [[""] * (max((len(r) for r in rows), default=0)), *rows]


def _bold_row(page: Any, row: Any) -> bool:
    chars = [
        c
        for cell in row.cells
        if cell is not None
        for c in page.within_bbox(cell).chars
        if c["text"].strip()
    ]
    return bool(chars) and all("bold" in c["fontname"].lower() for c in chars)


def rows_markdown(rows: list[list[str]]) -> str:
    """Rows of cells as a Markdown table, its first row the header ("" for no rows)."""
    rows = [row for row in rows if row]
    if not rows or not any(any(row) for row in rows):
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = [f"| {' | '.join(rows[0])} |", f"|{'---|' * width}"]
    lines += [f"| {' | '.join(row)} |" for row in rows[1:]]
    return "\n".join(lines)


def _running(pages: list[tuple[list[dict[str, Any]], Any]], count: int) -> set[str]:
    """Lines at the top or foot of more than one page, digits aside: a running header or
    footer ("Ashcombe Rovers Foundation · Page 2 of 3")."""
    if count < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines, _ in pages:
        seen.update({_DIGITS.sub("#", line["text"]) for line in lines})
    return {text for text, times in seen.items() if times >= 2}


def _markdown(
    lines: list[dict[str, Any]],
    tables: list[tuple[float, str]],
    body: float,
    levels: list[float],
    running: set[str],
    height: float,
    starts: list[tuple[float, float]],
    slides: bool,
) -> str:
    blocks: list[tuple[float, str]] = list(tables)
    paragraph: list[str] = []
    previous: dict[str, Any] | None = None
    start = 0.0
    item_x: float | None = None  # where the open list item's bullet stands
    number = 0  # the last item's number in a numbered list

    def close() -> None:
        if paragraph:
            blocks.append((start, " ".join(paragraph)))
            paragraph.clear()

    for line in lines:
        text = line["text"]
        at_edge = line["top"] < height * _MARGIN or line["bottom"] > height * (1 - _MARGIN)
        if _PAGE_NUMBER.match(text) or (at_edge and _DIGITS.sub("#", text) in running):
            continue
        heading = _heading(line, body, levels)
        bullet = _BULLET.match(text) if not heading else None
        # (only the first or next number: "12 volunteers raised…" opens no list)
        numbered = _NUMBERED.match(text) if not heading and not bullet else None
        if numbered and int(numbered.group(1)) in (1, number + 1):
            number, bullet = int(numbered.group(1)), numbered
        elif heading:
            number = 0
        # (A line back under the bullet, not indented past it, ends the item.)
        outdented = item_x is not None and line["x0"] <= item_x + 2
        ended = (
            previous is not None and item_x is None and _ends_line(previous, line, starts, slides)
        )
        if ended and paragraph and not paragraph[-1].endswith((".", "!", "?", ":", ";")):
            paragraph[-1] += "."  # (a line ended on purpose ends what it says)
        if heading or bullet or outdented or ended or not _continues(previous, line):
            close()
            start = line["top"]
            item_x = line["x0"] if bullet else None
        if heading:
            blocks.append((line["top"], heading))
            previous = None
            continue
        if bullet:
            marker = f"{number}." if bullet is numbered else "-"
            paragraph.append(f"{marker} {text[bullet.end() :]}")
        elif paragraph and paragraph[-1].endswith("-") and text[:1].islower():
            paragraph[-1] = paragraph[-1][:-1] + text  # a word hyphenated at the line's end
            previous = line
            continue
        else:
            paragraph.append(text)
        previous = line
    close()
    blocks.sort(key=lambda block: block[0])
    return "\n\n".join(text for _, text in blocks)


def _heading(line: dict[str, Any], body: float, levels: list[float]) -> str:
    text = line["text"]
    if len(text) > 120 or _BULLET.match(text):
        return ""
    if line["size"] in levels:
        return f"{'#' * min(levels.index(line['size']) + 1, 3)} {text}"
    if line["bold"] and not text.endswith((".", ",", ";")) and len(text.split()) <= 12:
        return f"{'#' * min(len(levels) + 1, 4)} {text}"
    return ""


def _ends_line(
    previous: dict[str, Any],
    line: dict[str, Any],
    starts: list[tuple[float, float]],
    slides: bool,
) -> bool:
    """Whether a slide's line ``previous`` ended where it was meant to, not where the text box
    did: every point is a line of its own ("Breww - orders, stock, duty" over "Shopify - web
    shop", set without a glyph), and one under it starts further in ("second-hand five-barrel
    kit…"); a point wrapped onto the next line goes on in lower case."""
    if not slides:
        return False  # (a page's prose runs round charts and columns: its lines are kept)
    if line["x0"] > previous["x0"] + _INDENT:
        return True
    right = max(x1 for x0, x1 in starts if abs(x0 - previous["x0"]) <= _SAME_START)
    width = right - previous["x0"]
    short = width >= _COLUMN and previous["x1"] - previous["x0"] < _SHORT * width
    # (a slide's point wrapped onto the next line goes on in lower case)
    return short or not line["text"][:1].islower()


# Lines starting this close (points) start at the same place; one starting further in than
# this is indented. A column narrower than _COLUMN points is no column of prose, and a line
# shorter than _SHORT of its column's width ended on purpose.
_SAME_START = 4
_SLIDE_TYPE = 14
_INDENT = 8
_COLUMN = 200
_SHORT = 0.75


def _continues(previous: dict[str, Any] | None, line: dict[str, Any]) -> bool:
    """Whether ``line`` goes on the paragraph or list item above it: close below it, in
    the same type."""
    if previous is None or LABELLED.match(line["text"]):
        return False
    height = previous["bottom"] - previous["top"]
    gap = line["top"] - previous["bottom"]
    return gap <= height * 0.9 and abs(line["size"] - previous["size"]) < 1.0
