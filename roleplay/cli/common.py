"""What every command shares: the two consoles, the settings, and the parts built from them."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from rich.console import Console

from roleplay.core.datafiles import describe_validation_error
from roleplay.core.errors import UserError
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
        raise UserError(describe_validation_error("environment", error)) from None


def parts() -> Parts:
    """The program's parts, built from the settings when first used (``roleplay.wiring``)."""
    from roleplay.wiring.parts import Parts

    return Parts(settings())


def print_json(data: BaseModel | Sequence[BaseModel] | dict[str, Any]) -> None:
    """``--json``'s output: plain JSON on stdout, never wrapped at the terminal's width (rich
    would fold a long string, and a script would read broken JSON)."""
    if isinstance(data, BaseModel):
        value: Any = data.model_dump(mode="json")
    elif isinstance(data, dict):
        value = data
    else:
        value = [item.model_dump(mode="json") for item in data]
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
