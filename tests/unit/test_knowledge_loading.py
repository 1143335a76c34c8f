"""Reading research files: every supported format, and one clear message for each bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from roleplay.core.resources import shipped_dir
from roleplay.knowledge.errors import LoadError
from roleplay.knowledge.loaders import Limits, html_to_markdown, load_file
from roleplay.knowledge.names import collection_name
from roleplay.knowledge.splitting import split
from tests.support.documents import (
    SAMPLE_PDF,
    ballooning_pdf,
    encrypted_pdf,
    job_pack_pdf,
    terms_beside_labels_pdf,
)

SAMPLES = shipped_dir("knowledge")
LIMITS = Limits()


def failure(path: Path, limits: Limits = LIMITS) -> str:
    with pytest.raises(LoadError) as caught:
        load_file(path, limits)
    return str(caught.value)


def test_markdown_chunks_know_their_section() -> None:
    chunks = split(load_file(SAMPLES / "larkspur-health" / "company-overview.md", LIMITS))
    trellis = next(c for c in chunks if "triage queue" in c.text)
    assert trellis.location.endswith("Products > Trellis")
    assert [c.position for c in chunks] == list(range(len(chunks)))


def _markdown_chunks(tmp_path: Path, text: str) -> list:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return split(load_file(path, LIMITS))


def test_a_markdown_break_between_parts_is_no_words_of_either(tmp_path: Path) -> None:
    chunks = _markdown_chunks(
        tmp_path, "# About\n\nA quote. – Owain Lloyd-Harris, Chief Executive\n\n---\n\n***\n"
    )
    assert [c.text for c in chunks] == ["A quote. – Owain Lloyd-Harris, Chief Executive"]


def test_a_markdown_line_ruled_underneath_is_a_heading(tmp_path: Path) -> None:
    chunks = _markdown_chunks(tmp_path, "Our clinics\n===========\nSix of them.\n")
    assert [(c.location, c.text) for c in chunks] == [("Our clinics", "Six of them.")]


def test_pdf_chunks_know_their_page_and_heading() -> None:
    chunks = split(load_file(SAMPLE_PDF, LIMITS))
    revenue = next(c for c in chunks if "$31 million" in c.text)
    assert revenue.location == "page 2 > 2025 in numbers"
    assert "2025 in numbers" not in revenue.text  # the heading is the place, not the text


def test_html_keeps_headings_and_drops_page_chrome() -> None:
    loaded = load_file(SAMPLES / "larkspur-health" / "careers-page.html", LIMITS)
    assert "## How we work" in loaded.text
    assert "clinic day" in loaded.text
    for chrome in ("dataLayer", "Accept all", "Log in", "Privacy", "cookies", "font-family"):
        assert chrome not in loaded.text


def test_word_document_headings_become_sections() -> None:
    chunks = split(load_file(SAMPLES / "sam-rivera" / "sam-rivera-cv.docx", LIMITS))
    gap = next(c for c in chunks if "Eight months caring" in c.text)
    assert "Career break" in gap.location


def test_chunks_carry_a_content_hash() -> None:
    chunks = split(load_file(SAMPLES / "larkspur-health" / "company-overview.md", LIMITS))
    assert len({c.content_hash for c in chunks}) == len(chunks)


def test_text_in_a_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Café culture — naïve résumé tips".encode("cp1252"))
    assert "Café culture" in load_file(path, LIMITS).text


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("")
    assert failure(tmp_path / "empty.md") == "is empty"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("  \n\n\t ")
    assert failure(tmp_path / "blank.txt") == "is empty"


def test_binary_junk_with_a_text_extension(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 40)
    assert "binary data" in failure(tmp_path / "junk.txt")


def test_binary_junk_without_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "junk.md").write_bytes(bytes(range(1, 256)) * 40)
    assert "binary data" in failure(tmp_path / "junk.md")


def test_corrupt_pdf(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 10)
    assert "not a readable PDF" in failure(tmp_path / "broken.pdf")


def test_password_protected_pdf(tmp_path: Path) -> None:
    assert "password-protected" in failure(encrypted_pdf(tmp_path / "locked.pdf"))


def test_word_file_that_is_not_a_word_file(tmp_path: Path) -> None:
    (tmp_path / "cv.docx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500))
    assert "not a readable Word document" in failure(tmp_path / "cv.docx")


def test_unsupported_type_names_the_supported_ones(tmp_path: Path) -> None:
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    message = failure(tmp_path / "sheet.xlsx")
    assert "unsupported type '.xlsx'" in message and ".pdf" in message


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 300_000)
    message = failure(tmp_path / "big.txt", Limits(max_bytes=1024 * 1024))
    assert message == "is 1.4 MB, over the 1 MB limit (raise ROLEPLAY_MAX_FILE_MB to allow it)"


def test_pdf_that_takes_too_long_is_stopped() -> None:
    message = failure(SAMPLE_PDF, Limits(parse_seconds=0.01))
    assert message.startswith("took longer than 0.01 s to read and was stopped")


def test_pdf_that_balloons_in_memory_is_stopped(tmp_path: Path) -> None:
    message = failure(
        ballooning_pdf(tmp_path / "balloon.pdf"), Limits(parse_memory_mb=256, parse_seconds=120)
    )
    assert message.startswith(("needed more than 256 MB", "took longer than"))


def test_html_from_a_script_only_page_has_no_text() -> None:
    assert html_to_markdown("<html><script>alert(1)</script><nav>Home</nav></html>") == ""


def test_a_definition_list_keeps_each_term_with_its_definition() -> None:
    page = "<dl><dt>Salary</dt><dd>£29,500 to £34,000</dd><dt>Hours:</dt><dd>37.5 a week</dd></dl>"
    assert html_to_markdown(page).split("\n\n") == [
        "Salary: £29,500 to £34,000",
        "Hours: 37.5 a week",
    ]


@pytest.mark.parametrize("name", ["Acme", "Société Générale", "a b/c?", "日本の会社", "x" * 300])
def test_any_pack_name_maps_to_a_valid_collection_name(name: str) -> None:
    import re

    collection = collection_name(name)
    assert 3 <= len(collection) <= 512
    assert re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]", collection)


def test_names_that_slug_alike_stay_apart() -> None:
    assert collection_name("Café") != collection_name("Cafe")
    assert collection_name("Acme") == collection_name("Acme")


def test_web_page_is_fetched_and_cleaned() -> None:
    from roleplay.knowledge.loaders import load_url
    from tests.support.servers import static_server

    with static_server(SAMPLES / "larkspur-health") as base:
        loaded, raw = load_url(f"{base}/careers-page.html", LIMITS)
    assert b"<nav>" in raw
    assert "## Benefits" in loaded.text and "Log in" not in loaded.text


def test_pdf_behind_a_url_is_read_page_by_page() -> None:
    from roleplay.knowledge.loaders import load_url
    from tests.support.servers import static_server

    with static_server(SAMPLES / "larkspur-health") as base:
        loaded, _ = load_url(f"{base}/annual-review-2025.pdf", LIMITS)
    assert loaded.kind == "pages" and len(loaded.pages) == 4


def test_missing_page_says_what_the_site_answered() -> None:
    from roleplay.knowledge.loaders import load_url
    from tests.support.servers import static_server

    with static_server(SAMPLES) as base, pytest.raises(LoadError, match="answered 404"):
        load_url(f"{base}/nope.html", LIMITS)


def test_unreachable_url_says_what_to_do() -> None:
    from roleplay.knowledge.loaders import load_url
    from tests.support.servers import free_port

    with pytest.raises(LoadError, match=r"could not be fetched .*save the page as HTML"):
        load_url(f"http://127.0.0.1:{free_port()}/about", LIMITS)


def test_html_and_text_are_parsed_in_the_capped_process_too(tmp_path: Path) -> None:
    # Read in this process, a parse has no time limit; a limit that stops it proves otherwise.
    for name in ("page.html", "notes.md", "notes.txt"):
        (tmp_path / name).write_text("<h1>Acme</h1>\n" + "<p>Acme makes anvils.</p>\n" * 2000)
        assert failure(tmp_path / name, Limits(parse_seconds=0.01)).startswith("took longer")


def test_a_small_word_file_holding_too_much_text_is_stopped(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for _ in range(80):
        document.add_paragraph("anvil " * 20_000)  # 9.6 MB of text, a few kB zipped
    path = tmp_path / "bomb.docx"
    document.save(str(path))
    assert path.stat().st_size < 1024 * 1024
    message = failure(path, Limits(max_bytes=1024 * 1024, parse_seconds=120))
    assert message == "holds more than 5 MB of text and was stopped (a damaged or hostile file?)"


def _word_terms(path: Path, rows: list[tuple[str, str]], *, bold_header: bool) -> Path:
    """A Word job pack with a two-column table of terms under a heading."""
    from docx import Document

    document = Document()
    document.add_heading("Terms at a glance", level=1)
    table = document.add_table(rows=len(rows), cols=2)
    for index, (row, (item, detail)) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, text in zip(row.cells, (item, detail), strict=True):
            cell.paragraphs[0].add_run(text).bold = bold_header and index == 0
    document.add_heading("How we will hire", level=1)
    document.add_paragraph("Apply by Sunday.")
    document.save(str(path))
    return path


def test_a_word_table_is_read_row_by_row_under_its_heading(tmp_path: Path) -> None:
    terms = [("Item", "Detail"), ("Salary", "£34,000 - £38,500"), ("Holiday", "28 days")]
    path = _word_terms(tmp_path / "jobpack.docx", terms, bold_header=True)
    chunks = split(load_file(path, LIMITS))
    terms_said = next(c for c in chunks if "Salary" in c.text)
    assert terms_said.location.endswith("Terms at a glance")
    assert terms_said.text.split("\n")[:2] == [
        "Salary is £34,000 - £38,500.",
        "Holiday is 28 days.",
    ]


def test_a_word_table_without_a_header_row_loses_none_of_its_rows(tmp_path: Path) -> None:
    terms = [("Salary", "£34,000 - £38,500"), ("Holiday", "28 days")]
    path = _word_terms(tmp_path / "jobpack.docx", terms, bold_header=False)
    said = next(c for c in split(load_file(path, LIMITS)) if "Holiday" in c.text).text
    assert said.split("\n")[:2] == ["Salary is £34,000 - £38,500.", "Holiday is 28 days."]


@pytest.fixture(scope="module")
def job_pack(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return load_file(job_pack_pdf(tmp_path_factory.mktemp("pdf") / "pack.pdf"), LIMITS).pages


def test_pdf_headings_are_read_from_their_type(job_pack: list[str]) -> None:
    assert job_pack[0].startswith("# Data Officer")
    assert "## About the role" in job_pack[0]
    assert "## How to apply" in job_pack[1]


def test_pdf_paragraph_lines_are_joined(job_pack: list[str]) -> None:
    assert "reader which keeps the lines apart would cut its sentences" in job_pack[0]


def test_pdf_bullets_are_list_items(job_pack: list[str]) -> None:
    assert "- Keep the volunteer records in Beacon" in job_pack[0]


def test_pdf_bullets_set_in_a_symbol_font_are_list_items(job_pack: list[str]) -> None:
    assert "- Strong Excel skills\n\n- Some SQL" in job_pack[0]


def test_pdf_numbered_items_are_numbered_list_items(job_pack: list[str]) -> None:
    assert "1. Learn the booking system\n\n2. Rebuild the visitor dashboard" in job_pack[0]


def test_pdf_running_footer_and_page_numbers_are_left_out(job_pack: list[str]) -> None:
    assert not any("Page 1 of 2" in page or "Fernhollow Trust ·" in page for page in job_pack)


def test_pdf_table_rows_are_said_as_sentences(tmp_path: Path) -> None:
    chunks = split(load_file(job_pack_pdf(tmp_path / "pack.pdf"), LIMITS))
    text = "\n".join(c.text for c in chunks)
    # A table with no header row keeps its first row.
    assert "Salary is £29,000 to £32,000." in text
    assert "Holiday is 28 days." in text
    # What a cell says after its first sentence with no subject of its own is still the row's.
    assert "Location is hybrid, based at our office in Hebden Bridge, two days a week." in text
    # A bold header row is a header, not a row; the stages are numbered steps.
    assert "Stage is" not in text
    assert "1. Phone call: 12 May." in text
    timetable = next(c for c in chunks if "20 May" in c.text)
    assert timetable.location == "page 2 > How to apply"


def test_terms_set_beside_a_ruled_column_of_bold_labels_keep_their_values(
    tmp_path: Path,
) -> None:
    page = load_file(terms_beside_labels_pdf(tmp_path / "terms.pdf"), LIMITS).pages[0]
    assert "Salary: £32,500 – £35,000 per annum" in page
    assert "Contract: Permanent, full-time" in page
    assert "Hybrid: at least two days a week" in page
