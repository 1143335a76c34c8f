"""Reading the YAML files the app is configured with (personas, rubrics, scenarios, sample
packs): one way to read them, and one way to say what is wrong with them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

T = TypeVar("T")


def describe_validation_error(source: str, error: ValidationError) -> str:
    """One readable line per problem: ``source: field 'a.b': message``."""
    lines = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        lines.append(f"{source}: field '{field}': {problem['msg']}")
    return "\n".join(lines)


# Data files are small; a scenario file carrying its research is the largest kind.
MAX_BYTES = 25 * 1024 * 1024


# libyaml's loader when PyYAML was built with it (every wheel is): ten times the pure-Python
# one, which a quick command would otherwise spend a fifth of a second in.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str) -> None:
    """Refuse YAML anchors and aliases: our files never need them, and aliases let a few bytes
    expand into gigabytes (the "billion laughs" file). Checked on the parser's events, before
    anything is built."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            raise yaml.YAMLError(
                f"uses a YAML anchor or alias (&name / *name), which data files may not{where}"
            )


def read_yaml(path: Path, error: type[Exception], max_bytes: int = MAX_BYTES) -> Any:
    """The file's YAML, or ``error`` naming the file and why it could not be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(
                f"{path}: is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:g} MB "
                "limit for a data file"
            )
        text = path.read_text(encoding="utf-8")
        _refuse_aliases(text)
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as problem:
        raise error(f"{path}: not valid YAML ({problem})") from None
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"{path}: cannot be read ({problem})") from None


def validate(data: Any, kind: type[T], source: str, error: type[Exception]) -> T:
    """``data`` as ``kind``, or ``error`` naming the source and the field at fault."""
    try:
        return TypeAdapter(kind).validate_python(data)
    except ValidationError as problem:
        raise error(describe_validation_error(source, problem)) from None


def load_yaml(path: Path, kind: type[T], error: type[Exception], max_bytes: int = MAX_BYTES) -> T:
    """Read and validate one data file."""
    return validate(read_yaml(path, error, max_bytes), kind, str(path), error)


def compiled_patterns(patterns: list[str]) -> list[str]:
    """``patterns`` when every one is a valid regular expression: the check every data file
    holding patterns shares (a field validator), naming the one at fault."""
    for number, pattern in enumerate(patterns, 1):
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(
                f"pattern {number} ({pattern!r}) is not a valid expression: {error}"
            ) from None
    return patterns
