"""Whom a candidate's turn is about: the interviewer, by the name they are called ("Hiya
Ellie!") or the profile whose title the persona plays, or someone else they ask after ("how
did he get there?"); and whether a question asks about the interviewer themselves ("how did
you end up here?") or about the company through them ("how did it all start?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.interview.origins import asks_origin
from roleplay.interview.profiles import Profile

# Ways of asking that address the interviewer without asking about them.
_POLITE = re.compile(
    r"\b(do|did|would|could|can) you (happen to )?(know|tell me|say|think|mind)\b", re.I
)
_YOU = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
# What only the interviewer's own story answers.
_ABOUT_YOU = re.compile(
    r"\b(you|your) (actually |really |originally |first |once )?(joined|started|studied"
    r"|learn(ed|t)?|built|moved|went|came|got|ended|first"
    r"|background|career|path|degree|journey|proudest|own)\b|\byou('ve| have)? (had to|did)\b"
    r"|\b(did|were|have) you (join|start|study|learn|build|do|come|get|end|move|go)\b|proudest"
    # "What's the shift pattern like for you?", "What does a normal week look like for you?"
    r"|\blike for you\b|\byour (normal|typical|usual|average) (week|day)\b"
    # "Do you still get your hands dirty clinically?"
    r"|\b(do|did) you (still|ever|personally|yourself)\b"
    # "…but what else are you in all day?"
    r"|\byou (actually |really )?(in|on|using|living in|working in|clicking around in) all day\b",
    re.I,
)
# What the candidate asks of someone else's road ("how did he end up running it?").
_THEIR_PATH = re.compile(
    r"\b(how|where|what) (did |was |were )?(he|she) (got|get|end(ed)? up|start(ed)?|work(ed)?"
    r"|doing|came|come)\b|\b(his|her) (path|journey|career|background|first job)\b",
    re.IGNORECASE,
)
# What comes before a name the candidate calls someone by ("Hiya Ellie!", "Thanks, Priya").
_GREETING = r"(?:hi|hiya|hello|hey|heya|morning|afternoon|dear|thanks|thank you|cheers)"


def called(found: Sequence[Profile], said: Sequence[str]) -> Profile | None:
    """The person of ``found`` the candidate last called by name ("Thanks, Priya"), if any."""
    for text in reversed(said):
        for profile in found:
            first = re.escape(profile.name.split()[0])
            calling = rf"(?:^|\b{_GREETING}\b,?\s+|,\s*){first}\b"
            # ("Thanks for meeting me, Callum - and for that email…")
            if re.search(rf"{calling}(?=\s*[,.!?]|\s+[-–—]\s|\s*$)", text, re.IGNORECASE):
                return profile
    return None


_VOCATIVE = re.compile(rf"(?:^|\b{_GREETING}\b,?\s+|,\s*)([A-Z][a-z]+)(?=\s*[,.!?]|\s*$)")
_NOT_A_NAME = frozenset(
    ["great", "thanks", "sure", "right", "okay", "ok", "yes", "no", "hi", "hello", "hey", "wow",
     "cool", "perfect", "brilliant", "amazing", "honestly", "anyway", "so", "well", "cheers",
     "morning", "afternoon", "sorry", "again", "everyone", "all", "both", "lol", "haha"]
)  # fmt: skip


def called_name(said: Sequence[str]) -> str:
    """The first name the candidate last called the interviewer by ("Hannah! Thanks for…",
    "Hi Marcus,"), "" when none: their profile is searched for with it."""
    for text in reversed(said):
        names = [n for n in _VOCATIVE.findall(text) if n.lower() not in _NOT_A_NAME]
        if names:
            return names[-1]
    return ""


_APPLYING = re.compile(r"\bI(?:'m| am| have|'ve)(?: just)? (?:applying|applied)\b", re.I)


def played(found: Sequence[Profile], titles: Sequence[str], said: Sequence[str]) -> Profile | None:
    """Who the interviewer is: the person the candidate last called by name, else the first
    whose title holds one of ``titles`` (in their order); None when neither."""
    if person := called(found, said):
        return person
    # A title as stored may be cut short ("Clinical Operat…"): what the profile says of them
    # ("Clinical Operations Director since 2021") is read after it.
    # (The job seeker's own messages in a thread they pasted are no one to play: "I'm applying
    # for the Data Analyst job there".)
    others = [p for p in found if not any(_APPLYING.search(piece) for piece in p.written)]
    for word in titles:
        for words in (lambda p: p.title, lambda p: " ".join(p.pieces)):
            for profile in others:
                said = words(profile).lower()
                # The hiring manager is met at the interview, not over coffee.
                if "hiring manager" not in said and re.search(rf"\b{re.escape(word)}\b", said):
                    return profile
    return None


def addressed(question: str) -> bool:
    """Whether ``question`` speaks of the interviewer ("how did you start?"), beyond the
    polite "could you tell me…"."""
    return bool(_YOU.search(_POLITE.sub("", question)))


def asks_the_interviewer(question: str, intent: str | None) -> bool:
    """Whether ``question`` asks about the interviewer themselves ("how did you end up
    here?", "what was your first year like?", "any tips?"), not about the company through
    them ("which provider do you use?")."""
    if intent == "advice":
        return True
    asked = _POLITE.sub("", question)
    if _SOMEONE_LIKE_YOU.search(asked):
        return True
    if asks_origin(asked):  # "How did it all start? …did you begin with something tiny?"
        return False
    # "…I'd love to hear it from you. How did the Trust actually start?": what is asked last
    # has a subject of its own.
    if (last := _LAST_ASKED.search(asked)) and _OTHER_SUBJECT.search(last.group(1)):
        return False
    return addressed(question) and (intent in ("story", "path") or bool(_ABOUT_YOU.search(asked)))


_LAST_ASKED = re.compile(r"(?:^|[.!?]\s+)([^.!?]*\?)\s*$")
_OTHER_SUBJECT = re.compile(
    r"^(?![^?]*\b(you|your|yourself)\b)[^?]*\b(did|does|do|is|was|has|have|were|are) "
    r"(the |this |that )?(?!I\b)[A-Z][\w'-]+"
)


# "So how does a Keele biologist end up building dashboards for a vet group?": the interviewer,
# described.
_SOMEONE_LIKE_YOU = re.compile(
    r"\bhow (does|did|do|would) (a|an|someone|somebody) [\w' -]{1,40}? (ends? up|get into"
    r"|become|go from|turn into)\b",
    re.IGNORECASE,
)


def spoken_of(found: Sequence[Profile], text: str) -> Profile | None:
    """The person of ``found`` the turn speaks of, by first name or by their title ("I heard
    your head of operations on the radio. How did he get there?"), if any."""
    for profile in found:
        if re.search(rf"\b{re.escape(profile.name.split()[0])}\b", text):
            return profile
    lowered = text.lower()
    for profile in found:
        title = profile.title.lower().rstrip("…. ")
        if len(title) > 6 and title in lowered:
            return profile
    return None


def asks_their_path(question: str) -> bool:
    """Whether ``question`` asks about someone else's road ("how did he get from his first
    job here to running the whole operation?")."""
    return bool(_THEIR_PATH.search(question))
