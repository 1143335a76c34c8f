"""Each request carries an id from the balancer to the log line of whichever process served
it, and the events it queues log under the same id; a shared report's token never reaches the
log."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from roleplay.web.request_ids import RequestIds
from roleplay.wiring.logs import REQUEST_ID, JsonLines, WithRequestId
from tests.support.rawqueue import RawClient
from tests.support.webapp import running_app


def client() -> TestClient:
    async def hello(_request) -> PlainTextResponse:
        logging.getLogger("roleplay.test").info("inside")
        return PlainTextResponse(REQUEST_ID.get())

    app = Starlette(routes=[Route("/hello", hello), Route("/share/{token}", hello)])
    app.add_middleware(RequestIds)
    return TestClient(app)


def test_a_well_formed_id_from_the_balancer_is_kept_echoed_and_logged(caplog) -> None:
    caplog.set_level(logging.INFO, logger="roleplay")
    response = client().get("/hello", headers={"x-request-id": "nginx-0123456789"})
    assert response.text == "nginx-0123456789"
    assert response.headers["x-request-id"] == "nginx-0123456789"
    (line,) = [r for r in caplog.records if r.name == "roleplay.requests"]
    assert (line.method, line.path, line.status) == ("GET", "/hello", 200)


@pytest.mark.parametrize("given", [None, "short", "with spaces in it", "x" * 65, "<script>"])
def test_a_missing_or_odd_id_is_replaced_by_a_new_one(given: str | None) -> None:
    headers = {"x-request-id": given} if given else {}
    response = client().get("/hello", headers=headers)
    assert response.text != given and len(response.text) == 32
    assert response.headers["x-request-id"] == response.text


def test_a_shared_reports_token_is_never_logged(caplog) -> None:
    caplog.set_level(logging.INFO, logger="roleplay")
    client().get("/share/secret-token-0123456789")
    assert "secret-token" not in caplog.text
    assert any(getattr(r, "path", "") == "/share/…" for r in caplog.records)


def test_json_lines_carry_the_request_id_and_the_fields() -> None:
    record = logging.LogRecord("roleplay.requests", logging.INFO, __file__, 1, "GET /", None, None)
    record.status, record.path = 200, "/"
    token = REQUEST_ID.set("abcdef0123")
    try:
        WithRequestId().filter(record)
    finally:
        REQUEST_ID.reset(token)
    entry = json.loads(JsonLines().format(record))
    assert entry["request_id"] == "abcdef0123" and entry["status"] == 200
    assert entry["level"] == "INFO" and entry["message"] == "GET /"


def test_a_failed_reply_logs_under_the_id_of_the_request_that_asked_for_it(
    tmp_path: Path, caplog
) -> None:
    caplog.set_level(logging.WARNING, logger="roleplay")
    with running_app(tmp_path) as served:
        raw = RawClient(served.url)
        raw.open_page()
        raw.call("start", "anxious-hiring-manager", "Acme", "Analyst", "Sam", "", "", 4, 30, None)
        served.model.enqueue(RuntimeError("the model server went away"))
        raw.http.headers["x-request-id"] = "balancer-request-42"
        raw.call("send", "I led four analysts.", None)
    (failed,) = [r for r in caplog.records if "A reply failed" in r.getMessage()]
    assert failed.request_id == "balancer-request-42"
