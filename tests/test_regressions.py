"""One test per deliberate one-line bug the suite once missed (issue 12, case 14).

Each was checked by applying the bug and seeing the test fail: the 全文 trigger
for long-text expansion, one brand's credit rate priced into another brand's
credits, the 2 % agreement of implied rates, HTTP 429 retried, finished long
texts cleared from the pending list, and the WeChat verification-wall check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract import extract_document
from ingest.fetch.http import HttpClient
from ingest.fetch.http_policy import HostLimiter
from ingest.fetch.weibo_api import WeiboApi, needs_expansion
from ingest.parsers.wechat import parse_wechat_article
from ingest.reader import Fetched
from schemas.config import HttpSettings
from schemas.document import Document
from tests.replay import FAST_HTTP, ReplayServer, Reply, no_internet, replay_fixture  # noqa: F401

FIX = Path(__file__).parent / "fixtures"


def _prices(text: str) -> list[tuple[str | None, float | None, float | None]]:
    doc = Document(platform="clip", text=text, via="clip")
    return [(c.model, c.credits, c.price_cny) for c in extract_document(doc, "x") if c.kind == "price"]


def test_a_post_ending_in_quanwen_is_expanded() -> None:
    preview = Document(
        platform="weibo", id="5170000000000001", text="可灵2.1实测，画面很稳...全文", via="api"
    )
    assert needs_expansion(preview)
    assert not needs_expansion(preview.model_copy(update={"text": "可灵2.1实测，画面很稳。"}))


def test_a_brands_credit_rate_prices_only_its_own_credits() -> None:
    found = _prices(
        "可灵的充值价格是1元=10灵感值。海螺02生成一条6秒视频要30积分。可灵2.1生成一条5秒视频要20灵感值。"
    )
    assert ("Kling 2.1", 20.0, 2.0) in found
    assert ("Hailuo 02", 30.0, None) in found, "Kling's rate is not Hailuo's"


def test_implied_rates_must_agree_within_two_percent() -> None:
    base = (
        "可灵2.1生成一条5秒视频要20灵感值，相当于人民币2元。"
        "可灵2.1的1080p生成一条10秒视频要30灵感值，相当于人民币{cny}元。"
        "可灵2.1生成一条10秒的高品质视频要40灵感值。"
    )
    assert ("Kling 2.1", 40.0, 4.0) in _prices(base.format(cny="3")), "rates 10 and 10 agree"
    assert ("Kling 2.1", 40.0, None) in _prices(base.format(cny="3.3")), "rates 10 and 9.1 do not"


@pytest.mark.usefixtures("no_internet")
def test_http_429_is_retried(replay: ReplayServer) -> None:
    replay.add("/busy", Reply(429, headers={"Retry-After": "0"}), Reply(body="ok"))
    settings = HttpSettings.model_validate({**FAST_HTTP, "retries": 2})
    with HttpClient(settings, sleep=lambda _: None, limiter=HostLimiter()) as client:
        resp = client.get(replay.url("/busy"))
    assert (resp.status, resp.body, resp.attempts) == (200, b"ok", 2)


def test_a_finished_long_text_leaves_the_pending_list() -> None:
    api = object.__new__(WeiboApi)  # only expand_page is exercised: its expand is the network part
    post = Document(platform="weibo", id="5170000000000001", text="预览…全文", truncated=True, via="api")
    full = post.model_copy(update={"text": "可灵2.1的完整长文", "truncated": False})
    api.expand = lambda doc: (Fetched(origin="longtext", body=b"{}"), full)  # type: ignore[method-assign]
    pending = {"5170000000000001": 2, "5170000000000002": 1}
    _, items, refused = api.expand_page([post], [], pending)
    assert refused is None and items[0].documents == [full]
    assert pending == {"5170000000000002": 1}


def test_the_wechat_verification_wall_is_blocked_and_an_article_is_not() -> None:
    wall = parse_wechat_article((FIX / "wechat" / "verify.html").read_bytes(), "https://mp.weixin.qq.com/s/w")
    assert wall.status == "blocked" and wall.text == ""
    article = parse_wechat_article(
        (FIX / "wechat" / "normal_2025.html").read_bytes(), "https://mp.weixin.qq.com/s/a"
    )
    assert article.status == "ok" and article.text
    # a review that quotes the wall's words is still an article
    quoting = (
        (FIX / "wechat" / "normal_2025.html")
        .read_bytes()
        .replace(b"</body>", "<p>测试时遇到过环境异常，需要完成验证</p></body>".encode())
    )
    assert parse_wechat_article(quoting, "https://mp.weixin.qq.com/s/q").status == "ok"
    # a wall known only by its captcha frame, no words: still the wall
    bare = b'<html><head><title></title></head><body><div id="wappoc_appmsgcaptcha"></div></body></html>'
    assert parse_wechat_article(bare, "https://mp.weixin.qq.com/s/b").status == "blocked"
