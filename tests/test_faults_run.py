"""A hostile world in one run: every fault at once, nothing lost, every failure recorded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import open_db
from ingest.pipeline import run_sources
from tests.replay import (
    FIXTURES,
    ReplayServer,
    Reply,
    make_config,
    run_errors,
)

pytestmark = pytest.mark.usefixtures("no_internet")

ARTICLE = "wechat/article_vidu.html"
# path -> (replies, what its error says, or None when it must end up stored)
# Failures alternate with successes: three unreachable URLs in a row make a source give up
# on the rest of its list until the next run (tested in test_fetch_wechat.py).
ARTICLES: dict[str, tuple[list[Reply], str | None]] = {
    "/s/burst": ([Reply(503), Reply(502), Reply(body_file=ARTICLE)], None),
    "/s/slow": ([Reply(body_file=ARTICLE, delay=0.6)], "timed out"),
    "/s/reset": ([Reply(fault="reset"), Reply(body_file="wechat/article_kling.html")], None),
    "/s/cut": ([Reply(body_file=ARTICLE, fault="truncate")], "connection broken"),
    "/s/gbk": ([Reply(body_file="wechat/article_gbk.html", content_type="text/html; charset=GBK")], None),
    "/s/loop": ([Reply(302, headers={"Location": "/s/loop"})], "redirect loop"),
    "/s/wrongtype": (
        [Reply(body_file="wechat/article_jimeng.html", content_type="application/octet-stream")],
        None,
    ),
    "/s/teapot": ([Reply(418, "no", content_type="text/plain")], "HTTP 418"),
}


def _world(server: ReplayServer) -> list[dict[str, object]]:
    for path, (replies, _) in ARTICLES.items():
        server.add(path, *replies)
    server.add("/api/container/getIndex", Reply(body_file="weibo/captcha.json"))
    server.add("/blocked/api/container/getIndex", Reply(432, "", content_type="text/html"))
    urls = [f"https://mp.weixin.qq.com{p}" for p in ARTICLES]
    return [
        {"name": "wx", "type": "wechat_article", "urls": urls, "base_url": server.base_url},
        {"name": "captcha", "type": "weibo_user", "uid": "1234567890", "base_url": server.base_url},
        {"name": "blocked", "type": "weibo_user", "uid": "1234567891", "base_url": server.url("/blocked")},
    ]


def test_every_fault_at_once(tmp_path: Path, replay: ReplayServer) -> None:
    db = open_db(tmp_path / "p.db")
    config = make_config(_world(replay), timeout_s=0.3, retries=2, block_backoff_s=0)
    summary = run_sources(db, config, "hostile")
    assert summary.exit_code == 1
    assert sorted(summary.failed_sources) == ["blocked", "captcha", "wx"]

    stored = {r["url"] for r in db.query("select url from documents")}
    want_stored = {f"https://mp.weixin.qq.com{p}" for p, (_, err) in ARTICLES.items() if err is None}
    assert stored == want_stored, "every page that could be fetched is stored, and only those"
    assert db.execute("select count(*) from documents where platform = 'weibo'").fetchone()[0] == 0

    errors = run_errors(db, summary.run_id)
    by_origin = {e["origin"]: e["error"] for e in errors if e["source"] == "wx"}
    for path, (_, err) in ARTICLES.items():
        url = f"https://mp.weixin.qq.com{path}"
        if err is None:
            assert url not in by_origin
        else:
            assert err in by_origin[url], (url, by_origin.get(url))
    sources_with_errors = {e["source"] for e in errors}
    assert sources_with_errors == {"wx", "captcha", "blocked"}
    assert all("\n" not in e["error"] for e in errors)

    # Once the faults stop, a second run fetches only what failed, and nothing is stored twice.
    failed = [p for p, (_, err) in ARTICLES.items() if err is not None]
    page = (FIXTURES / ARTICLE).read_text(encoding="utf-8")
    for n, path in enumerate(failed):
        replay.add(
            path, Reply(body=page.replace('"2650000003"', f'"26599999{n:02d}"'), content_type="text/html")
        )
    replay.clear_log()
    second = run_sources(db, config, "calm")
    assert "wx" not in second.failed_sources, second.errors
    assert sorted(r.path for r in replay.requests if r.path.startswith("/s/")) == sorted(failed)
    rows = db.execute("select url, count(*) from documents group by url").fetchall()
    assert {u for u, _ in rows} == {f"https://mp.weixin.qq.com{p}" for p in ARTICLES}
    assert all(n == 1 for _, n in rows)
