"""What every command shares: the two consoles, the settings, and the parts built from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError
from rich.console import Console

from roleplay.core.datafiles import describe_validation_error
from roleplay.core.personas import PersonaError
from roleplay.core.settings import Settings

if TYPE_CHECKING:
    from roleplay.wiring.parts import Parts

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)


def settings() -> Settings:
    """The settings from the environment; a bad value is one clear line, not a traceback."""
    try:
        return Settings()
    except ValidationError as error:
        raise PersonaError(describe_validation_error("environment", error)) from None


def parts() -> Parts:
    """The program's parts, built from the settings when first used (``roleplay.wiring``)."""
    from roleplay.wiring.parts import Parts

    return Parts(settings())
