"""Who the interviewer is at this company, and what they say of themselves.

A job seeker about to meet a real person pastes that person's profile into the research: "Priya
Lund, Graduate Data Analyst" over her story, "Dr Helen Marsh-Okafor, Clinical Operations
Director" over a list of her roles. Asked "how did you end up here?", the interviewer is that
person and answers from that profile in the first person ("I studied Mathematics at Newcastle
University…"), not with a stock line about someone else's life.

Who it is: the person the candidate calls by name ("Thanks, Priya"); failing that, the first
profile whose title holds one of the words the persona file lists (``plays.titles``: a leader
is a director or a head, a fellow alum a graduate). A persona that lists none plays nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.wording import indefinite
from roleplay.interview.facts import EMPHASIS, IMPERATIVE
from roleplay.interview.first_person import LABEL, STUDY, first_person
from roleplay.interview.own_week import week_told
from roleplay.interview.profiles import QUOTED, Profile
from roleplay.interview.question_words import CAPITALISED, content_stems
from roleplay.interview.sayable import A_YEAR

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
    r"|\b(do|did) you (still|ever|personally|yourself)\b",
    re.I,
)
# Words the interviewer never says in character, nor marks of a page.
# ("A Saturday box office assistant" and "the booking system" are a career's words; a role's
# label "assistant:" and an "AI assistant" are a prompt's.)
_NOT_SAID = re.compile(
    r"[<>\[\]{}#*_`|~\\]|\b(instructions?|prompt|candidate|interview\w*|notes?|research"
    r"|linkedin|blog)\b|\b(assistant|system|user)\s*:|\b(ai|chat|virtual) assistant\b"
    r"|\bsystem (message|prompt|override)\b"
    r"|^\W*me\s*[:–-]",  # the job seeker's own line of the notes ("me: Keele BSc…")
    re.I,
)
# What the candidate asks of the interviewer's own road here.
_PATH = re.compile(
    r"\b(end(s|ed|ing)? up|get (in|into|here|started)|got (in|into|here|started)|went from|go from"
    r"|got from|get from|gone from"
    r"|become|became|start(ed)? out|before (you|joining)|background|journey|path"
    r"|(make|made) the (jump|move|switch|leap)|(jump|switch|mov)(ed|e)? (in)?to)\b",
    re.I,
)
# The line of a profile that says how they came to the company.
_JOINED = re.compile(
    r"\b(joined|joining|came back|started|moved (here|to|across)|hired|return(ed|ing) to)\b", re.I
)
_STUDIED = re.compile(
    r"\b(stud(y|ied|ying)|degree|universit(y|ies)|uni|college|course|train(ed)?|qualif(y|ied))\b",
    re.I,
)
# A line of a profile that tells where they studied or trained ("qualified from the University
# of Liverpool in 1998").
_STUDY_LINE = re.compile(r"\b(qualified|graduated|studied|trained)\b|\bUniversity\b")
# "How did you end up here after uni?" asks of the road after study, not of the study.
_AFTER_STUDY = re.compile(
    r"\b(after|since|out of|straight from|fresh from|once you (left|finished)) (uni|university"
    r"|college|school|graduating|graduation|your degree|the degree|studying)\b",
    re.I,
)
_AMOUNT = re.compile(r"\b(how (much|many|long)|pay|paid|salary|cost|earn\w*)\b", re.I)
_MONEY_ASKED = re.compile(r"\b(pay|paid|salary|cost|earn\w*|raise|rise|money)\b", re.I)
_MONEY = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(k|grand|pounds|dollars|euros)\b", re.I)
# What the candidate asks of someone else's road ("how did he end up running it?").
_THEIR_PATH = re.compile(
    r"\b(how|where|what) (did |was |were )?(he|she) (got|get|end(ed)? up|start(ed)?|work(ed)?"
    r"|doing|came|come)\b|\b(his|her) (path|journey|career|background|first job)\b",
    re.IGNORECASE,
)
# "What were you doing before you joined?" asks for the step before, not the first one.
_BEFORE = re.compile(r"\bbefore (you|joining)\b", re.IGNORECASE)
# ... or written to whoever is starting out ('"For anyone from Hallam thinking about sport for
# development: volunteer first…"').
_ADVICE = re.compile(
    r"\b(advice|tips?|recommend\w*)\b|\b(for|to) (anyone|someone|people|those|students|grads)"
    r"\b[^:.]{0,60}:",
    re.I,
)
CLOSE_ENOUGH = 0.5
_TOLD_TO = re.compile(
    rf"(?:^|[:;]\s+)(?:{'|'.join(sorted(IMPERATIVE))}|Learn|Look|Know|Read|Say|Check|Don't)\b",
    re.IGNORECASE,
)


def called(found: Sequence[Profile], said: Sequence[str]) -> Profile | None:
    """The person of ``found`` the candidate last called by name ("Thanks, Priya"), if any."""
    for text in reversed(said):
        for profile in found:
            first = re.escape(profile.name.split()[0])
            calling = rf"(?:^|\b(?:hi|hello|hey|thanks|thank you|cheers)\b,?\s+|,\s*){first}\b"
            if re.search(rf"{calling}(?=\s*[,.!?]|\s*$)", text, re.IGNORECASE):
                return profile
    return None


_VOCATIVE = re.compile(
    r"(?:^|\b(?:hi|hello|hey|thanks|thank you|cheers)\b,?\s+|,\s*)([A-Z][a-z]+)(?=\s*[,.!?]|\s*$)"
)
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


def played(found: Sequence[Profile], titles: Sequence[str], said: Sequence[str]) -> Profile | None:
    """Who the interviewer is: the person the candidate last called by name, else the first
    whose title holds one of ``titles`` (in their order); None when neither."""
    if person := called(found, said):
        return person
    # A title as stored may be cut short ("Clinical Operat…"): what the profile says of them
    # ("Clinical Operations Director since 2021") is read after it.
    for word in titles:
        for words in (lambda p: p.title, lambda p: " ".join(p.pieces)):
            for profile in found:
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


def own_answer(
    profile: Profile,
    question: str,
    closeness: Sequence[float] | None = None,
    *,
    intent: str | None = None,
    names: Sequence[str] = (),
    in_person: bool = True,
) -> str:
    """What the interviewer says of themselves to ``question`` from their ``profile``, in the
    first person; "" when nothing in it answers. ``closeness`` is each piece's MiniLM
    closeness to the question, when it could be had; ``names`` (the company's) are words any
    piece may share with the question. ``in_person`` is False for a question about them asked of
    someone else: their lines are said as written."""
    # ("**Education:** MA Philosophy…": emphasis is a page's, not said.)
    pieces = [EMPHASIS.sub("", piece) for piece in profile.pieces]
    # A label over what follows ("From her blog post, 'My first year':") says nothing alone.
    # nor does a quotation cut off where the research broke it.
    sayable = [
        i
        for i, p in enumerate(pieces)
        if p.strip()
        and not p.rstrip().endswith(":")
        and p.count('"') % 2 == 0
        and "?" not in p  # ("the 'Who Comes Back?' dashboard" would read as a question)
        and not _NOT_SAID.search(QUOTED.sub(_interview_said, p))
    ]
    if not sayable:
        return ""
    if in_person and (week := week_told([pieces[i] for i in sayable], question, profile.name)):
        return week
    own = {w for part in [*profile.name.split(), *names] for w in content_stems(part)}
    own_names = {w for part in [*profile.name.split(), *names] for w in part.split()}
    # (A name the question sets the scene with asks nothing: "What was your dissertation on,
    # back at NTU?" is not answered by "Always happy to chat to NTU grads".)
    asked = content_stems(CAPITALISED.sub(" ", question)) - own
    # ("Trying to get into arts data, what would you focus on?" asks for advice, not a road.)
    path = bool(_PATH.search(question)) and intent != "advice"
    studies = bool(_STUDIED.search(_AFTER_STUDY.sub(" ", question)))
    # "What years were you at Keele?" asks of the study a line names Keele for.
    where = {word for word in CAPITALISED.findall(question) if word not in own_names}
    studied_at = {
        i for i in sayable if STUDY.search(pieces[i]) and any(w in pieces[i] for w in where)
    }
    # (… unless it asks of the road: "Fellow Stirling grad! How did you end up in QA?")
    studies = studies or (bool(studied_at) and not _PATH.search(question))
    amount = bool(_AMOUNT.search(question))
    money = bool(_MONEY_ASKED.search(question))
    asks_when = bool(re.search(r"\b(what|which) years?\b|\bwhen\b", question, re.IGNORECASE))
    scores = {}
    for index in sayable:
        shared = len(asked & content_stems(pieces[index]))
        close = closeness[index] if closeness else 0.0
        # (A tip is told in the imperative too: "The data exercise is deliberately messy: look
        # for duplicate bookings…", "Learn to think in boat-nights".)
        advice = intent == "advice" and bool(
            _ADVICE.search(pieces[index]) or (shared and _TOLD_TO.search(pieces[index]))
        )
        # A road here is told by its dated steps ("Joined Thistlebeck in 2009 as…").
        # ... as is "What years were you at Keele?"
        dated = (path or asks_when) and bool(A_YEAR.search(pieces[index]))
        # "Was it a games course you did at uni?" is told by the degree.
        studied = studies and bool(STUDY.search(pieces[index]) or _STUDY_LINE.search(pieces[index]))
        weight = shared + 2 * close + dated + 2 * studied
        # A question on an amount ("what did it pay?") is answered by a figure or not at all.
        if amount and not re.search(r"\d", A_YEAR.sub("", pieces[index])):
            continue
        # ... and one on money by a sum of it ("did you get much of a pay rise?" is not told
        # by "pricing about 300 holiday cottages").
        if money and not _MONEY.search(pieces[index]):
            continue
        scores[index] = (advice, weight, shared > 0 or advice or dated or studied, close, -index)
    # Advice their profile does not hold is not made of their road ("What would you tell
    # someone from Hallam…?" is not answered by "I was Insight Officer…").
    if not scores or (intent == "advice" and not any(score[0] for score in scores.values())):
        return ""
    best = max(scores, key=lambda i: scores[i])
    if not scores[best][2] and scores[best][3] < CLOSE_ENOUGH:
        return ""
    # A road here starts where it started: the earliest dated line ("…first worked at The
    # Regent as a Saturday box office assistant in 1996"), then how they came to the company.
    # (A degree is where they studied, not the first step of a working road, unless study is
    # what was asked about.)
    steps = [
        i for i in scores if A_YEAR.search(pieces[i]) and (studies or not STUDY.search(pieces[i]))
    ]
    onward = bool(_FROM_THERE.search(question))
    # ("What did you study, and was it always museums?" asks of the study first.)
    if path and steps and not _BEFORE.search(question) and not studies:
        steps.sort(key=lambda i: (min(int(y) for y in A_YEAR.findall(pieces[i])), i))
        # "You started out on a box office counter - how did you get from there to…?": the
        # road goes on from where the question says it started.
        while onward and len(steps) > 1 and len(asked & content_stems(pieces[steps[0]])) >= 2:
            steps.pop(0)
        best = steps[0]
    chosen = [best]
    if path:
        joined = next(
            (
                i
                for i in sayable
                if _JOINED.search(pieces[i])
                and not (onward and len(asked & content_stems(pieces[i])) >= 2)
            ),
            None,
        )
        if joined is not None and joined != best:
            chosen = sorted([best, joined])
    if studies and not path and chosen == [best]:
        pieces[best] = _study_only(pieces[best], profile.name)
    if not in_person:
        return " ".join(_as_written(pieces[i]) for i in chosen)
    return " ".join(first_person(pieces[i], profile.name) for i in chosen)


# "After a BA in English at Leicester (she graduated in 2017) she worked front of house…".
_STUDY_THEN = re.compile(
    r"^After (?:(?:a|an|her|his|their) )?(?P<study>[^()]*?\b(?:MBA|MSc|BSc|BA|MA|PhD|degree"
    r"|diploma)\b[^()]*?)\s*(?P<aside>\([^()]*\))?,?\s+(?:she|he|they)\s+[a-z]+"
)


def _study_only(piece: str, name: str) -> str:
    """Asked only what they studied, the study is told, not the road that ran on from it."""
    if not (then := _STUDY_THEN.match(piece)):
        return piece
    aside = f" {then['aside']}" if then["aside"] else ""
    return f"{name.split()[0]} did {indefinite(then['study'])}{aside}."


# "…how did you get from there to running the whole building?": the start was said before.
_FROM_THERE = re.compile(r"\bfrom (there|that|then)\b", re.IGNORECASE)


def _interview_said(quoted: re.Match[str]) -> str:
    """Their own words, quoted: "before the interview" is theirs to say."""
    return re.sub(r"\binterview\w*", " ", quoted.group(0), flags=re.IGNORECASE)


def _as_written(piece: str) -> str:
    text = LABEL.sub("", " ".join(piece.split())).rstrip(" .;")
    return text[:1].upper() + text[1:] + "."


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
