"""Keeping a streamed interviewer reply to one in-character turn.

Small models drift: they write the candidate's next line, prefix their own name, or ask three
questions at once. ``ReplyFilter`` sees the stream chunk by chunk and lets through only text that
can no longer turn out to be one of those, so what the candidate sees never has to be taken back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

END_MARKER = "[[END]]"
# Where a reply stops being the interviewer: the model talking about itself or its prompt.
_OUT_OF_CHARACTER = [
    "as an ai",
    "i'm an ai",
    "i am an ai",
    "an ai assistant",
    "language model",
    "system prompt",
    "my instructions",
    "reference_data",
]
# A reply that repeats this many words of its instructions in a row is reciting them.
_WINDOW = 7
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-_'][A-Za-z0-9]+)*")
# Code-like tokens (keys, canaries, ids): letters and digits mixed, or long with hyphens.
_CODE = re.compile(r"(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_-]{6,}|[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}")


def _instruction_fingerprints(instructions: str) -> tuple[set[tuple[str, ...]], set[str]]:
    words = [w.lower() for w in _WORD.findall(instructions)]
    windows = {tuple(words[i : i + _WINDOW]) for i in range(len(words) - _WINDOW + 1)}
    codes = {w.lower() for w in _WORD.findall(instructions) if _CODE.fullmatch(w)}
    return windows, codes


_SENTENCE_END = re.compile(r"[.!?…]+[\"')\]]*(?=\s|$)")


def _label_pattern(names: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names if n)
    # "Morgan:", "**Morgan Ellis:**", or the name alone on the first line as a heading.
    return re.compile(
        rf"^\s*[*_]*(?:{alternatives})[*_]*(?:\s*:\s*[*_]*\s*|[ \t]*,?[ \t]*\n\s*)", re.IGNORECASE
    )


@dataclass
class ReplyFilter:
    """Feed chunks with ``feed``; call ``finish`` at the end of the stream.

    Each call returns the new text that is safe to show. ``stopped`` turns true when the rest of
    the stream must be dropped (the model began another speaker's line or a second question);
    ``closed`` when the interviewer signalled the end of the interview.
    """

    candidate_name: str
    interviewer_name: str
    # The instructions the reply must never repeat (the fixed system prompt).
    instructions: str = ""
    # Words the reply may use even though the instructions hold them (company, role, names).
    allowed: str = ""
    max_questions: int = 1
    max_paragraphs: int = 1
    raw: str = ""
    shown: str = ""
    stopped: bool = False
    closed: bool = False
    _markers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        first = self.interviewer_name.split()[0] if self.interviewer_name.split() else ""
        self._own_label = _label_pattern(["interviewer", "assistant", self.interviewer_name, first])
        speakers = ["candidate", "user", "human", "you", "interviewee", self.candidate_name]
        speakers += [self.candidate_name.split()[0]] if self.candidate_name.split() else []
        self._markers = [END_MARKER.lower(), "<|", "</s>", "[inst]", *_OUT_OF_CHARACTER]
        for name in {s.lower() for s in speakers if s and s.lower() != "the candidate"}:
            self._markers += [f"\n{name}:", f"\n**{name}:", f"\n**{name}**:", f"\n{name} :"]

        self._windows, self._codes = _instruction_fingerprints(self.instructions)
        self._codes -= {w.lower() for w in _WORD.findall(self.allowed)}

    def stop_sequences(self) -> list[str]:
        """Stop strings worth giving the model itself (APIs accept at most four)."""
        name = self.candidate_name if self.candidate_name != "the candidate" else "You"
        return ["\nCandidate:", f"\n{name}:", "\nUser:", "<|im_end|>"]

    def feed(self, chunk: str) -> str:
        if self.stopped:
            return ""
        self.raw += chunk
        return self._advance(final=False)

    def finish(self) -> str:
        if self.stopped:
            return ""
        return self._advance(final=True)

    @property
    def text(self) -> str:
        return self.shown.strip()

    def _advance(self, *, final: bool) -> str:
        safe = self._safe_text(final)
        if not final and not self.stopped:
            safe = safe.rstrip()  # trailing space waits for the next word, in case nothing follows
        # Text already shown is never withdrawn, so the safe text only ever grows past it.
        delta = safe[len(self.shown) :] if safe.startswith(self.shown) else ""
        if final or self.stopped:
            delta = delta.rstrip()
        self.shown += delta
        return delta

    def _safe_text(self, final: bool) -> str:
        text = "\n" + self.raw  # so a speaker label on the very first line matches a marker
        lowered = text.lower()
        cut = len(text)
        for marker in self._markers:
            position = lowered.find(marker)
            if position != -1 and position < cut:
                cut = position
                self.stopped = True
                if marker == END_MARKER.lower():
                    self.closed = True
        text = text[:cut]
        leak = self._leak_position(text)
        if leak is not None:
            text = text[:leak]
            self.stopped = True
        if not self.stopped and not final:
            text = text[: len(text) - self._partial_marker_length(text)]
        text = text.lstrip("\n")
        label = self._own_label.match(text)
        if label:
            text = text[label.end() :]
        elif not final and not self.stopped and self._may_become_label(text):
            return ""
        return self._limit_questions(self._limit_paragraphs(text, final=final), final=final)

    def _limit_paragraphs(self, text: str, *, final: bool) -> str:
        # A spoken turn is one paragraph; what follows a blank line is the model rambling on.
        # A short first line ending in a colon ("Here's my reply:") is preamble, not speech.
        parts = re.split(r"\n\s*\n", text.strip("\n"))
        preamble = parts[0].rstrip().endswith(":") and len(parts[0]) < 80
        if preamble and len(parts) > 1:
            parts = parts[1:]
        elif preamble and not final and not self.stopped:
            return ""  # wait: speech or a blank line comes next
        if len(parts) > self.max_paragraphs:
            self.stopped = True
        return "\n\n".join(parts[: self.max_paragraphs])

    def _leak_position(self, text: str) -> int | None:
        """Where the reply starts repeating its instructions, if it does."""
        if not self._windows and not self._codes:
            return None
        words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
        for index, (start, word) in enumerate(words):
            if word in self._codes:
                return start
            window = tuple(w for _, w in words[index : index + _WINDOW])
            if len(window) == _WINDOW and window in self._windows:
                return start
        return None

    def _partial_marker_length(self, text: str) -> int:
        lowered = text.lower()
        longest = 0
        for marker in self._markers:
            for size in range(min(len(marker) - 1, len(lowered)), longest, -1):
                if lowered.endswith(marker[:size]):
                    longest = size
                    break
        return longest

    def _may_become_label(self, text: str) -> bool:
        # "Mor" may still grow into "Morgan Ellis:", a label to strip rather than show.
        head = text.strip()
        room = max(len("assistant"), len(self.interviewer_name)) + 6
        return ":" not in head and "\n" not in head and len(head) < room

    def _limit_questions(self, text: str, *, final: bool) -> str:
        asked = 0
        kept = 0
        for match in _SENTENCE_END.finditer(text):
            if "?" in match.group(0):
                asked += 1
                if asked > self.max_questions:
                    self.stopped = True
                    return text[:kept]
            kept = match.end()
        if asked >= self.max_questions and not final:
            # The unfinished sentence after the last question may still become another question.
            return text[:kept]
        return text
