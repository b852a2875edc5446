"""Shared fixtures: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
SEED = SHARED / "seed" / "000_d61f246c6b9ee59f.txt"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is absent: {path} not found (fresh clone without shared data)")
    return path


@pytest.fixture
def seed_path() -> Path:
    return need_shared("seed", "000_d61f246c6b9ee59f.txt")


@pytest.fixture
def seed_gold() -> dict[str, Any]:
    return json.loads(need_shared("gold", "seed.gold.json").read_text("utf-8"))


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
