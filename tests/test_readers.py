"""Readers: every format and encoding, sniffed from content; bad input gets one clear error."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    MalformedInput,
    NoArticle,
    UndecodableInput,
)
from eventwire.model import RawDocument
from eventwire.readers import read, read_stream, sniff
from eventwire.readers.decode import decode
from eventwire.service import RunReport, extract
from eventwire.settings import Settings

from .conftest import DATA, EXAMPLES

Write = Callable[[str, str | bytes], Path]


def _docs(*paths: Path | str) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in read([str(p) for p in paths]):
        (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return docs, errors


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"id": 1, "text": "x"}\n', "jsonl"),
        (b"\xef\xbb\xbf[{}]", "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><body><p>x</p>", "html"),
        (b"  <div><p>fragment</p></div>", "html"),
        (b"Headline\n\nBody text.", "text"),
        (b"<Not really markup, a headline in angle brackets", "text"),
        (b"[Review] The play that ran for a year\n\nBody text.", "text"),
        (b"{Updated} Mayor resigns\n\nBody text.", "text"),
        (b'  {\n  "id": 1}', "jsonl"),
        (b'{"id": 2, "text": \n', "jsonl"),  # broken, but a record: an error names the line
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_html_page_with_figure_caption_and_date() -> None:
    (doc,), errors = _docs(DATA / "page.html")
    assert not errors
    assert doc.kind == "article"
    assert doc.title and "Chile and Argentina" in doc.title
    assert doc.published == "2026-03-04"
    assert doc.images and doc.images[0].credit
    (article,) = extract([str(DATA / "page.html")])
    assert article.published_basis == "metadata"
    assert "Home" not in article.body.split("\n\n")[0]


def test_rss_and_atom_items_are_articles() -> None:
    rss, errors = _docs(DATA / "feed.xml")
    assert not errors and len(rss) == 3
    assert all(d.title and d.published and d.url for d in rss)
    atom, errors = _docs(DATA / "atom.xml")
    assert not errors and len(atom) == 2
    arts = list(extract([str(DATA / "feed.xml")]))
    assert [a.headline for a in arts] == [d.title for d in rss]


def test_jsonl_records_page_sentence_html_crlf() -> None:
    docs, errors = _docs(DATA / "records.jsonl")
    assert not errors and len(docs) == 4
    arts = list(extract([str(DATA / "records.jsonl")]))
    assert [a.source.id for a in arts] == [d.id for d in docs]
    by_id = {a.source.id: a for a in arts}
    page = by_id["rec-001"]
    assert page.headline == "Malawi and Zambia agree to revive cross-border railway"
    assert not page.body.startswith("Skip to main content")
    assert "Sign in" not in page.paragraphs
    assert all("\r" not in a.body for a in arts)
    single = [a for a in arts if len(a.paragraphs) == 1]
    assert single, "the one-sentence record is one body paragraph"


def test_latin1_and_utf16_bom() -> None:
    (doc,), errors = _docs(DATA / "latin1.txt")
    assert not errors and "José Peñalosa" in doc.text and "Zürich" in doc.text
    (doc,), errors = _docs(DATA / "bom-utf16.txt")
    assert not errors and not doc.text.startswith("\ufeff")
    assert decode(b"\xef\xbb\xbfHello\r\nWorld\r\n", "mem") == "Hello\nWorld\n"


def test_folder_is_read_recursively_by_content(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(DATA / "feed.xml", nested / "items.txt")  # misleading extension
    shutil.copy(DATA / "page.html", tmp_path / "a" / "page.data")
    shutil.copy(EXAMPLES / "wire-dump.txt", tmp_path / "dump")
    docs, errors = _docs(tmp_path)
    assert not errors
    kinds = sorted({d.kind for d in docs})
    assert kinds == ["article", "dump"]
    assert len(docs) == 3 + 1 + 1


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (EXAMPLES / "wire-dump.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, errors = _docs("-")
    assert not errors and docs[0].uri == "<stdin>"


# -- bad input: one clear error naming the input, the other inputs still read ---------


def test_bad_inputs_each_get_one_error_and_the_rest_is_read(write: Write) -> None:
    good = write("good.txt", (EXAMPLES / "wire-dump.txt").read_text("utf-8"))
    bad = {
        "binary.bin": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, BinaryInput),
        "nul.txt": (b"text\x00\x00\x00more" * 10, BinaryInput),
        "empty.txt": (b"", EmptyInput),
        "blank.txt": (b"   \n\n\t\n", EmptyInput),
        "garbage.txt": (bytes(range(128, 256)) * 8, UndecodableInput),
        "bad.jsonl": (
            b'{"id": "1", "text": "Fine sentence."}\n{"id": 2, "text": \n',
            MalformedInput,
        ),
        "noarticle.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", NoArticle),
        "broken.xml": (b'<?xml version="1.0"?><rss><channel><title>x</ti', MalformedInput),
    }
    paths = [write(name, content) for name, (content, _) in bad.items()]
    report = RunReport()
    articles = list(extract([str(p) for p in [*paths, good]], report=report))
    assert len(articles) >= 8 + 1  # the dump, and the good JSON line
    by_uri: dict[str, list[InputError]] = {}
    for e in report.errors:
        by_uri.setdefault(Path(e.uri).name, []).append(e)
    for name, (_, kind) in bad.items():
        errs = by_uri.get(name)
        assert errs and len(errs) == 1, name
        assert isinstance(errs[0], kind), (name, errs[0])
        assert name in str(errs[0]) and "\n" not in str(errs[0])
    (jsonl_error,) = by_uri["bad.jsonl"]
    assert jsonl_error.line == 2 and "bad.jsonl:2:" in str(jsonl_error)
    assert not report.nothing_read


def test_invalid_utf8_bytes_in_utf8_text_are_replaced(
    write: Write, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(
        "mixed.txt",
        "Zürich Talks Resume\n\nDelegates met in Zürich on Monday, officials said.\n".encode()
        + b"\xff\xfe broken\n",
    )
    (doc,), errors = _docs(path)
    assert not errors and "Zürich" in doc.text and "\ufffd" in doc.text
    assert "mixed.txt:4" in caplog.text


def test_huge_single_line_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # 200 MB on one line, written in chunks
        chunk = b"x" * (1 << 20)
        for _ in range(200):
            fh.write(chunk)
    tracemalloc.start()
    docs, errors = _docs(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not docs and len(errors) == 1 and "huge.txt" in str(errors[0])
    assert peak < 100 * 2**20  # held at most the 64 MiB limit, never the 200 MB


def test_huge_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "a", "text": "First record sentence."}\n')
        fh.write(b'{"id": "b", "text": "' + b"y" * (3 << 20) + b'"}\n')
        fh.write(b'{"id": "c", "text": "Third record sentence."}\n')
    settings = Settings(max_record_bytes=1 << 20)
    with path.open("rb") as fh:
        items = list(read_stream(fh, str(path), settings))
    ids = [d.id for d in items if isinstance(d, RawDocument)]
    errs = [e for e in items if isinstance(e, InputError)]
    assert ids == ["a", "c"]
    assert len(errs) == 1 and errs[0].line == 2


def test_json_array_and_non_object_records(write: Write) -> None:
    path = write("arr.json", json.dumps([{"id": "x", "text": "One sentence here."}, 5]))
    docs, errors = _docs(path)
    assert [d.id for d in docs] == ["x"]
    assert len(errors) == 1 and isinstance(errors[0], MalformedInput)


def test_missing_path_is_an_error() -> None:
    docs, errors = _docs("/nonexistent/eventwire/input.txt")
    assert not docs and "no such file" in str(errors[0])
