"""The README's examples run as written: every `eventwire` command and the Python snippet."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(sh|python)\n(.*?)```", README, re.DOTALL)
# Commands a test cannot run as written: a server, a cluster, stdin from a file we do not
# have, a placeholder id, inputs outside the project.
SKIP = re.compile(r"eventwire serve|--scheduler|^cat |1a2b3c|\.\./shared|EVENTWIRE_TOKEN")


def _commands() -> list[str]:
    out = []
    for lang, body in BLOCKS:
        if lang != "sh":
            continue
        for line in body.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line.startswith("eventwire ") and not SKIP.search(line):
                out.append(line)
    return out


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(EXAMPLES, work / "examples")
    return work


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_readme_has_commands() -> None:
    assert len(_commands()) >= 10


@pytest.mark.parametrize("command", _commands())
def test_readme_command_runs(command: str, workdir: Path) -> None:
    if "--db" in command and not (workdir / "eventwire.db").exists():
        _run("eventwire ingest examples/ --db eventwire.db", workdir)
    result = _run(command, workdir)
    assert result.returncode == 0, result.stderr


def test_readme_python_runs(workdir: Path) -> None:
    snippets = [body for lang, body in BLOCKS if lang == "python"]
    for n, snippet in enumerate(snippets):  # in README order: the first fills eventwire.db
        result = subprocess.run(
            [sys.executable, "-c", snippet], cwd=workdir, capture_output=True, text=True, env=_env()
        )
        assert result.returncode == 0, result.stderr
        if n == 0:
            assert "already stored" in result.stdout


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=_env(), timeout=300
    )
