"""The words of a candidate's question that say what it asks about, and how a research
sentence is seen to share them: stems of its words beyond the everyday ones, the words a job ad
says the same thing in, and words that point back into what the candidate said before."""

from __future__ import annotations

import re

from roleplay.interview.sayable import BRACKETED_LETTER, NUMBER_WORDS

# (A name made of a figure and letters is a subject: "401k", "5G".)
_FIGURE_WORDS = re.compile(rf"\b(\d[\d,.]*(?![a-z])|{NUMBER_WORDS}|one|percent)\b")

# Words every question and every sentence about a company share: no sign of an answer.
GENERIC = frozenset(
    ["team", "compa", "work", "peopl", "role", "like", "does", "what", "which", "year", "time",
     "thing", "make", "good", "there", "about", "would", "could", "should", "their", "your",
     "they", "them", "this", "that", "with", "have", "from", "into", "look", "week", "much",
     "many", "some", "more", "most", "here", "know", "tell", "want", "think", "mean", "actua",
     "wonde", "befor", "love", "sound", "these", "days", "else", "reall", "quite", "sort",
     "kind", "bits",
     "been", "long", "overa", "altog", "rough", "exact", "curre", "curio", "somet", "going",
     "doing", "read", "heard", "saw", "guys", "job", "where", "when", "whose", "whom",
     "after", "down", "over", "ever", "still", "anything", "anyt", "anyth", "sorry", "quick",
     "keep", "seein", "websi", "menti", "notic", "somew", "someo", "told", "hear", "real", "true",
     "need", "fully", "range", "those", "jobs", "nowad", "come", "meant", "confi", "post",
     "next", "invol", "arran", "situa", "deal", "were", "remem", "recal", "every"]
)  # fmt: skip
# What a candidate asks about, and the words a job ad says it in (as stems): "fully remote?" is
# answered by "hybrid working", "days in the office" by "three days on site", "the pay" by
# "salary". One way only: a salary question is not answered by "pay-what-you-decide tickets".
SAID_OTHERWISE = {
    "remot": frozenset(["hybri", "home", "site", "onsit", "offic"]),
    "offic": frozenset(["hybri", "site", "onsit"]),
    "pay": frozenset(["salar", "wage", "compe"]),
    "salar": frozenset(["compe", "wage"]),
    "band": frozenset(["salar"]),  # (a pay band, not "we pay 6%")
    "perk": frozenset(["benef"]),
    # ("What comes with the job?" is answered by the holidays and the pension a list names.)
    "benef": frozenset(["perk", "holid", "pensi"]),
    "money": frozenset(["salar", "budge", "allow"]),
    "holid": frozenset(["leave", "vacat"]),
    "vacat": frozenset(["leave", "holid"]),
    "leave": frozenset(["holid", "vacat"]),
    "401k": frozenset(["pensi", "retir"]),
    "pensi": frozenset(["401k", "retir"]),
    "cert": frozenset(["train", "cours", "learn", "certi"]),
    "shift": frozenset(["rota", "nights"]),
    "start": frozenset(["begin", "commen"]),
    "shut": frozenset(["close"]),
    "round": frozenset(["stage"]),
}
# Words that ask for figures without saying of what ("the headline numbers"): what the figures
# are of is in the rest of the turn ("The Courier piece said last year was a record.").
FIGURE_ASKED = frozenset(["numbe", "figur", "stats", "stati", "headl", "key", "main"])
GENERIC_ASKED = frozenset(["beyon", "salar", "comes", "come", "else", "offer", "packa"])
PERKS = re.compile(
    r"\b(package|what else (comes|do you offer|is there)|comes? with the (job|role))\b", re.I
)
# Words that open a question without being asked about ("first thing, what's the salary?").
OPENER = re.compile(
    r"^\W*(first thing|first things first|quick one|quick question|one more|one last thing|"
    r"random one|random question|out of interest|just wondering|sorry)\b[,:;.!-]*\s*",
    re.IGNORECASE,
)
# When in the post a question asks about, which no answer need share ("What would my first
# three months look like?" is not answered by "900 families took part in the first six months").
TIME_SPAN = re.compile(
    r"\b(my|the|your|those|a|in|over) first (few |couple of |\w+ )?(days|weeks|months|year)\b",
    re.IGNORECASE,
)
# A capitalised word past the first: a name, which sets a question's scene.
# (not "I": "can I just check the pay?" asks leave in words the idioms know)
CAPITALISED = re.compile(r"(?<!^)\b(?!I\b|I'[a-z]+\b)[A-Z][\w'-]*")
BESIDES = re.compile(
    r"\b(beyond|apart from|other than|besides|aside from|except( for)?) (the |your |my )?[^,?]+"
    # ("I know you mentioned Hubstock, but what else are you in all day?")
    r"|\byou('ve)? (already )?(mentioned|said|named) [^,?]+(?=,? but what else\b)",
    re.IGNORECASE,
)
CALENDAR = frozenset(
    ["janua", "febru", "march", "april", "may", "june", "july", "augus", "septe", "octob",
     "novem", "decem", "monda", "tuesd", "wedne", "thurs", "frida", "satur", "sunda"]
)  # fmt: skip
# Three-letter words that say nothing about a subject ("gym", "app" and "pay" do).
_SHORT = frozenset(
    ["the", "and", "are", "was", "you", "how", "why", "who", "can", "did", "has", "had", "for",
     "not", "but", "its", "our", "any", "all", "get", "got", "one", "two", "out", "use", "new",
     "now", "way", "day", "let", "see", "ask", "too", "yet", "per", "via", "off", "own", "run",
     "her", "his", "him", "she", "they", "may", "say", "set", "put", "lot", "bit", "far"]
)  # fmt: skip


