"""Price changes over time (db/price_events.py): recorded per run, exported, and a baseline for old files.

The notes are invented here: one Kling 2.1 Master 1080p 5s price that moves and meets
disagreement over several runs of `pingce run`, and a Vidu price that stays.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from db import open_db
from db.price_events import Key, KeyRow, Shown, diff
from ingest.cli import cli
from ingest.export import read_csv
from schemas.price_changes import JSON_FIELDS, PriceChangeRow, price_changes_schema_json

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schemas" / "price_changes.schema.json").read_text("utf-8"))
MASTER: Key = ("Kling 2.1 Master", "master", "1080p", 5.0)


def note(folder: Path, name: str, day: str, text: str) -> None:
    (folder / f"{name}.md").write_text(
        f'---\ntitle: "{name}"\n发布日期: {day}\n原文链接: "https://example.com/{name}"\n---\n\n'
        f"## 正文\n\n{text}\n",
        encoding="utf-8",
    )


def run(folder: Path, db: Path) -> int:
    cfg = folder.parent / "sources.yml"
    cfg.write_text(f"sources:\n  - name: notes\n    type: clips\n    path: {folder}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "-c", str(cfg), "--db", str(db), "--silent"])
    assert result.exit_code == 0, result.output
    return int(sqlite3.connect(db).execute("select max(id) from runs").fetchone()[0])


def events(db: Path, after: int = 0) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "select kind, model, old_price_label, new_price_label, conflicting_prices, document_ids, run_id,"
            " backfilled from price_events where id > ? order by id",
            [after],
        ).fetchall()
    finally:
        conn.close()


def last_event(db: Path) -> int:
    return int(sqlite3.connect(db).execute("select coalesce(max(id), 0) from price_events").fetchone()[0])


def export(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["export", "prices", "--db", str(db), *args])
    return result


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Five runs over a growing folder of notes; what each run recorded."""
    root = tmp_path_factory.mktemp("changes")
    notes, db = root / "notes", root / "pingce.db"
    notes.mkdir()
    note(notes, "a", "2025-05-01", "可灵2.1大师版（1080P），5秒100灵感值。")
    note(notes, "b", "2025-05-02", "Vidu Q1 的1080P视频，5秒要20积分。")
    seen: dict[str, Any] = {"db": db, "notes": notes}
    seen["run1"] = run(notes, db)
    seen["ev1"] = events(db)
    mark = last_event(db)
    note(notes, "a", "2025-05-01", "可灵2.1大师版（1080P），5秒现在只要80灵感值。")  # the same post, edited
    seen["run2"] = run(notes, db)
    seen["ev2"] = events(db, mark)
    mark = last_event(db)
    note(notes, "c", "2025-06-01", "可灵2.1大师版（1080P），5秒80灵感值，没变。")  # agrees
    seen["run3"] = run(notes, db)
    seen["ev3"] = events(db, mark)
    mark = last_event(db)
    note(notes, "d", "2025-04-01", "可灵2.1大师版（1080P），5秒90灵感值。")  # contradicts
    seen["run4"] = run(notes, db)
    seen["ev4"] = events(db, mark)
    mark = last_event(db)
    seen["run5"] = run(notes, db)  # nothing changed
    seen["ev5"] = events(db, mark)
    result = CliRunner().invoke(cli, ["reextract", "--all", "--db", str(db), "--silent"])
    assert result.exit_code == 0, result.output
    seen["ev_reextract"] = events(db, mark)
    return seen


def test_first_run_records_each_price_as_new(history: dict[str, Any]) -> None:
    assert sorted(e[:4] for e in history["ev1"]) == [
        ("new", "Kling 2.1 Master", None, "100 灵感值"),
        ("new", "Vidu Q1", None, "20 积分"),
    ]
    assert {e[6] for e in history["ev1"]} == {history["run1"]} and not any(e[7] for e in history["ev1"])


