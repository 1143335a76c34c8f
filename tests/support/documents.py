"""Making test documents, good and hostile, at test time."""

from __future__ import annotations

import random
import zlib
from pathlib import Path

from pypdf import PdfWriter

from roleplay.core.resources import shipped_dir

SAMPLE_PDF = shipped_dir("knowledge") / "larkspur-health" / "annual-review-2025.pdf"


def encrypted_pdf(path: Path) -> Path:
    writer = PdfWriter(clone_from=SAMPLE_PDF)
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _pdf(objects: list[bytes]) -> bytes:
    body = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    return body + trailer % (len(objects) + 1, xref)


def ballooning_pdf(path: Path, pages: int = 40, text_mb: int = 30) -> Path:
    """A small file whose pages all share one packed content stream of ``text_mb`` MB of text.

    Each stream stays under pypdf's own per-stream limit, so only a cap on the whole parse
    (time or memory) stops it from building gigabytes of text.
    """
    content = b"BT /F1 12 Tf (" + b"A" * (text_mb * 1024 * 1024) + b") Tj ET"
    stream = zlib.compress(content, 9)
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>"
    )
    objects += [page] * pages
    path.write_bytes(_pdf(objects))
    return path


WORDS = [
    "clinic",
    "nurse",
    "patient",
    "alert",
    "triage",
    "readmission",
    "monitoring",
    "dashboard",
    "analyst",
    "metric",
    "team",
    "release",
    "experiment",
    "retention",
    "revenue",
    "partner",
    "county",
    "pilot",
    "device",
    "reading",
    "glucose",
    "pressure",
    "weight",
    "enrolment",
    "adherence",
    "billing",
    "summary",
    "memo",
    "culture",
    "hiring",
    "roadmap",
    "quarter",
    "launch",
]


def synthetic_notes(sections: int, words: int, *, seed: int = 7, title: str = "0") -> str:
    """Markdown research notes of ``sections`` headed sections of ``words`` random words each."""
    rng = random.Random(seed)
    parts = []
    for section in range(sections):
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        parts.append(f"## Section {title}.{section}\n\n{text.capitalize()}.")
    return "\n\n".join(parts)


def job_pack_pdf(path: Path) -> Path:
    """A two-page job pack set the way employers' PDFs are: a title, bold section headings, a
    wrapped paragraph, bullets, a key-terms table with no header row, a timetable with a bold
    header row, and a running footer with page numbers."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Table,
    )

    styles = getSampleStyleSheet()
    body, heading = styles["BodyText"], styles["Heading2"]

    def footer(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, 30, f"Fernhollow Trust · Data Officer · Page {document.page} of 2")

    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]
    terms = Table(
        [
            ["Salary", "£29,000 to £32,000"],
            ["Hours", "35 per week"],
            ["Holiday", "28 days"],
            ["Location", "Hybrid. Based at our office in Hebden Bridge, two days a week"],
        ],
        style=grid,
    )
    timetable = Table(
        [["Stage", "Date"], ["Stage 1: phone call", "12 May"], ["Stage 2: panel", "20 May"]],
        style=[*grid, ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")],
    )
    wrapped = (
        "The data team keeps the records for every one of our forty-two reserves, and this "
        "paragraph runs long enough to wrap over several lines of the page so that a reader "
        "which keeps the lines apart would cut its sentences in the middle."
    )
    story = [
        Paragraph("Data Officer", styles["Title"]),
        terms,
        Paragraph("About the role", heading),
        Paragraph(wrapped, body),
        Paragraph("What you will do", heading),
        ListFlowable(
            [
                Paragraph("Keep the volunteer records in Beacon", body),
                Paragraph("Build the monthly dashboards", body),
            ],
            bulletType="bullet",
        ),
        Paragraph("What you bring", heading),
        # (A "circle" bullet is set in ZapfDingbats, where it sits on the letter "l".)
        ListFlowable(
            [
                ListItem(Paragraph(t, body), value="circle")
                for t in ("Strong Excel skills", "Some SQL")
            ],
            bulletType="bullet",
        ),
        Paragraph("Your first three months", heading),
        # (A numbered list's number stands apart from its item: "1 Learn the booking system".)
        ListFlowable(
            [
                Paragraph("Learn the booking system", body),
                Paragraph("Rebuild the visitor dashboard", body),
            ],
            bulletType="1",
        ),
        PageBreak(),
        Paragraph("How to apply", heading),
        timetable,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def terms_beside_labels_pdf(path: Path) -> Path:
    """A recruitment pack's terms as a designer sets them: the labels in bold in a shaded,
    ruled column, each value in plain type beside it outside the rules, one label wrapped onto
    a second line."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    body = getSampleStyleSheet()["BodyText"]
    rows = [
        ("Salary", "£32,500 – £35,000 per annum, depending on experience"),
        ("Contract", "Permanent, full-time"),
        (
            "Location and hybrid working",
            "Throstle Bank Mill, Todmorden. Hybrid: at least two days a week in the office, "
            "one of which is Tuesday, our team day.",
        ),
    ]
    terms = Table(
        [[Paragraph(f"<b>{label}</b>", body), Paragraph(value, body)] for label, value in rows],
        colWidths=[110, 330],
        style=[
            ("BACKGROUND", (0, 0), (0, -1), colors.lightgrey),
            ("LINEBELOW", (0, 0), (0, -1), 0.5, colors.grey),
            ("LINEBEFORE", (0, 0), (0, -1), 0.5, colors.grey),
            ("LINEAFTER", (0, 0), (0, -1), 0.5, colors.grey),
            ("LINEABOVE", (0, 0), (0, 0), 0.5, colors.grey),
        ],
    )
    SimpleDocTemplate(str(path)).build([Paragraph("Terms and conditions", body), terms])
    return path


def slide_deck_pdf(path: Path) -> Path:
    """A welcome pack exported from a slide deck: landscape pages in large type, a title, then
    a point to a line with no bullet glyph, one indented under another, and a running
    footer."""
    from reportlab.pdfgen import canvas

    slides = [
        ("Where we came from", [
            (84, "2014 Nell & Joe start brewing in the old creamery at Low Gill Farm"),
            (104, "second-hand five-barrel kit from a closed Kendal brewpub"),
            (84, "2019 Move to the Mill Lane Brewhouse, 20-barrel kit, taproom opens"),
        ]),
        ("Systems cheat sheet", [
            (84, "Breww - orders, stock, duty"),
            (84, "Shopify - web shop"),
            (84, "Klaviyo - Brew Sheet emails"),
        ]),
    ]  # fmt: skip
    page = canvas.Canvas(str(path), pagesize=(960, 540))
    for number, (title, points) in enumerate(slides, 1):
        page.setFont("Helvetica-Bold", 36)
        page.drawString(60, 540 - 87, title)
        page.setFont("Helvetica", 18)
        for row, (x, point) in enumerate(points):
            page.drawString(x, 540 - 144 - 34 * row, point)
        page.setFont("Helvetica", 10)
        page.drawString(40, 18, f"Scarthwaite Brewing Co. · Crew welcome pack {number} / 2")
        page.showPage()
    page.save()
    return path
