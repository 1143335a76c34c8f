"""The page a read-only link opens: ``/share/TOKEN`` shows that one interview's report, and
``/share/TOKEN?format=pdf`` gives it as a PDF. Nothing else of its owner's is on it: no other
interview's scores (the PDF's chart across interviews is left out) and no practised question's
other tries.

The report quotes the candidate, so the page is built as the chat is: Markdown rendered with
raw HTML and images off, and a Content-Security-Policy that loads nothing from anywhere."""

from __future__ import annotations

import html

from markdown_it import MarkdownIt
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from roleplay.core.safety import page_text
from roleplay.feedback.pdf import report_pdf
from roleplay.feedback.report import Report, report_markdown
from roleplay.history.shares import REFUSED, ShareError
from roleplay.web.services import Services

HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Content-Type-Options": "nosniff",
}
STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #1f2933; }
h1 { font-size: 1.5rem; } h2 { color: #0f766e; margin-top: 2rem; }
blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid #99d5cf; }
table { border-collapse: collapse; }
td, th { padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
footer { margin-top: 3rem; color: #667; font-size: .85rem; }
"""
# No raw HTML, and no image or link: a quoted answer cannot load or point anywhere.
_MARKDOWN = (
    MarkdownIt("commonmark", {"html": False}).enable("table").disable(["image", "link", "autolink"])
)


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    page = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}<footer>A read-only report shared from Interview Roleplay.</footer>"
        "</body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=HEADERS)


def shared_report(services: Services) -> Route:
    def show(request: Request) -> Response:
        token = request.path_params["token"]
        try:
            session_id = services.shares.open(token)
            saved = services.history.latest_report(session_id)
            if saved is None:
                raise ShareError(REFUSED)
        except ShareError:
            return _page("Link not valid", f"<h1>Link not valid</h1><p>{REFUSED}</p>", 404)
        # This interview's report alone: another try at a practised question is another's.
        report = Report.model_validate(saved).model_copy(update={"practice": None})
        if request.query_params.get("format") == "pdf":
            pdf = report_pdf(report, (), services.settings.paper)
            headers = {**HEADERS, "Content-Disposition": 'attachment; filename="report.pdf"'}
            return Response(pdf, media_type="application/pdf", headers=headers)
        title = f"Feedback: {report.role} at {report.company}"
        # The candidate's words made safe as the app's own page makes them (no markup of theirs
        # takes effect), then rendered with raw HTML, images and links off.
        body = _MARKDOWN.render(page_text(report_markdown(report)))
        link = '<p><a href="?format=pdf">Download as PDF</a></p>'
        return _page(title, link + body)

    return Route("/share/{token}", show, methods=["GET"])
