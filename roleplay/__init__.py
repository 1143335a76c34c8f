"""Interview Roleplay: rehearse interviews against an LLM interviewer that keeps private notes."""

__version__ = "0.1.0"
