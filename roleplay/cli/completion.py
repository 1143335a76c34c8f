"""What the shell completes (``roleplay --install-completion``): persona ids, saved interviews,
model names and scenario codes, read from this machine's data when the user presses Tab.

A completer never fails out loud: a data directory that cannot be read completes nothing (the
command itself, once run, says what is wrong)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from roleplay.cli.common import settings

Completer = Callable[[str], list[str]]


def _starting(incomplete: str, found: Callable[[], Iterable[str]]) -> list[str]:
    try:
        return sorted(name for name in found() if name.startswith(incomplete))
    except Exception:
        return []


def persona_ids(incomplete: str) -> list[str]:
    def found() -> Iterable[str]:
        from roleplay.wiring.parts import Parts

        return (p.id for p in Parts(settings()).library.all())

    return _starting(incomplete, found)


def session_ids(incomplete: str) -> list[str]:
    def found() -> Iterable[str]:
        from roleplay.history.listing import quick_list

        config = settings()
        summaries = quick_list(config)
        if summaries is None:
            from roleplay.wiring.parts import Parts

            summaries = Parts(config).history.list()
        return (s.id for s in summaries)

    return _starting(incomplete, found)


def model_names(incomplete: str) -> list[str]:
    """Every name ``models use`` takes that needs no server: built in, catalogue, pulled."""

    def found() -> Iterable[str]:
        from roleplay.llm.choice import BUILT_IN
        from roleplay.llm.model_catalogue import catalogue, installed

        pulled = [m.name for m in installed(settings().models_dir)]
        return {BUILT_IN, "http", *pulled, *(m.name for m in catalogue())}

    return _starting(incomplete, found)


def pulled_models(incomplete: str) -> list[str]:
    def found() -> Iterable[str]:
        from roleplay.llm.model_catalogue import installed

        return (m.name for m in installed(settings().models_dir))

    return _starting(incomplete, found)


def scenario_codes(incomplete: str) -> list[str]:
    def found() -> Iterable[str]:
        from roleplay.wiring.parts import Parts

        return (s.code for s in Parts(settings()).catalogue.list())

    return _starting(incomplete, found)
