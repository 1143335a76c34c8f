"""A stronger model's smoother wording of each stronger answer, kept only when it passes the
checks: every gap still there as written, nothing the candidate did not say (no figure, name or
word of substance of its own: ``star.new_material``), no new bracket, and not much longer than
the draft. The code's version stays beside it either way; the embedded model is never asked."""

from __future__ import annotations

from roleplay.core.session import Session
from roleplay.interview.prompts import Prompts
from roleplay.interview.star import GAP, new_material
from roleplay.interview.stronger import StrongerAnswer
from roleplay.llm.backend import ChatBackend

# A rewrite may join and tidy, not pad: this many times the draft's length, at most.
MAX_GROWTH = 1.3


def rewrite_problem(rewrite: str, answer: StrongerAnswer, said: list[str]) -> str:
    """Why ``rewrite`` cannot stand for ``answer`` ("" when it can)."""
    if not rewrite.strip():
        return "empty"
    missing = [gap for gap in answer.gaps if gap not in rewrite]
    if missing:
        return f"dropped the gap {missing[0]}"
    if len(GAP.findall(rewrite)) != len(answer.gaps):
        return "added a bracket of its own"
    new = new_material(rewrite, said)
    if new:
        return f"added words the candidate did not say: {', '.join(new[:5])}"
    if len(rewrite) > MAX_GROWTH * len(answer.text) + 40:
        return "longer than the draft"
    return ""


def rewrite_answers(
    answers: list[StrongerAnswer],
    session: Session,
    backend: ChatBackend,
    prompts: Prompts,
    *,
    max_tokens: int = 400,
) -> list[StrongerAnswer]:
    """``answers`` with each rewrite that passed (a copy; the drafts are unchanged). A failed
    call leaves the rest of the answers to their drafts: the report never waits on it."""
    said = [turn.text for turn in session.turns if turn.speaker == "candidate"]
    result = []
    down = backend.embedded  # a model too small to trust with it is never asked
    for answer in answers:
        if down or sum(len(piece.sentences) for piece in answer.pieces) < 2:
            result.append(answer)
            continue  # nothing to join
        try:
            messages = prompts.rewrite_messages(answer.text)
            reply = backend.chat.invoke(messages, max_tokens=max_tokens)
        except Exception:  # an unreachable model costs the rewrites, not the report
            result.append(answer)
            down = True  # the rest keep their drafts rather than wait on it again
            continue
        rewrite = " ".join(reply.text.split()).strip('"“”')
        if rewrite_problem(rewrite, answer, said):
            result.append(answer)
        else:
            label = backend.model or backend.label
            result.append(answer.model_copy(update={"rewrite": rewrite, "rewritten_by": label}))
    return result
