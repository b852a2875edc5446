"""Clean one story's lines into its parts: headline, images, byline, dateline, subheadings, body.

Every line of the block lands in exactly one place: a field of the story or
``discarded`` with its reason.  ``Placement`` records where, so tests can check that
nothing is lost.

>>> from eventwire.stages.segment import split_lines
>>> text = "Big News Today\\n\\nAdvertisement\\n\\nIt rained on Monday.\\n"
>>> parts = clean_block(split_lines(text))
>>> parts.headline, [p.text for p in parts.paragraphs], parts.discarded[0].reason
('Big News Today', ['It rained on Monday.'], 'noise')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from eventwire.lexicon.patterns import DATELINE, FILE_PHOTO, SEPARATOR, SITE_MARKER
from eventwire.model import Discard, Image
from eventwire.stages.credits import is_credit, split_credit
from eventwire.stages.dates import find_dates, find_numeric_dates
from eventwire.stages.segment import (
    MAX_LINE_CHARS,
    Line,
    body_like,
    ends_sentence,
    furniture_reason,
    headline_like,
    is_byline,
    is_noise,
    is_staff_credit,
    name_byline,
    timestamp_rule,
)

__all__ = ["Paragraph", "Parts", "Placement", "caption_image", "clean_block"]

# A subheading is short: wire-service section heads run two to eight words.
MAX_SUBHEADING_WORDS = 10


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one input line went: a field name, or ``discarded`` with a reason."""

    line: int
    role: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Parts:
    """The cleaned parts of one story, before it becomes an :class:`~eventwire.model.Article`."""

    start: int
    end: int
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    images: list[Image] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    discarded: list[Discard] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    timestamps: list[date] = field(default_factory=list)
    # The rule (``timestamp_rule``) of the first stated timestamp, for ``published_basis``.
    timestamp_basis: str | None = None
    lines: list[Line] = field(default_factory=list)
    # Which layout (site template) of its input the story is in: pages of a dump differ.
    layout: int = 0
    image_is_file: list[bool] = field(default_factory=list)


def caption_image(caption: str, credit: str | None) -> Image:
    """An image from its caption and credit, dated by the last full date the caption names."""
    dates = find_dates(caption)
    return Image(caption=caption, credit=credit, date=dates[-1].isoformat() if dates else None)


def clean_block(
    block: Sequence[Line],
    *,
    title: str | None = None,
    find_headline: bool = True,
    keep: Sequence[bool] | None = None,
) -> Parts:
    """Sort the lines of one story into its parts.

    ``title`` is a headline known from metadata; ``find_headline`` says whether the
    text itself may open with one (a dump or page does, a feed item's text does not);
    ``keep`` marks, for page text, the lines a boilerplate detector judged to be body.
    """
    parts = Parts(
        start=block[0].start if block else 0, end=block[-1].end if block else 0, lines=list(block)
    )
    parts.headline = title
    seen_captions: set[str] = set()
    seen_paragraphs: set[str] = set()
    roles: list[str | None] = [None] * len(block)

    def discard(i: int, reason: str) -> None:
        roles[i] = "discarded"
        parts.discarded.append(Discard(text=block[i].text, reason=reason))
        parts.placements.append(Placement(block[i].index, "discarded", reason))

    def place(i: int, role: str) -> None:
        roles[i] = role
        parts.placements.append(Placement(block[i].index, role))

    def timestamp(i: int) -> bool:
        rule = timestamp_rule(block[i].text)
        if rule is None:
            return False
        found = find_dates(block[i].text) or find_numeric_dates(block[i].text)
        if found and parts.timestamp_basis is None:
            parts.timestamp_basis = rule
        parts.timestamps.extend(found[:1])  # "Published ... | Updated ...": the first
        discard(i, "timestamp")
        return True

    first_body: int | None = None
    for i, line in enumerate(block):
        text = line.text
        if len(text) > MAX_LINE_CHARS:
            discard(i, "overlong-line")
            continue
        if keep is not None and not keep[i]:
            if first_body is None and timestamp(i):
                continue
            if is_staff_credit(text):
                discard(i, "credit")
                continue
            if find_headline and parts.headline is None and headline_like(text) and i < 12:
                parts.headline = text
                place(i, "headline")
            elif parts.headline is not None and _same(text, parts.headline):
                discard(i, "duplicate-headline")
            elif (
                first_body is None
                and parts.byline is None
                and (is_byline(text) or name_byline(block, i))
            ):
                parts.byline = text
                place(i, "byline")
            else:
                reason = furniture_reason(text)
                if reason is None and headline_like(text) and len(text.split()) >= 4:
                    reason = "teaser"  # another story's headline, outside this one's body
                discard(i, reason or "boilerplate")
            continue
        if SEPARATOR.match(text):
            discard(i, "separator")
            continue
        if SITE_MARKER.match(text):
            discard(i, "site-marker")
            continue
        if timestamp(i):
            continue
        if is_noise(text) or furniture_reason(text) in _NAMED_FURNITURE:
            parts.timestamps.extend(find_dates(text))
            discard(i, furniture_reason(text) or "noise")
            continue
        if is_staff_credit(text):
            discard(i, "credit")
            continue
        split = split_credit(text)
        if split is not None and len(block) == 1:
            # A one-line record is a body: a credit at its end belongs to its last sentence,
            # a photo's caption; the text itself stays the story.
            caption, credit = split
            if credit and body_like(caption):
                parts.images.append(caption_image(_last_sentence(caption), credit))
                parts.image_is_file.append(_file_photo(caption, credit))
            else:
                caption = text  # too little to be a story and a credit: all of it is text
            place(i, "body")
            parts.paragraphs.append(Paragraph(caption, line.start, line.start + len(caption)))
            roles[i] = "body"
            first_body = i
            continue
        if split is not None or (first_body is None and is_credit(text)):
            key = text
            if key in seen_captions:
                discard(i, "duplicate-caption")
                continue
            seen_captions.add(key)
            if split is not None:
                caption, credit = split
                parts.images.append(caption_image(caption, credit))
                parts.image_is_file.append(_file_photo(caption, credit))
                place(i, "image")
            elif parts.images and parts.images[-1].credit is None:
                last = parts.images[-1]
                parts.images[-1] = Image(last.caption, text.strip("()"), last.date)
                place(i, "image")
            else:
                discard(i, "credit")
            continue
        if parts.headline is not None and _same(text, parts.headline):
            if roles.count("headline") or title is not None:
                discard(i, "duplicate-headline")
            else:
                place(i, "headline")
            continue
        if first_body is None:
            if find_headline and parts.headline is None and headline_like(text):
                parts.headline = text
                place(i, "headline")
                continue
            if parts.byline is None and (is_byline(text) or name_byline(block, i)):
                parts.byline = text
                place(i, "byline")
                continue
            if text in seen_captions or any(text == im.caption for im in parts.images):
                discard(i, "duplicate-caption")
                continue
            if _repeated_later(block, i):
                # A caption without a credit, printed twice above the story.
                seen_captions.add(text)
                parts.images.append(caption_image(text, None))
                parts.image_is_file.append(_file_photo(text, None))
                place(i, "image")
                continue
            if find_headline and not body_like(text) and _kicker(text):
                discard(i, "kicker")
                continue
        if text in seen_paragraphs:
            discard(i, "duplicate-paragraph")
            continue
        if parts.byline is None and _header_only(parts) and name_byline(block, i):
            parts.byline = text  # under a dek or a promo line taken for the lead
            place(i, "byline")
            continue
        if first_body is None:
            first_body = i
            m = DATELINE.match(text)
            if m and (m["place"] or m["agency"]):
                parts.dateline = m["dateline"].strip()
        seen_paragraphs.add(text)
        roles[i] = "body"
        parts.paragraphs.append(Paragraph(text, line.start, line.end))
        parts.placements.append(Placement(line.index, "body"))

    _pick_subheadings(parts, block, roles)
    return parts


