"""Research sentences weighed as the answer to a question.

Every sentence of the research that can be said aloud on its own (and each list item said with
what it lacks) is weighed against the question: MiniLM closeness to the question as asked and
with its kind's words, the words of what was asked it shares (or says in a job ad's other
words), the names that set the scene, and whether it gives the kind of thing asked for (a
person, a figure, a date). ``answers.answering`` picks from what is admitted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.admission import (
    ANSWERS_ALONE,
    ANSWERS_AT,
    ANSWERS_FEW,
    ANSWERS_PART,
    ANSWERS_UNHEARD,
    ANSWERS_WHOLE,
    Candidate,
)
from roleplay.interview.answer_types import (
    asks_count,
    counted_thing,
    counts_it,
    gives,
    gives_reason,
    of_the_years_asked,
    wanted,
)
from roleplay.interview.assessor import Relevance
from roleplay.interview.products import LISTED_PRODUCTS, USED_IN
from roleplay.interview.products import products as count_products
from roleplay.interview.question_words import (
    BESIDES,
    BOUGHT,
    BUYS,
    CALENDAR,
    CAPITALISED,
    FIGURE_ASKED,
    GENERIC_ASKED,
    MEMBERS,
    OPENER,
    ORGANISATIONS,
    PAYS_FOR,
    PERKS,
    POINTS_TO_SAID,
    ROLE_WORDS,
    SUM,
    TIME_SPAN,
    content_stems,
    said_otherwise,
    stem,
    word_stems,
)
from roleplay.interview.recent_work import RECENT, WANTS_RECENT
from roleplay.interview.reporting import asks_reporting
from roleplay.interview.research_said import research_said
from roleplay.interview.sayable import LISTED
from roleplay.interview.terms_rows import row_asked

# "Is there a staff gym?": asks whether a thing is there, which only a sentence naming it answers.
_IS_THERE = re.compile(r"^\W*(is|are) there\b", re.IGNORECASE)
_REPORTS_TO = re.compile(r"\breports? to\b", re.IGNORECASE)
_WHO_LEADS = re.compile(
    r"\bwho\b.{0,20}\b(runs?|leads?|heads?|manages?|is in charge|"
    r"is the (head|boss|manager|lead))\b",
    re.IGNORECASE,
)


# ("that", said before; "it" is as often what the question itself named: "…the panel, who
# would be on it?")
_JUST_NOW = re.compile(r"\b(at the moment|right now|at present|these days|nowadays)\b", re.I)
_ENDS_POINTING = re.compile(r"\b(on|about|for|with|in|of|to) (that|those)\W*$", re.I)


def candidates(
    question: str,
    sources: Sequence[Source],
    relevance: Relevance | None,
    names: Sequence[str] = (),
    *,
    hint: str = "",
    tools: bool = False,
    guessed: bool = False,
    context: str = "",
) -> list[Candidate]:
    """Every research sentence that could be said as the answer to ``question``, with what it
    is weighed by (the arguments are ``answering``'s). A sentence that gives no thing of the
    kind asked for, counts something else, names no product for a question about tools, or
    misses a name the question and the research share is no candidate at all."""
    company = [source for source in sources if source.kind == "company"]
    said_in = research_said(company, names[:1])
    under, items, duties, before = said_in.under, said_in.items, said_in.duties, said_in.before
    pool = list(under)
    # "Who", "how many", "when", "where": an answer names the person, the figure, the date, the
    # place; a sentence on the subject that gives none of them is no answer.
    # ("Where does the reporting side actually live?" asks for the tools, not a place.)
    kind = "" if tools else wanted(question)
    pool = [said for said in pool if gives(kind, said)]
    # "…a visitor number you're aiming for by 2028?": a sentence dated in other years is
    # about them ("Last year, 2024, we welcomed 151,300 visitors").
    pool = of_the_years_asked(question, pool)
    # "How many clothing banks": only a figure that counts them answers ("650 tonnes of
    # clothing" counts something else).
    # ("How many would I be doing?" names nothing it counts: what it points back to does.)
    if asks_count(question) and counted_thing(question):
        pool = [said for said in pool if counts_it(question, said)]
    # "lately": what happened lately, if anything did; a sentence dated recently is on the
    # subject by that alone, without sharing a word of the question. ("How big is the team
    # these days?" still takes an undated answer: "these days" is often only a way of asking.)
    wants_recent = bool(WANTS_RECENT.search(question))
    counted = content_stems(counted_thing(question))
    if not pool or relevance is None:
        return []
    # The company's own name is in every sentence: sharing it says nothing. The words its
    # kind of question is about ("benefits" are for "employees") count after the question's.
    # The setting's names are taken out of the question whole ("the Library Insight Analyst
    # role"), and their first words alone ("at Hollinsdale"): "how many libraries" at
    # Hollinsdale Libraries still asks about libraries.
    named = {stem(name.split()[0].lower()) for name in names if name.split()}
    # "the trust" at Brackendale Leisure Trust is the company itself: no word of what is asked,
    # and, as "it", no likeness to every sentence that says "Trust".
    # ("the park" at Cairnhill Wildlife Park Trust too.)
    kinds = [w for w in (names[0].split()[1:] if names else []) if w.lower() in ORGANISATIONS]
    for kind_word in kinds[:2]:
        itself = re.compile(rf"\b(?:the|your) {re.escape(kind_word)}('s)?\b", re.IGNORECASE)
        if itself.search(question):
            named.add(stem(kind_word.lower()))
            question = itself.sub(lambda m: "its" if m.group(1) else "it", question)
    named |= content_stems(names[-1]) if len(names) > 3 else set()  # the role applied for
    names_seen = {w for name in names for w in name.split()}
    perks = bool(PERKS.search(question))
    buys = bool(PAYS_FOR.search(question))
    # "Beyond the dashboards, what would I be working in?" asks of everything but them.
    question = BESIDES.sub(" ", question)
    unnamed = OPENER.sub("", question)  # "first thing, what's the salary…" asks of the salary
    unnamed = TIME_SPAN.sub(" ", unnamed)
    if perks:  # ("What comes with the job…?": the words that ask for the benefits name nothing)
        unnamed = PERKS.sub(" ", unnamed)
    # ("Who's in Practice Operations at the moment?" asks of Practice Operations; "how many of
    # you are there at the moment?" may be answered by what the team is now.)
    if MEMBERS.search(unnamed):
        unnamed = _JUST_NOW.sub(" ", unnamed)
    for name in sorted(filter(None, names), key=len, reverse=True):
        unnamed = re.sub(rf"\b{re.escape(name)}\b", " ", unnamed, flags=re.IGNORECASE)
    # What is asked about is in the question's common words: its names set the scene ("parking
    # at the Cardiff site" is not answered by a sentence that names Cardiff).
    asked = content_stems(CAPITALISED.sub(" ", PAYS_FOR.sub(" ", unnamed))) - named
    if kind == "figure":
        asked -= FIGURE_ASKED
    if buys:
        asked.add(BOUGHT)
    if perks and not asked - GENERIC_ASKED:
        # "Beyond the salary, what else comes with the job?" asks for the benefits.
        asked = {"benef"}
    # (Every word of a name is a name: "Quarry Lane" for Quarry Lane Veterinary Group.)
    places = (
        content_stems(" ".join(CAPITALISED.findall(unnamed)))
        - named
        - content_stems(" ".join(names))
    )
    places -= CALENDAR  # "the burst in February" is about the burst
    # ... but a name the research knows must be in the answer: "how many people work in the
    # Bristol office?" is not answered by how many work for the whole company.
    known_words = {t for source in company for t in content_stems(source.snippet)}
    known = places & known_words
    # A sum the question names from the research is its subject ("What does the £412,000 pay
    # for?"): the answer says it, or follows the sentence that does.
    sums = {f for f in SUM.findall(question) if any(f in source.snippet for source in company)}
    if not asked:  # "What does the Insights team work on?": the name is what is asked about
        asked, places = places, set()
    everyday = set()
    if not asked:
        # "Could you give me a picture of who's in the team?": an everyday word its kind of
        # question is about is the subject when nothing else is.
        asked = everyday = (word_stems(CAPITALISED.sub(" ", unnamed)) & word_stems(hint)) - named
    # "My employer only puts 3% into the pension. What's the arrangement at Harbourlight?": a
    # question naming nothing asks of what was said before it.
    borrowed = not asked and bool(content_stems(context) - named)
    # "I noticed the pension is salary sacrifice. What's the employer putting in on that?":
    # what the question ends pointing back at is asked about as much as its own words.
    if not borrowed and _ENDS_POINTING.search(question):
        asked |= content_stems(CAPITALISED.sub(" ", context)) - named
    if borrowed:
        asked = content_stems(CAPITALISED.sub(" ", context)) - named
    # The turn's words around the question say what it is about too ("What's the team been
    # busy with lately? I read something about fines being dropped.").
    hint_words = content_stems(hint)
    kind_words = hint_words - named - asked - places
    # ("there" is as often the company as what was said: "a Christmas bonus there?")
    points_back = bool(POINTS_TO_SAID.search(question)) and bool(context.strip())
    about = kind_words | (content_stems(CAPITALISED.sub(" ", context)) - named - asked - places)
    leader = bool(_WHO_LEADS.search(question))
    exists = bool(_IS_THERE.match(question))
    # ("Is there any budget for training?" asks of a perk: one it names, not any perk.)
    of_perks = "perks" in hint
    reporting = asks_reporting(question)
    # The question as asked, and with what its kind of question is usually about ("which
    # tools" is about software and platforms): the closer of the two counts.
    topic = [question, f"{question} {hint}"] if hint else [question]
    if context.strip():
        topic.append(f"{question} {context.strip()}")
    rows = relevance.scores(
        pool, [topic, [f"{context.strip()} {question}" if borrowed else question]]
    )
    # The scaled scores stop at 1 for every close sentence; raw cosines still rank those,
    # and each word of the question a sentence shares counts a little more.
    closeness = getattr(relevance, "cosines", None)
    if closeness:
        ranks = [max(pair) for pair in zip(*(closeness(pool, t) for t in topic), strict=True)]
    else:
        ranks = [row[0] for row in rows]
    found = []
    for sentence, row, rank in zip(pool, rows, ranks, strict=True):
        own = content_stems(sentence) | content_stems(under[sentence])
        own |= everyday & word_stems(sentence)
        # ("Why go open access?" and "…launched Pellingford Open. The honest reason is…")
        if reason := gives_reason(question, sentence):
            own |= content_stems(before.get(sentence, ""))
        if not reporting and _REPORTS_TO.search(sentence):
            own -= {"repor"}  # who the post reports to is no answer on "its reporting"
        own |= said_otherwise(asked, own, sentence)
        if buys and BUYS.search(sentence):
            own.add(BOUGHT)  # "what does it pay for?" and "…, paying for nine new nurse posts"
        dated = wants_recent and bool(RECENT.search(sentence))
        shared, related = len(asked & own), len(about & own)
        shared += reason and shared > 0  # a why question is answered by the reason first
        if leader and ROLE_WORDS.search(sentence) and places & own:
            shared += 1  # "Who runs Network Insight?" and "Priya is Head of Network Insight."
        products = count_products(sentence, names_seen) if tools else 0
        if tools and not products:
            continue  # a question about tools is answered by the products a sentence names
        heading = LISTED.match(sentence)
        if heading and not asked & content_stems(heading.group(1)):
            continue  # a list answers a question only about what its heading names
        # Several products named are an answer to "which bits of the stack…" by themselves
        # (two capitalised names are as often places: "offices in Minneapolis and Denver").
        # ... as are two said to be where the work is done ("lands in Google BigQuery",
        # "is written in Python").
        # ... or two in what the job ad says the candidate would do with them ("You'd write
        # SQL against our PostgreSQL data warehouse").
        used = bool(USED_IN.search(sentence)) or sentence in duties
        listed = products >= LISTED_PRODUCTS or (products >= 2 and used)
        # Sharing only the names that set the scene is no sign of an answer.
        # A person the question names is its subject when the sentence is about them ("how
        # long has Anjali been there?" and "Anjali joined Marrowgate in 2018…").
        # ("On the RRSP match, we match…" is about the RRSP match.)
        opening = sentence.removeprefix("On the ").split()
        subject = content_stems(opening[0]) if opening else set()
        # ("What's the canteen like at Fellgate?" is not answered by "Fellgate is 10 min walk
        # from County Hall": the canteen was asked, and it names none.)
        if places & subject and (shared or not asked - GENERIC_ASKED):
            shared += 1
        # "How many libraries" and "The trust looks after 22 libraries"; but "how many people
        # are in the data team" is not answered by how many the company employs.
        # (One word asked may be missing only when three or more were asked.)
        if counts_it(question, sentence) and len(asked - own) <= (len(asked) >= 3):
            shared += 2
        scene = not (shared or related or dated) and bool(places & own)
        # A row whose label was asked answers it however much else the turn says ("I wanted
        # to check the salary first, is it the figure in the pack…?" and "Salary is £24,750…").
        labelled = row_asked(sentence, asked)
        # An item must hold at least half of what was asked.
        item = sentence in items
        half = 2 * (shared + (related if points_back else 0)) >= max(1, len(asked)) or (
            borrowed and shared > 0
        )
        if known and not known & (own | content_stems(before.get(sentence, ""))):
            continue
        if sums and not any(f in f"{before.get(sentence, '')} {sentence}" for f in sums):
            continue
        # A sentence holding every word of what was asked needs less closeness in meaning
        # ("How did Quarry Lane start out?" and "…founded the group in 2008, starting with…");
        # one holding only some of them needs more ("a staff gym" is not "staff get pets").
        floor = ANSWERS_AT
        if asked and shared == len(asked):
            floor = ANSWERS_WHOLE
        elif shared and len(asked) > 1 and not (related or dated or tools or borrowed):
            floor = ANSWERS_PART  # (what was said before a question holds more than it asks)
        # One holding less than half of three or more words asked must be nearly the same
        # question in other words: "shift times on the floor" is not answered by "the
        # reports the sorting floor uses every shift".
        few_words = len(asked) >= 3 and 2 * len(asked & own) < len(asked) and not borrowed
        few = few_words and not (tools and listed)
        if few:
            floor = max(floor, ANSWERS_FEW)
        # Most of what was asked is nowhere in the research ("electric or hydrogen buses"): a
        # sentence close in meaning is on the company's subject, not the question's.
        # (The words of its kind are no subject: "which tools?" asks of whatever tools.)
        topic_words = asked - hint_words
        unknown = 2 * len(topic_words - known_words) >= len(topic_words) > 1
        nowhere = len(topic_words) > 1 and not topic_words & known_words
        # (What the kind of question is about is no word of it: "benefits for employees" does
        # not make the Employee Ownership Trust an answer on sick pay.)
        unheard = few_words and unknown and related <= len(kind_words & own)
        if tools and unknown and not shared:
            listed = False  # "which weather data provider?" is not answered by other tools
        # "How many bikes do you lose to theft?" is not answered by how many bikes there are:
        # what else it asks is nowhere in the research.
        if len(rest := asked - counted) >= 2 and counted and not rest & (known_words | own):
            continue
        # A sentence sharing only the words of the question's kind ("the process") must be
        # close to the question as asked: "Where are you with overflows?" is not about hiring.
        close = row[0] if shared or dated or listed or not guessed else row[1]
        if (guessed or related) and not (shared or dated):
            floor = max(floor, ANSWERS_PART)
        by_itself = row[1] if guessed else row[0]
        if related and not (shared or dated or listed or kind_words & own or points_back):
            # Sharing only what the kind of question or the candidate's aside is about ("A
            # friend in a bakery said they all do") is no sign of an answer: it must be close
            # to the question itself.
            close = by_itself = row[1]
        admitted = (
            not scene
            # (a list item naming the tools and sharing a word asked is the answer to "which
            # tools?" however long the question: "Tools: Power BI, Azure SQL, dbt…")
            and (not item or half or (tools and listed and (shared > 0 or related > 0)))
            and (
                # ("Is there any budget for training?" is not answered by a perk it shares
                # no word with: "Free park entry for you plus a household pass…")
                (
                    close >= floor
                    and bool(shared or related or dated or listed)
                    and not (exists and of_perks and not shared)
                )
                or (labelled and close >= ANSWERS_AT)
                # (and, when what was asked is not in the research, as close as a sentence
                # holding few of its words must be; never without a word of what is asked when
                # none of it is anywhere in the research ("what margin does a loaf make, after
                # flour and energy?"), nor, for "is there…?", without a word of what is asked
                # after: "Is there staff parking?" is not answered by "free park entry")
                or (
                    by_itself >= (ANSWERS_UNHEARD if unheard else ANSWERS_ALONE)
                    and not ((exists or nowhere) and not shared)
                )
            )
        )
        found.append(
            Candidate(
                sentence=sentence, close=row[0], alone=row[1], rank=rank, shared=shared,
                asked=len(asked), related=related, dated=dated, item=item, listed=listed,
                counts=counts_it(question, sentence), scene=scene, products=products,
                admitted=admitted,
            )
        )  # fmt: skip
    return found
