"""Parse an untrusted file in a separate process.

Run as ``python -m roleplay.knowledge.worker pdf|docx|email|html|markdown|text FILE``; prints JSON:
``{"pages": [...]}`` for a PDF, ``{"kind": ..., "text": "..."}`` for the others, or
``{"error": "..."}``. The parent runs it under a time, memory and output cap, because hostile
files can hang a parser or inflate to gigabytes. Only the parser needed is imported, so the
process starts fast and stays small.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Callable
from typing import Any

from roleplay.knowledge.linkedin import linkedin_export
from roleplay.knowledge.pdf_markdown import pdf_markdown, rows_markdown

_LOCKED = "is password-protected; remove the password and add it again"


def pdf_pages(path: str) -> dict:
    """The pages as Markdown (``pdf_markdown``); a PDF locked with an empty password, which
    pdfplumber cannot open, as pypdf reads its text."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return {"error": _LOCKED}
        if reader.is_encrypted:
            return {"pages": [page.extract_text() or "" for page in reader.pages]}
        # LinkedIn's PDF of a profile is read in its own order (its sidebar first, then the
        # profile), which pdfplumber's lines run together across the two columns.
        if profile := linkedin_export([page.extract_text() or "" for page in reader.pages]):
            return {"pages": [profile]}
        with pdfplumber.open(path) as pdf:
            return {"pages": pdf_markdown(pdf)}
    except (FileNotDecryptedError, NotImplementedError):
        return {"error": _LOCKED}
    except (
        PyPdfError,
        PDFSyntaxError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
    ) as error:
        return {"error": f"is not a readable PDF ({type(error).__name__}: {error})"}


def docx_markdown(path: str) -> dict:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    if not zipfile.is_zipfile(path):
        return {
            "error": "is not a readable Word document (.docx); if it is password-protected, "
            "remove the password and add it again"
        }
    try:
        document = Document(path)
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        return {"error": f"is not a readable Word document ({type(error).__name__}: {error})"}
    # In the order the reader sees them: a table belongs under the heading it sits below.
    blocks = [
        _table_markdown(block) if isinstance(block, Table) else _paragraph_markdown(block)
        for block in document.iter_inner_content()
    ]
    lines = [block for block in blocks if block]
    return {"kind": "markdown", "text": "\n\n".join(lines)}


def _paragraph_markdown(paragraph: Any) -> str:
    text = _paragraph_text(paragraph).strip()
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    if not text:
        return ""
    if style == "title":
        return f"# {text}"
    if style.startswith("heading") and style[-1:].isdigit():
        return f"{'#' * min(int(style[-1]) + 1, 6)} {text}"
    if "list" in style:
        return f"- {text}"
    return text


def _paragraph_text(paragraph: Any) -> str:
    """The paragraph as its reader sees it now: a suggestion inserted (Word's tracked change,
    Google Docs' suggested edit) is read, one deleted is not, and neither is text struck
    through ("Interview day - ~~Tue 17 June~~ Wed 18 June")."""
    from docx.text.run import Run

    runs = paragraph._p.xpath(
        "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:ins/w:hyperlink/w:r | ./w:smartTag/w:r"
    )
    return "".join(
        run.text
        for run in (Run(r, paragraph) for r in runs)
        if not (run.font.strike or run.font.double_strike)
    )


def _table_markdown(table: Any) -> str:
    """A Word table as a Markdown table, so it is read row by row like any other table; a
    merged cell, which Word repeats once per column it spans, is kept once. Its first row is
    the header only when it is one (``_header_row``); otherwise an empty header stands over
    every row, so a key-value table of terms loses none ("Salary | £31,500 – £36,000")."""
    rows: list[list[str]] = []
    bold: list[bool] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            said = " ".join(_paragraph_text(paragraph) for paragraph in cell.paragraphs)
            cells.append(" ".join(said.split()).replace("|", "/"))
        if any(cells):
            rows.append(cells)
            bold.append(_bold_row(row))
    if rows and not _header_row(table, bold):
        rows.insert(0, [""] * max(len(row) for row in rows))
    return rows_markdown(rows)


def _header_row(table: Any, bold: list[bool]) -> bool:
    """Word marks a header by repeating it on each page, or it is set in bold over rows that
    are not (a key-value table's bold labels run down every row)."""
    if table.rows and table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"):
        return True
    return bool(bold) and bold[0] and not all(bold[1:])


def _bold_row(row: Any) -> bool:
    """Every run of text in the row is bold, set on the run or by its paragraph's style."""
    runs = [
        (run, paragraph)
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.text.strip()
    ]
    return bool(runs) and all(
        run.bold or (run.bold is None and bool(paragraph.style and paragraph.style.font.bold))
        for run, paragraph in runs
    )


def _read(path: str, read: Callable[[bytes], tuple[str, str]]) -> dict:
    """The file's kind and text as `read` makes them from its bytes, or the reason it cannot."""
    from roleplay.knowledge.errors import LoadError

    try:
        with open(path, "rb") as handle:
            kind, text = read(handle.read())
    except LoadError as error:
        return {"error": str(error)}
    return {"kind": kind, "text": text}


def email_file(path: str) -> dict:
    from roleplay.knowledge.eml import eml_text

    return _read(path, lambda data: ("text", eml_text(data)))


def text_file(kind: str, path: str) -> dict:
    from roleplay.knowledge.loaders import load_bytes

    def read(data: bytes) -> tuple[str, str]:
        loaded = load_bytes(data, kind)
        return loaded.kind, loaded.text

    return _read(path, read)


if __name__ == "__main__":
    kind, file = sys.argv[1], sys.argv[2]
    if kind == "pdf":
        result = pdf_pages(file)
    elif kind == "docx":
        result = docx_markdown(file)
    elif kind == "email":
        result = email_file(file)
    else:
        result = text_file(kind, file)
    json.dump(result, sys.stdout)
