"""The report as a PDF to print or send: the scores with the candidate's words, the stronger
answers with their gaps, a practised question's tries, the interviewer's private notes, and two
charts (the score over the candidate's interviews, and the interviewer's unease over this one).

ReportLab lays it out in a frame that fits A4 and US Letter alike, in the Bitstream Vera font
that ships inside ReportLab (embedded, so it prints the same anywhere). Every word from an
interview is escaped before it reaches ReportLab's paragraph markup, which would otherwise read
a tag in an answer (an ``<img>`` can name a file on the server)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from roleplay.feedback.report import SCORE_WORDS, Report

Paper = Literal["A4", "Letter"]
PAPERS = {"A4": A4, "Letter": LETTER}
# One frame for both papers: A4 is narrower, Letter shorter.
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
_FONTS = Path(reportlab.__file__).resolve().parent / "fonts"
_INK = colors.HexColor("#1f2933")
_TEAL = colors.HexColor("#0f766e")


def _register_fonts() -> None:
    if "Vera" in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        ("Vera", "Vera.ttf"),
        ("Vera-Bold", "VeraBd.ttf"),
        ("Vera-It", "VeraIt.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(_FONTS / file)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold", italic="Vera-It")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Vera", fontSize=9.5, leading=13, textColor=_INK)
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName="Vera-Bold", fontSize=16, leading=20
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName="Vera-Bold",
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=_TEAL,
        ),
        "h3": ParagraphStyle("h3", parent=body, fontName="Vera-Bold", spaceBefore=6),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=10, fontName="Vera-It"),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: escaped, so no word of it is read as markup."""
    return Paragraph(escape(text), style)


def _chart(title: str, points: Sequence[tuple[float, float]], top: float, label: str) -> Drawing:
    drawing = Drawing(WIDTH, 55 * mm)
    drawing.add(String(0, 50 * mm, title, fontName="Vera-Bold", fontSize=9, fillColor=_INK))
    plot = LinePlot()
    # Whole points: the chart's own types say int, and a hair's breadth does not show.
    plot.x, plot.y = round(12 * mm), round(8 * mm)
    plot.width, plot.height = round(WIDTH - 20 * mm), round(36 * mm)
    plot.data = [list(points)]
    plot.lines[0].strokeColor = _TEAL
    plot.lines[0].strokeWidth = 1.5
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0, top
    plot.xValueAxis.valueMin = min(x for x, _ in points)
    plot.xValueAxis.valueMax = max(max(x for x, _ in points), plot.xValueAxis.valueMin + 1)
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize = "Vera", 7
    plot.xValueAxis.valueStep = 1
    drawing.add(plot)
    drawing.add(String(12 * mm, 0, label, fontName="Vera", fontSize=7, fillColor=_INK))
    return drawing