def stem(word: str) -> str:
    for ending in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)][:5]
    return word[:5]


# Idioms whose words name no subject ("when is it meant to be up and running?", "could you
# give me a picture of who's in the team I'd be joining?").
_IDIOMS = re.compile(
    r"\b(up and running|going in|in the first place|(give|paint|get) (me |us )?an? (rough |quick "
    r"|bit of a |better )?(picture|sense|idea|feel|flavour|overview|rundown) (of|for)|be "
    r"joining|(i'd|i would) join|day[- ]to[- ]day|get through( to (it|that|this|them))?"
    # ("When are you hoping the successful person would start?" asks of the start.)
    r"|(are|were|was) (you )?hoping|the (succ?ess?ful|new) (person|candidate|applicant|hire)"
    r"|whoever (gets|is offered|lands) (it|the (job|role|post))"
    # ("Can I double-check the money side?" asks of the money: leave to ask names nothing.)
    r"|(can|could|may|might) i (just |quickly |also |please )?(double[- ]check|check|confirm|"
    r"clarify|ask( you)?)( about| on)?|(?<=money )side"
    # ("an employer contribution of 14.5% of salary" is a share of it, not the salary)
    r"|(?<=% )of (your |basic |pensionable |gross )?salary"
    # ("annual leave" is holiday, said otherwise: "Holiday is 25 days…")
    r"|annual(?= leave)"
    # ("Which ones would I be living in?" asks for the tools named before it.)
    r"|(which|what) ones|(would|will) (i )?be living in"
    # ("Could we start with the people?" asks of the people, not of a start.)
    r"|(could|can|shall|should|may) we (maybe |perhaps |just )?(start|begin|kick off) (with|by)"
    r"|let'?s (start|begin|kick off) (with|by))\b",
    re.I,
)


def content_stems(text: str) -> set[str]:
    """The stems of what ``text`` is about: its words beyond the everyday ones, figures left out."""
    return word_stems(text) - GENERIC


def word_stems(text: str) -> set[str]:
    """The stems of ``text``'s words, the everyday ones ("team", "people") too."""
    # Figures are no subject: "was it always six theatres?" is not answered by "six venues".
    text = _IDIOMS.sub(" ", BRACKETED_LETTER.sub(r"\1\2", text.lower()))
    words = re.findall(r"[a-z0-9]+", _FIGURE_WORDS.sub(" ", text))
    return {stem(w) for w in words if len(w) > 3 or (len(w) == 3 and w not in _SHORT)}


def said_otherwise(asked: set[str], own: set[str], sentence: str = "") -> set[str]:
    """The words of ``asked`` a sentence (with the stems ``own``) says in a job ad's other
    words; a sum a year is a salary ("Grade 6, £29,605 to £34,132 a year")."""
    paid = (
        {"salar"} if _A_YEAR_PAID.search(sentence) and not _OTHER_MONEY.search(sentence) else set()
    )
    return {
        word
        for word in asked
        if word in paid or SAID_OTHERWISE.get(word, frozenset()) & (own | paid)
    }


