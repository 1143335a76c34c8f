"""What kind of answer a question asks for, and whether a research sentence gives it.

"Who would I report to?" is answered by a sentence naming a person, "how many people work
there?" by one with a figure, "when does it open?" by one with a date, "where is the office?" by
one naming a place. A sentence on the subject that gives none of those is no answer to it: the
interviewer says it does not know rather than read out the nearest fact. "How many libraries"
is best answered where a figure counts libraries ("22 libraries").
"""

from __future__ import annotations

import re
from typing import Literal

from roleplay.interview.facts import STARTERS
from roleplay.interview.sayable import A_YEAR, NUMBER_WORDS, SPECIFIC
from roleplay.interview.standalone import PERSON
from roleplay.knowledge.embeddings import common_words

Wanted = Literal["person", "amount", "figure", "date", "place", "favourite", "rise", ""]

# A question word at the start of a clause ("sorry, quick one - who would I report to?"), not
# inside one ("are there people who work remotely?"); "who else" asks for a contact instead.
_CLAUSE_START = r"(?:^|[,;:–—-]\s*|\b(?:and|so|but|then|ok|okay)\s+)"
# (Or asked inside another: "could you tell me a bit about who I'd be reporting to?")
_WHO = re.compile(
    rf"(?:{_CLAUSE_START}|\b(?:about|know|me|wondering|ask)\s+)who(?:'s|se)?\b(?!\s+else)",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"\bhow (many|much|big|large|old|often|fast|soon)\b|\bwhat (size|percentage|proportion)\b"
    # "What were the headline numbers, roughly?"
    r"|\bwhat (were|are|was|is) the (\w+ )?(numbers|figures|stats|statistics)\b"
    # "…a reminder trial. What did the numbers look like?"
    r"|\b(what|how) (did|do|does) the (\w+ )?(numbers|figures|stats|statistics|results)"
    r" (look|come out|say)\b"
    # "Is there a specific visitor number you're aiming for by 2028?"
    r"|\b(is there|are there|do you have|have you got) (a|any) (specific |particular |rough |set )?"
    r"(\w+ )?(number|figure|target)s?\b",
    re.IGNORECASE,
)
# "What is the new system costing you?", "How big an investment was it?": a sum of money.
_AMOUNT_ASKED = re.compile(
    r"\b(what|how much)\b[^.?]{0,40}\b(cost|costs|costing|costed|invest|invested|investment"
    r"|turnover|revenue|income|(spend|spending|spent)(?![^.?]{0,25}\btime\b))\b"
    r"|\bhow (the )?money (splits?|divides)\b"
    r"|\bhow (big|large|much) (an? )?(investment|spend|budget|outlay)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"[£$€]\s?\d|\b\d[\d,.]*\s?(k|m|bn|million|billion|thousand|pounds|dollars|euros)\b",
    re.IGNORECASE,
)
# ("When my work's done, where does it end up?": a "when" clause set before the question asks
# nothing.)
_DATE_ASKED = re.compile(
    rf"{_CLAUSE_START}when(?:'s)?\b(?![^,?]{{3,50}},\s*(?:where|who|what|how|which|why)\b)"
    r"|\bwhat year\b|\bsince when\b|\bhow long\b",
    re.IGNORECASE,
)
# ("Where do you see things heading?" asks where to, not where.)
_PLACE_ASKED = re.compile(
    rf"{_CLAUSE_START}where(?:abouts|'s)?\b"
    r"(?!\s+(?:do|does|did|would|will|is|are) (?:\w+ )?(?:see|stand|think|heading|going|headed))"
    r"|\bwhich (office|city|site|town|building|country)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December|spring|summer|autumn|fall|winter)\b|\bsince\b"
    rf"|\b(\d+|{NUMBER_WORDS}|a|one)[- ](years?|months?|weeks?|days?|hours?|minutes?)\b"
    r"|\b(last|next|this) (year|month|week)\b",
    re.IGNORECASE,
)
_PLACE_WORDS = re.compile(
    r"\b(in|at|on|near|based|offices?|sites?|remote|hybrid|headquarters|depot|street|road|"
    r"building|floor|farm|warehouse)\b",
    re.IGNORECASE,
)
# "What's been your favourite concert since you joined?": a liking, told only where one is
# said ("my favourite was…", "the one I loved"), never by when they joined.
_FAVOURITE_ASKED = re.compile(
    r"\b(your|the) (all-time |absolute |own )?(favourite|favorite|most memorable|highlight)\b"
    r"|\bwhat('s| has| was) (been )?(the|your) best\b",
    re.IGNORECASE,
)
_FAVOURED = re.compile(
    r"\b(favourite|favorite|best|loved?|highlights?|memorable|proud(est)?|stand(s|out)? out"
    r"|unforgettable|magical|goosebumps)\b",
    re.IGNORECASE,
)
# "Do they give everybody a pay rise every year?": told by what says how pay rises, never by
# the salary alone ("Salary is £27,450 per year").
_RISE_ASKED = re.compile(
    r"\b(pay|salary|wage) (rises?|raises?|increases?|reviews?|bumps?)\b|\bcost[- ]of[- ]living\b"
    r"|\bincrements?\b",
    re.IGNORECASE,
)
_RISES = re.compile(
    r"\b(rises?|rising|raises?|increases?|increased|increments?|uplifts?|reviewed|reviews?"
    r"|cost[- ]of[- ]living|inflation|cpi|pay awards?|progression|spine points?|steps? up)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]|20)\d\d(/\d\d)?\b")
