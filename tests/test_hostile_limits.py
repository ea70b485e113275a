"""Inputs built to hang a run (issue 12, cases 5 and 7): extraction linear in its input,
document size and HTML nesting capped with an error, the bytes kept."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import ingest.extract as extract_pkg
from db import open_db
from ingest.config import load_config
from ingest.extract import extract_document
from ingest.extract import sentences as sentences_mod
from ingest.extract.lexicon import load_lexicon
from ingest.parsers import MAX_DOCUMENT_BYTES, MAX_NESTING, nesting_depth, parse_bytes
from ingest.pipeline import run_sources
from schemas.document import Document, ParseError
from tests.conftest import ROOT

REVIEW = (
    "可灵2.1生成一条5秒视频要35灵感值，画面很稳定但是手指偶尔抽搐，比海螺快很多，大概两分钟出片，价格也便宜。"
)
SHAPES = {
    "dense": REVIEW + "\n",
    "one line": REVIEW,
    "no full stops": REVIEW.replace("，", "").replace("。", ""),
    "commas": "可灵2.1很稳定，",
    "digits": "1",
    "chinese numerals": "一",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _calls(text: str) -> int:
    """Python and C function calls made extracting ``text``: a measure of work, not of time."""
    doc = Document(platform="clip", text=text, via="clip")
    count = 0

    def tally(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    extract_document(Document(platform="clip", text="可灵2.1", via="clip"), "warm")
    sys.setprofile(tally)
    try:
        extract_document(doc, "x")
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", ["commas", "one line", "no full stops"])
def test_extraction_work_grows_linearly(shape: str) -> None:
    small, large = _calls(_text(SHAPES[shape], 8_000)), _calls(_text(SHAPES[shape], 32_000))
    assert large < 6 * small, f"4x the text cost {large / small:.1f}x the calls (quadratic is 16x)"


def test_label_lines_under_a_model_line_cost_linear_work() -> None:
    def page(size: int) -> str:  # a model's line, then a page's labels (Text to Video / Image to Video…)
        return "可灵2.1\n" + _text("Text to Video\nImage to Video\nFirst Frame\n", size)

    small, large = _calls(page(4_000)), _calls(page(16_000))
    assert large < 6 * small, f"4x the text cost {large / small:.1f}x the calls (quadratic is 16x)"


def test_a_long_markdown_table_costs_linear_work() -> None:
    def table(rows: int) -> str:  # each row was walked back to the table's top: quadratic in its rows
        return (
            "| Model | Audio | Resolution |\n| --- | --- | --- |\n" + "| Kling 2.1 | yes | 1080p |\n" * rows
        )

    small, large = _calls(table(500)), _calls(table(2_000))
    assert large < 6 * small, f"4x the rows cost {large / small:.1f}x the calls (quadratic is 16x)"


def test_a_long_list_under_a_pros_label_costs_linear_work() -> None:
    def pros(items: int) -> str:  # each item's line was tried against every sentence: quadratic
        return "可灵2.1的优点：\n" + "- 画面稳定，动作自然\n" * items

    small, large = _calls(pros(500)), _calls(pros(2_000))
    assert large < 6 * small, f"4x the items cost {large / small:.1f}x the calls (quadratic is 16x)"


class _Scanned:
    """A compiled pattern that adds the length of text each search is given to ``tally``."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self.pattern, self.tally = pattern, tally

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)

    def _given(self, text: str, pos: int, endpos: int) -> None:
        self.tally[0] += max(0, min(endpos, len(text)) - pos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self._given(text, pos, endpos)
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        self._given(text, pos, endpos)
        return self.pattern.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        self._given(text, pos, endpos)
        return self.pattern.findall(text, pos, endpos)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        self._given(text, 0, len(text))
        return self.pattern.sub(repl, text, count)


def _searched(shape: str, size: int) -> int:
    """Characters handed to the extractor's module-level patterns' searches while extracting ``size``
    characters of ``shape``: the work inside the regex engine, which ``_calls`` cannot see. Patches
    the modules for good: run it in a child process (see below)."""
    tally = [0]
    for info in pkgutil.iter_modules(extract_pkg.__path__):
        module = importlib.import_module(f"{extract_pkg.__name__}.{info.name}")
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                setattr(module, name, _Scanned(value, tally))
    extract_document(Document(platform="clip", text=_text(SHAPES[shape], size), via="clip"), "x")
    return tally[0]


@pytest.mark.parametrize("shape", ["one line", "no full stops", "commas", "dense"])
def test_text_searched_grows_linearly(shape: str) -> None:
    """Each sentence on a long line once searched the line to its end for a heading's bracketed
    note: quadratic in the line's length, and invisible to a count of calls."""
    child = (
        "import sys; from tests.test_hostile_limits import _searched as s; "
        "print(s(sys.argv[1], int(sys.argv[2])))"
    )

    def searched(size: int) -> int:  # plain Python: compiled modules bind their patterns when built
        env = {**os.environ, "PINGCE_COMPILED": "off"}
        done = subprocess.run(
            [sys.executable, "-c", child, shape, str(size)], capture_output=True, text=True, cwd=ROOT, env=env
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return int(done.stdout.split()[-1])

    small, large = searched(8_000), searched(32_000)
    assert small > 8_000, "the patterns were not wrapped"
    assert large < 6 * small, f"4x the text had {large / small:.1f}x the characters searched"


@pytest.mark.parametrize("opening", ["Prompt：一只猫在花丛中奔跑，镜头跟随。", "# 可灵2.1 实测 "])
def test_a_page_run_into_one_line_keeps_its_claims(opening: str) -> None:
    """A page whose newlines were lost: a prompt label or a # near its start covers no more than a
    prompt or a heading would (the whole line had been prompt text, or every sentence a heading's)."""
    page = opening + _text(REVIEW, 20_000)
    claims = extract_document(Document(platform="clip", text=page, via="clip"), "x")
    assert max(c.end for c in claims) > 19_000, "claims are read to the end of the line"


def test_a_long_line_becomes_bounded_sentences() -> None:
    text = _text(SHAPES["commas"], 200_000) + _text("x", 50_000)
    found = sentences_mod.Splitter(load_lexicon()).split(text)
    assert max(s.end - s.start for s in found) <= sentences_mod.MAX_SENTENCE
    assert sum(s.end - s.start for s in found) >= len(text) - 2 * len(found), "nothing is dropped"


def test_a_long_digit_run_is_no_amount() -> None:
    from ingest.extract.quantities import scanner

    assert scanner(load_lexicon()).scan("1" * 2_000 + "灵感值") == []


def test_one_megabyte_of_reviews_and_one_megabyte_line_finish(tmp_path: Path) -> None:
    """A real `python -m ingest extract` over 1 MB inputs returns with claims (hung before).

    The digit run is here because its cost was inside the regex engine, which counts no calls.
    """
    files = []
    for name in ("dense", "one line", "digits"):
        path = tmp_path / f"{name.replace(' ', '-')}.txt"
        path.write_text(_text(SHAPES[name], 1_000_000), encoding="utf-8")
        files.append(str(path))
    # runs of spaces after an amount, a model and a table cell: patterns with two or more bare runs of
    # spaces in a row split such a run every way (3,000 spaces after "$1.00" ran for hours)
    for n, text in enumerate(
        [
            "Kling 2.1 $1.00" + " " * 3_000 + "/ $2.00 / 秒",
            "可灵2.1" + " " * 50_000,
            "| Kling 2.1 | $9.99" + " " * 50_000,
            # (and a list of amounts before a time: the length-options pattern of v164 at first)
            "Kling 2.1 took 1, 2" + "\u2003" * 3_000 + "x 5 seconds.",
        ]
    ):
        path = tmp_path / f"spaces-{n}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    done = subprocess.run(
        [sys.executable, "-m", "ingest", "extract", *files],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    labels = {line.split('"document": "', 1)[1].split('"', 1)[0] for line in done.stdout.splitlines()}
    assert set(files[:2]) <= labels, "both review texts give claims"
    assert files[2] not in labels, "the digits give none"


# --- document size and nesting caps --------------------------------------------------------------


def _nested(depth: int) -> bytes:
    return (
        "<html><body><div id='js_content'>" + "<div><span>" * depth + "可灵很好" + "</span></div>" * depth
    ).encode() + b"</div></body></html>"


def test_deeply_nested_html_is_refused() -> None:
    assert nesting_depth(_nested(100)) == 201
    with pytest.raises(ParseError, match=f"nested more than {MAX_NESTING}"):
        parse_bytes(_nested(20_000), "deep.html")
    with pytest.raises(ParseError, match="nested"):
        parse_bytes(_nested(100_000), "deeper.html")  # 43 s in the HTML parser before


def test_ordinary_html_nesting_is_parsed() -> None:
    page = (
        "<html><body><div id='js_content'>" + "<p>可灵<br>很好<li>x" * 5000 + "</div></body></html>"
    ).encode()
    assert nesting_depth(page) < 10
    parse_bytes(page, "flat.html")


def test_oversized_and_deep_documents_fail_alone_with_their_bytes_kept(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    notes = tmp_path / "in"
    notes.mkdir()
    big = b"<html><body>" + b"<p>" + b"x" * (MAX_DOCUMENT_BYTES + 10) + b"</body></html>"
    (notes / "a-big.html").write_bytes(big)
    (notes / "b-deep.html").write_bytes(_nested(5_000))
    (notes / "c-ok.md").write_text("# 可灵2.1\n\n可灵2.1生成5秒视频要35灵感值。\n", encoding="utf-8")
    cfg = write_config("sources:\n  - {name: in, type: files, paths: [in]}\n")
    db = open_db(tmp_path / "p.db")
    summary = run_sources(db, load_config(cfg), str(cfg))
    assert summary.exit_code == 1
    assert [r[0] for r in db.execute("select title from documents")] == ["可灵2.1"]
    errors = {Path(r["origin"]).name: r for r in db.query("select * from run_errors")}
    assert "document limit" in errors["a-big.html"]["error"]
    assert "nested" in errors["b-deep.html"]["error"]
    sizes = dict(db.execute("select sha256, size from raw").fetchall())
    assert sizes[errors["a-big.html"]["raw_sha256"]] == len(big)
    assert errors["b-deep.html"]["raw_sha256"] in sizes


def test_the_rows_of_a_length_table_find_their_header_in_one_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row of a table of clip lengths asks where its header is, for each of its amounts; the
    answer is kept per line, so every line above is read once, not once a row (200 rows up, each)."""
    import ingest.extract.prices as prices

    reads = 0
    separator = prices.SEPARATOR_ROW

    class Counting:
        def match(self, line: str) -> re.Match[str] | None:
            nonlocal reads
            reads += 1
            return separator.match(line)

    monkeypatch.setattr(prices, "SEPARATOR_ROW", Counting())
    rows = "".join(
        f"| {5 + i % 20}s | {10 + i} credits (${(10 + i) / 200:.2f}) | {20 + i} credits |\n"
        for i in range(150)
    )
    text = "# Seedance 2.0 API\n\n| 时长 | 无音频 | 含音频 |\n|---|---|---|\n" + rows
    found = [
        c
        for c in extract_document(Document(platform="clip", text=text, via="clip"), "x")
        if c.kind == "price"
    ]
    assert len(found) == 300
    assert reads <= 2 * 150, f"{reads} lines read for 150 rows"
