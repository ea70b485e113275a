"""Hostile servers (issue 12, cases 6, 8, 10): deadlines, cookies echoed back, redirects elsewhere.

Real loopback servers throughout: a raw socket server that trickles its answer one
byte at a time, and the replay server (two of them for cross-site redirects).
`pingce run` runs as a real process where the case is about what it prints.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ingest.fetch.http import FetchError, HttpClient
from ingest.fetch.http_policy import HostLimiter, same_site
from schemas.config import HttpSettings
from tests.conftest import ROOT
from tests.replay import FAST_HTTP, NO_PASSPORT, ReplayServer, Reply, no_internet, replay_fixture  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_internet")

COOKIE = "SUB=_2A25echoedSUBsecret77; SUBP=0033echoedSUBPsecret"
SECRET_PARTS = ("_2A25echoedSUBsecret77", "0033echoedSUBPsecret", "SUBsecret")


class Trickler:
    """A loopback HTTP server that sends its answer one byte every ``gap`` seconds.

    ``where="body"`` sends the headers at once and trickles the body; ``"headers"``
    trickles from the status line on. Every byte comes well inside any read timeout,
    so only an overall deadline ends the request early; it stops by itself after
    ``total`` bytes, which takes ``total * gap`` seconds.
    """

    def __init__(self, where: str = "body", gap: float = 0.1, total: int = 80) -> None:
        self.where, self.gap, self.total = where, gap, total
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/feed"

    def __enter__(self) -> Trickler:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        body = b"x" * self.total
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body)
        slow = head + body if self.where == "headers" else body
        try:
            conn.recv(65536)
            if self.where == "body":
                conn.sendall(head)
            for i in range(min(len(slow), self.total)):
                if self.stop.is_set():
                    break
                conn.sendall(slow[i : i + 1])
                time.sleep(self.gap)
            if self.where == "headers":
                conn.sendall(slow[self.total :])
        except OSError:
            pass
        finally:
            conn.close()


def _client(**kw: object) -> HttpClient:
    return HttpClient(
        HttpSettings.model_validate({**FAST_HTTP, "retries": 0, **kw}),
        sleep=lambda _: None,
        limiter=HostLimiter(),
    )


# --- 6. slowloris: a deadline per request and per run -------------------------------------------


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_trickling_server_meets_the_request_deadline(where: str) -> None:
    with Trickler(where, gap=0.1, total=80) as slow, _client(timeout_s=1.0, request_deadline_s=1.0) as c:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"took longer than the request deadline \(1s\)"):
            c.get(slow.url)
        assert time.monotonic() - started < 6, "ended near its deadline, not after the 8 s trickle"


def _write_sources(tmp_path: Path, sources: list[dict[str, object]], **http: object) -> Path:
    cfg = tmp_path / "sources.yml"
    cfg.write_text(
        json.dumps({"db": str(tmp_path / "p.db"), "http": {**FAST_HTTP, **http}, "sources": sources}),
        encoding="utf-8",
    )
    return cfg


def _pingce(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def test_a_run_deadline_records_what_is_left_and_exits_1(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("# 可灵2.1\n\n可灵2.1生成5秒视频要35灵感值。\n", encoding="utf-8")
    with Trickler("body", gap=0.2, total=100) as slow:  # 20 s of trickle, request deadline 60 s
        cfg = _write_sources(
            tmp_path,
            [
                {"name": "slow", "type": "feed", "url": slow.url, "fetch_articles": False},
                {"name": "notes", "type": "clips", "path": str(notes)},
            ],
            timeout_s=5,
            retries=0,
        )
        started = time.monotonic()
        done = _pingce("run", "-c", str(cfg), "--deadline", "1.5", "--silent")
        took = time.monotonic() - started
    assert done.returncode == 1, done.stderr
    assert took < 15, f"the run took {took:.0f}s past a 1.5 s deadline"
    db = sqlite3.connect(tmp_path / "p.db")
    errors = dict(db.execute("select source, error from run_errors"))
    assert "run deadline" in errors["slow"]
    assert errors["notes"] == "not run: the run deadline (1.5s) passed"
    status, exit_code = db.execute("select status, exit_code from runs").fetchone()
    assert (status, exit_code) == ("failed", 1)


def test_run_deadline_in_sources_yml_is_validated(tmp_path: Path) -> None:
    cfg = _write_sources(tmp_path, [], run_deadline_s=-1)
    done = _pingce("run", "-c", str(cfg))
    assert done.returncode == 2 and "run_deadline_s" in done.stderr


# --- 10. redirects stay on the source's own site ------------------------------------------------


def test_redirect_to_another_port_is_not_followed_and_names_the_target(replay: ReplayServer) -> None:
    with ReplayServer() as other:
        other.add("/page", Reply(body="<html><body>not WeChat</body></html>", content_type="text/html"))
        replay.add("/s/abc", Reply(302, headers={"Location": other.url("/page")}))
        with _client() as c, pytest.raises(FetchError) as err:
            c.get(replay.url("/s/abc"))
        assert other.hits() == [], "the other site was never asked"
    message = str(err.value)
    assert message.startswith(f"redirect to another site not followed: {other.url('/page')}")
    assert message.count("redirect") == 1


@pytest.mark.parametrize(
    ("origin", "target", "same"),
    [
        ("https://m.weibo.cn/api/x", "https://passport.weibo.com/visitor", True),
        ("https://m.weibo.cn/api/x", "https://weibo.cn/x", True),
        ("https://mp.weixin.qq.com/s/a", "https://mp.weixin.qq.com/s/b", True),
        ("http://mp.weixin.qq.com/s/a", "https://mp.weixin.qq.com/s/a", True),
        ("https://rsshub.example.org/feed", "https://cdn.example.org/feed", True),
        ("https://mp.weixin.qq.com/s/a", "https://evil.example/s/a", False),
        ("https://m.weibo.cn/api/x", "https://m.weibo.cn.evil.example/", False),
        ("http://127.0.0.1:8001/s", "http://127.0.0.1:8002/s", False),
        ("http://127.0.0.1:8001/s", "http://localhost:8001/s", False),
        ("http://127.0.0.1:8001/s", "http://169.254.169.254/latest", False),
        ("https://example.org:8443/", "https://example.org/", False),
    ],
)
def test_same_site(origin: str, target: str, same: bool) -> None:
    assert same_site(origin, target) is same


def test_wechat_article_redirected_elsewhere_is_not_stored(tmp_path: Path, replay: ReplayServer) -> None:
    from db import open_db
    from ingest.pipeline import run_sources
    from tests.replay import make_config

    with ReplayServer() as other:
        other.add("/page", Reply(body="<html><body><div id='js_content'>可灵</div></body></html>"))
        replay.add("/s/abc", Reply(302, headers={"Location": other.url("/page")}))
        config = make_config(
            [
                {
                    "name": "wx",
                    "type": "wechat_article",
                    "urls": ["https://mp.weixin.qq.com/s/abc"],
                    "base_url": replay.base_url,
                }
            ]
        )
        db = open_db(tmp_path / "p.db")
        summary = run_sources(db, config, "sources.yml")
    assert db["documents"].count == 0
    (error,) = [r["error"] for r in db.query("select error from run_errors")]
    assert other.url("/page") in error and "another site" in error
    assert summary.exit_code == 1


# --- 8. a cookie echoed by the server leaks nowhere ---------------------------------------------


def test_echoed_cookie_is_redacted_in_errors_state_stderr_and_verbose_logs(
    tmp_path: Path, replay: ReplayServer
) -> None:
    echo = "SUB=_2A25echoedSUBsecret77"
    wall = json.dumps({"ok": -100, "url": f"https://passport.weibo.com/visitor?c={echo}"})
    # the first call is redirected (within the site) to a URL that carries the cookie; then a wall
    replay.add("/statuses/show", Reply(302, headers={"Location": f"/login?c={echo}&d=0033echoedSUBPsecret"}))
    replay.add("/statuses/extend", Reply(302, headers={"Location": f"/login?c={echo}"}))
    replay.add("/login", Reply(body=wall, content_type="application/json"))
    cfg = _write_sources(
        tmp_path,
        [
            {
                "name": "wb",
                "type": "weibo_status",
                "posts": ["https://m.weibo.cn/status/5170000000000001"],
                "base_url": replay.base_url,
                "visitor_url": NO_PASSPORT,
                "cookies_env": "PINGCE_TEST_COOKIE",
            }
        ],
    )
    env = {"PINGCE_TEST_COOKIE": COOKIE}
    run = _pingce("-v", "run", "-c", str(cfg), env=env)
    history = _pingce("runs", "-c", str(cfg), "--errors", env=env)
    assert run.returncode == 1, run.stderr[-3000:]
    assert any(r.headers.get("cookie") == COOKIE for r in replay.hits()), "the cookie was sent"
    assert "/login?c=" in run.stderr and "***" in run.stderr, "httpx's own log line was written, masked"
    db = sqlite3.connect(tmp_path / "p.db")
    stored = " ".join(
        str(v)
        for table in ("run_errors", "source_state", "runs", "sources", "http_cache")
        for row in db.execute(f"select * from {table}")
        for v in row
    )
    assert "wb" in stored and "login/captcha wall" in stored
    for part in SECRET_PARTS:
        assert part not in run.stderr, f"{part} in stderr"
        assert part not in run.stdout
        assert part not in history.stdout, f"{part} in pingce runs --errors"
        assert part not in stored, f"{part} in the database"
