"""All fetching source types in one config, two runs, and `pingce run` exit codes."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from sqlite_utils import Database

from db import open_db
from ingest.cli import cli
from ingest.pipeline import run_sources
from tests.replay import (
    FAST_HTTP,
    WEIBO_INDEX,
    WEIBO_POST_PATHS,
    ReplayServer,
    Reply,
    make_config,
    weibo_shape_problems,
)

pytestmark = pytest.mark.usefixtures("no_internet")

UID = "1234567890"
SECRET = "SUB=_2A25PipelineSecret42; SUBP=0033PipelineSubpSecret"


def sources(server: ReplayServer) -> list[dict[str, Any]]:
    return [
        {
            "name": "kling",
            "type": "weibo_user",
            "uid": UID,
            "base_url": server.base_url,
            "cookies_env": "PINGCE_TEST_COOKIES",
        },
        {
            "name": "wx",
            "type": "wechat_article",
            "base_url": server.base_url,
            "urls": [
                "https://mp.weixin.qq.com/s/kling21",
                "https://mp.weixin.qq.com/s/jimeng30",
                "https://mp.weixin.qq.com/s/kling21?scene=21",
                "https://mp.weixin.qq.com/s/gone",
            ],
        },
        {
            "name": "rss",
            "type": "feed",
            "url": server.url("/feeds/wechat.xml"),
            "wechat_base_url": server.base_url,
        },
    ]


def counts(db: Database) -> dict[str, int]:
    return {t: db[t].count for t in ("raw", "documents", "claims", "run_errors", "http_cache")}


def content(db: Database) -> list[tuple[Any, ...]]:
    return db.execute("select id, content_hash, raw_sha256 from documents order by id").fetchall()


def test_one_run_ingests_every_source_and_a_second_fetches_only_what_changed(
    tmp_path: Path, server: ReplayServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("PINGCE_TEST_COOKIES", SECRET)
    db = open_db(tmp_path / "t.db")
    config = make_config(sources(server))
    first = run_sources(db, config, "sources.yml")
    assert first.exit_code == 0, first.errors
    by_source = dict(db.execute("select source, count(*) from documents group by source").fetchall())
    # 6 posts; kling, jimeng and a deleted article; a blog item (the feed's two WeChat articles are
    # stored already by wx under the same article ids, so the feed neither fetches nor overwrites them)
    assert by_source == {"kling": 6, "wx": 3, "rss": 1}
    assert first.counts["documents_new"] == 10 and first.counts["documents_changed"] == 0
    assert not server.hits("/s")
    requests_first = len(server.requests)
    # every Weibo request had the real site's shape (headers, parameters, Referer)
    weibo = [r for r in server.requests if r.path in (WEIBO_INDEX, *WEIBO_POST_PATHS)]
    assert len(weibo) > 3 and [weibo_shape_problems(r, server.base_url) for r in weibo] == [[]] * len(weibo)
    before, snapshot = counts(db), content(db)

    server.clear_log()
    second = run_sources(db, config, "sources.yml")
    assert second.exit_code == 0, second.errors
    assert [r.target for r in server.requests] == [
        f"/api/container/getIndex?type=uid&value={UID}&containerid=107603{UID}",  # newest page only
        "/feeds/wechat.xml",  # conditional: 304
    ]
    assert server.requests[1].status == 304 and requests_first > 8
    assert counts(db) == before and content(db) == snapshot
    assert second.counts["documents_new"] == second.counts["raw_new"] == 0

    # the cookie went out as a header, and nowhere else
    assert all(r.headers.get("cookie") == SECRET for r in server.hits("/api/container/getIndex"))
    assert not any("cookie" in r.headers for r in server.hits("/feeds/wechat.xml"))
    db.conn.commit()
    for f in tmp_path.iterdir():
        assert b"PipelineSecret" not in f.read_bytes() and b"PipelineSubpSecret" not in f.read_bytes()
    assert "Secret" not in caplog.text


def _write_config(tmp_path: Path, server: ReplayServer, srcs: list[dict[str, Any]]) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(
        yaml.safe_dump({"http": FAST_HTTP, "sources": srcs}, allow_unicode=True), encoding="utf-8"
    )
    return path


def test_cli_exit_codes(tmp_path: Path, server: ReplayServer) -> None:
    cfg = _write_config(tmp_path, server, sources(server))
    db_path = tmp_path / "cli.db"
    runner = CliRunner()
    env = {"PINGCE_TEST_COOKIES": SECRET}
    ok = runner.invoke(cli, ["run", "-c", str(cfg), "--db", str(db_path), "--silent"], env=env)
    assert ok.exit_code == 0, ok.output
    assert open_db(db_path)["documents"].count == 10

    timeline = {"type": "uid", "value": UID, "containerid": f"107603{UID}"}
    server.add("/api/container/getIndex", Reply(418, "teapot"), query=timeline)
    server.add("/s/late", Reply(body_file="wechat/article_vidu.html"))
    srcs = sources(server)
    srcs[1]["urls"].append("https://mp.weixin.qq.com/s/late")
    cfg = _write_config(tmp_path, server, srcs)
    failed = runner.invoke(cli, ["run", "-c", str(cfg), "--db", str(db_path)], env=env)
    assert failed.exit_code == 1
    assert "kling" in failed.output and "HTTP 418 (anti-crawling)" in failed.output
    assert "1 failed sources" in failed.output and "Secret" not in failed.output
    db = open_db(db_path)
    run = next(db.query("select * from runs order by id desc limit 1"))
    assert (run["status"], run["exit_code"], run["sources_failed"], run["documents_new"]) == (
        "failed",
        1,
        1,
        1,
    )
    state = dict(db.execute("select key, value from source_state where source = 'kling'").fetchall())
    assert state["blocked_until"] and "418" in state["blocked_reason"]
    assert (
        json.loads(db.execute("select config from sources where name = 'kling'").fetchone()[0])["cookies_env"]
        == "PINGCE_TEST_COOKIES"
    )
