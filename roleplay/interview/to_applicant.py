"""What research says to whoever takes the post. Research is data: a sentence with "you" in it
is a note to its reader, never an answer, unless it is a careers page, a job's terms or a
handbook talking to the post holder ("You will report to Anjali Rao-Bergeron", "Holiday is 25
days…, plus your birthday off", "Once you have accepted, People Services will ask for two
references…"): said to the candidate, those mean what they say."""

from __future__ import annotations

import re

# ("Day to day you will work in Upshot, Power BI, Excel and Microsoft 365" too.)
# ("From Easter to October you will work one Saturday a month…": a time before it too.)
_TO_APPLICANT = re.compile(
    r"^(?:(?:Day to day|Day-to-day|In this role|In the role|Most days|Every day|Each week"
    r"|(?:From|During|Between|Over|Until|After|Once) [A-Za-z0-9 ]{3,30}?),? )?"
    r"([Yy]ou will|[Yy]ou'll|[Yy]ou would|[Yy]ou'd) (?=[a-z])"
    # ("Your first big piece of work will be the evaluation of…": the post's work, told)
    # ... or where its work goes ("Your analysis will be seen at the monthly Performance Board")
    r"|^Your (?:[a-z]+ ){0,3}(?:piece of work|project|task|priority|focus|analysis|work|reports"
    r"|findings) (?:will be|would be|will|would|is|are|goes|go) (?=[a-z])"
    # ("You can expect the work to split roughly 60/40…", an advert's "Expect…" said)
    r"|^You can expect (?=[a-z])"
)
# A handbook or an offer letter on joining ("Once you have accepted, People Services will ask
# for two references…", "Before your first day we must complete a Right to Work check…"): what
# happens to whoever takes the post, "you" all through.
_JOINING = re.compile(
    r"^(?:Once|When|After|Before|On|In|Within|During) (?:you (?:have )?(?:accepted|accept|join"
    r"|start|begin|arrive)|your (?:first|start|offer|probation|induction)\w*(?: \w+)?)\b"
)
_YOU = re.compile(r"\b(you|your)\b", re.IGNORECASE)
# ... and so does a careers page's clause on what the post holder can or will do, however the
# sentence opens ("Everyone is in the office on Tuesdays; the rest of the week you can work from
# home", "It takes around three hours and you will have five working days to return it").
_APPLICANT_CLAUSE = re.compile(
    r"(?:[;,]|\band) (the rest of the \w+,? )?you(?: can| could| may| will|'ll| would|'d)( also)? "
    r"(work|be|have|get|take|choose|start|join|use|claim|spend|return|receive|need|meet"
    r"|contact|call|ring|email|phone|make)\b"
    r"|\b(expects?|expected|helps?|give|gives|offer|offers|with|for|to meet) you\b"
    # ("The team is five people: our Supporter Data Manager, … and you.": the new post.)
    r"|\band you\.$",
    re.IGNORECASE,
)
_PLEASE = re.compile(r"\bplease (?=(contact|call|ring|email|phone|get in touch)\b)", re.I)
_EXPECT = re.compile(r"^Expect (?=(?:the|a|an|to|some|plenty|lots|busy|busier|your)\b)")
_WE_SAY = re.compile(r"^We ([a-z]+ly )?(ask|offer|pay|give|expect|work|run|aim|provide|support)\b")
# A job's terms as a table row states them ("Holiday is 25 days…, plus your birthday off",
# "Working pattern is hybrid…, from home if you wish"): their "you" is the post holder.
TERMS = re.compile(
    r"^(?:Annual leave|Leave|Holidays?|Working (?:pattern|hours)|Hours|Pension|Salary|Pay"
    r"|Benefits?|Start(?:ing)? date|Notice(?: period)?|Location|Base|Contract|Probation"
    r"|Hybrid working|Flexible working|Travel|Wellbeing|Perks) (?:is|are)\b"
)


def said_to_candidate(sentence: str) -> str:
    """``sentence`` with a careers page's requests said as what the candidate can do ("For an
    informal chat, please contact Ruth…" as "you can contact", "Expect the work to…" as "You
    can expect the work to…")."""
    return _EXPECT.sub("You can expect ", _PLEASE.sub("you can ", sentence))


def unaddressed(sentence: str, *, applicant: bool = False) -> tuple[str, bool]:
    """The words of ``sentence`` left once what it tells the post holder is set aside (any
    "you" left is a note to the reader), and whether it opens by telling them what they will
    do. ``applicant`` when it comes from a job ad's list, whose "you" is the applicant."""
    to_applicant = _TO_APPLICANT.match(sentence)
    checked = sentence[to_applicant.end() :] if to_applicant else sentence
    if applicant or _WE_SAY.match(sentence) or TERMS.match(sentence) or _JOINING.match(sentence):
        checked = _YOU.sub("", checked)
    return _APPLICANT_CLAUSE.sub("", checked), bool(to_applicant)
