"""What a balancer and an operator ask each server process: ``/healthz`` (this process
answers), ``/readyz`` (and the parts it needs answer: send people here) and ``/metrics`` (its
figures, for Prometheus).

``/readyz`` names each part and whether it answered, never where it is: the details (which may
hold internal addresses) go to this process's log. Its result is kept for a couple of seconds,
so a balancer polling every process often does not become the database's busiest client.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from roleplay.web.services import Services
from roleplay.wiring import metrics
from roleplay.wiring.doctor import Finding, readiness

log = logging.getLogger(__name__)

READY_SECONDS = 2.0
NO_STORE = {"Cache-Control": "no-store"}


class Readiness:
    """The latest readiness of this process's parts, checked at most every ``READY_SECONDS``."""

    def __init__(self, services: Services, clock: Any = time.monotonic):
        self.services = services
        self.clock = clock
        self._lock = threading.Lock()
        self._checked: tuple[float, list[Finding]] | None = None

    def findings(self) -> list[Finding]:
        with self._lock:
            now = self.clock()
            if self._checked is None or now - self._checked[0] >= READY_SECONDS:
                findings = readiness(self.services.settings)
                for finding in findings:
                    if not finding.ok:
                        log.warning("Not ready: %s: %s", finding.name, finding.detail)
                self._checked = (now, findings)
            return self._checked[1]


def health_routes(services: Services) -> list[Route]:
    ready = Readiness(services)

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "alive"}, headers=NO_STORE)

    async def readyz(_request: Request) -> Response:
        findings = await run_in_threadpool(ready.findings)
        parts = {f.name: "ok" if f.ok else "failing" for f in findings}
        status = 200 if all(f.ok for f in findings) else 503
        body = {"status": "ready" if status == 200 else "not ready", "parts": parts}
        return JSONResponse(body, status_code=status, headers=NO_STORE)

    async def figures(_request: Request) -> Response:
        return Response(metrics.exposition(), media_type=metrics.CONTENT_TYPE, headers=NO_STORE)

    return [
        Route("/healthz", healthz, methods=["GET", "HEAD"]),
        Route("/readyz", readyz, methods=["GET", "HEAD"]),
        Route("/metrics", figures, methods=["GET"]),
    ]
