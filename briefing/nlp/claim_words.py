"""Word lists the claim finder leans on: cues for kinds of claim, hedges, opinion, topics.

Written by hand from general knowledge of news and political language (no list here is
extracted from a corpus), kept in one place so a rule change is a list change.
"""

from __future__ import annotations

import re

NUMBER_WORDS = frozenset(
    """
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
million millions billion billions trillion trillions dozen dozens half halves third thirds quarter quarters
fifths tenths twice double doubled triple tripled quadrupled percent
""".split()
)
NUMBER_WORD = re.compile(
    r"(?i)\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)[- ](?:half|halves|thirds?|quarters?|fifths?|tenths?|hundred|thousand|"
    r"million|billion|trillion)|(?:a|one|several|two|three|four|five|six|seven|eight|nine|ten|a few)"
    r" (?:hundred|thousand|million|billion|trillion|dozen)|(?:hundreds|thousands|millions|billions|dozens)"
    r" of|half of|(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)"
    r"(?:-fold| times))\b"
)
# A currency's code before an amount ('EUR 5m', 'USD3.2bn'), or three capitals before an amount
# in millions ('VLD 3 million'); any three capitals before a number would take a model or a
# channel for money ('TNG50', 'USB 3', 'ABC 7')
CURRENCY_CODES = (
    "USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|NZD|HKD|SGD|INR|RUB|BRL|MXN|ZAR|KRW|SEK|NOK|DKK|PLN|CZK|HUF|TRY|"
    "ILS|AED|SAR|THB|IDR|MYR|PKR|NGN|EGP|KES|ARS|CLP|COP|TWD|VND|UAH|BDT|LKR|QAR|KWD"
)
MONEY = re.compile(
    rf"[$€£¥]\s?\d|\b(?:{CURRENCY_CODES})\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m)\b)?"
    r"|\b[A-Z]{3}\s\d[\d,.]*\s?(?:million|billion|bn|m)\b"
)
MONEY_WORDS = frozenset("dollar dollars euro euros pound pounds yen yuan rupees cents francs".split())
PERCENT = re.compile(r"%|\bper ?cent\b|\bpercentage points?\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")

# Kinds of claim, by the lemma of a word in a live clause.
DENIAL_LEMMAS = frozenset("deny refute debunk disprove dispute rebut".split())
DENIAL_OBJECT_LEMMAS = frozenset("dismiss reject".split())  # a denial only of a report or rumour
DENIAL_WORDS = frozenset("hoax fake false untrue baseless unfounded fabricated bogus debunked".split())
RUMOUR_LEMMAS = frozenset("rumor rumour speculation speculate gossip".split())
RUMOUR_WORDS = frozenset("reportedly rumored rumoured purportedly supposedly unconfirmed".split())
REPORT_NOUNS = frozenset(
    """
report reports rumor rumors rumour rumours claim claims allegation allegations speculation story stories
""".split()
)
ALLEGATION_LEMMAS = frozenset("allege accuse blame suspect claim charge implicate".split())
ALLEGATION_WORDS = frozenset("allegedly accused alleged".split())
FINDING_LEMMAS = frozenset("find confirm reveal show conclude discover establish identify determine verify".split())
ACTION_LEMMAS = frozenset(
    """
announce approve arrest charge order launch close suspend restore release sign vote resign fire sue fine
ban lift declare raise cut hire dismiss appoint acquire buy sell agree reject pass award evacuate shut
reopen recall cancel postpone seize detain convict sentence acquit invest expand withdraw deploy kill
die injure destroy attack capture win lose elect kidnap shoot bomb crash file sack quit
""".split()
)
PROMISE_LEMMAS = frozenset("promise pledge vow commit guarantee swear".split())
PLAN_LEMMAS = frozenset("plan intend aim propose target seek prepare schedule budget earmark".split())
SPEECH_LEMMAS = frozenset(
    """
say tell add state claim insist warn note explain argue write report announce confirm deny admit
acknowledge declare testify estimate
""".split()
)

