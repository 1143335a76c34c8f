"""Who the interviewer is at this company, and what they say of themselves.

A job seeker about to meet a real person pastes that person's profile into the research: "Priya
Lund, Graduate Data Analyst" over her story, "Dr Helen Marsh-Okafor, Clinical Operations
Director" over a list of her roles. Asked "how did you end up here?", the interviewer is that
person and answers from that profile in the first person ("I studied Mathematics at Newcastle
University…"), not with a stock line about someone else's life.

Who it is (``addressee``): the person the candidate calls by name ("Thanks, Priya"); failing
that, the first profile whose title holds one of the words the persona file lists
(``plays.titles``: a leader is a director or a head, a fellow alum a graduate).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.wording import indefinite
from roleplay.interview.answer_types import gives, wanted
from roleplay.interview.facts import EMPHASIS, IMPERATIVE
from roleplay.interview.first_person import STUDY, as_written, first_person
from roleplay.interview.own_week import week_told
from roleplay.interview.profiles import QUOTED, Profile
from roleplay.interview.question_words import BESIDES, CAPITALISED, content_stems
from roleplay.interview.sayable import A_YEAR

# Words the interviewer never says in character, nor marks of a page.
# ("A Saturday box office assistant" and "the booking system" are a career's words; a role's
# label "assistant:" and an "AI assistant" are a prompt's.)
_DATES_ONLY = re.compile(
    r"^[\W\d]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|present|yrs?|mos?)"
    r"\b[\W\d]*)*$",
    re.I,
)
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
    r"\b(joined|joining|came back|started|moved (here|to|across)|hired|return(ed|ing) to"
    r"|took (me|him|her|them) on)\b",
    re.I,
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
# "What were you doing before you joined?" asks for the step before, not the first one.
_BEFORE = re.compile(r"\bbefore (you|joining)\b", re.IGNORECASE)
# ... or written to whoever is starting out ('"For anyone from Hallam thinking about sport for
# development: volunteer first…"').
_ADVICE = re.compile(
    # (not a service: "Priya (welfare advice)", "debt advice")
    r"(?<!welfare )(?<!legal )(?<!debt )(?<!money )(?<!benefits )(?<!housing )(?<!\()"
    r"\b(advice|tips?|recommend\w*)\b|\b(for|to) (anyone|someone|people|those|students|grads)"
    r"\b[^:.]{0,60}:",
    re.I,
)
CLOSE_ENOUGH = 0.5
# What a question in a chat asked for, by the intent it answers ("Any tips on what to prepare?").
_ASKED_FOR = {
    "advice": re.compile(r"\b(tips?|advice|prepare|recommend\w*|suggest\w*)\b", re.I),
    "tools": re.compile(r"\b(systems?|tools?|software|apps?|programs?|tech)\b", re.I),
}
_NOTHING = re.compile(r"(?!)")
_TOLD_TO = re.compile(
    rf"(?:^|[:;]\s+)(?:{'|'.join(sorted(IMPERATIVE))}|Learn|Look|Know|Read|Say|Check|Don't)\b",
    re.IGNORECASE,
)


def _under_labels(pieces: Sequence[str]) -> dict[int, str]:
    """Each piece after a label line ("What I'd prepare:"), with the label it is under."""
    labels, label = {}, ""
    for index, piece in enumerate(pieces):
        if piece.rstrip().endswith(":"):
            label = piece
        elif label:
            labels[index] = label
    return labels


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
    # (What they wrote of someone else is no line of theirs: "Tomasz for sure, he's the lead
    # driver…" is advice, "she's been a volunteer since 2012" no step of their road.)
    others = {i for i, p in enumerate(profile.pieces) if p in profile.written and not _of_them(p)}
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
        and not _DATES_ONLY.match(p)  # ("2001 - 2004.", a profile's line of years)
        and (i not in others or intent == "advice")
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
    favourite = wanted(question) == "favourite"
    asks_when = bool(re.search(r"\b(what|which) years?\b|\bwhen\b", question, re.IGNORECASE))
    # "I know you mentioned Hubstock, but what else are you in all day?" is not told by Hubstock.
    besides = {w for found in BESIDES.finditer(question) for w in CAPITALISED.findall(found[0])}
    scores = {}
    labels = _under_labels(pieces)
    replied = dict(profile.replies)
    for index in sayable:
        # (What a list is under says what its items are: "What I'd prepare:" over "Read the
        # Dock Shuttle bit…" answers "what would you prepare?")
        label = content_stems(labels.get(index, ""))
        shared = len(asked & content_stems(pieces[index])) + bool(asked & label)
        close = closeness[index] if closeness else 0.0
        # (A tip is told in the imperative too: "The data exercise is deliberately messy: look
        # for duplicate bookings…", "Learn to think in boat-nights".)
        # (In a message of theirs, an imperative is a tip whatever it shares: "know FIFO vs
        # FEFO inside out.")
        told = shared or profile.pieces[index] in profile.written
        # (a tip they gave when asked for tips: "know FIFO vs FEFO inside out.")
        reply = _ASKED_FOR.get(intent or "", _NOTHING).search(
            replied.get(profile.pieces[index], "")
        )
        advice = (intent == "advice") * (
            2 * bool(reply)
            or bool(_ADVICE.search(pieces[index]) or (told and _TOLD_TO.search(pieces[index])))
        )
        # (the systems they named when asked what they use: "SurplusLink is the app…")
        shared += 2 * bool(reply and intent != "advice")
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
        # ... and one on a liking by a line that says one ("your favourite concert?").
        if favourite and not gives("favourite", pieces[index]):
            continue
        if any(re.search(rf"\b{re.escape(word)}\b", pieces[index]) for word in besides):
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
    # "When did you make the jump to Mossgate itself?" asks of the last step, not the first.
    here = [re.escape(n.split()[0]) for n in names if n.split()]
    arrival = path and bool(
        re.search(rf"\b(to|into|join(ed|ing)?) ({'|'.join([*here, 'here', 'us'])})\b", question)
    )
    came = [i for i in steps if any(re.search(rf"\b{h}\b", pieces[i]) for h in here)]
    if arrival and came:  # (the first dated line at the company: when they came)
        steps = [min(came, key=lambda i: min(int(y) for y in A_YEAR.findall(pieces[i])))]
    # ("What did you study, and was it always museums?" asks of the study first.)
    if path and steps and not _BEFORE.search(question) and not studies:
        steps.sort(key=lambda i: (min(int(y) for y in A_YEAR.findall(pieces[i])), i))
        # "You started out on a box office counter - how did you get from there to…?": the
        # road goes on from where the question says it started.
        while onward and len(steps) > 1 and len(asked & content_stems(pieces[steps[0]])) >= 2:
            steps.pop(0)
        best = steps[0]
    chosen = [best]
    if path and not (arrival and came):
        # (the dated line first: "They took me on … in February 2020", not "we were in 8
        # hubs when I started")
        joined = next(
            (
                i
                for i in sorted(sayable, key=lambda i: not A_YEAR.search(pieces[i]))
                if _JOINED.search(pieces[i])
                and not (onward and len(asked & content_stems(pieces[i])) >= 2)
            ),
            None,
        )
        if joined is not None and joined != best:
            chosen = sorted([best, joined])
    if intent == "advice" and (best in labels or scores[best][0] == 2):
        # Tips under one label ("What I'd prepare:"), or given when asked for tips, are given
        # two at a time.
        ranked = sorted(scores, key=lambda i: scores[i], reverse=True)
        more = [
            i
            for i in ranked
            if i != best
            and scores[i][0] == scores[best][0]
            and (labels.get(i) == labels.get(best) or scores[i][0] == 2)
        ]
        chosen = sorted([best, *more[:1]])
    if intent == "tools" and _ASKED_FOR["tools"].search(replied.get(profile.pieces[best], "")):
        # The systems they named when asked what they use are told two at a time, the closest
        # to the question, in the order they named them ("SurplusLink is the app…").
        asked_then = replied[profile.pieces[best]]
        named = [i for i in scores if replied.get(profile.pieces[i]) == asked_then]
        chosen = sorted(sorted(named, key=lambda i: scores[i], reverse=True)[:2])
    if studies and not path and chosen == [best]:
        pieces[best] = _study_only(pieces[best], profile.name)
    if not in_person:
        return " ".join(as_written(pieces[i]) for i in chosen)
    return " ".join(
        as_written(_INTERJECTION.sub("", pieces[i]))
        if profile.pieces[i] in profile.written
        else first_person(pieces[i], profile.name)
        for i in chosen
    )


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


# A line they wrote of someone else: "he" or "she" and no "I" ("Tomasz for sure, he's the lead
# driver…"); "Surplus pickups every morning Mon-Sat…" is of their own work.
_FIRST = re.compile(r"\b(I|I'm|I've|I'd|I'll|me|my|we|we're|our|us)\b")
_THIRD_PERSON = re.compile(r"\b(he|she|he's|she's|he'll|she'll|his)\b", re.I)
# "Ha I did the HNC…", "Aye we were in 8 hubs…": a chat's interjection, not said again.
_INTERJECTION = re.compile(r"^(ha|haha|aye|och|ach|oh|hey|yeah|yep|lol|ok|okay)\b[,!.]*\s+", re.I)


def _of_them(piece: str) -> bool:
    piece = piece.replace("’", "'")
    return bool(_FIRST.search(piece)) or not _THIRD_PERSON.search(piece)