# What a person named first does: "Hannah joined…", "Tom runs…".
_DOES = re.compile(
    r"^(is|was|has|had|joined|leads|led|runs|ran|manages|managed|heads|headed|started|founded"
    r"|works|worked|looks|oversees|reports|chairs|took|moved|became|set)\b"
)
_INNER_NAME = re.compile(r"(?<!^)\b[A-Z][a-z]+")
_ROLE = re.compile(
    r"\b(manager|director|head|lead|chief|officer|founder|partner|supervisor|recruiter|"
    r"advis[eo]r|president|ceo|cto|cfo|coo)\b",
    re.IGNORECASE,
)
# "How many people": the thing counted, and the words that count the same thing.
_COUNTED = re.compile(r"\bhow many (?!of\b)([a-z][a-z-]+)", re.IGNORECASE)
_PERIOD = re.compile(r"\s+(a|per|each) (day|week|month|year)\b", re.IGNORECASE)
_SAME_COUNT = (
    frozenset(
        ["people", "staff", "employees", "workers", "colleagues", "us", "you", "analysts",
         "engineers", "developers", "scientists", "planners", "members", "nurses", "drivers",
         "volunteers", "managers"]
    ),
)  # fmt: skip


def wanted(question: str) -> Wanted:
    """What kind of thing answers ``question``: a person, a figure, a date, a place, or ""."""
    if _FAVOURITE_ASKED.search(question):
        return "favourite"
    if _RISE_ASKED.search(question):
        return "rise"
    if _WHO.search(question):
        return "person"
    if _AMOUNT_ASKED.search(question):
        return "amount"
    if _DATE_ASKED.search(question):
        return "date"
    if _FIGURE.search(question):
        return "figure"
    if _PLACE_ASKED.search(question):
        return "place"
    return ""


def gives(kind: Wanted, sentence: str) -> bool:
    """Whether ``sentence`` holds the kind of thing asked for ("how long has Ravi been there?"
    is answered by "in 2018" or "for eight years")."""
    if kind == "person":  # "The post reports to Aisling.", "Aisling joined in 2019…"
        words = sentence.split()
        first = words[0] if words else ""
        named = first[:1].isupper() and first not in STARTERS and len(first) > 2
        # ("Small teams, whole problems…" opens on an everyday word, not a name; "Hannah
        # joined…" on a name that is one too.)
        if named and first.lower() in common_words():
            named = len(words) > 1 and bool(_DOES.match(words[1]))
        return bool(PERSON.search(sentence) or _ROLE.search(sentence) or named) or bool(
            _INNER_NAME.search(sentence)
        )
    if kind == "date":
        return bool(_DATE.search(sentence) or SPECIFIC.search(sentence))
    if kind == "amount":
        return bool(_MONEY.search(sentence))
    if kind == "figure":  # a count or an amount: "joined in 2021" says nothing of how big
        return bool(SPECIFIC.search(_YEAR.sub(" ", sentence)))
    if kind == "favourite":
        return bool(_FAVOURED.search(sentence))
    if kind == "rise":
        return bool(_RISES.search(sentence))
    if kind == "place":
        return bool(_PLACE_WORDS.search(sentence) and _INNER_NAME.search(sentence))
    return True


