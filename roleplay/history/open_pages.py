"""What each open page holds, kept in the database so that a page whose server process dies
lands on another that carries it on: its sign-in (the token's hash, never the token), the
interview it has open, its scenario and its model.

A page is named by the browser's signed identity and the page's own id together: a client can
choose its page id, but not another browser's identity, so it can only reach its own pages.
Rows untouched for ``keep`` are pruned as others are written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import sessionmaker

from roleplay.history.rows import aware
from roleplay.history.shared_tables import OpenPage

# A page id as Gradio's client makes them (random letters and digits); anything else is not
# remembered.
PAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
PRUNE_EVERY = 100


@dataclass(frozen=True)
class PageRecord:
    login_hash: str | None = None
    interview_id: str | None = None
    scenario: str | None = None
    model: str | None = None


class OpenPages:
    def __init__(self, factory: sessionmaker, keep: timedelta):
        self.factory = factory
        self.keep = keep
        self._writes = 0

    def remember(self, browser_id: str, page_id: str, record: PageRecord) -> None:
        if not PAGE_ID.match(page_id or ""):
            return
        now = datetime.now(UTC)
        with self.factory() as db:
            row = db.get(OpenPage, (browser_id, page_id))
            if row is None:
                row = OpenPage(browser_id=browser_id, page_id=page_id)
                db.add(row)
            row.login_hash = record.login_hash
            row.interview_id = record.interview_id
            row.scenario = record.scenario
            row.model = record.model
            row.updated_at = now
            self._writes += 1
            if self._writes % PRUNE_EVERY == 0:
                db.execute(delete(OpenPage).where(OpenPage.updated_at < now - self.keep))
            db.commit()

    def recall(self, browser_id: str, page_id: str | None) -> PageRecord | None:
        """What this browser's page held, if it was remembered and not too long ago."""
        if not page_id or not PAGE_ID.match(page_id):
            return None
        with self.factory() as db:
            row = db.get(OpenPage, (browser_id, page_id))
            if row is None:
                return None
            if aware(row.updated_at) < datetime.now(UTC) - self.keep:
                return None
            return PageRecord(row.login_hash, row.interview_id, row.scenario, row.model)