def test_an_edited_document_changes_the_price(history: dict[str, Any]) -> None:
    [(kind, model, old, new, conflicting, ids, run_id, _)] = history["ev2"]
    assert (kind, model, old, new) == ("changed", "Kling 2.1 Master", "100 灵感值", "80 灵感值")
    assert run_id == history["run2"]
    assert json.loads(conflicting) == [] and len(json.loads(ids)) == 1 and json.loads(ids)[0].endswith("a")


def test_an_agreeing_document_is_no_change(history: dict[str, Any]) -> None:
    assert history["ev3"] == []


def test_a_contradicting_document_is_a_conflict_with_its_evidence(history: dict[str, Any]) -> None:
    [(kind, model, old, new, conflicting, ids, run_id, backfilled)] = history["ev4"]
    assert (kind, model, old, new, run_id, backfilled) == (
        "conflict",
        "Kling 2.1 Master",
        "80 灵感值",
        "80 灵感值",
        history["run4"],
        0,
    )
    assert json.loads(conflicting) == ["90 灵感值"]
    assert len(json.loads(ids)) == 1 and json.loads(ids)[0].endswith("d")  # the document that disagrees


def test_rerun_and_reextraction_add_nothing(history: dict[str, Any]) -> None:
    assert history["ev5"] == [] and history["ev_reextract"] == []
    runs = sqlite3.connect(history["db"]).execute("select id, price_events from runs order by id").fetchall()
    assert [n for _, n in runs] == [2, 1, 0, 1, 0]
    shown = CliRunner().invoke(cli, ["runs", "--db", str(history["db"])]).output.splitlines()
    assert [line.rsplit("price_changes=", 1)[1] for line in shown] == ["0", "1", "0", "1", "2"]


def test_claims_gone_outside_a_run_are_recorded_when_the_database_opens(tmp_path: Path) -> None:
    notes, db = tmp_path / "notes", tmp_path / "pingce.db"
    notes.mkdir()
    note(notes, "a", "2025-05-01", "可灵2.1大师版（1080P），5秒100灵感值。")
    note(notes, "b", "2025-05-02", "Vidu Q1 的1080P视频，5秒要20积分。")
    note(notes, "d", "2025-04-01", "可灵2.1大师版（1080P），5秒90灵感值。")
    run(notes, db)
    mark = last_event(db)
    conn = sqlite3.connect(db)  # a bulk edit that bypasses the writers
    with conn:
        conn.execute("delete from claims where document_id in (select id from documents where title = 'd')")
        conn.execute("delete from claims where model = 'Vidu Q1'")
    conn.close()
    result = export(db, "--changed-since", "2000-01-01", "--format", "jsonl")  # opens it, so records them
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == mark + 2, result.output
    got = [e[:4] + (json.loads(e[4]), e[6]) for e in events(db, mark)]
    assert sorted(got, key=repr) == sorted(
        [
            ("resolved", "Kling 2.1 Master", "100 灵感值", "100 灵感值", [], None),
            ("removed", "Vidu Q1", "20 积分", None, [], None),
        ],
        key=repr,
    )
    open_db(db).conn.close()
    assert last_event(db) == mark + 2


# ---------------------------------------------------------------- the diff, table-driven
def row(label: str, *others: str, ids: tuple[str, ...] = ("d1",)) -> KeyRow:
    points = (label, *others)
    return KeyRow(
        Shown(label, None, None, None, None),
        points,
        ids,
        (),
        tuple((p, "2025-05-01T00:00:00Z", (f"doc-{p}",), ()) for p in points),
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (None, None, []),
        (None, row("100"), [("new", None, "100", ())]),
        (None, row("100", "90"), [("new", None, "100", ()), ("conflict", None, "100", ("90",))]),
        (row("100"), row("100"), []),
        (row("100"), row("100", ids=("d1", "d2")), []),  # another document agrees
        (row("100"), row("80"), [("changed", "100", "80", ())]),
        (row("100"), row("80", "100"), [("changed", "100", "80", ()), ("conflict", "100", "80", ("100",))]),
        (row("100"), row("100", "90"), [("conflict", "100", "100", ("90",))]),
        (row("100", "90"), row("100", "90"), []),
        (row("100", "90"), row("100", "90", "70"), [("conflict", "100", "100", ("90", "70"))]),
        (row("100", "90"), row("100"), [("resolved", "100", "100", ())]),
        (row("100", "90"), row("90"), [("changed", "100", "90", ()), ("resolved", "100", "90", ())]),
        (row("100"), None, [("removed", "100", None, ())]),
    ],
)
def test_diff(old: KeyRow | None, new: KeyRow | None, expected: list[tuple[Any, ...]]) -> None:
    got = diff(MASTER, old, new)
    assert [(e.kind, e.old and e.old.label, e.new and e.new.label, e.conflicting) for e in got] == expected


