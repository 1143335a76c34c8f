"""What every command shares: the two consoles, the settings, the persona library."""

from __future__ import annotations

from pydantic import ValidationError
from rich.console import Console

from roleplay.datafiles import describe_validation_error
from roleplay.personas import PersonaError, PersonaLibrary
from roleplay.resources import shipped_dir
from roleplay.settings import Settings

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)


def settings() -> Settings:
    """The settings from the environment; a bad value is one clear line, not a traceback."""
    try:
        return Settings()
    except ValidationError as error:
        raise PersonaError(describe_validation_error("environment", error)) from None


def library(config: Settings) -> PersonaLibrary:
    """The shipped personas and the user's own."""
    return PersonaLibrary([shipped_dir("personas"), config.user_personas_dir])
