"""What the web app shares across all browser sessions (the parts of ``roleplay.wiring.parts``,
and the keys and folders of each browser), and ``PageState``, one page's own state.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from roleplay.coaching.accounts import Account, Accounts
from roleplay.core.personas import PersonaLibrary
from roleplay.core.session import Session
from roleplay.core.settings import Settings
from roleplay.history.server_keys import KeyMismatch, agreed, fingerprint, replace
from roleplay.interview.engine import Interview
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.ingest import Outcome
from roleplay.speech import Delivery
from roleplay.web.identity import from_cookies, is_browser_id, new_id
from roleplay.web.keys import IDENTITY_KEY_FILE, PAGE_STORAGE_KEY_FILE, RETIRED_KEY_FILE, key_file
from roleplay.wiring.parts import Parts

log = logging.getLogger(__name__)


# Browsers whose interviewer lists are kept in memory (the least recently used go first).
LIBRARIES_KEPT = 256


@dataclass
class Login:
    """A coach's or learner's sign-in: the token the browser holds, checked on every use."""

    token: str
    accounts: Accounts


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

    def __post_init__(self) -> None:
        if not is_browser_id(self.owner):
            raise ValueError("a browser id is 32 hex digits")

    @property
    def account(self) -> Account | None:
        """The signed-in coach or learner, checked again on each use: an expired sign-in or
        one signed out in another tab ends here too."""
        if self.login is None:
            return None
        account = self.login.accounts.signed_in(self.login.token)
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
        """The page's own state; for an event that comes before any other of its page, a new
        one for the browser that the request's identity cookie names (or a new browser)."""
        if page is not None:
            return page
        cookies = getattr(request, "cookies", None) if request is not None else None
        owner = from_cookies(dict(cookies or {}), self.identity_key)
        if owner is None:
            return PageState()
        page = PageState(owner=owner)
        self.find_uploads(page)
        return page

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