def test_a_conflict_names_the_documents_that_brought_the_new_price() -> None:
    [event] = diff(MASTER, row("100"), row("100", "90"))
    assert event.document_ids == ("doc-90",) and event.observed_at == "2025-05-01T00:00:00Z"


# ---------------------------------------------------------------- the export
def test_export_changed_since_a_run_lists_the_later_runs_changes(history: dict[str, Any]) -> None:
    result = export(history["db"], "--changed-since", str(history["run2"]), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["kind"], r["run_id"]) for r in rows] == [("conflict", history["run4"])]
    for r in rows:
        jsonschema.validate(r, SCHEMA)
        assert r["document_urls"] == ["https://example.com/d"]
    everything = json.loads(export(history["db"], "--changed-since", "1", "--format", "json").stdout)
    assert [r["kind"] for r in everything] == ["conflict", "changed"]  # newest first


def test_export_changed_since_a_date_and_model(history: dict[str, Any]) -> None:
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
    day = dt.timedelta(days=1)
    yesterday, tomorrow = (today - day).isoformat(), (today + day).isoformat()
    rows = json.loads(export(history["db"], "--changed-since", yesterday, "--format", "json").stdout)
    assert len(rows) == 4 and all(jsonschema.validate(r, SCHEMA) is None for r in rows)
    assert json.loads(export(history["db"], "--changed-since", tomorrow, "--format", "json").stdout) == []
    vidu = json.loads(
        export(history["db"], "--changed-since", yesterday, "--model", "vidu", "--format", "json").stdout
    )
    assert [(r["kind"], r["model"]) for r in vidu] == [("new", "Vidu Q1")]


def test_export_csv_reads_back_as_the_json(history: dict[str, Any]) -> None:
    as_json = json.loads(export(history["db"], "--changed-since", "2000-01-01", "--format", "json").stdout)
    as_csv = export(history["db"], "--changed-since", "2000-01-01").stdout
    assert as_csv.splitlines()[0].split(",") == list(PriceChangeRow.model_fields)
    assert read_csv(as_csv, PriceChangeRow, JSON_FIELDS) == as_json


def test_export_atom(history: dict[str, Any]) -> None:
    import feedparser

    result = export(history["db"], "--changed-since", "1", "--format", "atom")
    feed = feedparser.parse(result.stdout.encode("utf-8"))
    assert not feed.bozo and feed.version == "atom10"
    assert [e.title for e in feed.entries] == [
        "Kling 2.1 Master · master · 1080p · 5 s: conflicting 90 灵感值 (shown: 80 灵感值)",
        "Kling 2.1 Master · master · 1080p · 5 s: 100 灵感值 → 80 灵感值",
    ]
    assert feed.entries[0].link == "https://example.com/d"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--changed-since", "99"], "there is no run 99 (runs 1 to 5)"),
        (["--changed-since", "last week"], "'last week' is neither a run number nor an ISO date"),
        (["--changed-since", "2025-02-30"], "'2025-02-30' is neither a run number nor an ISO date"),
        (["--format", "atom"], "atom lists price changes: add --changed-since DATE|RUN"),
        (["--changed-since", "1", "--since", "2025-01-01"], "with --changed-since give one or the other"),
        (["--changed-since", "1", "--model", "nosuch"], "'nosuch' matches no model"),
    ],
)
def test_bad_values_are_one_line_usage_errors(history: dict[str, Any], args: list[str], message: str) -> None:
    result = export(history["db"], *args)
    assert result.exit_code == 2, result.output
    error = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and message in error[0], result.output


