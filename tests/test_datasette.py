"""Datasette over the invented database: metadata, canned queries, evidence links, charts, read-only."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from datasette.app import Datasette
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.web.serve import build_metadata, load_template
from schemas.prices import JSON_FIELDS
from tests.datasette_helpers import CANNED, fetch, make_ds
from tests.dbfixtures import build_sample_db

DB = "sample"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("ds") / f"{DB}.db")


def rows(ds: Datasette, path: str) -> list[dict[str, Any]]:
    sep = "&" if "?" in path else "?"
    resp = fetch(ds, f"{path}{sep}_shape=array")
    assert resp.status_code == 200, resp.text[:500]
    return resp.json()


@pytest.fixture(scope="module")
def ds(sample_db: Path) -> Datasette:
    return make_ds(sample_db)


# ---------------------------------------------------------------- metadata
def test_metadata_is_keyed_by_the_served_database_name() -> None:
    meta = build_metadata("reviews_2025")
    assert list(meta["databases"]) == ["reviews_2025"]
    block = meta["databases"]["reviews_2025"]
    assert set(CANNED) <= set(block["queries"])
    assert "/reviews_2025/price_table" in block["description_html"]
    assert "{db_url}" not in json.dumps(meta)


def test_every_visible_table_and_column_is_described(sample_db: Path) -> None:
    tables = load_template()["databases"]["pingce"]["tables"]
    conn = sqlite3.connect(sample_db)
    names = [
        r[0]
        for r in conn.execute(
            "select name from sqlite_master where type in ('table', 'view') "
            "and name not like '%\\_fts\\_%' escape '\\' and name not like 'sqlite\\_%' escape '\\'"
        )
    ]
    for name in names:
        assert name in tables, f"{name} has no metadata"
        meta = tables[name]
        if meta.get("hidden"):
            continue
        assert meta.get("description"), name
        columns = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
        missing = [c for c in columns if c not in (meta.get("columns") or {})]
        assert not missing, f"{name}: undescribed columns {missing}"


def test_column_descriptions_fit_the_served_file(sample_db: Path) -> None:
    tables = build_metadata(DB, sample_db)["databases"][DB]["tables"]
    conn = sqlite3.connect(sample_db)
    for view in ("claim_evidence", "bugs", "prices", "speeds"):
        columns = [r[1] for r in conn.execute(f"pragma table_info([{view}])")]
        assert list(tables[view]["columns"]) == columns
    assert "cny_per_second" not in tables["bugs"]["columns"]


def test_internal_tables_are_hidden(ds: Datasette) -> None:
    info = fetch(ds, f"/{DB}.json").json()
    hidden = {t["name"] for t in info["tables"] if t["hidden"]}
    assert {
        "raw",
        "http_cache",
        "source_state",
        "_sqlite_migrations",
        "documents_fts",
        "claims_fts",
    } <= hidden
    assert {"claims", "documents", "models"}.isdisjoint(hidden)
    page = fetch(ds, f"/{DB}").text
    assert "/price_table" in page and "/-/charts" in page


@pytest.mark.parametrize(
    "table",
    [
        "claims",
        "documents",
        "models",
        "sources",
        "runs",
        "run_errors",
        "prices",
        "bugs",
        "strengths",
        "abilities",
        "speeds",
        "claim_evidence",
    ],
)
def test_every_table_page_renders_with_its_facets(ds: Datasette, table: str) -> None:
    assert fetch(ds, f"/{DB}/{table}").status_code == 200
    data = fetch(ds, f"/{DB}/{table}.json").json()
    configured = build_metadata(DB)["databases"][DB]["tables"][table].get("facets", [])
    names = {c if isinstance(c, str) else next(iter(c.values())) for c in configured}
    assert names and names <= set(data["facet_results"]), data["facet_results"].keys()


def test_claims_facets_count_kinds(ds: Datasette) -> None:
    data = fetch(ds, f"/{DB}/claims.json").json()
    kinds = {r["value"]: r["count"] for r in data["facet_results"]["kind"]["results"]}
    assert kinds == {"price": 10, "bug": 2, "strength": 3}
    assert {r["value"] for r in data["facet_results"]["model"]["results"]} >= {"Kling 2.1"}
    # the other facets are off by default (cost at scale) and a click away
    data = fetch(ds, f"/{DB}/claims.json?_facet=section").json()
    sections = {r["value"] for r in data["facet_results"]["section"]["results"]}
    assert sections == {"body", "summary"}


def _facet(ds: Datasette, path: str, name: str) -> dict[Any, int]:
    data = fetch(ds, path).json()
    return {r["value"]: r["count"] for r in data["facet_results"][name]["results"]}


def test_kept_facet_counts_equal_datasettes_own(ds: Datasette) -> None:
    for path in (f"/{DB}/claims.json", f"/{DB}/claims.json?model=Kling+2.1", f"/{DB}/bugs.json"):
        kept = _facet(ds, path, "model")
        assert kept, path
        sep = "&" if "?" in path else "?"
        assert _facet(ds, f"{path}{sep}_facet=model", "model_2") == kept, path


def test_kept_facet_counts_follow_a_write_to_a_served_file(tmp_path: Path) -> None:
    path = build_sample_db(tmp_path / f"{DB}.db")
    served = make_ds(path, immutable=False)
    before = _facet(served, f"/{DB}/claims.json", "kind")
    assert _facet(served, f"/{DB}/claims.json", "kind") == before  # kept
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            """insert into claims (id, document_id, kind, model, quote, section, start, "end",
                 confidence, method) select 'new1', document_id, 'speed', model, 'quick', 'body', 0, 5,
                 0.5, 'x' from claims limit 1"""
        )
    conn.close()
    assert _facet(served, f"/{DB}/claims.json", "kind") == {**before, "speed": before.get("speed", 0) + 1}


# ---------------------------------------------------------------- canned queries
def test_price_table_applies_the_consensus_rule(ds: Datasette) -> None:
    table = rows(ds, f"/{DB}/price_table.json")
    by_key = {(r["model"], r["tier"], r["resolution"], r["duration_s"]): r for r in table}
    hq = by_key[("Kling 2.1", "high-quality", "1080p", 5.0)]
    assert (hq["credits"], hq["credit_unit"], hq["price_cny"]) == (35.0, "灵感值", 3.5)
    assert hq["cny_per_second"] == 0.7 and hq["credits_per_second"] == 7.0
    assert (hq["supporting_documents"], hq["supporting_sources"], hq["total_documents"]) == (2, 2, 3)
    assert hq["conflict"] == "true"
    assert [a["credits"] for a in json.loads(hq["alternatives"])] == [40.0]
    assert hq["newest_observed_at"] == "2025-06-02T01:30:00Z"
    # a one-to-one tie goes to the newest document
    veo = by_key[("Veo 3", None, "1080p", 8.0)]
    assert veo["price_usd"] == 4.0 and veo["conflict"] == "true" and veo["document_urls"] == "[]"
    # the clipper's summary says 15 灵感值: it must not count
    std = by_key[("Kling 2.1", "standard", "720p", 5.0)]
    assert std["credits"] == 20.0 and std["total_documents"] == 1 and std["conflict"] == "false"
    assert len(table) == 6


def test_price_table_json_columns_decode_with_underscore_json(ds: Datasette) -> None:
    params = "&".join(f"_json={c}" for c in JSON_FIELDS)
    table = rows(ds, f"/{DB}/price_table.json?model=Kling+2.1&{params}")
    assert {r["model"] for r in table} == {"Kling 2.1"}
    hq = next(r for r in table if r["tier"] == "high-quality")
    assert hq["conflict"] is True
    assert hq["document_urls"] == [
        "https://mp.weixin.qq.com/s/Kling21Review",
        "https://weibo.com/1000000001/PaAbCdEf1",
    ]


def test_price_table_since_keeps_only_newer_evidence(ds: Datasette) -> None:
    table = rows(ds, f"/{DB}/price_table.json?since=2025-06-05")
    hq = next(r for r in table if r["model"] == "Kling 2.1")
    assert hq["credits"] == 40.0 and hq["conflict"] == "false"
    assert {r["model"] for r in table} == {"Kling 2.1", "Kling 2.1 Master", "Seedance 2.0", "Veo 3"}


def test_price_history_lists_body_observations_newest_first(ds: Datasette) -> None:
    history = rows(ds, f"/{DB}/price_history.json?model=Kling+2.1")
    assert [r["credits"] for r in history] == [40.0, 35.0, 35.0, 20.0]
    assert all("15" not in r["price_label"] for r in history)
    assert history[0]["document_url"] == "https://mp.weixin.qq.com/s/Kling21Master"


def test_price_conflicts_lists_each_disagreeing_price(ds: Datasette) -> None:
    conflicts = rows(ds, f"/{DB}/price_conflicts.json")
    assert [(r["model"], r["price_label"], r["in_price_table"]) for r in conflicts] == [
        ("Kling 2.1", "35 灵感值", "shown"),
        ("Kling 2.1", "40 灵感值", "alternative"),
        ("Veo 3", "USD 4", "shown"),
        ("Veo 3", "USD 6", "alternative"),
    ]


def test_model_bugs_strengths_with_context(ds: Datasette) -> None:
    found = rows(ds, f"/{DB}/model_bugs_strengths.json?model=Kling+2.1")
    assert [(r["kind"], r["quote"]) for r in found] == [
        ("bug", "手指抽搐的问题仍然存在"),
        ("strength", "运镜非常流畅"),
    ]
    assert found[0]["context_after"] == "，人物转身时很明显。"
    assert found[0]["context_before"].endswith("但是") and len(found[0]["context_before"]) == 60


def test_compare_models_side_by_side(ds: Datasette) -> None:
    found = {
        r["kind"]: r for r in rows(ds, f"/{DB}/compare_models.json?model_a=Kling+2.1&model_b=Seedance+2.0")
    }
    assert set(found) == {"bug", "price", "strength"}
    assert (found["price"]["a_claims"], found["price"]["a_documents"], found["price"]["b_claims"]) == (
        4,
        3,
        1,
    )
    assert found["bug"]["b_examples"] == "杯子有时凭空出现在桌上"
    assert found["strength"]["b_claims"] is None


@pytest.mark.parametrize(
    ("q", "claims", "documents"),
    [
        ("手指", 1, 1),  # two characters: LIKE fallback
        ("凭空", 1, 1),
        ("灵", 6, 4),  # one character
        ("运镜非常", 1, 1),  # trigram FTS
        ("kling", 9, 0),  # FTS is case-insensitive; matches the model column too
        ("", 0, 0),
        ("100%", 0, 0),
        ('"引号', 0, 0),
    ],
)
def test_search_works_for_short_chinese_queries(ds: Datasette, q: str, claims: int, documents: int) -> None:
    found = rows(ds, f"/{DB}/search.json?" + httpx.QueryParams({"q": q}).__str__())
    assert sum(r["hit"] == "claim" for r in found) == claims, found
    assert sum(r["hit"] == "document" for r in found) == documents, found


def test_search_snippet_shows_the_match(ds: Datasette) -> None:
    doc = next(r for r in rows(ds, f"/{DB}/search.json?q=%E6%89%8B%E6%8C%87") if r["hit"] == "document")
    assert "手指" in doc["snippet"] and doc["document_url"].startswith("https://weibo.com/")


@pytest.mark.parametrize("name", sorted(CANNED))
def test_every_canned_query_page_renders(ds: Datasette, name: str) -> None:
    resp = fetch(ds, f"/{DB}/{name}?model=Kling+2.1&model_a=Kling+2.1&model_b=Veo+3&q=%E6%89%8B%E6%8C%87")
    assert resp.status_code == 200
    assert CANNED[name]["title"] in resp.text


# ---------------------------------------------------------------- evidence and links
def test_claim_evidence_shows_the_quote_in_context(ds: Datasette) -> None:
    found = rows(ds, f"/{DB}/claim_evidence.json?model=Seedance+2.0&kind=bug")
    assert len(found) == 1
    row = found[0]
    assert row["in_context"] == "Seedance 2.0 的1080p 5秒视频售价3.6元。【杯子有时凭空出现在桌上】。"
    assert (
        row["located"] == "offsets" and row["document_url"] == "https://www.xiaohongshu.com/explore/seedance2"
    )
    summary = rows(ds, f"/{DB}/claim_evidence.json?section=summary")[0]
    assert summary["context_before"] == "AI 摘要：作者认为"
    html = fetch(ds, f"/{DB}/claim_evidence?claim_id={row['claim_id']}").text
    assert '<mark class="evidence">杯子有时凭空出现在桌上</mark>' in html
    assert f'href="/{DB}/claims/{row["claim_id"]}"' in html
    assert f'href="/{DB}/documents/clip~3Aclip-0004"' in html


def test_claims_link_to_document_and_evidence(ds: Datasette) -> None:
    html = fetch(ds, f"/{DB}/claims?kind=bug&model=Kling+2.1").text
    assert f'href="/{DB}/documents/weibo~3A5170000000001"' in html
    assert f'href="/{DB}/claim_evidence?claim_id=' in html and "[in context]" in html


def test_documents_link_to_their_originals(ds: Datasette) -> None:
    html = fetch(ds, f"/{DB}/documents").text
    assert 'href="https://mp.weixin.qq.com/s/Kling21Master" rel="noopener noreferrer" target="_blank"' in html
    query = fetch(ds, f"/{DB}/price_history?model=Veo+3").text
    assert 'href="https://weibo.com/1000000002/PaVeo3Old" rel="noopener noreferrer"' in query
    assert f'href="/{DB}/documents/weibo~3A5170000000005"' in query


# ---------------------------------------------------------------- the plugin package
def test_plugin_comes_in_through_its_entry_point_with_templates_and_static() -> None:
    """A plain `datasette pingce.db` loads it: registered once, as a package with real files."""
    from datasette.plugins import get_plugins

    ours = [p for p in get_plugins() if p["name"] == "pingce"]
    assert len(ours) == 1, [p["name"] for p in get_plugins()]
    assert Path(ours[0]["templates_path"], "pingce_charts.html").is_file()
    assert Path(ours[0]["static_path"], "fold-descriptions.js").is_file()


def test_table_pages_load_the_script_that_folds_column_descriptions(ds: Datasette) -> None:
    page = fetch(ds, f"/{DB}/claims").text
    src = "/-/static-plugins/pingce/fold-descriptions.js"
    assert f'type="module" src="{src}"' in page
    script = fetch(ds, src)
    assert script.status_code == 200 and "dl.column-descriptions" in script.text
    assert src not in fetch(ds, f"/{DB}").text  # table pages only


# ---------------------------------------------------------------- charts
def test_charts_page_renders_svg_offline(ds: Datasette) -> None:
    resp = fetch(ds, f"/{DB}/-/charts")
    assert resp.status_code == 200
    assert resp.text.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2
    assert "Kling 2.1 Master" in resp.text and "Seedance 2.0" in resp.text
    spec = fetch(ds, f"/{DB}/-/charts/price_per_second.json").json()
    assert spec["$schema"].endswith("vega-lite/v5.json")
    assert {v["model"] for v in spec["data"]["values"]} == {
        "Hailuo 02",
        "Kling 2.1",
        "Kling 2.1 Master",
        "Seedance 2.0",
    }
    svg = fetch(ds, f"/{DB}/-/charts/claims_over_time.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml") and svg.text.startswith("<svg")
    assert fetch(ds, "/nosuchdb/-/charts").status_code == 404
    assert fetch(ds, f"/{DB}/-/charts/nosuch.svg").status_code == 404


def test_a_chart_is_drawn_once_per_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ds: Datasette
) -> None:
    from ingest.web import charts

    monkeypatch.setattr(charts.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(charts, "_drawn", {})
    drawn: list[dict[str, object]] = []
    real = charts.render_svg

    def counting(spec: dict[str, object]) -> str | None:
        drawn.append(spec)
        return real(spec)

    monkeypatch.setattr(charts, "render_svg", counting)
    first = fetch(ds, f"/{DB}/-/charts").text
    assert len(drawn) == 2 and len(list(charts.svg_cache_dir().glob("*.svg"))) == 2
    assert fetch(ds, f"/{DB}/-/charts").text == first and len(drawn) == 2  # kept in memory
    charts._drawn.clear()
    assert fetch(ds, f"/{DB}/-/charts").text == first and len(drawn) == 2  # and on disk
    spec = charts.claims_over_time_spec([{"month": "2025-01", "kind": "bug", "claims": 1, "documents": 1}])
    assert charts.cached_svg(spec) is not None and len(drawn) == 3  # other data: drawn anew


# ---------------------------------------------------------------- read-only
WRITE_QUERY = {"sql": "insert into models (name) values (:name)", "write": True}


def _with_write_query(path: Path) -> dict[str, Any]:
    meta = build_metadata(path.stem, path)
    meta["databases"][path.stem]["queries"]["add_model"] = WRITE_QUERY
    return meta


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_immutable_server_refuses_writes(sample_db: Path) -> None:
    before = _digest(sample_db)
    ds = make_ds(sample_db, metadata=_with_write_query(sample_db))
    for sql in [
        "insert into models (name) values ('x')",
        "delete from claims",
        "select 1; delete from claims",
        "update documents set title = 'x'",
        "drop table claims",
    ]:
        resp = fetch(ds, f"/{DB}.json?" + str(httpx.QueryParams({"sql": sql})))
        assert resp.status_code == 400, (sql, resp.text)
    resp = fetch(
        ds, f"/{DB}/add_model", method="post", data={"name": "Evil"}, headers={"Accept": "application/json"}
    )
    assert resp.status_code == 403 and "Database is immutable" in resp.text
    assert fetch(ds, f"/{DB}.json?sql=select+count(*)+as+n+from+models+where+name='Evil'").json()["rows"] == [
        [0]
    ]
    assert _digest(sample_db) == before


def test_the_same_write_works_only_when_writable(tmp_path: Path) -> None:
    path = build_sample_db(tmp_path / f"{DB}.db")
    ds = make_ds(path, immutable=False, metadata=_with_write_query(path))
    resp = fetch(
        ds, f"/{DB}/add_model", method="post", data={"name": "Evil"}, headers={"Accept": "application/json"}
    )
    assert resp.json().get("ok") is True, resp.text
    assert sqlite3.connect(path).execute("select count(*) from models where name = 'Evil'").fetchone() == (1,)


@settings(max_examples=300, deadline=None)
@example(items=["", ","], n=1, compact=False)  # a comma as an item makes "," with its own quotes
@example(items=[",", "x"], n=1, compact=True)
@given(
    items=st.lists(st.one_of(st.text(max_size=6), st.sampled_from(['","', "\\", '"', "a,b", ","]))),
    n=st.integers(0, 12),
    compact=st.booleans(),
)
def test_first_items_of_an_evidence_list_equal_decoding_it_whole(
    items: list[str], n: int, compact: bool
) -> None:
    """As SQLite writes the lists ("," between items) or with spaces, escapes or quotes inside."""
    from ingest.web import first_items

    value = json.dumps(items, ensure_ascii=False, separators=(",", ":") if compact else None)
    assert first_items(value, n) == (items[:n], len(items))


def test_a_long_evidence_list_shows_ten_links_and_counts_the_rest(ds: Datasette) -> None:
    from ingest.web import EVIDENCE_LINKS, render_cell

    ids = json.dumps([f"weibo:{i}" for i in range(25)])
    cell = str(render_cell(None, ids, "document_ids", None, DB, ds))
    assert cell.count("<a ") == EVIDENCE_LINKS == 10 and cell.endswith("and 15 more")
    assert 'href="/sample/documents/weibo~3A9"' in cell and "weibo~3A10" not in cell
    short = str(render_cell(None, json.dumps(["weibo:1", "weibo:2"]), "document_ids", None, DB, ds))
    assert short.count("<a ") == 2 and "more" not in short
