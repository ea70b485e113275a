"""wechat_article through the real pipeline: dedupe, statuses, the verification wall, faults, encodings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from ingest.pipeline import RunSummary, run_sources
from tests.replay import (
    FIXTURES,
    ReplayServer,
    Reply,
    make_config,
    run_errors,
)

pytestmark = pytest.mark.usefixtures("no_internet")

BIZ = "MzA5NjE2MzYxMQ=="
KLING = "https://mp.weixin.qq.com/s/kling21"
JIMENG = "https://mp.weixin.qq.com/s/jimeng30"


def articles(server: ReplayServer, urls: list[str], **kw: Any) -> dict[str, Any]:
    return {"name": "wx", "type": "wechat_article", "urls": urls, "base_url": server.base_url, **kw}


def run(db: Database, sources: list[dict[str, Any]], **http: Any) -> RunSummary:
    return run_sources(db, make_config(sources, **http), "test")


def docs(db: Database) -> dict[str, dict[str, Any]]:
    return {r["url"]: r for r in db.query("select * from documents")}


def test_urls_are_normalised_deduplicated_and_fetched_once(
    db: Database, server: ReplayServer, tmp_path: Path
) -> None:
    long_jimeng = (
        f"https://mp.weixin.qq.com/s?__biz={BIZ}&mid=2650000002&idx=1&sn=bbbb2222"
        "&chksm=98f0&scene=27#wechat_redirect"
    )
    url_file = tmp_path / "urls.txt"
    url_file.write_text(
        f"# 关注的文章\n{KLING}?scene=21#wechat_redirect  # 可灵\n\n"
        f"{long_jimeng.replace('&', '&amp;')}\nhttps://mp.weixin.qq.com/s/gone\n",
        encoding="utf-8",
    )
    src = articles(server, [KLING, long_jimeng], url_file=str(url_file))
    summary = run(db, [src])
    assert summary.exit_code == 0, summary.errors
    assert [r.path for r in server.requests] == ["/s/kling21", "/s", "/s/gone"]
    got = docs(db)
    assert got[KLING]["status"] == "ok" and got[KLING]["title"] == "可灵 2.1 深度评测：贵但值"
    assert got[KLING]["platform_id"] == f"{BIZ}:2650000001:1"
    canonical = f"https://mp.weixin.qq.com/s?__biz={BIZ}&mid=2650000002&idx=1&sn=bbbb2222"
    assert got[canonical]["author"] == "视频模型观察"
    assert got["https://mp.weixin.qq.com/s/gone"]["status"] == "deleted", "a deleted article is information"
    server.clear_log()
    again = run(db, [src])
    assert again.exit_code == 0 and not server.requests, "stored articles are not fetched again"


def test_unavailable_is_stored_and_asked_again_with_a_conditional_get(
    db: Database, server: ReplayServer
) -> None:
    server.add("/s/later", Reply(body_file="wechat/unavailable.html", headers={"ETag": '"u1"'}))
    server.add("/s/banned", Reply(body_file="wechat/removed.html"))
    src = articles(server, ["https://mp.weixin.qq.com/s/later", "https://mp.weixin.qq.com/s/banned"])
    run(db, [src])
    got = docs(db)
    assert got["https://mp.weixin.qq.com/s/later"]["status"] == "unavailable"
    assert got["https://mp.weixin.qq.com/s/banned"]["status"] == "removed"
    server.clear_log()
    second = run(db, [src])
    [hit] = server.requests
    assert hit.path == "/s/later" and hit.headers["if-none-match"] == '"u1"' and hit.status == 304
    assert second.counts["raw_new"] == 0 and second.counts["documents_new"] == 0


def test_verification_wall_is_an_error_with_backoff(db: Database, server: ReplayServer) -> None:
    server.add("/s/wall", Reply(body_file="wechat/verify.html"))
    src = articles(server, [KLING, "https://mp.weixin.qq.com/s/wall", JIMENG])
    first = run(db, [src])
    assert first.exit_code == 1
    [err] = run_errors(db, first.run_id)
    assert err["origin"] == "https://mp.weixin.qq.com/s/wall"
    assert "verification wall (环境异常)" in err["error"] and "1 URL(s) left for a later run" in err["error"]
    wall = (FIXTURES / "wechat/verify.html").read_bytes()
    assert db.execute("select body from raw where sha256 = ?", [err["raw_sha256"]]).fetchone()[0] == wall
    assert set(docs(db)) == {KLING}, "the wall is never a document; later URLs wait"
    assert not server.hits("/s/jimeng30")
    server.clear_log()
    second = run(db, [src])
    assert not server.requests
    assert "skipped until" in run_errors(db, second.run_id)[0]["error"]


def test_after_the_backoff_the_remaining_urls_are_fetched(db: Database, server: ReplayServer) -> None:
    server.add("/s/wall", Reply(body_file="wechat/verify.html"), Reply(body_file="wechat/article_vidu.html"))
    src = articles(server, [KLING, "https://mp.weixin.qq.com/s/wall", JIMENG])
    assert run(db, [src], block_backoff_s=0).exit_code == 1
    server.clear_log()
    second = run(db, [src], block_backoff_s=0)
    assert second.exit_code == 0, second.errors
    assert [r.path for r in server.requests] == ["/s/wall", "/s/jimeng30"]
    assert {KLING, JIMENG, "https://mp.weixin.qq.com/s/wall"} == set(docs(db))


@pytest.mark.parametrize(
    "file,content_type",
    [
        ("wechat/article_gbk.html", "text/html; charset=GBK"),
        ("wechat/article_gbk.html", "text/html"),  # only the <meta> says gbk
        ("wechat/article_gbk_nometa.html", "text/html;charset=gbk"),  # only the header says gbk
    ],
)
def test_gbk_pages_are_decoded(db: Database, server: ReplayServer, file: str, content_type: str) -> None:
    server.add("/s/gbk", Reply(body_file=file, content_type=content_type))
    summary = run(db, [articles(server, ["https://mp.weixin.qq.com/s/gbk"])])
    assert summary.exit_code == 0, summary.errors
    doc = docs(db)["https://mp.weixin.qq.com/s/gbk"]
    assert doc["title"].startswith("海螺 02") and "海螺 02" in doc["text"]
    raw = db.execute("select body from raw where sha256 = ?", [doc["raw_sha256"]]).fetchone()[0]
    assert raw == (FIXTURES / file).read_bytes(), "the bytes as received are kept"


FAULTS: dict[str, tuple[list[Reply], str | None]] = {
    "two 503 then ok": ([Reply(503), Reply(503), Reply(body_file="wechat/article_vidu.html")], None),
    "reset then ok": ([Reply(fault="reset"), Reply(body_file="wechat/article_vidu.html")], None),
    "slow for good": ([Reply(body_file="wechat/article_vidu.html", delay=0.5)], "timed out after 0.2s"),
    "truncated for good": (
        [Reply(body_file="wechat/article_vidu.html", fault="truncate")],
        "connection broken",
    ),
    "redirect loop": ([Reply(302, headers={"Location": "/s/flaky?again=1"})], "redirect loop"),
    "404": ([Reply(404, "<html><body>not here</body></html>", content_type="text/html")], "HTTP 404"),
    "not a page": ([Reply(body=b"", content_type="text/html")], "cannot parse the page"),
}


@pytest.mark.parametrize("name", list(FAULTS))
def test_faults_on_one_article_leave_the_others(db: Database, server: ReplayServer, name: str) -> None:
    replies, error = FAULTS[name]
    server.add("/s/flaky", *replies)
    server.add("/s/flaky", Reply(302, headers={"Location": "/s/flaky"}), query={"again": "1"})
    src = articles(server, ["https://mp.weixin.qq.com/s/flaky", KLING])
    summary = run(db, [src], timeout_s=0.2, retries=2)
    got = docs(db)
    assert KLING in got
    if error is None:
        assert summary.exit_code == 0, summary.errors
        assert got["https://mp.weixin.qq.com/s/flaky"]["title"] == "Vidu Q1 首尾帧教程"
    else:
        assert summary.exit_code == 1
        [err] = run_errors(db, summary.run_id)
        assert err["origin"] == "https://mp.weixin.qq.com/s/flaky" and error in err["error"]
        assert "https://mp.weixin.qq.com/s/flaky" not in got
        if name == "404":
            assert err["raw_sha256"] is not None


def test_missing_url_file_is_an_error_and_inline_urls_still_run(
    db: Database, server: ReplayServer, tmp_path: Path
) -> None:
    src = articles(server, [KLING], url_file=str(tmp_path / "nope.txt"))
    summary = run(db, [src])
    [err] = run_errors(db, summary.run_id)
    assert "cannot read the URL list" in err["error"] and set(docs(db)) == {KLING}


def test_host_down_gives_up_after_three_urls(db: Database, tmp_path: Path) -> None:
    urls = [f"https://mp.weixin.qq.com/s/a{i}" for i in range(6)]
    summary = run(
        db,
        [{"name": "wx", "type": "wechat_article", "urls": urls, "base_url": "http://127.0.0.1:9"}],
        retries=0,
    )
    errors = run_errors(db, summary.run_id)
    assert [e["origin"] for e in errors] == [*urls[:3], "wx"]
    assert all("network error" in e["error"] for e in errors[:3])
    assert "giving up on the 3 left for this run" in errors[3]["error"]
