"""Model and since filters read alike on the web (through datasette.client) and on the CLI; evidence links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from ingest.cli import cli
from tests.datasette_helpers import fetch, make_ds
from tests.dbfixtures import build_sample_db


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("filters") / "pingce.db")


@pytest.fixture(scope="module")
def ds(sample: Path) -> Datasette:
    return make_ds(sample)


def rows(ds: Datasette, path: str) -> list[dict[str, Any]]:
    sep = "&" if "?" in path else "?"
    resp = fetch(ds, f"{path}{sep}_shape=array")
    assert resp.status_code == 200, (path, resp.status_code, resp.text[:300])
    data: list[dict[str, Any]] = resp.json()
    return data


@pytest.mark.parametrize("name", ["Kling+2.1", "kling+2.1", "KLING2.1", "可灵2.1"])
def test_price_table_model_in_any_case_or_alias(ds: Datasette, name: str) -> None:
    got = rows(ds, f"/pingce/price_table.json?model={name}")
    assert got and {r["model"] for r in got} == {"Kling 2.1"}


def test_bare_brand_means_all_its_models(ds: Datasette) -> None:
    models = {r["model"] for r in rows(ds, "/pingce/price_table.json?model=kling")}
    assert models == {"Kling 2.1", "Kling 2.1 Master"}
    bugs = {r["model"] for r in rows(ds, "/pingce/model_bugs_strengths.json?model=Kling")}
    assert bugs == {"Kling 2.1", "Kling 2.1 Master"}


def test_registry_spellings_redirect_to_the_canonical_name(ds: Datasette) -> None:
    resp = fetch(ds, "/pingce/price_history?model=可靈2.1大師版&since=2025-01-01")
    assert resp.status_code == 302
    assert resp.headers["location"] == "/pingce/price_history?model=Kling+2.1+Master&since=2025-01-01"


@pytest.mark.parametrize(
    "path",
    [
        "/pingce/price_table",
        "/pingce/price_history",
        "/pingce/price_conflicts",
        "/pingce/model_bugs_strengths",
    ],
)
def test_a_model_that_names_nothing_is_said_so_on_every_query(ds: Datasette, path: str) -> None:
    resp = fetch(ds, f"{path}.json?model=Klnig+2.1")
    assert resp.status_code == 400
    assert (
        resp.json()["error"]
        == "model: 'Klnig 2.1' matches no model; did you mean 'Kling 2.1', 'Kling 2.1 Master'?"
    )
    page = fetch(ds, f"{path}?model=Klnig+2.1")
    assert page.status_code == 400 and "matches no model" in page.text
    assert f'href="{path}?model=Kling+2.1"' in page.text  # the suggestion is one click away


def test_compare_models_resolves_both_sides(ds: Datasette) -> None:
    got = rows(ds, "/pingce/compare_models.json?model_a=kling+2.1&model_b=海螺02")
    assert (
        got and {r["model_a"] for r in got} == {"Kling 2.1"} and {r["model_b"] for r in got} == {"Hailuo 02"}
    )
    assert fetch(ds, "/pingce/compare_models.json?model_a=Kling+2.1&model_b=nobody").status_code == 400


@pytest.mark.parametrize("since", ["garbage", "2025-13-01", "05/01/2025"])
def test_since_that_is_no_date_is_refused_as_on_the_cli(ds: Datasette, sample: Path, since: str) -> None:
    resp = fetch(ds, f"/pingce/price_table.json?since={since}")
    assert resp.status_code == 400 and resp.json()["error"].startswith(f"since: '{since}' is not")
    result = CliRunner().invoke(cli, ["export", "prices", "--db", str(sample), "--since", since])
    assert result.exit_code == 2 and f"'{since}' is not" in result.output


def test_a_good_since_still_filters(ds: Datasette) -> None:
    assert len(rows(ds, "/pingce/price_table.json?since=2025-06-01")) < len(
        rows(ds, "/pingce/price_table.json")
    )


def test_cli_model_filter_matches_the_web(sample: Path, ds: Datasette) -> None:
    runner = CliRunner()
    for name in ("可灵2.1", "kling 2.1", "Kling"):
        result = runner.invoke(
            cli, ["export", "prices", "--db", str(sample), "--format", "jsonl", "--model", name]
        )
        assert result.exit_code == 0, result.output
        web = rows(ds, f"/pingce/price_table.json?model={name}")
        assert len(result.output.splitlines()) == len(web) > 0
    bad = runner.invoke(cli, ["export", "prices", "--db", str(sample), "--model", "Klnig 2.1"])
    assert bad.exit_code == 2 and "matches no model; did you mean 'Kling 2.1'" in bad.output


def test_pages_needing_a_model_offer_a_pick_list(ds: Datasette) -> None:
    for path in ("/pingce/model_bugs_strengths", "/pingce/compare_models", "/pingce/price_table"):
        page = fetch(ds, path).text
        assert "pingce-model-pick" in page and '"Hailuo 02"' in page and '"Kling 2.1 Master"' in page


def test_price_rows_link_evidence_history_and_conflicts(ds: Datasette) -> None:
    page = fetch(ds, "/pingce/price_table?model=Kling+2.1").text
    assert 'href="/pingce/documents/weibo~3A5170000000001"' in page and ">doc 1</a>" in page
    assert 'href="https://weibo.com/1000000001/PaAbCdEf1"' in page  # document_urls as links
    assert 'href="/pingce/price_history?model=Kling%202.1">[history]</a>' in page
    assert 'href="/pingce/price_conflicts?model=Kling%202.1">true: see conflicts</a>' in page
    table = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert "[&#34;" not in table and '["' not in table  # no raw JSON lists left in the table


# ---------------------------------------------------------------- the tables' own search box
@pytest.mark.parametrize(
    ("table", "word"), [("claims", "手指"), ("documents", "手指"), ("documents", "转身")]
)
def test_table_search_finds_two_character_words_as_the_search_query_does(
    ds: Datasette, table: str, word: str
) -> None:
    got = rows(ds, f"/pingce/{table}.json?_search={word}")
    assert got, (table, word)
    text = ("quote", "model") if table == "claims" else ("title", "text", "summary")
    assert all(any(word in (r[c] or "") for c in text) for r in got)
    searched = rows(ds, f"/pingce/search.json?q={word}")
    hits = {r["claim_id"] if table == "claims" else r["document_id"] for r in searched}
    hits.discard(None)
    kind = "claim" if table == "claims" else "document"
    assert (
        {r["id"] for r in got}
        == {r["claim_id"] if kind == "claim" else r["document_id"] for r in searched if r["hit"] == kind}
        <= hits | {r["id"] for r in got}
    )
    page = fetch(ds, f"/pingce/{table}?_search={word}").text
    assert f"matching &#34;{word}&#34;" in page


def test_longer_table_searches_still_use_datasettes_own(ds: Datasette) -> None:
    got = rows(ds, "/pingce/claims.json?_search=手指抽搐")
    assert [r["quote"] for r in got] == ["手指抽搐的问题仍然存在"]