# Hedges veto their own clause; "may" only as a modal, never the month.
HEDGE_WORDS = frozenset("might perhaps possibly probably maybe conceivably".split())
# Evaluative words that make their clause an opinion when they are its predicate ("is awful").
EVALUATIVE_WORDS = frozenset(
    """
awful terrible horrible great wonderful good bad best worst stupid incompetent ridiculous scary worrying
worrisome fine wrong unfair fair important crucial essential dangerous disgraceful shameful pathetic sad
tremendous amazing incredible fantastic disastrous outrageous absurd silly foolish smart brilliant weak
sick tired delusional self-serving unacceptable inappropriate appropriate necessary possible impossible
likely unlikely clear obvious nice lovely beautiful ugly disgusting stunning shocking alarming troubling
embarrassing proud happy glad sorry excited disappointed ashamed deplorable despicable crazy insane cool
better worse
""".split()
)
OPINION_LEMMAS = frozenset("think believe feel hope guess wish suppose".split())
FIRST_PERSON = frozenset("i we".split())

# Features for the check-worthiness score.
OPINION_WORDS = frozenset(
    """
good bad great best worst wonderful terrible horrible wrong right important fair unfair proud
disaster disgrace shame sad tremendous strong weak terrific awful beautiful incredible amazing
should must ought need needs deserve love hate
""".split()
)
TOPIC_WORDS = frozenset(
    """
tax taxes taxpayer taxpayers deficit deficits debt budget budgets spending spend spent economy economic
jobs job unemployment unemployed wage wages income incomes inflation trade tariff tariffs insurance
medicare medicaid health healthcare pension pensions welfare poverty poor crime crimes police prison
prisons troops military war wars weapons weapon nuclear missile missiles army navy soldiers oil energy
gas coal climate emissions school schools education teachers students college tuition loans loan
immigrants immigration border borders vote voted votes bill bills law laws legislation senate congress
court amendment regulation regulations program programs funding fund dollars companies company
workers families business businesses revenue revenues interest rates rate prices price cost costs
growth recession surplus investment bank banks loans mortgage housing homes security terrorism
terrorists attack attacks killed deaths died casualties enemy treaty sanctions exports imports
manufacturing factories farmers drug drugs abortion guns gun
""".split()
)
STAT_WORDS = frozenset(
    """
percent rate rates average record increase increased decrease decreased rise rose risen fall fell
fallen drop dropped double doubled triple tripled grow grew grown growth decline declined cut cuts
highest lowest largest biggest smallest most fewer less more than since ago per number total majority
half million billion trillion thousand hundred times first only every lost added created
""".split()
)
RECORD_LEMMAS = frozenset(
    """
vote support oppose sign pass cut raise create lose add increase reduce double triple propose introduce
sponsor veto spend borrow build close kill
""".split()
)
DISCOURSE_STARTS = frozenset("well now look and but so yes no thank thanks okay ok let oh".split())
FUTURE_WORDS = frozenset("will gonna going".split())
MODAL_WORDS = frozenset("can could would should must may might shall".split())
GOVERNMENT_WORDS = frozenset(
    """
administration president congress senate house governor government federal state states legislature
republicans democrats republican democratic party parliament minister ministry agency department
secretary official officials court supreme justice treaty united nations nato
""".split()
)
TIME_WORDS = frozenset(
    """
ago since last year years decade decades century history record ever never already before during
yesterday today week month
""".split()
)
NEED_PHRASES = (
    "need to",
    "have to",
    "has to",
    "got to",
    "going to",
    "want to",
    "ought to",
    "let me",
    "let's",
    "i'd like",
    "i would",
    "we would",
    "we will",
    "i will",
    "i'll",
    "we'll",
    "my plan",
    "i propose",
)
CONDITIONAL_WORDS = frozenset("if unless whether suppose imagine".split())
FILLER_WORDS = frozenset("uh um er ah".split())
