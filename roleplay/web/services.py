"""What the web app shares across all browser sessions (the parts of ``roleplay.wiring.parts``,
and the keys and folders of each browser), and ``PageState``, one page's own state.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from roleplay.coaching.accounts import Account, Accounts, token_hash
from roleplay.core.errors import UserError
from roleplay.core.personas import PersonaLibrary
from roleplay.core.session import Session
from roleplay.core.settings import Settings
from roleplay.history.open_pages import OpenPages, PageRecord
from roleplay.history.server_keys import KeyMismatch, agreed, fingerprint, replace
from roleplay.interview.engine import Interview
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.ingest import Outcome
from roleplay.speech import Delivery
from roleplay.web.identity import from_cookies, is_browser_id, new_id
from roleplay.web.keys import IDENTITY_KEY_FILE, PAGE_STORAGE_KEY_FILE, RETIRED_KEY_FILE, key_file
from roleplay.web.request_ids import request_id
from roleplay.wiring.logs import REQUEST_ID
from roleplay.wiring.parts import Parts

log = logging.getLogger(__name__)


# Browsers whose interviewer lists are kept in memory (the least recently used go first).
LIBRARIES_KEPT = 256


@dataclass
class Login:
    """A coach's or learner's sign-in: the token the browser holds, checked on every use. A
    page carried on by another process knows the sign-in by its hash only (``token`` "")."""

    token: str
    accounts: Accounts
    token_hash: str = ""

    def __post_init__(self) -> None:
        self.token_hash = self.token_hash or token_hash(self.token)


@dataclass
class PageState:
    """One browser page's own state: never shared, never listed to anyone else."""

    # This browser's id: from the signed identity cookie, or fresh (32 hex digits either way).
    owner: str = field(default_factory=new_id)
    interview: Interview | None = None
    uploads: list[str] = field(default_factory=list)  # pack names this page created
    login: Login | None = None
    scenario: str | None = None  # the code of the scenario this page was opened for
    model: str | None = None  # the model picked on this page (checked when picked); None: default
    # The answer last heard from this page's microphone, waiting to be sent: in which
    # interview (a recording belongs to the interview it was made in), what was heard, and how
    # it was said.
    spoken: tuple[str, str, Delivery] | None = None
    # The interviewer turn last said aloud (session id, turn index): each is said once.
    voiced: tuple[str, int] | None = None
    # The page's own id (Gradio's session hash), and what of the page the database last kept
    # under it, so that another process can carry the page on (``Services.page_of``).
    page_id: str | None = None
    kept: PageRecord | None = field(default=None, repr=False)
    # Carried on by this process after the page's own went away: the page is told once.
    moved: bool = False

    def __post_init__(self) -> None:
        if not is_browser_id(self.owner):
            raise ValueError("a browser id is 32 hex digits")

    @property
    def account(self) -> Account | None:
        """The signed-in coach or learner, checked again on each use: an expired sign-in or
        one signed out in another tab ends here too."""
        if self.login is None:
            return None
        account = self.login.accounts.signed_in_by_hash(self.login.token_hash)
        if account is None:
            self.login = None
        return account

    @property
    def user(self) -> str:
        """Whose saved interviews these are: the signed-in account's, or else this browser's
        own (its id comes from the signed identity cookie)."""
        account = self.account
        return account.name if account else f"browser:{self.owner}"


