"""Bytes to text: BOMs, UTF-8, legacy encodings by detection, CRLF; binary refused.

>>> decode(b"caf\\xe9 au lait, d\\xe9j\\xe0 vu, na\\xefve r\\xe9sum\\xe9\\r\\n", "mem")
'café au lait, déjà vu, naïve résumé\\n'
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import CharsetMatch, from_bytes

from eventwire.errors import BinaryInput, EmptyInput, UndecodableInput

__all__ = ["decode", "looks_binary"]

log = logging.getLogger("eventwire.readers")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of the binaries people most often point a text tool at by mistake.
_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"SQLite format 3",
    b"\xfd7zXZ",
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def looks_binary(data: bytes) -> bool:
    """True for known binary signatures, NUL bytes, or many control characters."""
    if data.startswith(_MAGIC):
        return True
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def decode(data: bytes, uri: str) -> str:
    """Decode ``data`` (named ``uri`` in errors) to text with ``\\n`` line ends."""
    if not data.strip():
        raise EmptyInput(uri, "the input is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding)
            break
    else:
        if looks_binary(data):
            raise BinaryInput(uri, "binary data, not text (is this the file you meant?)")
        text = _decode_unmarked(data, uri)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(uri, "the input is empty")
    return text


def _decode_unmarked(data: bytes, uri: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = err
    # Text that is mostly UTF-8 with a few broken bytes (a truncated copy, a bad paste)
    # keeps its UTF-8 and loses only those bytes; text with no UTF-8 multibyte sequence
    # at all is in a legacy encoding, which charset detection names.
    if _has_utf8_multibyte(data):
        line = data[: bad.start].count(b"\n") + 1
        log.warning("%s:%d: invalid UTF-8 byte(s) replaced with U+FFFD", uri, line)
        return data.decode("utf-8", errors="replace")
    results = list(from_bytes(data))
    best = min(results, key=_preference) if results else None
    if best is None or best.chaos > 0.3:
        line = data[: bad.start].count(b"\n") + 1
        raise UndecodableInput(uri, f"not valid UTF-8 (line {line}) and no other encoding fits")
    log.info("%s: decoded as %s", uri, best.encoding)
    return str(best)


# When several encodings read the bytes equally cleanly, windows-1252 is the likeliest
# for English-language news (the WHATWG Encoding Standard decodes "latin-1" labels as
# windows-1252 for this reason); charset detection alone often picks cp1250 for it.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "utf_16", "cp1251", "gb18030", "shift_jis")


def _preference(match: CharsetMatch) -> tuple[float, int]:
    rank = _PREFERRED.index(match.encoding) if match.encoding in _PREFERRED else len(_PREFERRED)
    return round(match.chaos, 2), rank


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_multibyte(data: bytes) -> bool:
    return len(_UTF8_MULTIBYTE.findall(data[:1_000_000])) >= 2