def _scores(report: Report, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    rows: list[list[Any]] = [
        [_p("Criterion", s["h3"]), _p("Score", s["h3"]), _p("Your words", s["h3"])]
    ]
    for item in report.criteria:
        words = " ".join(f"“{quote}”" for quote in item.evidence) or item.why or "—"
        score = SCORE_WORDS.get(item.score or "", "not scored")
        rows.append([_p(item.name, s["body"]), _p(score, s["body"]), _p(words, s["quote"])])
    table = Table(rows, colWidths=[0.3 * WIDTH, 0.14 * WIDTH, 0.56 * WIDTH], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, _TEAL),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    return [_p("Scores", s["h2"]), table]


def _answers(report: Report, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    answers = report.debrief.answers
    if not answers:
        return []
    found: list[Flowable] = [
        _p("A stronger answer to each question", s["h2"]),
        _p(
            "Built from your own sentences; what is in [brackets] is missing, for you to fill "
            "with what really happened.",
            s["small"],
        ),
    ]
    for answer in answers:
        found.append(_p(f"Answer {answer.answer}: “{answer.question}”", s["h3"]))
        if answer.testing:
            moved = answer.effect or "did not move"
            found.append(_p(f"It tested {answer.testing}: your answer {moved} it.", s["small"]))
        parts = []
        for piece in answer.pieces:
            said = escape(" ".join(piece.sentences))
            parts.append(said if said else f"<b>{escape(piece.gap)}</b>")
            if piece.then:
                parts.append(f"<b>{escape(piece.then)}</b>")
        if answer.needed:
            parts.append(f"<b>{escape(answer.needed)}</b>")
        found.append(Paragraph(" ".join(parts), s["body"]))
        if answer.rewrite:
            found.append(_p(f"Said more smoothly: {answer.rewrite}", s["quote"]))
        if answer.left_out:
            found.append(_p("Left out: " + " ".join(f"“{x}”" for x in answer.left_out), s["small"]))
    return found


def _practice(report: Report, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    comparison = report.practice
    if comparison is None:
        return []
    rows: list[list[Any]] = [[_p(h, s["h3"]) for h in ("Try", "Told", "Missing", "Score")]]
    for number, attempt in enumerate(comparison.attempts):
        name = "First" if number == 0 else f"Practice {number}"
        score = f"{attempt.score:g}" if attempt.score is not None else "—"
        rows.append(
            [
                _p(f"{name}\n{attempt.started_at:%Y-%m-%d}", s["small"]),
                _p(", ".join(attempt.told) or "—", s["small"]),
                _p(", ".join(attempt.missing) or "—", s["small"]),
                _p(score, s["small"]),
            ]
        )
    table = Table(rows, colWidths=[0.2 * WIDTH, 0.32 * WIDTH, 0.36 * WIDTH, 0.12 * WIDTH])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    said = [_p(f"“{a.said}”", s["quote"]) for a in comparison.attempts]
    return [
        _p("This question, practised again", s["h2"]),
        _p(comparison.question, s["body"]),
        table,
        *said,
    ]


def _notes(report: Report, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    debrief = report.debrief
    found: list[Flowable] = [
        _p(f"What {debrief.persona_name} privately thought", s["h2"]),
        _p(
            f"Final lean: {debrief.lean_label}. The interview ended because {debrief.end}.",
            s["body"],
        ),
    ]
    for story in debrief.worries:
        found.append(_p(f"{story.label}: {story.status}", s["h3"]))
        for step in story.steps:
            if step.evidence:
                found.append(_p(f"{step.status} by “{step.evidence}”", s["quote"]))
    return found


def report_pdf(
    report: Report, progress: Sequence[tuple[datetime, float]] = (), paper: Paper = "A4"
) -> bytes:
    """The report as a PDF on ``paper``; ``progress`` is the overall score of each of the
    candidate's scored interviews, oldest first, for the chart across interviews."""
    _register_fonts()
    s = _styles()
    score = f"{report.overall:g} / 100" if report.overall is not None else "not scored"
    story: list[Flowable] = [
        _p(f"Feedback: {report.persona_name} · {report.role} at {report.company}", s["title"]),
        _p(
            f"{report.candidate} · {report.started_at:%Y-%m-%d %H:%M} UTC · overall {score} "
            f"({report.scored} of {report.out_of} criteria scored)",
            s["small"],
        ),
        Spacer(1, 4 * mm),
    ]
    if report.summary:
        story.append(_p(report.summary, s["body"]))
    story += _scores(report, s) + _answers(report, s) + _practice(report, s)
    if len(progress) >= 2:
        points = [(float(n), score) for n, (_, score) in enumerate(progress, 1)]
        story.append(_chart("Overall score, interview by interview", points, 100, "interview"))
    moods = report.debrief.mood_by_turn
    if len(moods) >= 2:
        points = [(float(turn), mood) for turn, mood in moods]
        story.append(
            _chart("The interviewer's unease, turn by turn (0 calm, 1 tense)", points, 1, "turn")
        )
    story += _notes(report, s)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAPERS[paper],
        leftMargin=MARGIN,
        rightMargin=PAPERS[paper][0] - MARGIN - WIDTH,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Interview feedback: {report.role} at {report.company}",
        author="Interview Roleplay",
    )
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _footer(canvas: Any, document: Any) -> None:
    canvas.saveState()
    canvas.setFont("Vera", 7)
    canvas.setFillColor(colors.grey)
    canvas.drawString(MARGIN, 10 * mm, f"Interview Roleplay · page {document.page}")
    canvas.restoreState()