def test_the_committed_schema_is_the_generated_one() -> None:
    assert (ROOT / "schemas" / "price_changes.schema.json").read_text("utf-8") == price_changes_schema_json()
    result = CliRunner().invoke(cli, ["schema", "price-changes"])
    assert result.exit_code == 0 and json.loads(result.output) == SCHEMA


# ---------------------------------------------------------------- a database made before m013
def test_an_older_database_gets_its_prices_as_a_backfilled_baseline(tmp_path: Path) -> None:
    notes, db = tmp_path / "notes", tmp_path / "pingce.db"
    notes.mkdir()
    note(notes, "a", "2025-05-01", "可灵2.1大师版（1080P），5秒100灵感值。")
    note(notes, "b", "2025-05-02", "Vidu Q1 的1080P视频，5秒要20积分。")
    run(notes, db)
    conn = sqlite3.connect(db)  # back to the schema before m013
    with conn:
        for trigger in ("price_event_dirty_ai", "price_event_dirty_ad", "price_event_dirty_au"):
            conn.execute(f"drop trigger {trigger}")
        for table in ("price_events", "price_event_state", "price_event_dirty", "price_event_feed"):
            conn.execute(f"drop table {table}")
        conn.execute("alter table runs drop column price_events")
        conn.execute("delete from _sqlite_migrations where name = 'm013_price_events'")
    assert not conn.execute("select 1 from sqlite_master where name like 'price_event%'").fetchall()
    conn.close()
    open_db(db).conn.close()
    got = events(db)
    assert sorted((e[0], e[1], e[3], e[6], e[7]) for e in got) == [
        ("new", "Kling 2.1 Master", "100 灵感值", None, 1),
        ("new", "Vidu Q1", "20 积分", None, 1),
    ]
    run(notes, db)  # and after it, nothing again for unchanged input
    assert len(events(db)) == 2
    rows = json.loads(export(db, "--changed-since", "2000-01-01", "--format", "json").stdout)
    assert all(r["backfilled"] is True for r in rows)


def test_changes_a_killed_run_left_are_recorded_under_its_id(tmp_path: Path) -> None:
    notes, db = tmp_path / "notes", tmp_path / "pingce.db"
    notes.mkdir()
    note(notes, "a", "2025-05-01", "可灵2.1大师版（1080P），5秒100灵感值。")
    run(notes, db)
    conn = sqlite3.connect(db)  # run 2 committed a batch and was killed before its end
    with conn:
        conn.execute("insert into runs (started_at, status) values ('2026-01-01T00:00:00+00:00', 'running')")
        conn.execute("update claims set credits = 80 where model = 'Kling 2.1 Master'")
    conn.close()
    open_db(db).conn.close()
    assert [(e[0], e[2], e[3], e[6]) for e in events(db)][-1:] == [("changed", "100 灵感值", "80 灵感值", 2)]


def test_a_feed_entry_links_ten_documents_and_counts_the_rest() -> None:
    import feedparser

    from ingest.changes import FeedLinks, atom_feed

    ids = [f"doc-{i:02d}" for i in range(15)]
    change = PriceChangeRow.model_validate(
        dict.fromkeys(PriceChangeRow.model_fields)
        | {"recorded_at": "2026-01-01T00:00:00Z", "kind": "new", "model": "Veo 3", "new_price_label": "USD 6"}
        | {"conflicting_prices": [], "document_ids": ids, "document_urls": [], "backfilled": False, "id": 1}
    )
    links = FeedLinks("http://h/f.atom", "http://h/page", lambda i: f"http://h/documents/{i}")
    feed = feedparser.parse(atom_feed([change], "0" * 32, "2026-01-01T00:00:00Z", {}, links))
    [entry] = feed.entries
    assert [link.href for link in entry.links] == [f"http://h/documents/{i}" for i in ids[:10]]
    assert "and 5 more documents" in entry.summary and 'href="http://h/page"' in entry.summary
