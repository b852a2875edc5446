"""Data only: the line patterns the cleaner uses, each with where the fact comes from.

Everything here describes how news sites and wire services lay out text in general
(credit conventions of AP, Reuters, AFP, Getty; the furniture of news pages); none of
it is keyed to one site or one story.
"""

from __future__ import annotations

import re

# Page furniture that is never part of a story. Sources: the boilerplate classes of
# the article-extraction literature (jusText's "boilerplate" examples, the CleanEval
# guidelines) and the common furniture of news sites: ads, share widgets, cookie
# consent, newsletter and app prompts, navigation trails, timestamps.
NOISE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(advertisement|advertising|sponsored( content)?|promoted|ad)$",
        r"^(share|share this( article| story| page)?|share on \w+|tweet|email|print|copy link)$",
        r"^(read more|related|related articles?|see also|more on this|recommended|"
        r"most (read|popular|viewed)|trending|watch|listen|also read|don't miss)\b.{0,200}$",
        r"^short ?url$",
        r"\b(cookies?|cookie policy|privacy (policy|settings)|consent)\b.{0,200}"
        r"\b(accept|agree|settings|manage|continue|policy)\b",
        r"^(sign up|subscribe|log ?in|sign in|register|newsletter|get the app|download the app)\b"
        r".{0,120}$",
        r"^follow (us|\w+) on\b.{0,120}$",
        r"^(home|news|world|politics|business|sport|sports|opinion|video|menu|search)"
        r"(\s*[|>»/•·]\s*[\w &'-]{1,30}){1,}$",
        r"^(©|\(c\)|copyright)\s.{0,200}$",
        r"^all rights reserved\.?$",
        r"^(click|tap) here\b.{0,200}$",
        r"^(image|photo|video) (source|caption),?\s.{0,120}$",
        r"^\d+\s+(comments?|shares?)$",
    )
)

# Stated timestamps of news pages, each named by the rule ``published_basis`` reports. The forms
# are those of page templates and wire feeds: a "Published"/"Updated"/"Last Update" label, an
# agency before the label ("AFP Published 29 Dec, 2024 12:26am"), a bare numeric date with a
# clock and zone ("04/14/2024 12:30 AM EDT", US month first), a bare written date with or without
# a weekday ("Saturday, January 5, 2019", "Thursday, 29 August 2019 KSA 10:06 - GMT 07:06").
_CLOCK = r"\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s+[A-Z]{2,5})?"
_WRITTEN = (
    r"((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(\d{1,2}(st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4})"
)
TIMESTAMPS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p, re.IGNORECASE))
    for name, p in (
        (
            "timestamp-agency",
            r"^(afp|ap|reuters|xinhua|anadolu|dpa|efe|ians|pti|ani|upi|bernama|wam|spa|ina)\s*[|,-]?\s*"
            r"(published|updated|posted)\b:?.{0,80}\d.{0,40}$",
        ),
        (
            "timestamp-label",
            r"^(published|updated|posted|last updated?|first published|created|modified|date)"
            r"( on| at)?\s*:?\s.{0,60}\d.{0,80}$",
        ),
        (
            "timestamp-relative",
            r"^(posted |updated |published )?(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|"
            r"days?|weeks?|months?)\s+ago(\s+(at|on)\s.{0,30})?$",
        ),
        (
            "timestamp-numeric",
            r"^\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})(,?\s+(at\s+)?" + _CLOCK + r")?$",
        ),
        (
            "timestamp-written",
            r"^"
            + _WRITTEN
            + r"(,?\s+(at\s+)?([A-Z]{2,5}\s+)?"
            + _CLOCK
            + r"(\s*[-|]\s*[A-Z]{2,5}\s+"
            + _CLOCK
            + r")?)?$",
        ),
    )
)

# Reporters' and editors' credits at the foot of wire copy ("Reporting by A; Editing by B"):
# credits, never body, so their names never become actors.
STAFF_CREDIT = re.compile(
    r"^\(?(reporting|additional reporting|writing|editing|compiled|contributing|research)"
    r"( by|:)\b.{0,300}$",
    re.IGNORECASE,
)

# File photos date the day they were taken, not the story: "FILE PHOTO: ...", "File photo of",
# "(File)", "Archive picture", "a 2019 file photo".
FILE_PHOTO = re.compile(
    r"^(file( photo| picture| image)?|archive( photo| picture| image)?)\s*[:/-]|"
    r"\bfile (photo|picture|image)\b|\((file|archive)( photo)?\)|\barchive (photo|picture|image)\b",
    re.IGNORECASE,
)

# A line that is only a short code in capitals ("TT", "NW", "AFP") between a caption
# and a headline is a scraper's stray site or section marker, not text.
SITE_MARKER = re.compile(r"^[A-Z0-9]{1,4}$")

# Horizontal rules some dumps put between pasted articles.
SEPARATOR = re.compile(r"^\s*([-=_*~#]\s*){3,}$")

# Function words that headline style capitalises and running prose does not ("Harvick Fails
# To Rally ... In NASCAR Finale"): a title-case run, as a teaser or a headline prints it.
TITLE_FUNCTION_WORDS = frozenset(
    [
        "To",
        "In",
        "Of",
        "For",
        "On",
        "At",
        "With",
        "And",
        "Is",
        "Are",
        "The",
        "A",
        "An",
        "From",
        "By",
        "After",
        "Over",
        "Into",
        "As",
        "Be",
    ]
)

