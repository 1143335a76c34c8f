"""Which sentences of a candidate's turn ask, and the question a turn ends on: "Why would I
hide it?" and "Life's too short, you know?" ask nothing; "Go on then, tell me the story of the
new van." asks; "How does that actually work out?" asks about the sentence before it.
(``reading`` decides the kind of turn with these.)
"""

from __future__ import annotations

import re

from roleplay.core.cues import split_sentences, tidy
from roleplay.core.turn_rules import TurnRules, turn_rules
from roleplay.interview.question_intent import names_intent
from roleplay.interview.question_words import names_nothing

_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# Words after a question that still leave the question as the turn's act ("Are you hiring? I
# need a job quickly."); a question about oneself followed by more ("What did I learn? That…")
# is an answer's rhetorical question.
TAIL_WORDS = 16

# "What did I learn? That…" asks oneself; "Where would I be based? I saw…" asks the interviewer.
_ABOUT_ONESELF = re.compile(r"\b(did|do|was|am|have) i\b|^why (would|should) i\b", re.IGNORECASE)

# "Why would I hide it?", "What did I learn?": asked of oneself; "What should I read?" asks.
# A few words ending in "?" that start like no question: a hedge, not a question.
_UPTALK = re.compile(
    r"^(?!(what|whats|how|who|whom|which|where|when|why|is|are|was|were|do|does|did|can|could|"
    r"would|will|should|may|might|have|has|any|shall|yours|you)\b)(\S+\s+){0,5}\S+\?$",
    re.IGNORECASE,
)
# ("No pressure if you're busy" after a question answers nothing.)
_YES_NO = re.compile(
    r"^(yes|no(?! (pressure|worries|rush|problem|stress|need|hurry|obligation))|nope|yep"
    r"|not really|absolutely|of course|definitely)\b",
    re.I,
)
_POINTS_BACK = re.compile(r"\b(that|it|this|those|these|they)\b", re.IGNORECASE)
# ("How would I know I'm on track in the first few months?" asks how.)
_RHETORICAL = re.compile(
    r"^(why|what|how) (would|did) i\b(?! know (if|whether|when|that|i'?m|how|what|where)\b)"
    # "Can I be honest about one thing, though?": leave to speak, and then they speak.
    r"|^(can|could|may) i (just )?(be (honest|frank|blunt|straight)|say (something|one thing)"
    r"|tell you (something|one thing)|share (something|one thing)|add (something|one thing))\b",
    re.IGNORECASE,
)
# "What I should've led with is…", "What we did was…": a thing said, named by what was done.
_WHAT_I_DID = re.compile(
    r"^(what|where|how|why) (i|we)(?:'\w+| \w+){1,5} (is|was) (that|to|the|a|an|my|our|we|i)\b",
    re.IGNORECASE,
)
_TAG = re.compile(
    r",?\s*(you know|right|is it|isn't it|aren't they|aren't we|don't you think|does it|"
    r"doesn't it|eh|i think|i guess)\?$",
    re.IGNORECASE,
)

# Words a question may start with before it asks ("And what sort of money…", "So who runs…").
_LEAD_IN = re.compile(
    r"^((and|so|but|also|oh|ok|okay|right|well|um|erm|then|just|honestly)\b[,.]?\s*)+", re.I
)


def asks(sentence: str, rules: TurnRules) -> bool:
    said = _LEAD_IN.sub("", sentence.strip())
    if said.endswith("!"):
        return False  # "Have a great afternoon!" asks nothing
    if _RHETORICAL.search(said) or (_TAG.search(said) and not rules.hits("asking", said)):
        return False  # "Why would I hide it?", "Life's too short, you know?", "Fairly, I think?"
    if _WHAT_I_DID.match(said) and not said.endswith("?"):
        return False  # "What I should've led with is that my dissertation…" tells
    if _UPTALK.match(said) and not rules.hits("asking", said):
        return False  # "Sort of?", "Reliable, I suppose?": a hedge said with a rising voice
    return said.endswith("?") or bool(rules.hits("asking", said))


def asks_something(text: str, rules: TurnRules) -> bool:
    """Whether any sentence of ``text`` asks the interviewer something ("So why should I waste
    my time answering you?" asks nothing of them)."""
    return any(
        asks(sentence, rules) and not _ABOUT_ONESELF.search(_LEAD_IN.sub("", sentence.strip()))
        for sentence in split_sentences(tidy(text))
    )


def asking_part(text: str) -> str:
    """The sentences of ``text`` that ask (the whole of it when none does)."""
    clean = tidy(text)
    return " ".join(asking_sentences(clean, turn_rules())) or clean


def asking_sentences(text: str, rules: TurnRules) -> list[str]:
    """Every sentence of the turn that asks (an intent may be named in an earlier one), and
    the few words with a question mark after one ("What else comes with the job? Pension, that
    sort of thing?"): they say what it asks about."""
    said = split_sentences(text)
    asking = [
        n
        for n, s in enumerate(said)
        if asks(s, rules) or (n and s.endswith("?") and asks(said[n - 1], rules))
    ]
    # "…the advert said some Saturdays. How does that actually work out?": a question that
    # only points back asks about the sentence before it.
    points_back = asking and asking[0] and _POINTS_BACK.search(said[asking[0]])
    if points_back and all(names_nothing(said[n]) for n in asking):
        asking.insert(0, asking[0] - 1)
    return [said[n] for n in asking] or [text]


