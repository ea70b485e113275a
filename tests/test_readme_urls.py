"""Every URL the README shows works on the demo data, through datasette.client."""

from __future__ import annotations

import pytest
from datasette.app import Datasette

from tests.datasette_helpers import fetch, make_ds
from tests.readme_pages import build_demo_db, readme_http_urls, readme_pages


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Datasette:
    return make_ds(build_demo_db(tmp_path_factory.mktemp("demo") / "pingce.db"))


def test_the_readme_lists_its_pages() -> None:
    pages = readme_pages()
    assert "/pingce/price_table" in pages and "/pingce/-/charts" in pages and len(pages) >= 10
    assert readme_http_urls()


@pytest.mark.parametrize("path", readme_pages())
def test_every_readme_page_shows_rows_on_the_demo_data(demo: Datasette, path: str) -> None:
    page = fetch(demo, path)
    assert page.status_code == 200, (path, page.text[:300])
    if path.split("?")[0].endswith(".atom"):
        import feedparser

        feed = feedparser.parse(page.content)
        assert not feed.bozo and feed.version == "atom10" and feed.entries, path
        return
    if "/-/" in path:
        assert 'class="marks"' in page.text or "<svg" in page.text
        return
    base, _, query = path.partition("?")
    data = fetch(demo, f"{base}.json?{query}&_shape=array" if query else f"{base}.json?_shape=array")
    assert data.status_code == 200 and len(data.json()) > 0, (path, data.text[:300])
    assert '<table class="rows-and-columns">' in page.text


@pytest.mark.parametrize("path", readme_http_urls())
def test_every_readme_http_example_works(demo: Datasette, path: str) -> None:
    resp = fetch(demo, path)
    assert resp.status_code == 200, (path, resp.text[:300])
    if path.split("?")[0].endswith(".atom"):
        import feedparser

        feed = feedparser.parse(resp.content)
        assert not feed.bozo and feed.version == "atom10" and feed.entries, path
    else:
        assert isinstance(resp.json(), list) and resp.json()


def test_compare_link_uses_the_query_parameters(demo: Datasette) -> None:
    compare = next(p for p in readme_pages() if "compare_models" in p)
    rows = fetch(demo, compare.replace("compare_models?", "compare_models.json?_shape=array&")).json()
    assert {r["model_a"] for r in rows} == {"Kling 2.1"} and {r["model_b"] for r in rows} == {"Hailuo 02"}


def test_vendor_facet_exists(demo: Datasette) -> None:
    data = fetch(demo, "/pingce/claims.json?_facet=vendor&_size=0").json()
    vendors = {r["value"] for r in data["facet_results"]["vendor"]["results"]}
    assert "Kuaishou (快手)" in vendors and len(vendors) >= 3, vendors
