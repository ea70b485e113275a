"""Hostile local input (issue 12, cases 1-4): nothing lost, nothing that is not a number stored as one.

A bad front-matter value fails its own file only; YAML bombs and oversized front
matter are refused; numbers that cannot be read exactly are no claim; exports never
write NaN or Infinity; sources.yml with duplicate keys or non-UTF-8 bytes is a
one-line config error (exit 2).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from db import open_db
from ingest import prepare
from ingest.cli import cli
from ingest.config import ConfigError, load_config
from ingest.export import connect_readonly, price_rows, write_prices
from ingest.extract import extract_document
from ingest.extract.lexicon import load_lexicon
from ingest.extract.numbers import numerals, parse_number
from ingest.extract.quantities import scanner
from ingest.parsers import clip
from ingest.parsers.clip import parse_clip_note
from ingest.pipeline import run_sources
from schemas.document import Document, ParseError
from schemas.prices import PriceRow
from tests.conftest import ROOT
from tests.dbfixtures import build_sample_db

GOOD = "---\ntitle: {t}\n---\n\n## 正文\n\nKling 2.1 生成一条 5 秒视频要 35 灵感值，画面很稳。\n"


def _strict_json(text: str) -> object:
    def refuse(name: str) -> object:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


# --- 1. one bad front-matter value fails that file only -------------------------------------


def _notes(tmp_path: Path, bad: str) -> Path:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text(GOOD.format(t="A"), encoding="utf-8")
    (notes / "b.md").write_text(bad, encoding="utf-8")
    (notes / "c.md").write_text(GOOD.format(t="C").replace("35", "40"), encoding="utf-8")
    return notes


def test_bad_front_matter_date_fails_only_its_file(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    _notes(tmp_path, "---\ntitle: B\ndate: 9999-99-99\n---\n\n## 正文\n\n文字\n")
    cfg = write_config("sources:\n  - {name: notes, type: clips, path: notes}\n")
    db = open_db(tmp_path / "p.db")
    summary = run_sources(db, load_config(cfg), str(cfg))
    assert summary.exit_code == 1
    titles = [r[0] for r in db.execute("select title from documents order by title")]
    assert titles == ["A", "C"], "the files after the bad one are stored"
    errors = list(db.query("select origin, error, raw_sha256 from run_errors"))
    assert len(errors) == 1
    assert errors[0]["origin"].endswith("b.md") and "front matter" in errors[0]["error"]
    assert errors[0]["raw_sha256"], "the bad file's bytes are kept"


def test_any_parser_exception_becomes_one_error_naming_the_file(
    tmp_path: Path, write_config: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _notes(tmp_path, GOOD.format(t="B"))
    real = prepare.parse_bytes  # parsing runs in ingest.prepare (in-process for a small run)

    def flaky(data: bytes, name: str, *args: object) -> list[Document]:
        if name.endswith("b.md"):
            raise KeyError("surprise")
        return real(data, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(prepare, "parse_bytes", flaky)
    cfg = write_config("sources:\n  - {name: notes, type: clips, path: notes}\n")
    db = open_db(tmp_path / "p.db")
    summary = run_sources(db, load_config(cfg), str(cfg))
    assert db["documents"].count == 2
    assert len(summary.errors) == 1 and summary.errors[0].startswith("notes: /")
    assert "b.md" in summary.errors[0] and "KeyError" in summary.errors[0]


_FM_KEYS = ["date", "published", "发布时间", "title", "url", "author", "tags", "作者", "link"]
_FM_VALUES = [
    "9999-99-99",
    "2025-02-30",
    "2025-13-01 25:61:00",
    "0000-00-00",
    "2025-01-01T00:00:00+99:00",
    "!!binary 'not base64'",
    "!!timestamp x",
    "!!int 0x",
    "!!float nan",
    ".inf",
    "[1, [2, {a: b}]]",
    "{date: 1}",
    "~",
    "''",
    "1e999",
    "&a x",
    "*a",
    "? complex\n  : key",
    '"\\ud800"',
    "0o99",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_FM_KEYS),
            st.one_of(st.sampled_from(_FM_VALUES), st.text(max_size=20)),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_front_matter_fields_only_raise_parse_error(fields: list[tuple[str, str]]) -> None:
    front = "\n".join(f"{k}: {v}" for k, v in fields)
    data = f"---\n{front}\n---\n\n## 正文\n\n文字\n".encode("utf-8", "surrogatepass")
    try:
        doc = parse_clip_note(data, "x.md")
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert doc.published_at is None or doc.published_at.utcoffset() is not None


# --- 2. YAML bombs and oversized front matter -----------------------------------------------


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "---\n" + "\n".join(lines) + "\n---\n\n## 正文\n\n文字\n"


def test_yaml_aliases_in_front_matter_are_refused() -> None:
    with pytest.raises(ParseError, match="aliases"):
        parse_clip_note(_bomb(3).encode(), "x.md")


def test_yaml_bomb_in_a_real_parse_process_is_refused_quickly(tmp_path: Path) -> None:
    note = tmp_path / "bomb.md"
    note.write_text(_bomb(10), encoding="utf-8")  # 9**10 strings once expanded
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "parse", str(note)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        preexec_fn=_limit_memory,
    )
    assert result.returncode == 1
    assert "bomb.md" in result.stderr and "aliases" in result.stderr
    assert "Traceback" not in result.stderr


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def test_front_matter_over_the_cap_is_refused() -> None:
    big = (
        "---\n" + "".join(f"k{i}: {'x' * 60}\n" for i in range(clip.MAX_FRONT_MATTER // 60)) + "---\n\n文字\n"
    )
    with pytest.raises(ParseError, match="larger than"):
        parse_clip_note(big.encode(), "x.md")


# --- 3. numbers that do not parse exactly are no claim --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("35", (35.0, 35.0)),
        ("1.5万", (15000.0, 15000.0)),
        ("999999999999999", (999999999999999.0, 999999999999999.0)),
        ("9" * 16, None),
        ("9" * 330, None),
        ("1" + "0" * 400, None),
        ("一" + "亿" * 60, None),
        ("999999999999999万", None),
    ],
)
def test_parse_number_is_exact_or_nothing(text: str, expected: tuple[float, float] | None) -> None:
    assert parse_number(text, numerals(load_lexicon())) == expected


def test_scientific_notation_is_no_amount() -> None:
    found = scanner(load_lexicon()).scan("一条要 1e999灵感值，另一条 2E5 积分，还有 3e-2 元")
    assert [(q.kind, q.value) for q in found] == []


def test_huge_numbers_give_no_price_claims_and_extract_prints_strict_json(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text(
        "# Kling 2.1 评测\n\nKling 2.1 生成一条 5 秒视频要 1e999灵感值，另一条要 "
        + "9" * 330
        + "灵感值，第三条要 35 灵感值。\n",
        encoding="utf-8",
    )
    doc = Document(platform="clip", text=note.read_text(encoding="utf-8"), via="clip")
    credits = [c.credits for c in extract_document(doc, "n.md") if c.kind == "price"]
    assert credits == [35.0]
    result = CliRunner().invoke(cli, ["extract", str(note)])
    assert result.exit_code == 0
    for line in result.output.splitlines():
        _strict_json(line)


def test_export_refuses_non_finite_values(tmp_path: Path) -> None:
    db_path = build_sample_db(tmp_path / "pingce.db")
    conn = connect_readonly(db_path)
    try:
        row = price_rows(conn)[0]
    finally:
        conn.close()
    data = row.model_dump()
    data["price_cny"] = float("inf")
    with pytest.raises(ValidationError, match="finite"):
        PriceRow.model_validate(data)
    bad = PriceRow.model_construct(**data)  # as if a row slipped past validation
    for fmt in ("json", "jsonl"):
        out = io.StringIO()
        with pytest.raises(ValueError, match="JSON compliant"):
            write_prices([bad], fmt, out)
        assert "Infinity" not in out.getvalue()


def test_price_schema_says_numbers_are_finite() -> None:
    schema = json.loads((ROOT / "schemas" / "prices.schema.json").read_text(encoding="utf-8"))
    assert "finite" in schema["description"]


# --- 4. sources.yml: duplicate keys, bytes that are not UTF-8 -------------------------------


def test_duplicate_key_in_sources_is_refused_with_its_line(write_config: Callable[[str], Path]) -> None:
    cfg = write_config("sources:\n  - name: notes\n    type: clips\n    path: notes\n    path: /etc\n")
    with pytest.raises(ConfigError, match=r"line 5: duplicate key 'path' \(first at line 4\)"):
        load_config(cfg)
    result = CliRunner().invoke(cli, ["run", "-c", str(cfg)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "duplicate key 'path'" in result.output


def test_duplicate_source_lists_and_top_level_keys(write_config: Callable[[str], Path]) -> None:
    cfg = write_config("sources: []\ndb: a.db\nsources:\n  - {name: x, type: clips, path: x}\n")
    with pytest.raises(ConfigError, match="line 3: duplicate key 'sources'"):
        load_config(cfg)


def test_sources_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    cfg = tmp_path / "sources.yml"
    cfg.write_bytes("sources:\n  - name: 笔记\n".encode("gbk"))
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "run", "-c", str(cfg)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not UTF-8" in lines[0] and "line 2" in lines[0]
