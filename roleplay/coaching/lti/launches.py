"""What a launch the platform signed means here: which account (made on first launch, never
with a password: the platform vouches for them), whether they are a coach (an instructor of the
course) or a learner, the course's cohort, the scenario the link opens, and a one-time code that
signs the page in.

Only a launch ``pylti1p3`` has validated (signature against the platform's JWKS, issuer,
audience, deployment, expiry, a nonce used once) reaches this module.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.accounts import NAME, Account, reserved
from roleplay.coaching.lti.platforms import LtiError
from roleplay.coaching.lti.storage import DatabaseLaunchStorage
from roleplay.history.tables import CohortCoachRow, CohortRow, LtiUserRow, MemberRow, User

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
# Roles that make a launch a coach's: the course's teachers and the platform's administrators.
_TEACHING = ("#Instructor", "#Administrator", "#ContentDeveloper", "#TeachingAssistant")
HANDOFF_SECONDS = 120
_SCENARIO_CODE = 64


@dataclass(frozen=True)
class Launched:
    account: Account
    cohort: str | None
    scenario: str | None
    deep_linking: bool


def teaches(body: dict[str, Any]) -> bool:
    roles = body.get(CLAIM + "roles") or []
    return any(isinstance(r, str) and r.endswith(_TEACHING) for r in roles)


def _user_name(db: DbSession, body: dict[str, Any], issuer: str, subject: str) -> str:
    """Their e-mail address when the platform gives one that is free here, else a name made
    from who they are at the platform (stable, and telling nothing)."""
    email = str(body.get("email") or "").strip().lower()
    free = bool(email) and NAME.match(email) and not reserved(email)
    if free and db.scalar(select(User.id).where(User.name_key == email)) is None:
        return email
    digest = hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()[:12]
    return f"lti-{digest}"


class Launches:
    def __init__(self, factory: sessionmaker):
        self.factory = factory
        self.storage = DatabaseLaunchStorage(factory)

    def arrive(self, body: dict[str, Any]) -> Launched:
        """The account, course cohort and scenario of a validated launch."""
        issuer, subject = str(body.get("iss") or ""), str(body.get("sub") or "")
        if not issuer or not subject:
            raise LtiError("The launch names no user: ask the platform to send the user's id.")
        coach = teaches(body)
        with self.factory() as db:
            user = self._account(db, body, issuer, subject, coach)
            cohort = self._course(db, body, issuer, user, coach)
            db.commit()
            account = Account(user.id, user.name, user.role)
        custom = body.get(CLAIM + "custom") or {}
        scenario = custom.get("scenario") if isinstance(custom, dict) else None
        scenario = (
            scenario if isinstance(scenario, str) and len(scenario) <= _SCENARIO_CODE else None
        )
        kind = body.get(CLAIM + "message_type")
        return Launched(account, cohort, scenario, kind == "LtiDeepLinkingRequest")

    def _account(
        self, db: DbSession, body: dict[str, Any], issuer: str, subject: str, coach: bool
    ) -> User:
        link = db.scalar(
            select(LtiUserRow).where(LtiUserRow.issuer == issuer, LtiUserRow.subject == subject)
        )
        user = db.get(User, link.user_id) if link else None
        if user is None:
            user = User(
                name=_user_name(db, body, issuer, subject),
                role="coach" if coach else "learner",
                created_at=datetime.now(UTC),
                full_name=str(body.get("name") or "")[:200],
                email=str(body.get("email") or "")[:254] or None,
            )
            db.add(user)
            db.flush()
            db.add(LtiUserRow(issuer=issuer, subject=subject, user_id=user.id))
        elif coach and user.role == "learner":
            # The platform says they teach this course now (a learner became a teaching
            # assistant): the platform is the authority on its courses' roles.
            user.role = "coach"
        return user

    def _course(
        self, db: DbSession, body: dict[str, Any], issuer: str, user: User, coach: bool
    ) -> str | None:
        """The course's cohort: made by its first instructor's launch; a learner who launches
        joins it."""
        found = _context(body, issuer)
        if found is None:
            return None
        key, context, context_id = found
        cohort = db.scalar(select(CohortRow).where(CohortRow.lti_context == key))
        if cohort is None and coach:
            title = str(context.get("title") or context.get("label") or context_id)[:150]
            name = title
            if db.scalar(
                select(CohortRow.id).where(CohortRow.owner_id == user.id, CohortRow.name == name)
            ):
                name = f"{title} ({context_id[:40]})"
            cohort = CohortRow(
                owner_id=user.id, name=name, created_at=datetime.now(UTC), lti_context=key
            )
            db.add(cohort)
            db.flush()
        if cohort is None:
            return None
        # Another instructor of the course coaches its cohort too.
        another = coach and cohort.owner_id != user.id
        if another and db.get(CohortCoachRow, (cohort.id, user.id)) is None:
            db.add(CohortCoachRow(cohort_id=cohort.id, user_id=user.id))
        if not coach and db.get(MemberRow, (cohort.id, user.id)) is None:
            db.add(MemberRow(cohort_id=cohort.id, user_id=user.id, added_at=datetime.now(UTC)))
        return cohort.name

    def add_members(self, body: dict[str, Any], members: list[dict[str, Any]]) -> int:
        """The course's roster (Names and Role Provisioning, fetched at an instructor's launch):
        each active learner gets their account and joins the course's cohort, whether or not
        they have launched yet. Returns how many learners are in the cohort now."""
        issuer = str(body.get("iss") or "")
        with self.factory() as db:
            cohort = self._course_row(db, body, issuer)
            if cohort is None:
                return 0
            for member in members:
                subject = member.get("user_id")
                if not isinstance(subject, str) or member.get("status", "Active") != "Active":
                    continue
                roles = {CLAIM + "roles": member.get("roles") or []}
                if teaches(roles):
                    continue
                person = {"email": member.get("email"), "name": member.get("name"), **roles}
                user = self._account(db, person, issuer, subject, coach=False)
                if db.get(MemberRow, (cohort.id, user.id)) is None:
                    db.add(
                        MemberRow(cohort_id=cohort.id, user_id=user.id, added_at=datetime.now(UTC))
                    )
            db.commit()
            return len(db.scalars(select(MemberRow).where(MemberRow.cohort_id == cohort.id)).all())

    def _course_row(self, db: DbSession, body: dict[str, Any], issuer: str) -> CohortRow | None:
        found = _context(body, issuer)
        if found is None:
            return None
        return db.scalar(select(CohortRow).where(CohortRow.lti_context == found[0]))

    # -- signing the page in -----------------------------------------------------------------

    def handoff(self, launched: Launched) -> str:
        """A one-time code, good for two minutes, that the app's page trades for a sign-in."""
        code = secrets.token_urlsafe(32)
        value = {"user": launched.account.id, "scenario": launched.scenario}
        self.storage.set_value(_handoff_key(code), value, exp=HANDOFF_SECONDS)
        return code

    def take_handoff(self, code: object) -> tuple[Account, str | None] | None:
        """Whose code this is (spent as it is read), and the scenario to open; None for a code
        that is unknown, used or expired, or anything else a client sends."""
        if not isinstance(code, str) or not code or len(code) > 100:
            return None
        key = _handoff_key(code)
        value = self.storage.get_value(key)
        # Spent at once: a code seen in a log or a browser's history opens nothing later.
        if value is None or not self.storage.take(key):
            return None
        with self.factory() as db:
            user = db.get(User, value.get("user"))
            if user is None:
                return None
            return Account(user.id, user.name, user.role), value.get("scenario")


def _context(body: dict[str, Any], issuer: str) -> tuple[str, dict[str, Any], str] | None:
    """The course a launch is in: its key here ("<issuer> <context id>"), its claim and id."""
    context = body.get(CLAIM + "context") or {}
    context_id = context.get("id") if isinstance(context, dict) else None
    if not isinstance(context_id, str) or not context_id:
        return None
    return f"{issuer} {context_id}"[:700], context, context_id


def _handoff_key(code: str) -> str:
    return "handoff-" + hashlib.sha256(code.encode()).hexdigest()
