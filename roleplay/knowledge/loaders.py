"""Reading research files and web pages into text with their structure kept.

Markdown, HTML and Word files become Markdown (headings kept, page chrome dropped); PDFs become a
list of pages; plain text stays plain, and an email saved whole (.eml) the text of it (``eml``).
Every failure is a ``LoadError`` whose message completes the sentence "<file> ...", e.g. "is
empty".
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx

from roleplay.knowledge.errors import LoadError

SUPPORTED = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".eml": "email",
}
_CHROME = [
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
]
_CHROME_HINTS = (
    "cookie", "banner", "menu", "navbar", "sidebar", "breadcrumb", "share", "related", "btn"
)  # fmt: skip


@dataclass
class Loaded:
    kind: Literal["text", "markdown", "pages"]
    text: str = ""
    pages: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or any(p.strip() for p in self.pages))


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 25 * 1024 * 1024
    parse_seconds: float = 30.0
    parse_memory_mb: int = 768
    fetch_seconds: float = 15.0


def load_file(path: Path, limits: Limits) -> Loaded:
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        supported = " ".join(sorted(SUPPORTED))
        raise LoadError(
            f"has an unsupported type '{path.suffix or '(none)'}' (supported: {supported})"
        )
    check_size(path, limits)
    # Every kind is parsed in a capped process: an HTML or text parser can be made to hang or
    # swell as surely as a PDF one.
    loaded = _parse_isolated(kind, path, limits)
    if loaded.is_empty:
        hint = " (a scanned PDF without a text layer?)" if kind == "pdf" else ""
        raise LoadError(f"has no text to use{hint}")
    return loaded


def check_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise LoadError(
            f"is {size / 1048576:.1f} MB, over the {limits.max_bytes / 1048576:g} MB limit "
            "(raise ROLEPLAY_MAX_FILE_MB to allow it)"
        )
    if size == 0:
        raise LoadError("is empty")


def load_bytes(data: bytes, kind: str) -> Loaded:
    text = decode_text(data)
    if kind == "html":
        return Loaded("markdown", text=html_to_markdown(text))
    return Loaded("markdown" if kind == "markdown" else "text", text=text)


def decode_text(data: bytes) -> str:
    """Decode text whatever its encoding; refuse what is really binary."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise LoadError("looks like binary data, not text (is the file extension right?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        text = str(best) if best is not None else data.decode("cp1252", errors="replace")
    if not text.strip():
        raise LoadError("is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f") + text.count("\ufffd")
    if controls / len(text) > 0.05:
        raise LoadError("looks like binary data, not text (is the file extension right?)")
    return text


def html_to_markdown(html: str) -> str:
    import html2text
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_CHROME):
        # A job page's "Key facts" box (salary, hours, closing date) is often an <aside> beside
        # the advert: an aside holding a definition list or a table is the page's content.
        if tag.name != "aside" or not tag.find(["dl", "table"]):
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        marks = " ".join([*tag.get_attribute_list("class"), str(tag.get("id") or "")]).lower()
        if any(hint in marks for hint in _CHROME_HINTS):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    _definitions_as_lines(soup)
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_links = True
    converter.ignore_images = True
    converter.ignore_emphasis = True
    return converter.handle(str(root)).strip()


def _definitions_as_lines(soup: Any) -> None:
    """Each term of a definition list said with its definition on one line ("Salary: £29,500
    to £34,000"), as a job page means it; html2text would set them on lines of their own, and
    the figure would lose what it is."""
    for listing in soup.find_all("dl"):
        term, lines = "", []
        for part in listing.find_all(["dt", "dd"]):
            text = " ".join(part.get_text(" ").split())
            if part.name == "dt":
                term = text.rstrip(":")
            elif text:
                lines.append(f"{term}: {text}" if term else text)
        for line in reversed(lines):
            paragraph = soup.new_tag("p")
            paragraph.string = line
            listing.insert_after(paragraph)
        listing.decompose()


