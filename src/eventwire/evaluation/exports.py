"""Check event exports against reference descriptions written from each format's spec
(shipped in :mod:`eventwire.schema`):

- ``plover.schema.json``: a JSON Schema of the PLOVER manual's "PLOVER JSON" table
  (draft 0.8, Open Event Data Alliance, 2021);
- ``gdelt2_event_columns.tsv``: the GDELT 2.0 event table's 61 columns in order, with the
  pattern a value must match (GDELT Event Database Data Format Codebook V2.0, 2015);
- ``polecat_columns.txt``: POLECAT's column names in order (the Dataverse release files).

Each check returns the problems found (an empty list: valid) and the number of records.

>>> check_gdelt("1\\t2026020\\n")[0][0]
'line 1: 2 columns, not 62'
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

__all__ = ["check_gdelt", "check_plover", "check_polecat", "gdelt_spec", "polecat_columns"]


def _text(name: str) -> str:
    return resources.files("eventwire.schema").joinpath(name).read_text("utf-8")


@cache
def _plover_validator() -> Any:
    schema = json.loads(_text("plover.schema.json"))
    return jsonschema.Draft202012Validator(schema)


@cache
def gdelt_spec() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The GDELT 2.0 event columns in order, with the pattern of a non-empty value."""
    out = []
    for line in _text("gdelt2_event_columns.tsv").splitlines():
        if line and not line.startswith("#"):
            name, pattern = line.split("\t")
            out.append((name, re.compile(pattern)))
    return tuple(out)


@cache
def polecat_columns() -> tuple[str, ...]:
    text = _text("polecat_columns.txt")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


def check_plover(text: str) -> tuple[list[str], int]:
    """Problems in PLOVER JSON lines, and how many records there are."""
    problems, n = [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        n += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"line {number}: not JSON: {err}")
            continue
        for error in _plover_validator().iter_errors(record):
            where = "/".join(str(p) for p in error.absolute_path) or "record"
            problems.append(f"line {number}: {where}: {error.message}")
    return problems, n


def check_gdelt(text: str, *, extra: int = 1) -> tuple[list[str], int]:
    """Problems in a GDELT 2.0 event table (tab-separated, no header; ``extra`` columns of
    eventwire's after the 61), and how many rows there are."""
    spec = gdelt_spec()
    problems, n = [], 0
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        n += 1
        if len(row) != len(spec) + extra:
            problems.append(f"line {number}: {len(row)} columns, not {len(spec) + extra}")
            continue
        for (name, pattern), value in zip(spec, row, strict=False):
            if value and not pattern.fullmatch(value):
                problems.append(f"line {number}: {name} {value!r} does not match {pattern.pattern}")
    return problems, n


def check_polecat(text: str) -> tuple[list[str], int]:
    """Problems in a POLECAT table (tab-separated, header row), and how many rows."""
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if not rows:
        return ["no header row"], 0
    problems = []
    if tuple(rows[0]) != polecat_columns():
        problems.append("the header is not POLECAT's columns in order")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            problems.append(f"line {number}: {len(row)} columns, not {len(rows[0])}")
        for name, value in zip(rows[0], row, strict=False):
            if value.startswith(";") or value.endswith(";") or ";;" in value:
                problems.append(f"line {number}: {name} has an empty list item: {value!r}")
    return problems, len(rows) - 1