# Bylines: "By Jane Roe", "By Jane Roe and John Doe, Reuters", "By JANE ROE".
BYLINE = re.compile(
    # names are capitalised, whatever the case of "By" (the flag is off for their initials)
    r"^(?:(?:written|posted|reported|words|story)\s+)?by\s+(?-i:[A-Z])[\w.'’-]+"
    r"(\s+(?-i:[A-Z])[\w.'’-]+){0,3}"
    r"(\s*(,|and|&)\s*(?-i:[A-Z])[\w.'’-]+(\s+(?-i:[A-Z])[\w.'’-]+){0,3}){0,3}"
    r"(\s+(?:on|at)\s+[\w ,:.]{0,40})?"  # "Written by Rachael Link on November 14, 2019"
    r"(\s*[|,·-]\s*.{0,60})?$",
    re.IGNORECASE,
)

# Datelines as the wire services print them at the head of a story (AP and Reuters
# stylebooks): "TEHRAN (Reuters) -", "WASHINGTON (AP) —", "BEIJING:",
# "NEW YORK, March 3 (Reuters) -", or just "(Reuters) -".
DATELINE = re.compile(
    r"^(?P<dateline>"
    r"(?:(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}"
    r"(?:,[ ][A-Z][A-Za-z.'’-]+(?:[ ][A-Z][A-Za-z.'’-]+)?)?)"
    r"(?:,[ ](?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2}|\d{1,2}[ ][A-Z][a-z]{2,8}))?[ ]?)?"
    r"(?:\((?P<agency>[A-Za-z][\w .&/-]{0,40})\)[ ]?)?"
    r"(?:[-—–]{1,2}|:))[ ]+(?=[A-Z\"“‘'])"
)

# Credit lines: photographers, pools and agencies, as AP, Reuters, AFP and Getty print
# them ("(Photo by A / POOL / AFP)", "(AP Photo/Name, File)", "Name/Pool via REUTERS",
# "(File Photo/Supreme Leader's website)", "Getty Images", "(Xinhua/Name)").
CREDIT_WORDS = re.compile(
    r"\b(photo|photos|photograph|photographer|pool|file|handout|courtesy|getty|images?|"
    r"website|via|credit|agency|afp|ap|reuters|xinhua|epa|efe|anadolu|sputnik|tass|dpa|"
    r"kyodo|yonhap|bloomberg|shutterstock|alamy|irna|kcna|wana|sipa|ansa|abaca|imago)\b",
    re.IGNORECASE,
)
CREDIT_PREFIX = re.compile(
    r"^(photo|photograph|picture|image|credit|photo credit)s?\s*(:|by\b)\s*", re.IGNORECASE
)
TRAILING_PAREN = re.compile(r"^(?P<caption>.*?)\s*\((?P<credit>[^()]{1,90})\)\s*[.]?\s*$")
TRAILING_TAIL = re.compile(r"^(?P<caption>.*?[.!?][\"”’']?)\s+(?P<credit>[^.!?]{2,90})$")

# Page furniture by what it is for, the reason a discarded line is given. The vocabulary is the
# common chrome of news sites (the CleanEval and jusText boilerplate classes, split by purpose):
# links to other stories, site menus, page widgets (share bars, players, counters), footers
# (legal, about, standards), and promotions (subscriptions, apps, donations, adverts).
FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(p, re.IGNORECASE))
    for reason, p in (
        (
            "teaser",
            r"^(read more|related( articles?| stories| coverage)?|see also|more on this|"
            r"recommended|you (may|might) (also )?like|most (read|popular|viewed|shared)|trending|"
            r"also read|don't miss|more from|more stories|read next|up next|"
            r"live updates?|catch (all )?(the )?live updates)\b.{0,200}$",
        ),
        (
            "widget",
            r"^(\d[\d,.]*k?\s+)?(shares?|comments?|views|likes)\b(\s+(share|tweet|email|print|"
            r"comment)\w*)*$|^(share|share this( article| story| page)?|share on \w+|tweet|email|"
            r"print|copy link|print story|email story|select voice|listen( to (this|the) article)?|"
            r"play( video)?|pause|mute|unmute|fullscreen|\d(\.\d+)?x|speed|font size|a\+?|a-)$",
        ),
        (
            "promo",
            r"^(advertisement|advertising|sponsored( content)?|promoted|ad|"
            r"(sign up|subscribe|newsletter|get the app|download the app|donate|support (us|our))"
            r"\b.{0,160}|.{0,60}\b(our app|the app store|google play|donate now|become a member)"
            r"\b.{0,60})$",
        ),
        (
            "footer",
            r"^((©|\(c\)|copyright)\s.{0,200}|all rights reserved\.?|privacy policy|"
            r"terms (of use|of service|and conditions)|contact us|about us|our standards\b.{0,200}|"
            r"why you can trust us|cookie (policy|settings)|accessibility( statement)?|sitemap)$",
        ),
        (
            "navigation",
            r"^(home|news|world|politics|business|sport|sports|opinion|video|menu|search)"
            r"(\s*[|>»/•·]\s*[\w &'-]{1,30}){1,}$|^(skip to (main )?content|back to top|menu|"
            r"search|home|log ?in|sign in)$",
        ),
    )
)