# Furniture named by its vocabulary, trusted anywhere in a story; a capitalised short line
# ("navigation" by shape) may be a subheading there, so only page chrome outside the body gets it.
_NAMED_FURNITURE = ("teaser", "widget", "promo", "footer")


def _file_photo(caption: str, credit: str | None) -> bool:
    """A file photo ("FILE PHOTO: ...", "(AP Photo/Name, File)") shows an older day."""
    return bool(FILE_PHOTO.search(caption) or (credit and FILE_PHOTO.search(credit))) or (
        credit is not None and "file" in credit.lower()
    )


def _header_only(parts: Parts) -> bool:
    """Whether no paragraph so far is a sentence of the story (a dek, a promo line)."""
    return not any(ends_sentence(p.text) for p in parts.paragraphs)


def _last_sentence(text: str) -> str:
    cut = max(text.rfind(". ", 0, len(text) - 1), text.rfind("? "), text.rfind("! "))
    return text[cut + 2 :] if cut >= 0 else text


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _repeated_later(block: Sequence[Line], i: int) -> bool:
    text = block[i].text
    return any(x.text == text for x in block[i + 1 : i + 8])


def _kicker(text: str) -> bool:
    """A section label above a story ("WORLD NEWS", "Middle East")."""
    return len(text.split()) <= 4 and not any(c in text for c in ".!?")


def _pick_subheadings(parts: Parts, block: Sequence[Line], roles: list[str | None]) -> None:
    """Short title lines with body text on both sides are subheadings, not paragraphs."""
    body_idx = [i for i, r in enumerate(roles) if r == "body"]
    drop: set[int] = set()
    for n, i in enumerate(body_idx):
        text = block[i].text
        if n == 0 or n == len(body_idx) - 1:
            continue
        if len(text.split()) > MAX_SUBHEADING_WORDS or body_like(text):
            continue
        if not (text[0].isupper() or text[0].isdigit()):
            continue
        prev, nxt = block[body_idx[n - 1]].text, block[body_idx[n + 1]].text
        if body_like(prev) and body_like(nxt):
            drop.add(i)
    if not drop:
        return
    starts = {block[i].start for i in drop}
    parts.subheadings.extend(block[i].text for i in sorted(drop))
    parts.paragraphs = [p for p in parts.paragraphs if p.start not in starts]
    moved = {block[i].index for i in drop}
    parts.placements = [
        Placement(p.line, "subheading") if p.line in moved else p for p in parts.placements
    ]
