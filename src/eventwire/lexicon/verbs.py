"""Data only: the event lexicon (``verbs.tsv``) and the word classes the event coder reads.

``verbs.tsv`` maps predicates (verb lemmas with their particles, prepositions and
objects; event nouns) to PLOVER types with CAMEO codes, PLOVER modes and contexts; its
header says where the classes come from.  This module loads it once and holds the small
closed word classes the coder's rules need (support verbs, reversal verbs, hedges, ...),
each with where the fact comes from, plus the tables that turn a CAMEO code into a quad
class and an intensity and that recode intended, refused and requested acts the way the
PLOVER and CAMEO manuals do.

>>> frames("V", "accuse")[0].code.type
'ACCUSE'
>>> intensity("190"), quad_class("190")
(-10.0, 4)
>>> intended(Code("CONSULT", "042", "visit", None)).cameo
'036'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TypeVar

__all__ = [
    "ABSORBING_INTENT",
    "ABSTRACT_TARGETS",
    "ADVERSE_FINDINGS",
    "ATTACK_CUES",
    "COMMENT_VERBS",
    "CONDITIONAL_MARKS",
    "CONFLICT_TYPES",
    "CONTEST_CUES",
    "COOPERATIVE_TYPES",
    "COURT_WORDS",
    "CRITICISM_WORDS",
    "CROWD",
    "DISASTERS",
    "EVENT_HEADS",
    "FUTURE_AUX",
    "HAPPEN_VERBS",
    "HARM_VERBS",
    "HEDGE_ADVERBS",
    "HEDGE_MODALS",
    "HEDGE_VERBS",
    "INTENT_ADJECTIVES",
    "INTENT_VERBS",
    "LIGHT_VERBS",
    "MATERIAL_CONFLICT",
    "MEASURES",
    "NAMING_VERBS",
    "NATIONALS",
    "NEGATIVE_INTENT_ADJECTIVES",
    "NONPOLITICAL_CUES",
    "NOUN_CLASSES",
    "OBLIGATION_MODALS",
    "PLOVER_TYPES",
    "POLITICAL_CUES",
    "POSSIBLE_FUTURE_MODALS",
    "PRAISE_WORDS",
    "RAISING_VERBS",
    "REALIS_XCOMP",
    "REVERSAL_PARTICLES",
    "REVERSAL_VERBS",
    "RULING_VERBS",
    "SAY_VERBS",
    "SETTING_PREPOSITIONS",
    "SPORT_CUES",
    "TEMPORAL_BREAK_MARKS",
    "WEAPONS",
    "WRONGDOING_VERBS",
    "Code",
    "Frame",
    "frames",
    "intended",
    "intensity",
    "lemmas",
    "quad_class",
    "refused",
    "requested",
    "reversed_code",
    "threatened",
]

# PLOVER's sixteen event types (PLOVER manual draft 0.8, 2021; NGEC codebook).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# Cooperative acts: when only intended they are AGREE (CAMEO 03 "express intent to ...").
COOPERATIVE_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)
# Material conflict: when only intended or announced they are THREATEN (CAMEO 13).
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
CONFLICT_TYPES = MATERIAL_CONFLICT | {"ACCUSE", "REJECT", "THREATEN", "REQUEST"}


@dataclass(frozen=True, slots=True)
class Code:
    """A PLOVER type with its CAMEO code, PLOVER mode and context."""

    type: str
    cameo: str
    mode: str | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """One row of verbs.tsv: a predicate, what must come with it, and its code."""

    kind: str  # V | N
    lemma: str
    words: tuple[frozenset[str], ...]  # child words: one of each group must be there
    objects: frozenset[str]  # object lemmas or @CLASS names, any of
    governors: frozenset[str]  # verbs governing a noun, any of
    actor_object: bool  # the object must name an actor
    code: Code | None  # None: "no event" (the row stops the search)
    flags: frozenset[str]

    @property
    def has_cue(self) -> bool:
        return bool(self.words or self.objects or self.governors or self.actor_object)

    @property
    def all_words(self) -> frozenset[str]:
        return frozenset(w for group in self.words for w in group)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _cell(value: str) -> str | None:
    return None if value in ("", "-") else value


def _frame(cols: list[str]) -> Frame:
    kind, lemma, cue, type_, cameo, mode, context = cols[:7]
    flags = frozenset(f for f in (cols[7] if len(cols) > 7 else "").split(",") if f)
    words: list[frozenset[str]] = []
    objects: set[str] = set()
    governors: set[str] = set()
    actor_object = False
    for part in cue.split():
        if part == "=actor":
            actor_object = True
        elif part.startswith("+"):
            objects.update(part[1:].split("|"))
        elif part.startswith("^"):
            governors.update(part[1:].split("|"))
        else:
            words.append(frozenset(part.split("|")))
    code = None if type_ == "-" else Code(type_, cameo, _cell(mode), _cell(context))
    return Frame(
        kind, lemma, tuple(words), frozenset(objects), frozenset(governors),
        actor_object, code, flags,
    )  # fmt: skip


@cache
def _table() -> dict[tuple[str, str], tuple[Frame, ...]]:
    text = files("eventwire.lexicon").joinpath("verbs.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], list[Frame]] = {}
    header = True
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header:  # the column names
            header = False
            continue
        frame = _frame(cols)
        out.setdefault((frame.kind, frame.lemma), []).append(frame)
    return {k: tuple(v) for k, v in out.items()}


def lemmas() -> tuple[tuple[str, str], ...]:
    """Every (kind, lemma) of verbs.tsv."""
    return tuple(_table())


def frames(kind: str, lemma: str) -> tuple[Frame, ...]:
    """The rows of verbs.tsv for a verb (``"V"``) or noun (``"N"``) lemma, in file order."""
    return _table().get((kind, lemma), ())


# --- noun classes named in verbs.tsv cues (@CLASS) ------------------------------------------
# Ordinary English nouns of each kind as news uses them; lemmas (singular).
NOUN_CLASSES: dict[str, frozenset[str]] = {
    k: _words(v)
    for k, v in {
        "TROOPS": "troop soldier force army unit battalion brigade division marine "
        "paratrooper commando warship ship vessel jet fighter aircraft plane bomber tank "
        "police policeman militia reservist reinforcement personnel contingent navy",
        "PEACEKEEPERS": "peacekeeper peacekeeping helmet",
        "INSPECTORS": "inspector investigator monitor observer expert fact-finder",
        "AID": "aid food medicine supply assistance help relief grain flour water fuel tent "
        "blanket vaccine money fund loan grant cash dollar euro shipment goods material "
        "equipment intelligence support photograph",
        "ARMS": "arm weapon ammunition missile rocket tank jet drone artillery munition "
        "rifle gun howitzer warplane helicopter",
        "INTELLIGENCE": "intelligence information evidence data expertise "
        "know-how technology document",
        "PEOPLE": "people civilian resident refugee wounded injured child woman national "
        "citizen tourist worker student person migrant family",
        "CAPTIVES": "prisoner hostage detainee captive inmate dissident journalist activist",
        "TERRITORY": "territory land town city village island area region province "
        "settlement district enclave",
        "ORGS": "treaty agreement accord pact deal organization organisation alliance talk "
        "negotiation union bloc council court body convention membership federation "
        "process commission league",
        "LAWS": "bill law plan proposal decree legislation measure policy reform tax budget",
        "ACCESS": "border crossing bridge airspace port corridor checkpoint airport gate "
        "passage route frontier",
        "DIPLOMATS": "diplomat ambassador envoy attache consul embassy",
        "PROPOSALS": "proposal offer plan initiative bid overture invitation suggestion "
        "formula idea deal resolution framework roadmap settlement",
        "REQUESTS": "demand request call appeal condition ultimatum plea pressure",
        "SUITS": "lawsuit suit case complaint petition appeal challenge claim motion charge "
        "indictment conviction verdict ruling sentence",
        "AGREEMENTS": "agreement treaty accord pact deal memorandum convention protocol "
        "declaration charter contract framework ceasefire truce armistice partnership mou",
        "RELATIONS": "relation tie link contact relationship partnership friendship",
        "STATES": "state country nation republic region",
        "PLACES": "town city village base territory area region province district airport "
        "stronghold position hill enclave camp capital outpost island strip port border "
        "site facility market school hospital mosque church building home house "
        "neighbourhood neighborhood headquarters compound office embassy checkpoint",
        "TARGETS": "target soldier troop civilian convoy vessel ship plane aircraft vehicle "
        "installation infrastructure plant",
        "MEDIA": "newspaper paper website site internet station channel outlet broadcaster "
        "network agency publication magazine radio television",
        "BOMBS": "bomb device explosive mine landmine charge grenade ied vest car-bomb cocktail",
        "MEETINGS": "summit meeting talk conference negotiation session forum gathering "
        "inauguration congress convention assembly consultation",
        "STANCES": "decision proclamation policy plan remark statement comment law bill "
        "proposal move idea report speech stance position record handling response approach "
        "rhetoric claim ruling verdict budget reform deal agreement announcement",
        "ROADS": "road street highway motorway railway rail access entrance traffic route "
        "junction roundabout square bridge transport",
        "PROTESTS": "protest demonstration rally march sit-in strike riot gathering",
        "FIRED": "shot bullet round rocket missile shell mortar grenade gas cannon salvo bomb "
        "projectile drone artillery volley",
    }.items()
}

# --- support, reversal and happening verbs ---------------------------------------------------
# Support ("light") verbs: the event is in their object noun ("held talks", "imposed
# sanctions", "launched a crackdown"): Jespersen's light verbs as catalogued for English
# support-verb constructions (Grefenstette and Teufel 1995; NomBank's support verbs).
LIGHT_VERBS = _words(
    "hold have conduct launch stage begin start open resume renew continue mount carry "
    "make take impose reimpose issue hand give order lead organize organise call declare "
    "announce embark go observe implement enforce extend step intensify escalate unleash "
    "wage pursue undertake perform complete tighten expand broaden deliver pass levy "
    "slap enact introduce approve adopt file lodge bring press level stage set speed unveil "
    "orchestrate mastermind perpetrate commit "
    "accelerate join participate engage remain stay put place raise"
)
# Verbs that end or undo what their object names ("lifted the curfew", "suspended aid",
# "called off the strike"): CAMEO's easing (08) and reducing (16) classes are mostly these
# verbs over an event noun (CAMEO manual 1.1b3, 081-087, 160-166).
REVERSAL_VERBS = _words(
    "lift ease end suspend halt stop cancel scrap drop revoke cut reduce curtail freeze "
    "relax loosen shorten sever abandon terminate discontinue close shut rescind "
    "withdraw quit postpone delay defer"
)
REVERSAL_PARTICLES = {"call": "off", "break": "off", "pull": "out", "walk": "out"}
# Verbs whose subject noun is an event that happened ("protests erupted", "fighting
# raged"): verbs of occurrence (Levin 1993, §48.1 appearance, §48.3 occurrence).
HAPPEN_VERBS = _words(
    "erupt break continue take spread rage begin start resume escalate intensify flare "
    "occur happen unfold persist grip sweep go be enter follow mark spark ensue"
)

# --- modality ----------------------------------------------------------------------------
# Intention verbs: what their to-infinitive names has not happened (PLOVER codes intended
# cooperation as AGREE and intended force as THREATEN; CAMEO 03 and 13).
INTENT_VERBS = _words(
    "plan intend want wish hope seek aim prepare decide resolve vow swear expect mean "
    "plot consider mull weigh need propose schedule"
)
INTENT_ADJECTIVES = _words(
    "willing ready prepared set poised due likely determined eager keen scheduled "
    "expected committed"
)
NEGATIVE_INTENT_ADJECTIVES = _words("unwilling reluctant")
# The coder's absorbing verbs that make their infinitive an intention: they take it over.
ABSORBING_INTENT = _words("agree offer promise pledge commit consent")
# Aspectual and implicative verbs: their infinitive happened ("began withdrawing",
# "tried to hack", "managed to flee").  Karttunen (1971) implicatives; aspectual verbs.
REALIS_XCOMP = _words(
    "begin start continue resume keep manage try attempt help proceed dare force compel make get"
)
# Passive raising verbs that report belief, not fact: "is believed to have looted".
RAISING_VERBS = _words(
    "believe think say report allege suspect understand rumour rumor presume seem appear claim fear"
)
# Verbs whose complement clause is held, not asserted: "allies believe that Beijing has
# provided support" (the hedging cues of Hyland 1998 and the CoNLL-2010 hedge task).
HEDGE_VERBS = _words(
    "believe think suspect allege claim suggest speculate fear assume suppose guess "
    "rumour rumor doubt imagine estimate reckon feel"
)
HEDGE_ADVERBS = _words(
    "reportedly allegedly apparently possibly probably likely perhaps purportedly "
    "supposedly presumably seemingly maybe ostensibly conceivably potentially"
)
HEDGE_MODALS = _words("may might could can")
# Of these, the ones that (unless perfect: "may have") put a possible act in the future.
POSSIBLE_FUTURE_MODALS = _words("may might")
OBLIGATION_MODALS = _words("must should ought")
FUTURE_AUX = _words("will shall 'll wo")
# Reporting verbs (Levin 1993 §37.7, and the wire services' alternatives to "said").
SAY_VERBS = _words(
    "say tell add state declare announce stress reiterate argue note write tweet confirm "
    "report explain remind conclude insist assert affirm repeat emphasize emphasise "
    "underline indicate signal"
)
# Verbs of comment: to decline one is CAMEO 012 ("decline comment"), a public statement
# that PLOVER does not code, not a rejection ("he declined to comment").
COMMENT_VERBS = SAY_VERBS | _words(
    "comment elaborate discuss disclose reveal specify identify name speak"
)
# Verbs of wrongdoing: said of an actor by someone else, they accuse it (CAMEO 112
# "accuse of crime, corruption", 1121 "of human rights abuses"): "members of Congress
# have abused their power", the senator said.  Told by the narrator, they report no act.
WRONGDOING_VERBS = _words(
    "abuse lie cheat steal rig betray mislead deceive obstruct defraud bribe embezzle "
    "persecute oppress discriminate sabotage undermine interfere meddle smuggle exploit "
    "harass intimidate breach flout collude conspire falsify fabricate manipulate "
    "suppress silence censor"
)
# Verbs that name what someone is ("called Biden a decent man", "described the deal as
# lousy"): by the word they apply, praise (CAMEO 051) or criticism (CAMEO 111).
NAMING_VERBS = _words("call describe label brand dub term deem")
PRAISE_WORDS = _words(
    "decent good great honest brilliant wonderful excellent outstanding capable courageous "
    "brave wise admirable remarkable fine hero friend champion patriot statesman genius "
    "legend visionary"
)
CRITICISM_WORDS = _words(
    "lousy terrible awful bad corrupt dishonest incompetent dangerous reckless "
    "irresponsible illegal unlawful unconstitutional racist fascist criminal liar traitor "
    "thug dictator tyrant disgrace disaster failure fraud hoax shameful disgraceful "
    "unacceptable outrageous absurd ridiculous hypocritical hypocrite unfit puppet coward "
    "cowardly evil aggression provocation betrayal crime"
)
# A court's finding that someone did wrong is a ruling against them (as "ruled against",
# REJECT 120): "the Supreme Court ruled Evers lacked authority", "found the ban unlawful".
RULING_VERBS = _words("rule find hold decide declare conclude")
COURT_WORDS = _words("court judge justice tribunal panel jury magistrate")
ADVERSE_FINDINGS = _words(
    "lack violate breach exceed overstep fail unconstitutional illegal unlawful invalid "
    "void illegitimate guilty liable discriminatory"
)
CONDITIONAL_MARKS = _words("if unless whether lest")
# Subordinators that place a clause at another time than its head ("after a court
# handed ..."): a timex of the head does not date the subordinate event.
TEMPORAL_BREAK_MARKS = _words("after before since until till following once prior")
# Nouns that measure or hold what an act is about: "700 kg of medicine", "a mission of
# observers", "part of a stronghold": the object class is read through "of".
MEASURES = _words(
    "kg kilogram ton tonne pound litre liter worth amount quantity shipment consignment "
    "batch load package million billion thousand hundred lot number dozen part mission "
    "team delegation group contingent unit convoy batch cargo"
)
# Nouns whose compound modifier names the act: "a mediation mission", "aid deliveries".
EVENT_HEADS = _words(
    "mission effort process bid operation initiative attempt campaign drive programme "
    "program delivery deliveries shipment package supply talks round"
)
# Prepositions that set an event's place ("talks in Beijing").
SETTING_PREPOSITIONS = _words("in at near outside inside across throughout around within")

# --- who ---------------------------------------------------------------------------------
# A crowd as subject: violence by crowds is rioting (PLOVER PROTEST riot), not ASSAULT.
CROWD = _words(
    "protester protestor demonstrator student crowd mob worker activist youth rioter "
    "supporter villager resident farmer union teacher employee marcher striker "
    "opponent people"
)
NOUN_CLASSES["CROWD"] = CROWD  # "rallied supporters", "broke up the crowd"
# Nouns for a country's people: "his compatriots" are the people of his country.
NATIONALS = _words(
    "compatriot countryman countrymen citizen people nation population public "
    "national fellow countrywoman"
)
# --- what kind of happening ------------------------------------------------------------------
# Weapons and strikes as subjects: "a Russian missile slammed into a building" is an attack
# by whoever fired it (the weapon's nationality or owner), whatever the verb.
WEAPONS = _words(
    "missile rocket shell mortar bomb grenade drone airstrike air-strike artillery bullet "
    "ied landmine mine explosive projectile shrapnel warhead munition car-bomb barrage salvo "
    "volley "
    "gunfire shelling bombardment strike"
)
# Natural and accidental harm (the CASE-2021 and ACLED "disaster" classes; PLOVER codes no
# events for them): deaths "in a plane crash" or "after an earthquake" are not attacks.
DISASTERS = _words(
    "earthquake quake tremor aftershock flood flooding deluge tsunami volcano eruption "
    "storm hurricane typhoon cyclone tornado landslide mudslide avalanche wildfire bushfire "
    "blaze inferno drought heatwave crash collision derailment accident collapse stampede "
    "leak spill outbreak epidemic pandemic disease virus rain rainfall monsoon snowstorm "
    "blizzard lightning sinking capsize shipwreck malfunction"
)
# Words that say harm was done on purpose, by someone armed: they make agentless deaths
# and injuries ("seven soldiers were killed") an attack by unidentified attackers.
ATTACK_CUES = WEAPONS | _words(
    "attack attacker assailant gunman gunmen militant insurgent rebel terrorist jihadist "
    "bandit fighter sniper ambush raid assault bombing bomber suicide shooting gun rifle "
    "knife machete stabbing massacre kidnapping abduction execution clash firefight "
    "offensive gunshot armed insurgency terror assassination"
)
# Story-level domains.  A story mostly about sport, science, business or entertainment uses
# the vocabulary of conflict in other senses ("beat", "fired", "attack" in a match; "cut
# short"; "launched a product"); a political story names the state, its institutions and
# their opponents.  Counted over a whole story's lemmas (see stages/events/topic.py).
SPORT_CUES = _words(
    "match game goal league cup championship tournament season coach striker midfielder "
    "goalkeeper innings wicket semi-final semifinal quarter-final quarterfinal playoff "
    "play-off derby scorer referee olympics medal fixture team player club stadium "
    "rugby football soccer cricket tennis golf basketball baseball hockey athlete race "
    "lap podium champion try penalty kick"
)
NONPOLITICAL_CUES = SPORT_CUES | _words(
    "study scientist researcher research university journal species fossil dinosaur "
    "laboratory lab experiment specimen patient treatment vaccine drug trial clinical "
    "spacecraft astronaut orbit rocket-launch telescope planet "
    "company store retailer customer supplier product price sale shopper stock share "
    "market revenue profit consumer brand shortage "
    "film movie premiere album song singer actor actress comedian festival series show "
    "episode director audience theatre theater concert band procession relic"
)
POLITICAL_CUES = _words(
    "government minister president prime parliament senate congress lawmaker election "
    "police court judge prosecutor military army troops soldier rebel militant protest "
    "protester demonstrator sanction treaty diplomat ambassador embassy party opposition "
    "regime authorities official ministry war attack arrest law bill vote campaign"
)

# What "fight", "attack" or "target" take in their metaphorical sense: ills, ideas and
# measures, not people or places ("fighting corruption", "attacked the proposal").
ABSTRACT_TARGETS = _words(
    "corruption poverty crime terrorism extremism racism discrimination inflation "
    "unemployment disease virus pandemic misinformation disinformation hunger injustice "
    "impunity fraud idea notion proposal policy plan decision law bill ruling budget tax "
    "regulation climate change problem issue prejudice hate bias abuse"
)
# Harm verbs that say nothing of intent ("were killed", "died", "were injured"): an event
# only when the sentence or story shows an attack.
HARM_VERBS = _words("kill injure wound hurt die harm maim destroy damage")

# Words that place a contest verb ("beat", "defeated", "clash") in sport or an election.
CONTEST_CUES = _words(
    "match game goal league cup championship tournament season coach striker midfielder "
    "goalkeeper innings wicket semi-final semifinal quarter-final quarterfinal playoff "
    "play-off derby scorer referee olympics medal title fixture election vote poll "
    "ballot runoff primary seat candidate candidacy nomination caucus delegate"
)

# --- CAMEO tables ----------------------------------------------------------------------------
# Goldstein (1992) conflict-cooperation weights as assigned to CAMEO codes by the GDELT
# Project's lookup table (CAMEO.goldsteinscale.txt); a code not listed takes its parent's.
_GOLDSTEIN: dict[str, float] = {
    "02": 3.0, "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3,
    "026": 4.0, "027": 4.0, "028": 4.0,
    "03": 4.0, "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "0334": 6.0, "034": 7.0,
    "035": 7.0, "036": 4.0, "037": 5.0, "038": 7.0, "039": 5.0,
    "04": 1.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0,
    "046": 7.0,
    "05": 3.5, "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0,
    "056": 7.0, "057": 8.0,
    "06": 6.0, "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "07": 7.0, "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "08": 5.0, "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "084": 7.0, "085": 7.0,
    "086": 9.0, "087": 9.0, "0874": 10.0,
    "09": -2.0, "090": -2.0,
    "10": -5.0, "100": -5.0,
    "11": -2.0, "110": -2.0, "111": -2.0, "112": -2.0, "113": -2.0, "114": -2.0,
    "115": -2.0, "116": -2.0,
    "12": -4.0, "120": -4.0, "121": -4.0, "122": -4.0, "123": -4.0, "124": -4.0,
    "125": -5.0, "126": -5.0, "127": -5.0, "128": -5.0, "129": -5.0,
    "13": -6.0, "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8,
    "135": -5.8, "136": -7.0, "137": -7.0, "138": -7.0, "139": -7.0,
    "14": -6.5, "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5,
    "145": -7.5,
    "15": -7.2,
    "16": -4.0, "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0, "164": -7.0,
    "165": -6.5, "166": -7.0,
    "17": -7.0, "170": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0,
    "175": -9.0,
    "18": -9.0, "180": -9.0, "181": -9.0, "182": -9.5, "1821": -9.0, "1822": -9.0,
    "1823": -10.0, "183": -10.0, "184": -8.0, "185": -8.0, "186": -10.0,
    "19": -10.0, "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0,
    "195": -10.0, "196": -9.5,
    "20": -10.0, "201": -9.5,
}  # fmt: skip


def intensity(cameo: str) -> float | None:
    """The Goldstein weight of a CAMEO code, from the most specific listed prefix."""
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in _GOLDSTEIN:
            return _GOLDSTEIN[cameo[:n]]
    return None


def quad_class(cameo: str) -> int:
    """CAMEO's quad class of a code's root: 1 verbal and 2 material cooperation, 3 verbal
    and 4 material conflict (roots 01-05, 06-08, 09-13, 14-20; as GDELT's QuadClass)."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


# Intended cooperation, by what is intended (CAMEO 03 codes; contexts from the PLOVER
# manual's CAMEO2PLOVER table).
_INTENT: dict[str, tuple[str, str | None]] = {
    "06": ("031", None), "061": ("0311", "economic"), "062": ("0312", "military"),
    "063": ("0313", "legal"), "064": ("0314", "intelligence"), "05": ("032", "diplomatic"),
    "07": ("033", None), "071": ("0331", "economic"), "072": ("0332", "military"),
    "073": ("0333", "humanitarian"), "074": ("0334", "peacekeeping"),
    "08": ("035", None), "081": ("0351", "rights_freedoms"), "082": ("0352", None),
    "083": ("034", "political_institutions"), "084": ("0353", "rights_freedoms"),
    "085": ("0354", "economic"), "086": ("0355", "diplomatic"), "087": ("0356", "military"),
    "04": ("036", "diplomatic"), "045": ("039", "diplomatic"), "03": ("030", "diplomatic"),
}  # fmt: skip
# Threatened acts (CAMEO 13 codes) and their PLOVER THREATEN modes.
_THREAT: dict[str, tuple[str, str | None, str | None]] = {
    "14": ("133", "relations", None), "15": ("138", "violence", "military"),
    "16": ("131", "relations", None), "161": ("1313", "relations", "diplomatic"),
    "162": ("1311", "relations", None), "163": ("1312", "restrict", "economic"),
    "164": ("134", "relations", "diplomatic"), "166": ("136", "expel", "diplomatic"),
    "17": ("137", "violence", "pro_autocracy"), "172": ("132", "ban", "executive"),
    "1721": ("1321", "rights", "human_rights"), "1722": ("1322", "ban", "pro_autocracy"),
    "1723": ("1323", "restrict", "pro_autocracy"), "1724": ("1324", "restrict", None),
    "173": ("132", "arrest", "legal"), "174": ("132", "expel", "legal"),
    "191": ("1381", "restrict", "military"), "192": ("1382", "territory", "military"),
    "18": ("138", "violence", "military"), "19": ("138", "violence", "military"),
    "20": ("1385", "violence", "cbrn"),
}  # fmt: skip
# Refused cooperation (CAMEO 12 codes).
_REFUSAL: dict[str, str] = {
    "04": "125", "05": "120", "06": "121", "061": "1211", "062": "1212", "063": "1213",
    "064": "1214", "07": "121", "08": "124", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246", "03": "120",
}  # fmt: skip
# Requested acts: the third CAMEO digit of an appeal (02x) or a demand (10x).
_REQUEST: dict[str, str] = {
    "06": "1", "05": "2", "07": "3", "08": "5", "083": "4", "04": "6", "03": "7", "045": "8",
}  # fmt: skip


_V = TypeVar("_V")


def _lookup(table: dict[str, _V], cameo: str) -> _V | None:
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


def intended(code: Code) -> Code:
    """An intended cooperative act as PLOVER codes it: AGREE ("will visit" -> 036)."""
    found = _lookup(_INTENT, code.cameo)
    cameo, context = found if found else ("030", "diplomatic")
    return Code("AGREE", cameo, None, context or code.context)


def threatened(code: Code) -> Code:
    """A threatened or announced act of force or restriction: THREATEN (CAMEO 13)."""
    found = _lookup(_THREAT, code.cameo)
    if found is None:
        return Code("THREATEN", "130", None, code.context)
    cameo, mode, context = found
    return Code("THREATEN", cameo, mode, context or code.context)


def refused(code: Code) -> Code:
    """A refused or renounced cooperative act: REJECT (CAMEO 12)."""
    return Code("REJECT", _lookup(_REFUSAL, code.cameo) or "120", None, code.context)


def requested(base: Code, act: Code) -> Code:
    """A request (``base``: an appeal 020 or a demand 100) refined by what is requested."""
    digit = _lookup(_REQUEST, act.cameo)
    if digit is None:
        return base
    cameo = base.cameo[:2] + digit
    mode = {"1": "assist", "2": "assist", "3": "assist", "4": "change", "5": "yield"}.get(
        digit, "meet"
    )
    return Code("REQUEST", cameo, mode, act.context or base.context)


# What ending or undoing an act is (CAMEO 08 easing, 16 reducing relations).
_REVERSAL: dict[str, Code] = {
    "AID": Code("SANCTION", "162", "discontinue", "human_security"),
    "COOPERATE": Code("SANCTION", "160", "discontinue", None),
    "SUPPORT": Code("SANCTION", "161", "withdraw", "diplomatic"),
    "CONSULT": Code("SANCTION", "164", "withdraw", "diplomatic"),
    "AGREE": Code("SANCTION", "160", "withdraw", "diplomatic"),
    "SANCTION": Code("RETREAT", "085", "ease", "economic"),
    "COERCE": Code("CONCEDE", "081", None, "legal"),
    "ASSAULT": Code("RETREAT", "087", "disarm", "military"),
    "MOBILIZE": Code("RETREAT", "087", "disarm", "military"),
    "PROTEST": Code("CONCEDE", "082", None, None),
    "REQUEST": Code("CONCEDE", "080", None, None),
    "ACCUSE": Code("CONCEDE", "081", None, "legal"),
    "THREATEN": Code("CONCEDE", "080", None, None),
}
_REVERSAL_BY_CAMEO: dict[str, Code] = {
    "191": Code("RETREAT", "0872", "withdraw", "military"),
    "086": Code("COERCE", "191", "restrict", "military"),
    "0871": Code("ASSAULT", "196", None, "military"),
}


def reversed_code(code: Code) -> Code | None:
    """The code of ending ``code``'s act ("lift a curfew", "suspend aid"), if any."""
    return _lookup(_REVERSAL_BY_CAMEO, code.cameo) or _REVERSAL.get(code.type)
