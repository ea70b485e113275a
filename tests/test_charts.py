"""The chart pages: price per second across vendors in CNY and USD, legible with many rows, whole labels."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from datasette.version import __version__ as datasette_version

from ingest.web.charts import TOP_KINDS, TOP_PRICES, claims_over_time_spec, price_per_second_spec, render_svg
from ingest.web.serve import build_metadata
from tests.datasette_helpers import fetch, make_ds
from tests.dbfixtures import build_sample_db

LONG = "Hailuo 02 Director Edition Extended Ultra Long Model Name 海螺导演版超长名字"


def _row(i: int, **over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "model": f"Model {i}",
        "vendor": "Vendor",
        "tier": None,
        "resolution": None,
        "duration_s": None,
        "cny_per_second": 0.1 * (i + 1),
        "usd_per_second": 0.1 * (i + 1) / 7.2,
        "supporting_documents": 1,
        "price_label": "CNY 1",
        "per_second_basis": "CNY stated",
        "conflict": "false",
        "fx_usd_cny": 7.2,
        "fx_date": "2025-06-01",
    }
    row.update(over)
    return row


def test_missing_fields_are_left_out_of_labels() -> None:
    rows = [
        _row(0, tier="master", resolution="1080p", duration_s=5),
        _row(1, duration_s=10),
        _row(2, vendor=None),
    ]
    values = price_per_second_spec(rows)["data"]["values"]
    assert [v["label"] for v in values] == ["Model 0 · master · 1080p · 5 s", "Model 1 · 10 s", "Model 2"]
    assert values[2]["vendor"] == "vendor not stated"
    assert not any("—" in v["label"] or "?" in v["label"] for v in values)


def test_both_currencies_at_the_exchange_rate_shown() -> None:
    spec = price_per_second_spec([_row(0), _row(1, cny_per_second=None, usd_per_second=0.05)])
    axes = {layer["encoding"]["x"].get("title") for layer in spec["layer"]}
    assert {"CNY per second", "USD per second"} <= axes
    usd = next(layer for layer in spec["layer"] if layer["encoding"]["x"].get("title") == "USD per second")
    cny = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert usd["encoding"]["x"]["scale"]["domain"] == [0, pytest.approx(cny[1] / 7.2)]  # the same axis in USD
    assert any("7.2 CNY/USD (2025-06-01)" in line for line in spec["title"]["subtitle"])
    assert spec["data"]["values"][0]["amounts"] == "¥0.10 · $0.014"


def test_without_an_exchange_rate_usd_only_prices_are_counted_not_drawn() -> None:
    rows = [_row(0, fx_usd_cny=None, usd_per_second=None), _row(1, cny_per_second=None, fx_usd_cny=None)]
    spec = price_per_second_spec(rows)
    assert [v["model"] for v in spec["data"]["values"]] == ["Model 0"]
    assert len(spec["layer"]) == 2  # no USD axis
    assert any("1 prices stated in USD only" in line for line in spec["title"]["subtitle"])
    assert any("set exchange_rate in sources.yml" in line for line in spec["title"]["subtitle"])


def test_many_prices_are_the_best_supported_and_one_others_bar() -> None:
    rows = [_row(i, supporting_documents=i % 7 + 1) for i in range(1000)]
    values = price_per_second_spec(rows)["data"]["values"]
    assert len(values) == TOP_PRICES + 1
    others = values[-1]
    assert others["label"] == f"others: {1000 - TOP_PRICES} more prices (median)"
    drawn = [v for v in values if v["model"] != "others"]
    assert all(v["documents"] == 7 for v in drawn)  # the best supported first


def test_claims_over_time_keeps_the_common_kinds_and_every_claim() -> None:
    kinds = [f"kind{i}" for i in range(TOP_KINDS + 4)]
    rows: list[dict[str, Any]] = [
        {"month": f"2025-{m:02d}", "kind": k, "claims": 10 * (j + 1), "documents": 1}
        for m in range(1, 13)
        for j, k in enumerate(kinds)
    ]
    values = claims_over_time_spec(rows)["data"]["values"]
    assert {v["kind"] for v in values} == set(kinds[-TOP_KINDS:]) | {"other kinds"}
    assert sum(v["claims"] for v in values) == sum(r["claims"] for r in rows)
    assert len(values) == 12 * (TOP_KINDS + 1)


def test_long_labels_are_drawn_whole() -> None:
    svg = render_svg(price_per_second_spec([_row(0, model=LONG, tier="director", duration_s=6)]))
    if svg is None:
        pytest.skip("vl-convert-python is not installed")
    assert f"{LONG} · director · 6 s" in svg.replace("&amp;", "&")
    assert "…" not in svg


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_sample_db(tmp_path_factory.mktemp("charts") / "pingce.db")
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into exchange_rates (pair, rate, as_of, origin) values ('USD/CNY', 7.1, '2025-06-01', 'x')"
    )
    conn.commit()
    conn.close()
    return path


def test_charts_page_draws_both_currencies_and_shows_the_datasette_version(sample: Path) -> None:
    ds = make_ds(sample)
    page = fetch(ds, "/pingce/-/charts").text
    assert f'title="Datasette v{datasette_version}"' in page
    assert "USD per second" in page and "CNY per second" in page
    assert "7.1 CNY/USD (2025-06-01)" in page
    assert "—" not in page.split("<h1>Charts</h1>", 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize("path", ["/pingce", "/pingce/claims", "/pingce?sql=select+1"])
def test_the_footer_names_the_datasette_version_on_error_pages_too(sample: Path, path: str) -> None:
    meta = build_metadata(sample.stem, sample)
    meta["allow_sql"] = False  # as `pingce serve` runs: arbitrary SQL is an error page (403)
    page = fetch(make_ds(sample, metadata=meta), path).text
    assert 'title="Datasette v"' not in page
    assert f'title="Datasette v{datasette_version}"' in page