# Words that end the name of what is counted ("how many clothing banks | have you got?").
_COUNT_ENDS = frozenset(
    ["are", "is", "was", "were", "do", "does", "did", "have", "has", "had", "can", "could",
     "would", "will", "you", "we", "they", "there", "in", "on", "at", "of", "for", "per", "a",
     "the", "work", "working", "go", "get", "come"]
)  # fmt: skip


def _counted_thing(words: str) -> str:
    """The thing counted: the last word of the name after "how many" ("banks")."""
    named: list[str] = []
    for word in re.findall(r"[a-z][a-z-]*", words.lower())[:4]:
        if word in _COUNT_ENDS:
            break
        named.append(word)
    return named[-1] if named else ""


def counted_thing(question: str) -> str:
    """What "how many …" in ``question`` counts ("bikes"), or ""."""
    asked = _COUNTED.search(question)
    return _counted_thing(question[asked.start(1) :]) if asked else ""


def asks_count(question: str) -> bool:
    """Whether ``question`` asks how many of a thing ("how many clothing banks…")."""
    return bool(_COUNTED.search(question))


def counts_it(question: str, sentence: str) -> bool:
    """Whether a figure in ``sentence`` counts what "how many …" in ``question`` asks about
    ("22 libraries" for "how many libraries", "around 70 people" for "how many staff")."""
    asked = _COUNTED.search(question)
    if not asked:
        return False
    thing = _counted_thing(question[asked.start(1) :])
    # "How many days a week": two volunteering days a year count something else.
    # (A sentence naming no period at all may still answer: "three days on site at the mill".)
    period = _PERIOD.match(question[asked.end() :])
    other = {m.group(2).lower() for m in _PERIOD.finditer(sentence)}
    if period and other and period.group(2).lower() not in other:
        return False
    same = next((group for group in _SAME_COUNT if thing in group), frozenset([thing]))
    raw = sentence.split()
    words = [w.strip(",.;:()").lower() for w in raw]
    for index, word in enumerate(words):
        if word.rstrip("s") in {s.rstrip("s") for s in same}:
            # The figure a few words before, with no list between ("around 2,300 Friends and
            # donor records"; not "4 sites, 300 volunteers and the records").
            start = max(0, index - 5)
            while start < index and any(w.endswith((",", ";")) for w in raw[start:index]):
                start += 1
            if SPECIFIC.search(" ".join(words[start:index])):
                return True
    return False


_LAST_YEAR = re.compile(r"\blast year\b", re.IGNORECASE)


def of_the_years_asked(question: str, sentences: list[str]) -> list[str]:
    """``sentences`` without those dated in other years than ``question`` names: "…a visitor
    number you're aiming for by 2028?" is not answered by "Last year, 2024, we welcomed 151,300
    visitors" (all of them when it names none)."""
    years = set(A_YEAR.findall(question))
    if not years:
        return sentences
    return [
        said
        for said in sentences
        if set(A_YEAR.findall(said)) & years or not (A_YEAR.search(said) or _LAST_YEAR.search(said))
    ]


# "Why did you go open access?", "what made the trust decide to…?", "how come…?"
_WHY = re.compile(
    r"(?:^|[,;:–—-]\s*|\b(?:and|so|but)\s+)"
    r"(?:why\b|how come\b|what made (?:you|them|it|the \w+)\b)",
    re.IGNORECASE,
)
# A sentence that gives the reason for what the one before it says ("…launched Pellingford
# Open in 2021. The honest reason is that a monograph that sells 200 copies is read by almost
# nobody.").
_REASON = re.compile(
    r"^\W*(?:(?:the|our|my) (?:\w+ )?(?:reason|thinking|logic)\b|(?:that'?s|this is|which is)"
    r" (?:why|because)\b|because\b|partly because\b)",
    re.IGNORECASE,
)


def gives_reason(question: str, sentence: str) -> bool:
    """Whether ``sentence`` gives a reason, asked for by ``question``: it is about what the
    sentence before it says."""
    return bool(_WHY.search(question)) and bool(_REASON.search(sentence))
