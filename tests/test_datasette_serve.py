"""`pingce serve`: the command line, the database preparation and a real server on a loopback port."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from db import open_db
from ingest.cli import cli
from ingest.web.serve import (
    DEFAULT_SETTINGS,
    datasette_command,
    inspect_data,
    prepare_database,
    write_metadata,
)
from tests.datasette_helpers import fetch, make_ds
from tests.dbfixtures import ServedDatasette, build_sample_db


@pytest.fixture()
def sample_db(tmp_path: Path) -> Path:
    return build_sample_db(tmp_path / "reviews.db")


def test_command_is_read_only_and_immutable_only_when_asked(sample_db: Path, tmp_path: Path) -> None:
    meta = tmp_path / "m.json"
    cmd = datasette_command(
        sample_db, meta, port=9000, host="127.0.0.1", settings={"sql_time_limit_ms": "500"}
    )
    assert cmd[1:5] == ["-m", "datasette", "serve", str(sample_db)] and "-i" not in cmd
    assert cmd[cmd.index("--port") + 1] == "9000" and cmd[cmd.index("--host") + 1] == "127.0.0.1"
    pairs = {cmd[i + 1]: cmd[i + 2] for i, a in enumerate(cmd) if a == "--setting"}
    assert pairs == {**DEFAULT_SETTINGS, "sql_time_limit_ms": "500"}
    assert "-i" in datasette_command(sample_db, meta, port=9000, host="127.0.0.1", immutable=True)


def test_immutable_serving_counts_each_table_once(sample_db: Path, tmp_path: Path) -> None:
    counts = inspect_data(sample_db)["reviews"]
    conn = sqlite3.connect(sample_db)
    for table in ("claims", "documents", "models"):
        assert counts["tables"][table]["count"] == conn.execute(f"select count(*) from {table}").fetchone()[0]
    views = {r[0] for r in conn.execute("select name from sqlite_master where type = 'view'")}
    conn.close()
    assert views and not views & counts["tables"].keys()  # Datasette's database page expects tables only
    meta = tmp_path / "m.json"
    inspect_file = tmp_path / "i.json"
    cmd = datasette_command(
        sample_db, meta, port=9000, host="127.0.0.1", inspect_file=inspect_file, immutable=True
    )
    assert cmd[cmd.index("--inspect-file") + 1] == str(inspect_file)
    cmd = datasette_command(sample_db, meta, port=9000, host="127.0.0.1", inspect_file=inspect_file)
    assert "--inspect-file" not in cmd  # a file a run may write changes: its counts are taken per request


def test_metadata_file_is_keyed_by_the_file_stem(sample_db: Path) -> None:
    meta = json.loads(write_metadata(sample_db).read_text(encoding="utf-8"))
    assert list(meta["databases"]) == ["reviews"]
    assert "price_table" in meta["databases"]["reviews"]["queries"]


def test_dump_metadata_and_errors(sample_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    dumped = runner.invoke(cli, ["serve", "--db", str(sample_db), "--dump-metadata"])
    assert dumped.exit_code == 0 and list(json.loads(dumped.output)["databases"]) == ["reviews"]
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "nothing.db")])
    assert missing.exit_code == 1 and "no database" in missing.output
    bad = runner.invoke(cli, ["serve", "--db", str(sample_db), "--setting", "no_such_setting", "1"])
    assert bad.exit_code == 1 and "unknown Datasette setting no_such_setting" in bad.output
    assert "Serve the database in Datasette" in runner.invoke(cli, ["--help"]).output


def test_prepare_folds_the_wal_in_for_immutable_serving(sample_db: Path) -> None:
    writer = open_db(sample_db)  # a run that committed but has not checkpointed
    writer.execute("insert into models (name, vendor) values ('Luma', 'Luma AI')")
    writer.conn.commit()
    assert Path(f"{sample_db}-wal").stat().st_size > 0
    prepare_database(sample_db)
    writer.conn.close()
    ds = make_ds(sample_db)
    found = fetch(ds, "/reviews/models.json?name=Luma&_shape=array").json()
    assert found == [{"name": "Luma", "vendor": "Luma AI", "brand": None, "aliases": None}]


def test_prepare_applies_new_migrations(tmp_path: Path) -> None:
    path = build_sample_db(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    conn.execute("drop view claim_evidence")
    conn.execute("delete from _sqlite_migrations where name = 'm004_evidence_views'")
    conn.commit()
    conn.close()
    prepare_database(path)
    assert sqlite3.connect(path).execute("select count(*) from claim_evidence").fetchone() == (15,)


@pytest.mark.slow
def test_pingce_serve_runs_datasette(sample_db: Path) -> None:
    with ServedDatasette(sample_db, "--setting", "sql_time_limit_ms", "2500") as server:
        settings = httpx.get(server.base + "/-/settings.json").json()
        assert settings["sql_time_limit_ms"] == 2500 and settings["max_returned_rows"] == 5000
        assert httpx.get(server.base + "/reviews.json").json()["database"] == "reviews"
        table = httpx.get(server.base + "/reviews/price_table.json?_shape=array").json()
        assert len(table) == 6
        search = httpx.get(
            server.base + "/reviews/search.json", params={"q": "手指", "_shape": "array"}
        ).json()
        assert {r["hit"] for r in search} == {"claim", "document"}
        charts = httpx.get(server.base + "/reviews/-/charts")
        assert charts.status_code == 200 and "<svg" in charts.text
        claims = httpx.get(server.base + "/reviews/claims.json", params={"_size": "1"}).json()
        conn = sqlite3.connect(sample_db)
        total = conn.execute("select count(*) from claims").fetchone()[0]
        assert claims["filtered_table_rows_count"] == total
        conn.close()
        databases = httpx.get(server.base + "/-/databases.json").json()
        assert [d["is_mutable"] for d in databases if d["name"] == "reviews"] == [True]  # read-only, live
        assert (
            httpx.get(server.base + "/reviews.json", params={"sql": "delete from claims"}).status_code == 400
        )
    assert server.proc.returncode is not None
