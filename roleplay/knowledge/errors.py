"""Errors of the knowledge packs; each message is meant for the user as it stands."""

from roleplay.core.errors import UserError


class KnowledgeError(UserError, RuntimeError):
    """A pack cannot be used as asked (wrong embedder, unknown pack, unreachable store)."""


class LoadError(ValueError):
    """One source could not be read; the message says why and, where it can, what to do."""
