"""Cutting loaded sources into chunks that keep where they came from.

Markdown is split by its headings first, so each chunk knows its section ("Products > Trellis"),
and its tables are written as the lists they stand for (``tables``);
PDFs are split page by page. Long sections are then cut by size with some overlap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from roleplay.knowledge.loaders import Loaded
from roleplay.knowledge.tables import tables_as_lists

_HEADINGS = [("#", "h1"), ("##", "h2"), ("###", "h3"), ("####", "h4")]


@dataclass(frozen=True)
class Chunk:
    text: str
    location: str  # "page 3", "Products > Trellis", or "" for plain text
    position: int

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    @property
    def embedding_text(self) -> str:
        # The section title tells the embedder what a short paragraph is about.
        return f"{self.location}\n{self.text}" if self.location else self.text


def split(loaded: Loaded, *, chunk_size: int = 900, overlap: int = 120) -> list[Chunk]:
    sections: list[tuple[str, str]] = []
    if loaded.kind == "pages":
        sections = [(f"page {n}", page) for n, page in enumerate(loaded.pages, 1)]
    elif loaded.kind == "markdown":
        splitter = MarkdownHeaderTextSplitter(headers_to_split_on=_HEADINGS, strip_headers=True)
        for part in splitter.split_text(tables_as_lists(loaded.text)):
            path = " > ".join(part.metadata[key] for _, key in _HEADINGS if key in part.metadata)
            sections.append((path, part.page_content))
    else:
        sections = [("", loaded.text)]
    return cut(sections, chunk_size=chunk_size, overlap=overlap)


def cut(
    sections: Iterable[tuple[str, str]], *, chunk_size: int = 900, overlap: int = 120
) -> list[Chunk]:
    """Sections of text, each with its location, cut by size with some overlap."""
    cutter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=overlap)
    chunks: list[Chunk] = []
    for location, text in sections:
        for piece in cutter.split_text(text):
            if piece.strip():
                chunks.append(Chunk(text=piece.strip(), location=location, position=len(chunks)))
    return chunks
