"""`pingce export prices` and `pingce schema prices`: stable columns, valid rows, same SQL as Datasette."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from db import open_db
from db.queries import PRICE_TABLE_SQL
from ingest.cli import cli
from ingest.export import COLUMNS, connect_readonly, price_rows, read_prices_csv, row_dicts
from schemas.prices import JSON_FIELDS, PriceRow, price_schema, price_schema_json
from tests.datasette_helpers import make_ds
from tests.dbfixtures import build_sample_db

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schemas" / "prices.schema.json"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("export") / "pingce.db")


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def export(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "prices", "--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def parse(fmt: str, text: str) -> list[dict[str, Any]]:
    if fmt == "json":
        return json.loads(text)
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines() if line]
    return read_prices_csv(text)


def test_committed_schema_equals_generated() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == price_schema_json()


def test_schema_command_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(cli, ["schema", "prices"])
    assert result.exit_code == 0
    assert result.output == SCHEMA_FILE.read_text(encoding="utf-8")
    assert json.loads(result.output)["required"] == list(COLUMNS)


def test_sql_columns_are_the_pricerow_fields(sample_db: Path) -> None:
    conn = connect_readonly(sample_db)
    cur = conn.execute(PRICE_TABLE_SQL, {"model": "", "since": ""})
    assert tuple(d[0] for d in cur.description) == COLUMNS == tuple(PriceRow.model_fields)
    assert set(JSON_FIELDS) <= set(COLUMNS)


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_every_format_validates_against_the_schema(
    sample_db: Path, fmt: str, validator: jsonschema.protocols.Validator
) -> None:
    items = parse(fmt, export(sample_db, "--format", fmt))
    assert len(items) == 6
    for item in items:
        validator.validate(item)
        assert list(item) == list(COLUMNS)


def test_formats_carry_the_same_rows(sample_db: Path) -> None:
    parsed = {fmt: parse(fmt, export(sample_db, "--format", fmt)) for fmt in ("csv", "json", "jsonl")}
    assert parsed["csv"] == parsed["json"] == parsed["jsonl"]
    hq = next(r for r in parsed["json"] if r["model"] == "Kling 2.1" and r["tier"] == "high-quality")
    assert hq["conflict"] is True and hq["alternatives"][0]["price_label"] == "40 灵感值"
    assert hq["cny_per_second"] == 0.7 and hq["credit_unit"] == "灵感值"


def test_export_equals_datasette_json_api(sample_db: Path) -> None:
    """One SQL for both: the API with _json= decoding gives exactly the exported JSON (plus next_page)."""
    ds = make_ds(sample_db)
    params = "&".join(f"_json={c}" for c in JSON_FIELDS)

    async def get() -> Any:
        return (await ds.client.get(f"/{sample_db.stem}/price_table.json?_shape=array&{params}")).json()

    api = asyncio.run(get())
    assert all(r.pop("next_page") is None for r in api)  # the page's cursor, empty without ``page``
    assert api == json.loads(export(sample_db, "--format", "json"))


def test_model_and_since_filters(sample_db: Path) -> None:
    veo = parse("json", export(sample_db, "--format", "json", "--model", "Veo 3"))
    assert [(r["model"], r["price_usd"], r["document_urls"]) for r in veo] == [("Veo 3", 4.0, [])]
    recent = parse("json", export(sample_db, "--format", "json", "--since", "2025-06-05"))
    hq = next(r for r in recent if r["model"] == "Kling 2.1")
    assert (hq["credits"], hq["conflict"], hq["alternatives"]) == (40.0, False, [])
    # a naive date is Beijing time: 2025-06-10 20:00+08:00 is kept by 2025-06-10T20:00 but not 20:01
    assert any(
        r["credits"] == 40.0
        for r in parse("json", export(sample_db, "--format", "json", "--since", "2025-06-10T20:00"))
    )
    later = parse("json", export(sample_db, "--format", "json", "--since", "2025-06-10T20:01"))
    assert all(r["model"] != "Kling 2.1" for r in later)


def test_output_file_and_errors(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "prices.csv"
    result = CliRunner().invoke(cli, ["export", "prices", "--db", str(sample_db), "-o", str(out)])
    assert result.exit_code == 0 and "6 price rows" in result.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)
    missing = CliRunner().invoke(cli, ["export", "prices", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and "no database" in missing.output
    bad = CliRunner().invoke(cli, ["export", "prices", "--db", str(sample_db), "--since", "last week"])
    assert bad.exit_code == 2 and "ISO date" in bad.output


def test_empty_database_exports_only_a_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    open_db(path).conn.close()
    assert export(path, "--format", "csv") == ",".join(COLUMNS) + "\n"
    assert json.loads(export(path, "--format", "json")) == []
    assert export(path, "--format", "jsonl") == ""


def test_export_never_writes(sample_db: Path) -> None:
    conn = connect_readonly(sample_db)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("delete from claims")
    assert len(price_rows(conn, model="Kling 2.1")) == 2
    assert row_dicts(price_rows(conn, model="nobody")) == []


def test_schema_describes_every_field() -> None:
    schema = price_schema()
    assert all(prop.get("description") for prop in schema["properties"].values())
    assert schema["$id"] == "urn:pingce:schema:prices"


def test_export_brings_an_older_database_up_to_date(tmp_path: Path) -> None:
    """A file written before the price tables existed is migrated once, then read."""
    path = build_sample_db(tmp_path / "old.db")
    expected = export(path, "--format", "json")
    conn = sqlite3.connect(path)
    for (name,) in conn.execute(
        "select name from sqlite_master where type = 'trigger' and name like 'price%'"
    ).fetchall():
        conn.execute(f"drop trigger {name}")
    for table in ("price_point_documents", "price_point_sources", "price_point_lists"):
        conn.execute(f"drop table {table}")
    conn.execute("delete from _sqlite_migrations where name = 'm006_price_points'")
    conn.commit()
    conn.close()
    assert export(path, "--format", "json") == expected
    applied = sqlite3.connect(path).execute(
        "select count(*) from _sqlite_migrations where name = 'm006_price_points'"
    )
    assert applied.fetchone() == (1,)