def closing_question(text: str, rules: TurnRules) -> str:
    """The question the turn ends on ("" when it ends on anything else): what comes after it
    is a few words at most, so a rhetorical question inside an answer is not one."""
    sentences = split_sentences(text) or [text]
    for n in range(len(sentences) - 1, -1, -1):
        if asks(sentences[n], rules):
            tail = sum(len(_words(s)) for s in sentences[n + 1 :])
            # "Is it perfect? No, but we shipped it": the question is answered by its asker.
            answered = bool(_YES_NO.match(" ".join(sentences[n + 1 :])))
            rhetorical = tail > 0 and (_ABOUT_ONESELF.search(sentences[n]) or answered)
            # "…? I'd love to get my foot in the door." still asks: the tail says what about.
            about = names_intent(" ".join(sentences[n + 1 :]), rules)
            # "Can I double-check the money side? I did read the pack, but…": asking leave
            # to ask is a question whatever reason comes after it.
            about = about or bool(ASKS_LEAVE.search(sentences[n]))
            # "What happens after today? I'm the kind of person who likes to know when to stop
            # refreshing my inbox…": a tail that wants to know something still asks.
            about = about or bool(_WANTS_TO_KNOW.search(" ".join(sentences[n + 1 :])))
            about = about or bool(_GUESSES_AT_IT.search(" ".join(sentences[n + 1 :])))
            about = about or bool(_HOW_IT_LOOKS.search(" ".join(sentences[n + 1 :])))
            about = about or bool(_NARROWS.match(" ".join(sentences[n + 1 :])))
            return sentences[n].strip() if (tail <= TAIL_WORDS or about) and not rhetorical else ""
    return ""


# (a wish to know, not "you know, when…" nor "you find out where the duplicates come from")
_WANTS_TO_KNOW = re.compile(
    r"\b((like|likes|want|wants|wanted|love|need|needs|trying) to (know|find out|understand"
    r"|work out|figure out)|i'?m (curious|wondering)|i was (curious|wondering)"
    # ("…? I'm assuming there's a control room system, but I honestly don't know how it all
    # hangs together here.": not knowing, said after the question, still asks it)
    r"|\bi (really |honestly |genuinely |just )?(don'?t|do not|didn'?t|did not) (really |honestly "
    r"|quite |fully |actually )?(know|understand)"
    r"|\b(i'?m not|i am not|i wasn'?t|i was not) (totally |quite |really |entirely )?sure"
    # ("…? The page mentioned a task and I couldn't work out whether that's done beforehand.")
    r"|\bi (really |honestly |genuinely |just )?(couldn'?t|could not|can'?t|cannot)"
    r" (quite |really )?(work out|figure out|tell))\b"
    r"[^.?!]{0,40}"
    r"\b(what|when|how|who|where|whether|which)\b",
    re.IGNORECASE,
)
# "…? I've mostly used Mailchimp, so I'm quietly hoping your setup isn't a million miles from
# that.": a guess or a hope at what the answer is, said after the question, still asks it.
_GUESSES_AT_IT = re.compile(
    r"\b(hoping|guessing|assuming|i imagine|i suppose)\b[^.?!]{0,30}\b(your|yours|you|you're"
    r"|you've)\b",
    re.IGNORECASE,
)
# "Why did you go down the open access road? From the outside, giving books away looks like a
# hard sell…": how it looks to the asker, said after the question, still asks it.
_HOW_IT_LOOKS = re.compile(
    r"\b(from the outside|from outside|to an outsider|on paper)\b[^.?!]{0,80}"
    r"\b(looks?|seems?|sounds?)\b",
    re.IGNORECASE,
)
# "…what else comes with it? Holidays, that kind of thing - I've heard the NHS is decent…":
# examples of what it asks, said after the question, still ask it.
_NARROWS = re.compile(
    r"\s*[^.?!]{1,60}?\b(that kind of thing|that sort of thing|things like that|stuff like that"
    r"|and so on|etc)\b",
    re.IGNORECASE,
)
ASKS_LEAVE = re.compile(
    r"\b(can|could|may|might) i (just |quickly |also |please )?(ask|check|double[- ]check|"
    r"confirm|clarify)\b|\b(can|could|would) you (just |please )?(confirm|remind me|clarify)\b"
    # ("Would you mind if I dropped you a line after the interview? Even just to say…")
    r"|\b(would|do) you mind if i\b|\bwould it be (ok|okay|alright|all right|fine) if i\b"
    r"|\bis it (ok|okay|alright|all right|fine) if i\b"
    r"|\b(can|could|may) i (drop|send|message|email|contact|get in touch|follow up|ping)\b"
    # ("Go on then, tell me the story of the new van. I saw a photo…": a request, asked.)
    r"|^((go on|so|and|ok|okay|right|anyway|well|now|please)( then)?\W+)*tell me (the|what|how)\b",
    re.IGNORECASE,
)