class Services(Parts):
    """The parts every page shares (``Parts``), and what only pages need: the keys that sign a
    browser's identity and its stored values, each browser's own interviewers and folders, and
    which research a page may see."""

    def __init__(self, settings: Settings):
        super().__init__(settings)
        # Read now, so that a broken persona or prompt file stops the server at its start.
        self.library  # noqa: B018
        self.prompts  # noqa: B018
        self._libraries_lock = threading.Lock()
        self._libraries: OrderedDict[str, PersonaLibrary] = OrderedDict()

    @cached_property
    def identity_key(self) -> str:
        """The key that signs each browser's identity cookie: never sent to any page. Kept in a
        file (``ROLEPLAY_IDENTITY_KEY_FILE``, by default in the data directory) so that a
        restarted server still recognises returning browsers; created readable by this user
        only. On a shared database every process must bring the same key: one with another
        is refused here, at its start, instead of signing every browser out on failover.

        The key used to live in ``browser-secret`` and was also the pages' storage secret,
        which Gradio publishes in ``/config``: that file is retired (removed), so a cookie
        forged with the published key names nobody."""
        retired = self.settings.data_dir / RETIRED_KEY_FILE
        if retired.exists():
            retired.unlink()
            log.warning("Retired %s (it was published to pages): browsers start afresh.", retired)
        path = self.identity_key_path
        key = key_file(path)
        if self.settings.database_url:
            ours = fingerprint(key)
            if agreed(self.history.factory, "identity", ours) != ours:
                raise KeyMismatch(
                    f"This process's identity key ({path}) is not the one the other server "
                    "processes on ROLEPLAY_DATABASE_URL sign browsers with. Give every process "
                    "the same key file with ROLEPLAY_IDENTITY_KEY_FILE (or, to change the key "
                    "on purpose, stop them all and start one with `roleplay serve "
                    "--new-identity-key`)."
                )
        return key

    @property
    def identity_key_path(self) -> Path:
        return self.settings.identity_key_file or self.settings.data_dir / IDENTITY_KEY_FILE

    def adopt_identity_key(self) -> None:
        """Make this process's key the one the database's processes share (every browser
        signed with the old one starts afresh)."""
        if self.settings.database_url:
            replace(self.history.factory, "identity", fingerprint(key_file(self.identity_key_path)))

    @cached_property
    def page_storage_key(self) -> str:
        """What ``gr.BrowserState`` scrambles a page's stored values with. Gradio sends it to
        every page, so it is public by design and must never be a key for anything else; it is
        kept only so that values stored before a restart still read, and on a shared database
        it is the first process's, so a page that lands on another process still reads them."""
        key = key_file(self.settings.data_dir / PAGE_STORAGE_KEY_FILE)
        if self.settings.database_url:
            return agreed(self.history.factory, "page-storage", key)
        return key

    def own_personas(self, page: PageState) -> Path:
        """The folder of this browser's own interviewers (made only when one is saved)."""
        if not is_browser_id(page.owner):
            raise ValueError("not a browser id")
        return self.settings.data_dir / "web-personas" / page.owner

    def library_for(self, page: PageState) -> PersonaLibrary:
        """The personas this page may interview with: the browser's own (made from cards
        dropped on its page; nobody else's), under the shipped and the owner's, whose ids win.
        Kept per browser, so its files are read once, not on every event (``save`` re-reads)."""
        with self._libraries_lock:
            library = self._libraries.pop(page.owner, None)
            if library is None:
                folders = [self.own_personas(page), *self.library.folders]
                library = PersonaLibrary(folders, skip_broken=True)
            self._libraries[page.owner] = library  # the most recent last
            while len(self._libraries) > LIBRARIES_KEPT:
                self._libraries.popitem(last=False)
            return library

    def user_folder(self, kind: str, owner: str) -> Path:
        """A folder of the data directory for one browser's files (transcripts, reports),
        refused if the name would lead anywhere else."""
        if not is_browser_id(owner):
            raise ValueError("not a browser id")
        base = (self.settings.data_dir / kind).resolve()
        folder = (base / owner).resolve()
        if folder.parent != base:
            raise ValueError("a user folder must stay inside the data directory")
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def page_of(self, page: PageState | None, request: Any) -> PageState:
        """The page's own state; for an event that comes before any other of its page in this
        process, the page as the database last kept it for the browser that the request's
        identity cookie names (its process gone, this one carries it on), or a new page."""
        # The event logs under the id of the request that queued it.
        REQUEST_ID.set(request_id(getattr(request, "headers", None)))
        page_id = getattr(request, "session_hash", None) if request is not None else None
        page_id = page_id if isinstance(page_id, str) else None
        if page is not None:
            page.page_id = page.page_id or page_id
            self.keep_page(page)
            return page
        cookies = getattr(request, "cookies", None) if request is not None else None
        owner = from_cookies(dict(cookies or {}), self.identity_key)
        if owner is None:
            return PageState()
        page = PageState(owner=owner, page_id=page_id)
        self.find_uploads(page)
        self._carry_on(page)
        return page

    def keep_page(self, page: PageState) -> None:
        """Keep what the page holds in the database, when it changed since it was last kept."""
        if page.page_id is None:
            return
        interview = page.interview
        record = PageRecord(
            login_hash=page.login.token_hash if page.login else None,
            interview_id=interview.session.id if interview and not interview.finished else None,
            scenario=page.scenario,
            model=page.model,
        )
        if record != page.kept:
            self.open_pages.remember(page.owner, page.page_id, record)
            page.kept = record

    def _carry_on(self, page: PageState) -> None:
        """Take up what the database kept of this page: its sign-in, scenario, model and
        unfinished interview. Whatever no longer holds (an expired sign-in, a finished or
        overdue interview) is left behind."""
        record = self.open_pages.recall(page.owner, page.page_id)
        if record is None:
            return
        page.kept = record
        if record.login_hash and self.accounts.signed_in_by_hash(record.login_hash):
            page.login = Login("", self.accounts, token_hash=record.login_hash)
        page.scenario, page.model = record.scenario, record.model
        if record.interview_id is None:
            return
        try:
            saved = self.history.load(record.interview_id, user=page.user)
            if saved.finished or self._overdue(saved):
                return
            page.interview = self.resume_for(page, saved)
        except UserError as error:
            log.warning("Could not carry on interview %s: %s", record.interview_id, error)
            return
        page.moved = True

    def _overdue(self, saved: Session) -> bool:
        if not saved.scenario:
            return False
        return self.catalogue.get(saved.scenario).spec.overdue()

    def resume_for(self, page: PageState, saved: Session) -> Interview:
        """Carry on a saved interview on this page: a scenario's attempt with the scenario's
        interviewer and model, whatever the page has; anything else with the page's."""
        library = self.library if saved.scenario else self.library_for(page)
        return self.interviews.resume(
            saved,
            library.get(saved.persona_id),
            recorder=self.recorder(page),
            backend=self.backend_for(None if saved.scenario else page.model),
        )

    @cached_property
    def open_pages(self) -> OpenPages:
        keep = timedelta(minutes=self.settings.idle_minutes)
        return OpenPages(self.history.factory, keep)

    def find_uploads(self, page: PageState) -> None:
        """The packs this browser uploaded before (on any page, before any restart)."""
        try:
            page.uploads = [p.name for p in self.store.packs(owner=page.owner) if p.owner]
        except KnowledgeError:
            page.uploads = []

    def recorder(self, page: PageState) -> Callable[[Session], None]:
        user = page.user
        return lambda data: self.history.record(data, user=user)

    def upload(
        self, pack: str, files: Sequence[str], owner: str, progress: Any = None
    ) -> list[Outcome]:
        """Add uploaded files to ``owner``'s ``pack`` within the upload limits; ``progress`` is
        the event's ``gr.Progress`` (each file's stage is shown on it)."""

        def tell(source: str, stage: str, done: int, total: int) -> None:
            if progress is not None:
                progress(done / total if total else None, desc=f"{stage.capitalize()} {source}")

        return super().upload(pack, files, owner, progress=tell)

    def visible_packs(self, page: PageState, kind: str = "company") -> list[str]:
        """Shared packs of this kind, then this page's own uploads; nobody else's."""
        samples = [s.name for s in self.samples() if s.kind == kind]
        other_samples = {s.name for s in self.samples() if s.kind != kind}
        shared = [
            p.name
            for p in self.store.packs(owner="")
            if p.name not in samples and p.name not in other_samples and kind == "company"
        ]
        own = [name for name in page.uploads if name.startswith(UPLOAD_LABELS[kind])]
        return samples + shared + own


UPLOAD_LABELS = {"company": "Your research", "candidate": "Your CV and job ad"}
