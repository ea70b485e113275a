"""weibo_user and weibo_status through the real pipeline against replay servers.

Three sites on three loopback hosts, as in production: the m.weibo.cn API (the
``server`` fixture, 127.0.0.1), the passport host that hands out visitor
cookies (``passport``, 127.0.0.2) and weibo.com (``weibo_com``, 127.0.0.3), so a
cookie one of them sets does not reach the others unless the client sends it.
After every test, ``_request_shapes`` checks each request the API and weibo.com
received against what maintained scrapers send (see ``ingest/fetch/shapes.py``):
DIYgod/RSSHub lib/routes/weibo/utils.ts ``apiHeaders`` (MWeibo-Pwa: 1,
X-Requested-With: XMLHttpRequest, a mobile User-Agent) and user.ts (Referer
https://m.weibo.cn/u/<uid>, ``getIndex?type=uid&value=<uid>&containerid=…``);
the post page as the Referer of statuses/show and statuses/extend; weibo.com
``ajax`` calls with the X-XSRF-TOKEN of its XSRF-TOKEN cookie, the token
dataabc/weibo-crawler weibo.py keeps.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from ingest.pipeline import RunSummary, run_sources
from tests.replay import (
    FIXTURES,
    WEIBO_POST_PATHS,
    Recorded,
    ReplayServer,
    Reply,
    make_config,
    run_errors,
    weibo_shape_problems,
)

pytestmark = pytest.mark.usefixtures("no_internet")

UID = "1234567890"
CID = f"107603{UID}"
INDEX = "/api/container/getIndex"
P900, P1000, P950 = "4900000000000900", "4900000000001000", "4900000000000950"
FIRST_RUN_IDS = [
    "4800000000000100",
    "4900000000000500",
    "4900000000000600",
    "4900000000000700",
    "4900000000000800",
    P900,
]
SECRET = "SUB=_2A25LkSecretCookieValue77; SUBP=0033WrSecretSubpValue"


@pytest.fixture
def passport() -> Iterator[ReplayServer]:
    """passport.weibo.com: the visitor cookie's host, not the API's."""
    with ReplayServer(host="127.0.0.2") as site:
        yield site


@pytest.fixture
def weibo_com() -> Iterator[ReplayServer]:
    """weibo.com: the ajax long-text host, which sets XSRF-TOKEN on its front page."""
    with ReplayServer(host="127.0.0.3") as site:
        site.add("/", Reply(200, "<html></html>", headers={"Set-Cookie": "XSRF-TOKEN=xsrf-abc; Path=/"}))
        yield site


@pytest.fixture(autouse=True)
def _request_shapes(server: ReplayServer, weibo_com: ReplayServer) -> Iterator[None]:
    yield
    for req in server.requests:
        if req.path == INDEX or req.path in WEIBO_POST_PATHS:
            assert weibo_shape_problems(req, server.base_url) == [], req.target
    for req in weibo_com.hits("/ajax/statuses/longtext"):
        assert req.headers.get("x-xsrf-token") == "xsrf-abc", req.target
        assert req.headers.get("x-requested-with") == "XMLHttpRequest"


def test_the_shape_check_catches_a_request_without_the_mobile_headers() -> None:
    bare = Recorded("GET", INDEX, {"containerid": CID}, {"user-agent": "python-httpx"}, b"")
    assert len(weibo_shape_problems(bare, "http://127.0.0.1:1")) == 5


def test_default_referers_are_the_real_pages() -> None:
    from ingest.fetch.weibo_api import WeiboApi

    api = WeiboApi(client=None, label="x", base_url="https://m.weibo.cn/")  # type: ignore[arg-type]
    assert api.user_page(UID) == f"https://m.weibo.cn/u/{UID}"
    assert api.post_page(P900) == f"https://m.weibo.cn/status/{P900}"
    assert api.visitor_url == "https://passport.weibo.com"


def user(server: ReplayServer, **kw: Any) -> dict[str, Any]:
    return {"name": "kling", "type": "weibo_user", "uid": UID, "base_url": server.base_url, **kw}


def run(db: Database, server: ReplayServer, sources: list[dict[str, Any]], **http: Any) -> RunSummary:
    return run_sources(db, make_config(sources, **http), "test")


def weibo_docs(db: Database) -> dict[str, dict[str, Any]]:
    return {r["platform_id"]: r for r in db.query("select * from documents where platform = 'weibo'")}


TIMELINE = {"type": "uid", "value": UID, "containerid": CID}


def page(server: ReplayServer, body_file: str, since_id: str | None = None, **kw: Any) -> None:
    query = {**TIMELINE, **({"since_id": since_id} if since_id else {})}
    server.add(INDEX, Reply(body_file=body_file, **kw), query=query)


def test_first_run_pages_expands_and_keeps_pinned_and_reposts(db: Database, server: ReplayServer) -> None:
    summary = run(db, server, [user(server)])
    assert summary.exit_code == 0, summary.errors
    assert [r.target for r in server.requests] == [
        f"{INDEX}?type=uid&value={UID}",
        f"{INDEX}?type=uid&value={UID}&containerid={CID}",
        f"/statuses/extend?id={P900}",
        f"{INDEX}?type=uid&value={UID}&containerid={CID}&since_id=4900000000000700",
        f"{INDEX}?type=uid&value={UID}&containerid={CID}&since_id=4900000000000500",
    ]
    docs = weibo_docs(db)
    assert sorted(docs) == FIRST_RUN_IDS
    assert docs["4800000000000100"]["pinned"] == 1
    long = docs[P900]
    assert long["truncated"] == 0 and "结论：贵，但值。" in long["text"] and "全文" not in long["text"]
    assert docs["4900000000000800"]["repost_of"] == "4899999999999999"
    # every answer is kept raw: 3 timeline pages and the long text (the profile is not a document source)
    assert db["raw"].count == 4
    long_raw = db.execute("select origin from raw where sha256 = ?", [long["raw_sha256"]]).fetchone()[0]
    assert long_raw.endswith(f"/statuses/extend?id={P900}")
    state = dict(db.execute("select key, value from source_state where source = 'kling'").fetchall())
    assert state["newest_id"] == P900 and state["containerid"] == CID


def test_second_run_asks_only_for_the_first_page(db: Database, server: ReplayServer) -> None:
    run(db, server, [user(server)])
    before = db.execute("select id, content_hash from documents order by id").fetchall()
    server.clear_log()
    page(server, "weibo/timeline_p1_v2.json")  # one new post on top
    summary = run(db, server, [user(server)])
    assert summary.exit_code == 0, summary.errors
    assert [r.target for r in server.requests] == [f"{INDEX}?type=uid&value={UID}&containerid={CID}"]
    assert summary.counts["documents_new"] == 1 and summary.counts["documents_changed"] == 0
    after = db.execute("select id, content_hash from documents order by id").fetchall()
    assert set(after) - set(before) == {(f"weibo:{P1000}", weibo_docs(db)[P1000]["content_hash"])}
    assert weibo_docs(db)[P900]["truncated"] == 0, "a seen long post is not overwritten by its truncated form"
    server.clear_log()
    third = run(db, server, [user(server)])
    assert len(server.requests) == 1 and third.counts["documents_new"] == 0
    assert db.execute("select count(*) from documents").fetchone()[0] == len(after)


def test_pinned_post_does_not_end_paging(db: Database, server: ReplayServer) -> None:
    run(db, server, [user(server)])
    server.clear_log()
    page(server, "weibo/timeline_p1_v3.json")  # [old pinned, 1000, 950]: only the pinned one is seen
    page(server, "weibo/timeline_p2_v3.json", since_id=P950)
    summary = run(db, server, [user(server)])
    assert summary.exit_code == 0, summary.errors
    assert [r.query.get("since_id") for r in server.hits(INDEX)] == [None, P950]
    assert {P1000, P950} <= set(weibo_docs(db)) and summary.counts["documents_new"] == 2
    assert db.execute("select value from source_state where key = 'newest_id'").fetchone()[0] == P1000


def test_keywords_are_matched_on_the_full_text(db: Database, server: ReplayServer) -> None:
    summary = run(db, server, [user(server, keywords=["结论", "海螺"])])
    assert summary.exit_code == 0
    # 900 says 结论 only in its long text; 800 (a repost) mentions 海螺
    assert sorted(weibo_docs(db)) == ["4900000000000800", P900]
    assert db["raw"].count == 4, "filtered pages are still kept raw"


def test_weibo_com_longtext_endpoint(db: Database, server: ReplayServer, weibo_com: ReplayServer) -> None:
    weibo_com.add(
        "/ajax/statuses/longtext",
        Reply(body_file="weibo/ajax_longtext_4900000000000900.json"),
        query={"id": "N000000ew"},
        require_headers={"X-XSRF-TOKEN": "xsrf-abc"},
    )
    summary = run(db, server, [user(server, longtext_url=weibo_com.base_url)])
    assert summary.exit_code == 0, summary.errors
    assert not server.hits("/statuses/extend") and len(weibo_com.hits("/ajax/statuses/longtext")) == 1
    # the token came from weibo.com's own cookie, asked for once, and went back as a cookie too
    assert [r.path for r in weibo_com.requests] == ["/", "/ajax/statuses/longtext"]
    assert "XSRF-TOKEN=xsrf-abc" in weibo_com.hits("/ajax/statuses/longtext")[0].headers["cookie"]
    doc = weibo_docs(db)[P900]
    assert doc["truncated"] == 0 and "推拉摇移都能听懂" in doc["text"]


def test_failed_long_text_is_kept_truncated_and_retried(db: Database, server: ReplayServer) -> None:
    server.add("/statuses/extend", Reply(500, "oops"), query={"id": P900})
    first = run(db, server, [user(server)])
    assert first.exit_code == 1
    [err] = run_errors(db, first.run_id)
    assert f"long text of post {P900}: HTTP 500" in err["error"] and err["raw_sha256"]
    doc = weibo_docs(db)[P900]
    assert doc["truncated"] == 1 and doc["text"].startswith("可灵 2.1 实测"), "nothing lost"
    assert len(weibo_docs(db)) == 6
    server.add("/statuses/extend", Reply(body_file="weibo/extend_4900000000000900.json"), query={"id": P900})
    server.clear_log()
    second = run(db, server, [user(server)])
    assert second.exit_code == 0, second.errors
    assert [r.path for r in server.requests] == ["/statuses/extend", INDEX]
    doc = weibo_docs(db)[P900]
    assert doc["truncated"] == 0 and "结论：贵，但值。" in doc["text"]


REFUSALS = {
    "418": Reply(418, "I'm a teapot", content_type="text/plain"),
    "432": Reply(432, "", content_type="text/html"),
    "captcha": Reply(body_file="weibo/captcha.json"),
    "ok0": Reply(body_file="weibo/rate_limited.json"),
}
REASONS = {
    "418": "HTTP 418 (anti-crawling)",
    "432": "HTTP 432 (anti-crawling)",
    "captcha": "login/captcha wall (ok -100: https://passport.weibo.com/",
    "ok0": "请求过于频繁",
}


@pytest.mark.parametrize("kind", list(REFUSALS))
def test_refusal_is_an_error_with_bytes_and_backs_off(
    db: Database, server: ReplayServer, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEIBO_COOKIES", SECRET)
    server.add(INDEX, REFUSALS[kind], query=TIMELINE)
    sources = [
        user(server, cookies_env="WEIBO_COOKIES"),
        {
            "name": "wx",
            "type": "wechat_article",
            "urls": ["https://mp.weixin.qq.com/s/kling21"],
            "base_url": server.base_url,
        },
    ]
    summary = run(db, server, sources)
    assert summary.exit_code == 1 and summary.failed_sources == ["kling"]
    [err] = run_errors(db, summary.run_id)
    assert REASONS[kind] in err["error"] and "$WEIBO_COOKIES" in err["error"] and "skipping" in err["error"]
    assert SECRET.split(";")[0] not in err["error"]
    body = REFUSALS[kind].render(server.base_url, FIXTURES)[0]
    if body:
        assert db.execute("select body from raw where sha256 = ?", [err["raw_sha256"]]).fetchone()[0] == body
    assert not weibo_docs(db), "a refusal is never a document"
    assert db.execute("select count(*) from documents where platform = 'wechat'").fetchone()[0] == 1
    assert len(server.hits(INDEX)) == 2, "refusals are not retried (profile + one timeline request)"
    # the next run skips the source at once, with a clear error
    server.clear_log()
    again = run(db, server, sources)
    assert not server.hits(INDEX)
    [skip] = run_errors(db, again.run_id)
    assert skip["source"] == "kling" and "skipped until" in skip["error"] and REASONS[kind] in skip["error"]


def test_refusal_on_page_two_keeps_page_one_and_catches_up(db: Database, server: ReplayServer) -> None:
    page(server, "weibo/timeline_p2.json", since_id="4900000000000700", status=418)
    sources = [user(server)]
    first = run(db, server, sources, block_backoff_s=0)
    assert first.exit_code == 1
    assert sorted(weibo_docs(db)) == ["4800000000000100", "4900000000000700", "4900000000000800", P900]
    assert db.execute("select count(*) from source_state where key = 'newest_id'").fetchone()[0] == 0
    page(server, "weibo/timeline_p2.json", since_id="4900000000000700")
    second = run(db, server, sources, block_backoff_s=0)  # the backoff is over: catch up
    assert second.exit_code == 0, second.errors
    assert sorted(weibo_docs(db)) == FIRST_RUN_IDS


VISITOR_JSONP = (
    'window.visitor_gray_callback && visitor_gray_callback({"retcode":20000000,"msg":"succ",'
    '"data":{"sub":"_2AkMvisitor","subp":"0033WrSXqPxfM72-Ws9jqgMF55529P9D9W5"}});'
)


@pytest.mark.parametrize("by", ["set-cookie", "jsonp"])
def test_visitor_cookie_from_the_passport_host_when_refused_without_cookies(
    db: Database, server: ReplayServer, passport: ReplayServer, by: str
) -> None:
    """One POST to genvisitor2 on the passport host; its SUB/SUBP then go to m.weibo.cn."""
    server.add(INDEX, Reply(432), query=TIMELINE)
    page(server, "weibo/timeline_p1.json")
    server.routes[-1].require_headers = {"Cookie": "SUB=_2AkMvisitor"}
    cookies = (
        {"Set-Cookie": "SUB=_2AkMvisitor; Path=/; Domain=127.0.0.2; HttpOnly"} if by == "set-cookie" else {}
    )
    body = VISITOR_JSONP if by == "jsonp" else "window.visitor_gray_callback && visitor_gray_callback({});"
    passport.add(
        "/visitor/genvisitor2",
        Reply(body=body, content_type="application/javascript", headers=cookies),
        method="POST",
    )
    summary = run(db, server, [user(server, visitor_url=passport.base_url)])
    assert summary.exit_code == 0, summary.errors
    [gen] = passport.requests
    assert (gen.method, gen.path) == ("POST", "/visitor/genvisitor2")
    assert "cb=visitor_gray_callback" in gen.body.decode()
    assert not server.hits("/visitor/genvisitor") and not server.hits("/visitor/visitor")
    timeline = [r for r in server.hits(INDEX) if "containerid" in r.query]
    assert "cookie" not in timeline[0].headers and "SUB=_2AkMvisitor" in timeline[1].headers["cookie"]
    assert len(weibo_docs(db)) == 6
    assert b"_2AkMvisitor" not in (Path(db.conn.execute("pragma database_list").fetchone()[2])).read_bytes()


def test_visitor_refused_says_so(db: Database, server: ReplayServer, passport: ReplayServer) -> None:
    server.add(INDEX, Reply(418), query=TIMELINE)
    summary = run(db, server, [user(server, visitor_url=passport.base_url)])
    [err] = run_errors(db, summary.run_id)
    assert "no visitor cookie either (/visitor/genvisitor2 answered HTTP 404)" in err["error"]
    assert "set cookies in $WEIBO_COOKIES (and cookies_env: WEIBO_COOKIES in sources.yml)" in err["error"]
    assert len(passport.hits("/visitor/genvisitor2", "POST")) == 1


def test_cookies_are_sent_but_never_stored_or_logged(
    db: Database,
    server: ReplayServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("WEIBO_COOKIES", SECRET)
    server.add("/statuses/extend", Reply(503), query={"id": P900})  # an error message too
    summary = run(db, server, [user(server, cookies_env="WEIBO_COOKIES")])
    assert summary.exit_code == 1
    assert all(r.headers.get("cookie") == SECRET for r in server.requests)
    db.conn.commit()
    secrets = [b"_2A25LkSecretCookieValue77", b"0033WrSecretSubpValue"]
    for f in tmp_path.iterdir():
        if f.is_file():
            assert not any(s in f.read_bytes() for s in secrets), f.name
    text = caplog.text + " ".join(summary.errors) + " ".join(e["error"] for e in run_errors(db))
    assert "Secret" not in text
    assert "WEIBO_COOKIES" in db.execute("select config from sources where name = 'kling'").fetchone()[0]


def test_missing_cookie_variable_is_a_warning_not_a_failure(
    db: Database, server: ReplayServer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_SUCH_COOKIES", raising=False)
    summary = run(db, server, [user(server, cookies_env="NO_SUCH_COOKIES")])
    assert summary.exit_code == 0 and "$NO_SUCH_COOKIES is not set" in caplog.text


def test_empty_timeline_is_not_an_error(db: Database, server: ReplayServer) -> None:
    page(server, "weibo/timeline_end.json")
    summary = run(db, server, [user(server)])
    assert summary.exit_code == 0 and not weibo_docs(db)
    assert len(server.hits(INDEX)) == 2


def test_login_page_instead_of_json(db: Database, server: ReplayServer) -> None:
    page(server, "weibo/login.html")
    summary = run(db, server, [user(server)])
    [err] = run_errors(db, summary.run_id)
    assert "answered with text/html, not the JSON expected" in err["error"] and err["raw_sha256"]


def test_unreachable_weibo_fails_the_source_only(db: Database, server: ReplayServer) -> None:
    sources: list[dict[str, Any]] = [
        {"name": "down", "type": "weibo_user", "uid": UID, "base_url": "http://127.0.0.1:9"},
        {
            "name": "wx",
            "type": "wechat_article",
            "urls": ["https://mp.weixin.qq.com/s/kling21"],
            "base_url": server.base_url,
        },
    ]
    summary = run(db, server, sources, retries=1)
    assert summary.failed_sources == ["down"]
    [err] = run_errors(db, summary.run_id)
    assert "network error" in err["error"] and err["raw_sha256"] is None
    assert db.execute("select count(*) from documents where source = 'wx'").fetchone()[0] == 1


def test_weibo_status_by_url_id_and_bid(db: Database, server: ReplayServer) -> None:
    server.add(
        "/statuses/show",
        Reply(body_file="weibo/status_show_4900000000000700.json"),
        query={"id": "4900000000000700"},
    )
    server.add(
        "/statuses/show", Reply(body_file="weibo/status_show_4900000000000900.json"), query={"id": P900}
    )
    server.add(
        "/statuses/show", Reply(body_file="weibo/status_missing.json"), query={"id": "4900000000000111"}
    )
    src = {
        "name": "posts",
        "type": "weibo_status",
        "base_url": server.base_url,
        "posts": [
            "https://m.weibo.cn/status/4900000000000700",
            P900,
            "https://weibo.com/1234567890/N0000001N",
            "not a post",
            "4900000000000700",
        ],
    }
    summary = run(db, server, [src])
    assert {r.headers["referer"] for r in server.hits("/statuses/show")} == {
        server.url(f"/status/{mid}") for mid in ("4900000000000700", P900, "4900000000000111")
    }
    docs = weibo_docs(db)
    assert docs["4900000000000700"]["status"] == "ok"
    assert docs[P900]["truncated"] == 0 and "结论" in docs[P900]["text"]
    assert docs["4900000000000111"]["status"] == "deleted"
    [err] = run_errors(db, summary.run_id)
    assert err["origin"] == "not a post" and "not a Weibo post URL or id" in err["error"]
    assert len(server.hits("/statuses/show")) == 3, "the duplicate post is asked once"
    server.clear_log()
    run(db, server, [src])
    assert not server.requests, "posts already stored are not asked again"