_A_YEAR_PAID = re.compile(
    r"[£$€]\s?\d[\d,.]*k?\b(?! ?(million|billion|bn|m)\b)[^.;]{0,25}?\b(a year|per year|per annum"
    r"|pa|p\.a\.|annually)\b",
    re.I,
)
# ... unless the sum is another kind of money ("a bonus of up to £3,600 a year", "a contract
# worth £6.1 million a year").
_OTHER_MONEY = re.compile(
    r"\b(bonus(es)?|allowance|budget|grant|contract|turnover|revenue|worth|fund(s|ing)?|profits?"
    r"|savings?|donat\w*|raised?|costs?|spend|discount)\b",
    re.I,
)


# Words of a question that point back into the turn before it ("I saw you're moving to the
# cloud. Which platform is that?").
POINTS_BACK = re.compile(
    r"\b(it|them|that|there|he|she|they)\b|\b(those|these)\b(?! days)|\b(which|what) ones\b",
    re.IGNORECASE,
)
# The words that ask, not what about: "…the salary band. Could you remind me what it is?"
_ASKING_FRAME = re.compile(r"\b(remind|tell|explain|say|clarify|confirm|recap)\b", re.IGNORECASE)


def names_nothing(question: str) -> bool:
    """Whether ``question`` names nothing it asks about, past the words that ask."""
    return not content_stems(_ASKING_FRAME.sub(" ", question))


def asks_to_be_told_it(question: str) -> bool:
    """Whether ``question`` asks only to be told what was named before it ("Could you remind
    me what it is?"): it asks to be told, points back, and names nothing of its own ("How far
    has it come down?" asks something of its own about it)."""
    return bool(_ASKING_FRAME.search(question) and POINTS_BACK.search(question)) and names_nothing(
        question
    )


# Words that say someone leads, heads or runs something.
ROLE_WORDS = re.compile(
    r"\b(leads?|led|heads?|runs?|director|manager|vice president|vp|chief|founder|founded|"
    r"reports? to|lead|head of|in charge)\b",
    re.IGNORECASE,
)
# A question asking who is in a team or on a panel: its people are the answer.
MEMBERS = re.compile(r"\bwho(?:'s| is| are|'re| else is)? (?:in|on) (?:the |your |our )?\w", re.I)
POINTS_TO_SAID = re.compile(r"\b(it|that|them)\b(?!'s possible)|\b(which|what) ones\b", re.I)
# What an organisation calls itself ("the trust", "the group"), not a place it names ("the
# terminal" at Marrowgate Container Terminal is where the work is).
ORGANISATIONS = frozenset(
    ["trust", "company", "group", "charity", "firm", "association", "society", "union",
     "co-op", "cooperative", "partnership", "foundation", "organisation", "organization",
     "business", "club", "agency", "collective", "park", "zoo", "museum", "gallery", "theatre",
     "centre", "farm", "hospice", "hospital", "school", "college", "studio", "studios",
     "library", "libraries", "council", "practice", "clinic", "bakery", "bakeries", "brewery"]
)  # fmt: skip


# A sum of money or a large count named ("£412,000", "84,000"), and "pay for" as a verb: "What
# does the grant pay for?": what it buys, not anyone's pay.
# (Not "would I need to pay for it?": someone paying is asked about; nor "the pay for this one".)
PAYS_FOR = re.compile(
    r"(?<!\bto )(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthe )(?<!\byour )(?<!\bmy )"
    r"\bpay(s|ing)? for\b",
    re.I,
)
BOUGHT = "(what it buys)"  # a word of what was asked no sentence writes
BUYS = re.compile(r"\b(pay(s|ing)? for|fund(s|ing)?|will (fund|cover|buy|pay))\b")
SUM = re.compile(r"[£$€]\d[\d,.]*\d(?:\s?(?:million|m|k|bn)\b)?|\b\d{1,3}(?:,\d{3})+\b")


# The name a question ends on, the person it is asked of: "…, Priya?"
_CALLED = re.compile(r",\s*[A-Z][a-z]+\s*\?\s*$")


def uncalled(question: str) -> str:
    """``question`` without the name it ends on ("Would I be managing anyone, Priya?"): whom
    it is asked of is no word of what is asked, and would find their profile, not the answer."""
    return _CALLED.sub("?", question)
