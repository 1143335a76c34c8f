"""Reading the YAML files the app is configured with (personas, rubrics, scenarios, sample
packs): one way to read them, and one way to say what is wrong with them."""

from __future__ import annotations

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


def read_yaml(path: Path, error: type[Exception]) -> Any:
    """The file's YAML, or ``error`` naming the file and why it could not be read."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
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


def load_yaml(path: Path, kind: type[T], error: type[Exception]) -> T:
    """Read and validate one data file."""
    return validate(read_yaml(path, error), kind, str(path), error)
