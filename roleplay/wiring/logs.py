"""The server's log: one line per record, as text or as JSON (``ROLEPLAY_LOG_FORMAT``), each
carrying the id of the request it belongs to, so one browser's request can be followed from the
balancer (which may send ``X-Request-ID``) through whichever process served it."""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Literal

# The request being served in this task or thread ("-" outside any).
REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
# What a record may carry besides its message (the web app's request log sets these).
FIELDS = ("method", "path", "status", "seconds", "kind")
TEXT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class WithRequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # A record may name its request itself (a streamed reply logs after its step's context).
        record.request_id = getattr(record, "request_id", None) or REQUEST_ID.get()
        return True


class JsonLines(logging.Formatter):
    """One JSON object per line: what log collectors read without a parser of their own."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "pid": record.process,
        }
        entry.update({f: getattr(record, f) for f in FIELDS if hasattr(record, f)})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(form: Literal["text", "json"], level: int = logging.INFO) -> None:
    """Send the program's records to standard error in ``form``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(WithRequestId())
    handler.setFormatter(JsonLines() if form == "json" else logging.Formatter(TEXT))
    logger = logging.getLogger("roleplay")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False