def _cap_memory(megabytes: int, output_bytes: int) -> None:
    """In the parser process: a memory ceiling, and a ceiling on what it may write."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (output_bytes + 1, output_bytes + 1))


def output_cap(limits: Limits) -> int:
    """Most bytes of text a parse may hand back: a small compressed file (a .docx is a zip) can
    hold far more text than its size."""
    return 4 * limits.max_bytes + 1024 * 1024


def _parse_isolated(kind: str, path: Path, limits: Limits) -> Loaded:
    cap = output_cap(limits)
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.run(
                [sys.executable, "-m", "roleplay.knowledge.worker", kind, str(path)],
                stdout=output,
                stderr=errors,
                timeout=limits.parse_seconds,
                preexec_fn=lambda: _cap_memory(limits.parse_memory_mb, cap),
            )
        except subprocess.TimeoutExpired:
            raise LoadError(
                f"took longer than {limits.parse_seconds:g} s to read and was stopped "
                "(a damaged or hostile file?)"
            ) from None
        errors.seek(0)
        stderr = errors.read(64 * 1024).decode("utf-8", "replace")
        if process.returncode == -signal.SIGXFSZ or os.fstat(output.fileno()).st_size > cap:
            raise LoadError(_too_much_text(cap))
        if process.returncode != 0:
            if "MemoryError" in stderr or process.returncode < 0:
                raise LoadError(
                    f"needed more than {limits.parse_memory_mb} MB to read and was stopped "
                    "(a damaged or hostile file?)"
                )
            raise LoadError("could not be read (the parser failed on it)")
        output.seek(0)
        parsed = json.loads(output.read().decode("utf-8"))
    if "error" in parsed:
        raise LoadError(parsed["error"])
    if kind == "pdf":
        return Loaded("pages", pages=parsed["pages"])
    return Loaded(parsed.get("kind", "markdown"), text=parsed["text"])


def _too_much_text(cap: int) -> str:
    return (
        f"holds more than {cap / 1048576:g} MB of text and was stopped (a damaged or hostile file?)"
    )


def load_url(url: str, limits: Limits) -> tuple[Loaded, bytes]:
    """Fetch a web page (or a PDF or text file behind a URL); returns it and its raw bytes."""
    try:
        with httpx.stream(
            "GET",
            url,
            timeout=limits.fetch_seconds,
            follow_redirects=True,
            headers={"user-agent": "interview-roleplay/0.1 (research pack)"},
        ) as response:
            response.raise_for_status()
            data = b""
            for piece in response.iter_bytes():
                data += piece
                if len(data) > limits.max_bytes:
                    raise LoadError(
                        f"is over the {limits.max_bytes / 1048576:g} MB limit "
                        "(raise ROLEPLAY_MAX_FILE_MB to allow it)"
                    )
            content_type = response.headers.get("content-type", "").lower()
    except httpx.HTTPStatusError as error:
        raise LoadError(
            f"could not be fetched: the site answered {error.response.status_code}"
        ) from None
    except httpx.HTTPError as error:
        raise LoadError(
            f"could not be fetched ({type(error).__name__}: {error or 'no answer'}). Check the "
            "address and the network, or save the page as HTML and add the file instead"
        ) from None
    if not data.strip():
        raise LoadError("is empty")
    if "pdf" in content_type or url.lower().endswith(".pdf"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(data)
            handle.flush()
            return _parse_isolated("pdf", Path(handle.name), limits), data
    kind = "html" if "html" in content_type or not content_type else "text"
    if "markdown" in content_type or url.lower().endswith(".md"):
        kind = "markdown"
    with tempfile.NamedTemporaryFile(suffix=f".{kind}") as handle:
        handle.write(data)
        handle.flush()
        loaded = _parse_isolated(kind, Path(handle.name), limits)
    if loaded.is_empty:
        raise LoadError("has no text to use")
    return loaded, data
