"""A finished interview's report as a PDF and as a read-only link (/report_pdf, /share_report,
/revoke_share, and the /share/TOKEN page), and the ways a client can misuse them: a link opens
that one report and nothing else of its owner's, stops opening once revoked or expired, and a
guess gets the same refusal; what the candidate said cannot put markup on the page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import update

from roleplay.history.tables import ShareRow
from tests.support.webapp import RunningApp, start
from tests.support.webclients import send

ANSWER = "I built a dashboard for the clinic team that cut waiting times by a third."
HOSTILE = (
    "I built it. <img src=x onerror=alert(1)> ![pixel](http://attacker.test/p.png) "
    "[click](javascript:alert(1)) <script>alert(2)</script> http://attacker.test/go"
)


def scored(client, answer: str = ANSWER) -> None:
    start(client)
    send(client, answer)
    client.predict(api_name="/end")
    client.predict(api_name="/feedback")


def shared_link(client) -> str:
    link, status = client.predict(api_name="/share_report")
    assert link, status
    return link


def opened(served: RunningApp, link: str, **params: str) -> httpx.Response:
    path = link[link.index("/share/") :]
    return httpx.get(f"{served.url.rstrip('/')}{path}", params=params, timeout=30)


def test_the_report_downloads_as_a_pdf_holding_its_scores_and_words(new_browser) -> None:
    client = new_browser()
    scored(client)
    path, status = client.predict(api_name="/report_pdf")
    assert status == ""
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    assert "Feedback: Morgan Ellis" in text and "Scores" in text
    assert "A stronger answer to each question" in text
    assert "cut waiting times by a third" in text


def test_a_link_opens_the_report_and_nothing_else_of_its_owners(
    new_browser, served: RunningApp
) -> None:
    client = new_browser()
    scored(client, "My first interview was about the stock room at Brightmart.")
    scored(client)
    page = opened(served, shared_link(client))
    assert page.status_code == 200
    assert "Feedback: Morgan Ellis" in page.text and "cut waiting times by a third" in page.text
    assert "Brightmart" not in page.text  # the other interview is not on it
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    pdf = opened(served, shared_link(client), format="pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_revoked_link_opens_nothing(new_browser, served: RunningApp) -> None:
    client = new_browser()
    scored(client)
    link = shared_link(client)
    assert opened(served, link).status_code == 200
    _link, status = client.predict(api_name="/revoke_share")
    assert status.startswith("Revoked 1 link")
    refused = opened(served, link)
    assert refused.status_code == 404 and "Link not valid" in refused.text
    assert opened(served, link, format="pdf").status_code == 404


def test_an_expired_link_opens_nothing(new_browser, served: RunningApp) -> None:
    client = new_browser()
    scored(client)
    link = shared_link(client)
    with served.services.history.factory.begin() as db:
        db.execute(update(ShareRow).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert opened(served, link).status_code == 404


@pytest.mark.parametrize("token", ["x" * 43, "short", "%00" * 20, "a" * 500, "' OR 1=1 --" * 3])
def test_a_guessed_link_gets_the_same_refusal(served: RunningApp, token: str) -> None:
    page = httpx.get(f"{served.url.rstrip('/')}/share/{token}", timeout=30)
    assert page.status_code == 404 and "Link not valid" in page.text


def test_a_path_out_of_the_share_route_opens_no_file(served: RunningApp) -> None:
    page = httpx.get(f"{served.url.rstrip('/')}/share/..%2F..%2Fetc%2Fpasswd", timeout=30)
    assert page.status_code == 404 and "root:" not in page.text


def test_another_browser_cannot_revoke_or_share_someone_elses_report(
    new_browser, served: RunningApp
) -> None:
    owner, other = new_browser(), new_browser()
    scored(owner)
    link = shared_link(owner)
    _link, status = other.predict(api_name="/revoke_share")
    assert "Score the interview first" in status
    shared, status = other.predict(api_name="/share_report")
    assert shared == "" and "Score the interview first" in status
    assert opened(served, link).status_code == 200  # the owner's link still opens


def test_nothing_the_candidate_said_becomes_markup_on_the_shared_page(
    new_browser, served: RunningApp
) -> None:
    client = new_browser()
    scored(client, HOSTILE)
    page = opened(served, shared_link(client)).text
    body = page.split("<body>", 1)[1]
    assert "<img" not in body and "<script" not in body
    assert "javascript:" not in body.replace("javascript:alert(1)", "")  # shown, never a link
    assert re.findall(r'href="([^"]*)"', body) == ["?format=pdf"]  # our own link, no other
    assert not re.search(r"<[^>]*\ssrc=", body)  # no tag loads anything
    assert "&lt;img src=x onerror=alert(1)&gt;" in body  # the words are there, as text


def test_the_pdf_reads_no_file_an_answer_names(new_browser, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    client = new_browser()
    scored(client, f'I built it. <img src="{secret}" width="100" height="100"/> Done.')
    path, status = client.predict(api_name="/report_pdf")
    assert status == "" and Path(path).read_bytes().startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "<img" in text  # printed as the words it is, not read as a picture
