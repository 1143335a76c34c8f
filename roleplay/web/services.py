"""What the web app shares across all browser sessions: settings, personas, prompts, the model
and the pack store. Each is built once per process; per-user state lives in ``PageState``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from roleplay.coaching.accounts import Account, Accounts
from roleplay.coaching.catalogue import Catalogue
from roleplay.coaching.reviews import Reviews
from roleplay.feedback.rubrics import rubric_ids
from roleplay.history.sessions import SessionStore
from roleplay.interview.engine import Interview
from roleplay.interview.factory import InterviewFactory
from roleplay.interview.prompts import Prompts
from roleplay.interview.session import Session
from roleplay.knowledge import configured as knowledge
from roleplay.knowledge.embeddings import Embedder, Yielding
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.ingest import Outcome
from roleplay.knowledge.samples import SamplePack, ensure_pack, sample_packs
from roleplay.knowledge.store import PackStore
from roleplay.llm import ChatBackend, build_backend
from roleplay.llm.choice import ModelOption, chosen, options
from roleplay.personas import PersonaLibrary
from roleplay.resources import shipped_dir
from roleplay.settings import Settings
from roleplay.speech import Delivery, Speech
from roleplay.web.identity import from_cookies, is_browser_id, new_id
from roleplay.web.keys import IDENTITY_KEY_FILE, PAGE_STORAGE_KEY_FILE, RETIRED_KEY_FILE, key_file

log = logging.getLogger(__name__)


# Browsers whose interviewer lists are kept in memory (the least recently used go first).
LIBRARIES_KEPT = 256
# How long the list of models a page may pick is kept before Ollama is asked again (seconds).
OPTIONS_SECONDS = 30.0
# Longest an ingest waits for replies to finish before embedding its next slice anyway (seconds).
INGEST_MAX_PAUSE = 20.0


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


class Services:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.library = PersonaLibrary([shipped_dir("personas"), settings.user_personas_dir])
        self.prompts = Prompts.load(settings.prompts_dir)
        self.speech = Speech(settings)
        self._lock = threading.Lock()
        self._samples_ready = False
        # Not the samples' lock: building the samples takes a while.
        self._models_lock = threading.Lock()
        self._backends: dict[str, ChatBackend] = {}
        self._libraries: OrderedDict[str, PersonaLibrary] = OrderedDict()
        self._options: tuple[float, list[ModelOption]] | None = None

    @cached_property
    def backend(self) -> ChatBackend:
        """The default model (the settings' pick)."""
        return build_backend(self.settings)

    @property
    def default_model(self) -> str:
        return chosen(self.settings)

    def model_options(self) -> list[ModelOption]:
        """The models a page may pick; asked of Ollama at most every half minute."""
        with self._models_lock:
            if self._options is None or time.monotonic() - self._options[0] > OPTIONS_SECONDS:
                self._options = (time.monotonic(), options(self.settings))
            return self._options[1]

    def backend_for(self, model_id: str | None) -> ChatBackend:
        """The backend for a model picked on a page (already checked against the options)."""
        if not model_id or model_id == self.default_model:
            return self.backend
        with self._models_lock:
            if model_id not in self._backends:
                backend = build_backend(self.settings, model_id)
                # One record of who is replying, whichever model: an ingest yields to them all.
                backend.activity = self.backend.activity
                self._backends[model_id] = backend
            return self._backends[model_id]

    @cached_property
    def history(self) -> SessionStore:
        return SessionStore.open(self.settings)

    @cached_property
    def accounts(self) -> Accounts:
        settings = self.settings
        return Accounts(
            self.history.factory,
            login_hours=settings.login_hours,
            attempts=settings.login_attempts,
            window_seconds=settings.login_window_seconds,
        )

    @cached_property
    def catalogue(self) -> Catalogue:
        catalogue = Catalogue(self.history.factory, self.library, self.settings.rubrics_dir)
        catalogue.ensure_samples()
        return catalogue

    @cached_property
    def interviews(self) -> InterviewFactory:
        return InterviewFactory(self.settings, self.backend, self.prompts, lambda: self.store)

    @cached_property
    def reviews(self) -> Reviews:
        return Reviews(self.history.factory)

    @cached_property
    def identity_key(self) -> str:
        """The key that signs each browser's identity cookie: never sent to any page. Kept in
        the data directory so that a restarted server still recognises returning browsers;
        created readable by this user only.

        The key used to live in ``browser-secret`` and was also the pages' storage secret,
        which Gradio publishes in ``/config``: that file is retired (removed), so a cookie
        forged with the published key names nobody."""
        retired = self.settings.data_dir / RETIRED_KEY_FILE
        if retired.exists():
            retired.unlink()
            log.warning("Retired %s (it was published to pages): browsers start afresh.", retired)
        return key_file(self.settings.data_dir / IDENTITY_KEY_FILE)

    @cached_property
    def page_storage_key(self) -> str:
        """What ``gr.BrowserState`` scrambles a page's stored values with. Gradio sends it to
        every page, so it is public by design and must never be a key for anything else; it is
        kept only so that values stored before a restart still read."""
        return key_file(self.settings.data_dir / PAGE_STORAGE_KEY_FILE)

    def own_personas(self, page: PageState) -> Path:
        """The folder of this browser's own interviewers (made only when one is saved)."""
        if not is_browser_id(page.owner):
            raise ValueError("not a browser id")
        return self.settings.data_dir / "web-personas" / page.owner

    def library_for(self, page: PageState) -> PersonaLibrary:
        """The personas this page may interview with: the browser's own (made from cards
        dropped on its page; nobody else's), under the shipped and the owner's, whose ids win.
        Kept per browser, so its files are read once, not on every event (``save`` re-reads)."""
        with self._models_lock:
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

    @cached_property
    def store(self) -> PackStore:
        store = knowledge.open_store(self.settings)
        # One user's ingest steps aside while anyone's interviewer is speaking; never for long,
        # so a busy app still finishes its uploads.
        activity = self.backend.activity
        store.embedder = Embedder(
            store.embedder.name,
            Yielding(store.embedder.model, lambda: activity.wait_until_quiet(INGEST_MAX_PAUSE)),
        )
        return store

    def upload(
        self, pack: str, files: Sequence[str], owner: str, progress: Any = None
    ) -> list[Outcome]:
        """Add uploaded files to ``owner``'s ``pack`` within the upload limits; ``progress`` is
        the event's ``gr.Progress`` (each file's stage is shown on it)."""

        def tell(source: str, stage: str, done: int, total: int) -> None:
            if progress is not None:
                progress(done / total if total else None, desc=f"{stage.capitalize()} {source}")

        return knowledge.upload(self.settings, self.store, pack, files, owner=owner, progress=tell)

    def samples(self) -> list[SamplePack]:
        return sample_packs()

    def warm_up(self) -> None:
        """Load the model and the embedder, build the sample packs and open the database,
        before users arrive."""
        self.history  # noqa: B018 - opening migrates the schema; fail now, not mid-interview
        loader = getattr(self.backend.chat, "load", None)
        if loader:
            loader()
        self.ensure_samples()
        self.store.embedder.model.embed_query("warm up")

    def ensure_samples(self) -> None:
        with self._lock:
            if self._samples_ready:
                return
            for shipped in self.samples():
                ensure_pack(
                    self.store,
                    shipped.name,
                    limits=knowledge.limits(self.settings),
                    chunking=knowledge.chunking(self.settings),
                )
            self._samples_ready = True

    def rubric_ids(self) -> list[str]:
        return rubric_ids(self.settings.rubrics_dir)

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
