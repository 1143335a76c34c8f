"""Scores back to the platform's gradebook (Assignment and Grade Services): an attempt launched
from a course sends its overall score to the activity's line item when its feedback is visible
to the learner (at once, or when the coach releases it; again if the report changes).

What a launch allowed (the line item, the scopes, the platform) is kept per learner and
scenario from their latest launch; an attempt made outside the course has nothing to send.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.lti.launches import CLAIM
from roleplay.coaching.lti.platforms import LtiError, Platforms, TimedSession
from roleplay.coaching.lti.storage import DatabaseLaunchStorage
from roleplay.history.tables import LtiUserRow, ReportRow, ScenarioRow, SessionRow

AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
# A course runs for months: what a launch allowed is kept for a year after the latest launch.
KEEP_SECONDS = 366 * 24 * 3600
log = logging.getLogger(__name__)


def _key(user_id: int, scenario: str) -> str:
    return f"ags-{user_id}-{scenario}"


class Grades:
    def __init__(self, factory: sessionmaker):
        self.factory = factory
        self.storage = DatabaseLaunchStorage(factory)

    def remember(self, user_id: int, scenario: str | None, body: dict[str, Any]) -> None:
        """Keep what a resource launch allows for grades (nothing when it allows none)."""
        endpoint = body.get(AGS)
        if not scenario or not isinstance(endpoint, dict) or not endpoint.get("lineitem"):
            return
        if SCORE_SCOPE not in (endpoint.get("scope") or []):
            return
        aud = body.get("aud")
        value = {
            "issuer": body.get("iss"),
            "client_id": aud[0] if isinstance(aud, list) else aud,
            "endpoint": endpoint,
            "deployment": body.get(CLAIM + "deployment_id"),
        }
        self.storage.set_value(_key(user_id, scenario), value, exp=KEEP_SECONDS)

    def send(self, session_id: str) -> bool:
        """Send the attempt's newest overall score, when its learner may see it; True when the
        platform took it, False when there is nothing to send. LtiError when the platform
        refused or did not answer."""
        with self.factory() as db:
            row = db.get(SessionRow, session_id)
            scenario = db.get(ScenarioRow, row.scenario_id) if row and row.scenario_id else None
            if row is None or scenario is None:
                return False
            feedback = (scenario.spec or {}).get("feedback", "immediate")
            if feedback == "after_review" and row.feedback_released_at is None:
                return False  # the gradebook would show what the coach has not released
            overall = db.scalar(
                select(ReportRow.overall)
                .where(ReportRow.session_id == session_id)
                .order_by(ReportRow.id.desc())
            )
            stored = self.storage.get_value(_key(row.user_id, scenario.code))
            if overall is None or not stored:
                return False
            subject = db.scalar(
                select(LtiUserRow.subject).where(
                    LtiUserRow.user_id == row.user_id, LtiUserRow.issuer == stored["issuer"]
                )
            )
        if subject is None:
            return False
        return self._post(stored, subject, float(overall))

    def _post(self, stored: dict[str, Any], subject: str, overall: float) -> bool:
        conf = Platforms(self.factory).tool_conf()
        try:
            registration = conf.find_registration_by_params(stored["issuer"], stored["client_id"])
        except Exception as error:  # the platform was removed since the launch
            raise LtiError(f"The course's platform is no longer registered ({error}).") from None
        connector = ServiceConnector(registration, requests_session=TimedSession())
        service = AssignmentsGradesService(connector, stored["endpoint"])
        grade = (
            Grade()
            .set_score_given(round(overall, 1))
            .set_score_maximum(100)
            .set_timestamp(datetime.now(UTC).isoformat(timespec="milliseconds"))
            .set_activity_progress("Completed")
            .set_grading_progress("FullyGraded")
            .set_user_id(subject)
        )
        try:
            service.put_grade(grade)
        except Exception as error:
            log.warning("grade not sent to %s: %s", stored["issuer"], error)
            raise LtiError(
                "The score could not reach the course's gradebook "
                f"({str(error).splitlines()[0][:200]}); it is sent again when the report is "
                "opened or released."
            ) from None
        return True
