"""`pingce run` end to end on local sources: stored once, idempotent, failures recorded."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from db import open_db
from ingest.cli import cli
from ingest.config import load_config
from ingest.lock import RunLock
from ingest.pipeline import run_sources
from ingest.reprocess import reextract, reparse
from tests.conftest import ROOT, table_snapshot

EXAMPLES = ROOT / "examples" / "notes"


def _examples_config(tmp_path: Path, write_config: Callable[[str], Path]) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "notes")
    return write_config("sources:\n  - name: notes\n    type: clips\n    path: notes\n")


def test_examples_run_stores_documents_and_claims(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    cfg = _examples_config(tmp_path, write_config)
    db = open_db(tmp_path / "p.db")
    summary = run_sources(db, load_config(cfg), str(cfg))
    assert summary.exit_code == 0, summary.errors
    n_files = len(list(EXAMPLES.glob("*.md")))
    assert db["documents"].count == n_files
    assert db["raw"].count == n_files
    assert db["claims"].count > 0
    bad = db.execute(
        "select count(*) from claims c join documents d on d.id = c.document_id "
        "where (c.section = 'body' and substr(d.text, c.start + 1, c.end - c.start) != c.quote) "
        "or (c.section = 'summary' and substr(d.summary, c.start + 1, c.end - c.start) != c.quote)"
    ).fetchone()[0]
    assert bad == 0, "every claim's quote sits at its offsets"
    run = next(db.query("select * from runs"))
    assert (run["status"], run["exit_code"], run["documents_new"]) == ("ok", 0, n_files)


def test_second_run_changes_nothing(tmp_path: Path, write_config: Callable[[str], Path]) -> None:
    cfg = _examples_config(tmp_path, write_config)
    db = open_db(tmp_path / "p.db")
    run_sources(db, load_config(cfg), str(cfg))
    before = table_snapshot(db)
    second = run_sources(db, load_config(cfg), str(cfg))
    assert table_snapshot(db) == before
    assert second.counts["documents_unchanged"] == db["documents"].count
    assert second.counts["documents_new"] == second.counts["claims_new"] == 0


def test_seeds_store_two_documents_with_sections(
    tmp_path: Path, shared: Path, write_config: Callable[[str], Path]
) -> None:
    cfg = write_config(f"sources:\n  - name: seeds\n    type: clips\n    path: {shared / 'seeds'}\n")
    db = open_db(tmp_path / "p.db")
    assert run_sources(db, load_config(cfg), str(cfg)).exit_code == 0
    rows = list(db.query("select platform, summary, text, metadata from documents order by platform"))
    assert [r["platform"] for r in rows] == ["wechat", "weibo"]
    assert all(r["summary"] and r["text"] for r in rows)
    assert "ArXiv" in rows[1]["metadata"] and "ArXiv" not in rows[1]["text"]
    before = table_snapshot(db)
    run_sources(db, load_config(cfg), str(cfg))
    assert table_snapshot(db) == before


def test_broken_note_is_recorded_and_others_are_stored(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    cfg = _examples_config(tmp_path, write_config)
    db = open_db(tmp_path / "p.db")
    run_sources(db, load_config(cfg), str(cfg))
    docs_before = db.execute("select id, content_hash from documents order by id").fetchall()
    broken = b'---\ntitle: "unterminated\n---\n\n## \xe6\xad\xa3\xe6\x96\x87\n\nx\n'
    (tmp_path / "notes" / "zz-broken.md").write_bytes(broken)
    summary = run_sources(db, load_config(cfg), str(cfg))
    assert summary.exit_code == 1
    assert summary.failed_sources == ["notes"]
    err = next(db.query("select * from run_errors"))
    assert err["source"] == "notes" and err["origin"].endswith("zz-broken.md")
    assert "front matter" in err["error"] and "\n" not in err["error"]
    assert db.execute("select body from raw where sha256 = ?", [err["raw_sha256"]]).fetchone()[0] == broken
    assert db.execute("select id, content_hash from documents order by id").fetchall() == docs_before


def test_one_missing_source_does_not_stop_the_others(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "notes")
    cfg = write_config(
        "sources:\n"
        "  - {name: gone, type: clips, path: no-such-folder}\n"
        "  - {name: missing-file, type: files, paths: [nope.html]}\n"
        "  - {name: notes, type: clips, path: notes}\n"
    )
    db = open_db(tmp_path / "p.db")
    summary = run_sources(db, load_config(cfg), str(cfg))
    assert sorted(summary.failed_sources) == ["gone", "missing-file"]
    assert db["documents"].count == len(list(EXAMPLES.glob("*.md")))
    errors = {r["source"]: r["error"] for r in db.query("select * from run_errors")}
    assert "does not exist" in errors["gone"]
    assert "cannot read" in errors["missing-file"]


def test_reextract_replaces_older_versions_without_refetching(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    cfg = _examples_config(tmp_path, write_config)
    db = open_db(tmp_path / "p.db")
    run_sources(db, load_config(cfg), str(cfg))
    current = db.execute("select id, quote from claims order by id").fetchall()
    # Pretend the stored claims came from an older extractor, then lose the source files.
    db.execute("update claims set extractor_version = 0, method = 'rules/0'")
    db.execute("update documents set extractor_version = 0")
    db.conn.commit()
    shutil.rmtree(tmp_path / "notes")
    counts = reextract(db)
    assert counts["documents"] == db["documents"].count
    assert db.execute("select count(*) from claims where extractor_version = 0").fetchone()[0] == 0
    assert db.execute("select id, quote from claims order by id").fetchall() == current
    assert reextract(db)["documents"] == 0  # nothing older left


def test_cli_run_exit_codes(tmp_path: Path, write_config: Callable[[str], Path]) -> None:
    cfg = _examples_config(tmp_path, write_config)
    runner = CliRunner()
    ok = runner.invoke(cli, ["run", "-c", str(cfg), "--silent"])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "pingce.db").exists()
    (tmp_path / "notes" / "bad.md").write_bytes(b"---\na: [\n---\n")
    failed = runner.invoke(cli, ["run", "-c", str(cfg)])
    assert failed.exit_code == 1
    assert "bad.md" in failed.output and "front matter" in failed.output
    history = runner.invoke(cli, ["runs", "-c", str(cfg), "--errors"])
    assert history.exit_code == 0
    assert "#2" in history.output and "failed" in history.output and "bad.md" in history.output


def test_cli_bad_config_exits_2_naming_line_and_field(write_config: Callable[[str], Path]) -> None:
    cfg = write_config("sources:\n  - name: a\n    type: clips\n    pathh: notes\n")
    result = CliRunner().invoke(cli, ["run", "-c", str(cfg)])
    assert result.exit_code == 2
    assert f"{cfg}: line 4: sources.0.pathh: Extra inputs are not permitted" in result.output


def test_cli_unknown_source_type_and_bad_yaml(write_config: Callable[[str], Path]) -> None:
    cfg = write_config("sources:\n  - name: a\n    type: ftp\n")
    result = CliRunner().invoke(cli, ["run", "-c", str(cfg)])
    assert result.exit_code == 2 and "line 3" in result.output and "type" in result.output
    cfg.write_text("sources: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "-c", str(cfg)])
    assert result.exit_code == 2 and "not valid YAML" in result.output


def test_second_run_while_one_holds_the_lock_exits(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    cfg = _examples_config(tmp_path, write_config)
    with RunLock(tmp_path / "pingce.db"):
        result = CliRunner().invoke(cli, ["run", "-c", str(cfg), "--silent"])
    assert result.exit_code == 75
    assert "another pingce run holds" in result.output
    assert CliRunner().invoke(cli, ["run", "-c", str(cfg), "--silent"]).exit_code == 0


def test_a_run_that_died_is_marked_interrupted(tmp_path: Path, write_config: Callable[[str], Path]) -> None:
    cfg = _examples_config(tmp_path, write_config)
    db = open_db(tmp_path / "p.db")
    db.table("runs").insert({"started_at": "2025-01-01T00:00:00+00:00", "status": "running", "pid": 1})
    db.conn.commit()
    run_sources(db, load_config(cfg), str(cfg))
    assert [r["status"] for r in db.query("select status from runs order by id")] == ["interrupted", "ok"]


def test_reparse_rebuilds_documents_from_stored_bytes(
    tmp_path: Path, write_config: Callable[[str], Path]
) -> None:
    cfg = _examples_config(tmp_path, write_config)
    db = open_db(tmp_path / "p.db")
    run_sources(db, load_config(cfg), str(cfg))
    before = table_snapshot(db)
    # A parser bug once stored a damaged body; the source files are gone since.
    db.execute("update documents set text = 'damaged', content_hash = 'x' where via = 'clip'")
    db.conn.commit()
    shutil.rmtree(tmp_path / "notes")
    counts = reparse(db)
    assert counts["documents_changed"] == db["documents"].count
    restored = table_snapshot(db)
    assert restored["claims"] == before["claims"]
    key = [(r[0], r[7:20]) for r in before["documents"]]
    assert [(r[0], r[7:20]) for r in restored["documents"]] == key
    assert reparse(db)["documents_changed"] == 0


def test_cli_reextract_all_and_reparse(tmp_path: Path, write_config: Callable[[str], Path]) -> None:
    cfg = _examples_config(tmp_path, write_config)
    runner = CliRunner()
    assert runner.invoke(cli, ["run", "-c", str(cfg), "--silent"]).exit_code == 0
    result = runner.invoke(cli, ["reextract", "-c", str(cfg), "--all", "--reparse"])
    assert result.exit_code == 0, result.output
    n = len(list(EXAMPLES.glob("*.md")))
    assert "re-parsed: 0 documents changed, 0 new, 0 inputs no longer parse" in result.output
    assert f"re-extracted {n} documents: 0 new claims, 0 removed" in result.output
