"""A small invented database for the Datasette, export and browser tests.

Prices for Kling 2.1 high-quality 1080p 5s disagree (35 灵感值 in two documents,
40 in a newer one); Veo 3 is a one-to-one tie that the newer document wins; a
clipper's summary states a Kling 2.1 standard price that must not count.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from db import open_db
from db.store import save_document, save_models, save_source
from schemas.claim import Claim
from schemas.document import Document

CST = dt.timezone(dt.timedelta(hours=8))

MODELS = [
    {"name": "Kling 2.1", "vendor": "Kuaishou", "brand": "Kling", "aliases": ["可灵2.1"]},
    {"name": "Kling 2.1 Master", "vendor": "Kuaishou", "brand": "Kling", "aliases": []},
    {"name": "Seedance 2.0", "vendor": "ByteDance", "brand": "Seedance", "aliases": []},
    {"name": "Veo 3", "vendor": "Google", "brand": "Veo", "aliases": []},
    {"name": "Hailuo 02", "vendor": "MiniMax", "brand": "Hailuo", "aliases": ["海螺02"]},
]

_PAD = "前情提要：这是一篇关于视频生成模型的长评测，作者测试了很多提示词和场景。"

DOCS: list[dict[str, Any]] = [
    {
        "source": "weibo-kling",
        "platform": "weibo",
        "id": "5170000000001",
        "url": "https://weibo.com/1000000001/PaAbCdEf1",
        "title": "可灵2.1上手",
        "published_at": dt.datetime(2025, 5, 29, 10, 0, tzinfo=CST),
        "text": _PAD + "可灵2.1标准模式720p生成5秒视频消耗20灵感值。高品质模式1080p 5秒要35灵感值。"
        "但是手指抽搐的问题仍然存在，人物转身时很明显。",
        "claims": [
            (
                "price",
                "Kling 2.1",
                "standard",
                "标准模式720p生成5秒视频消耗20灵感值",
                {
                    "credits": 20,
                    "credit_unit": "灵感值",
                    "price_cny": 2.0,
                    "resolution": "720p",
                    "duration_s": 5,
                },
            ),
            (
                "price",
                "Kling 2.1",
                "high-quality",
                "高品质模式1080p 5秒要35灵感值",
                {
                    "credits": 35,
                    "credit_unit": "灵感值",
                    "price_cny": 3.5,
                    "resolution": "1080p",
                    "duration_s": 5,
                },
            ),
            ("bug", "Kling 2.1", None, "手指抽搐的问题仍然存在", {}),
        ],
    },
    {
        "source": "wechat-reviews",
        "platform": "wechat",
        "id": "wx-0002",
        "url": "https://mp.weixin.qq.com/s/Kling21Review",
        "title": "实测可灵2.1：运镜流畅",
        "published_at": dt.datetime(2025, 6, 2, 9, 30, tzinfo=CST),
        "text": "我们用同一组提示词测试了可灵2.1。高品质1080p每条5秒花35灵感值，运镜非常流畅，"
        "光影也比1.6版本自然。海螺02的768p 6秒视频大约2元。",
        "claims": [
            (
                "price",
                "Kling 2.1",
                "high-quality",
                "高品质1080p每条5秒花35灵感值",
                {"credits": 35, "credit_unit": "灵感值", "resolution": "1080p", "duration_s": 5},
            ),
            ("strength", "Kling 2.1", None, "运镜非常流畅", {}),
            (
                "price",
                "Hailuo 02",
                None,
                "海螺02的768p 6秒视频大约2元",
                {"price_cny": 2.0, "resolution": "768p", "duration_s": 6},
            ),
        ],
    },
    {
        "source": "wechat-reviews",
        "platform": "wechat",
        "id": "wx-0003",
        "url": "https://mp.weixin.qq.com/s/Kling21Master",
        "title": "可灵2.1大师版值不值",
        "published_at": dt.datetime(2025, 6, 10, 20, 0, tzinfo=CST),
        "text": "调价之后，可灵2.1高品质1080p 5秒变成40灵感值。大师版1080p 5秒100灵感值，约10元。"
        "大师版的物理效果更可信。",
        "claims": [
            (
                "price",
                "Kling 2.1",
                "high-quality",
                "可灵2.1高品质1080p 5秒变成40灵感值",
                {"credits": 40, "credit_unit": "灵感值", "resolution": "1080p", "duration_s": 5},
            ),
            (
                "price",
                "Kling 2.1 Master",
                None,
                "大师版1080p 5秒100灵感值，约10元",
                {
                    "credits": 100,
                    "credit_unit": "灵感值",
                    "price_cny": 10.0,
                    "resolution": "1080p",
                    "duration_s": 5,
                },
            ),
            ("strength", "Kling 2.1 Master", None, "大师版的物理效果更可信", {}),
        ],
    },
    {
        "source": "clips",
        "platform": "clip",
        "id": "clip-0004",
        "url": "https://www.xiaohongshu.com/explore/seedance2",
        "title": "Seedance 2.0 体验",
        "published_at": dt.datetime(2025, 6, 15, 12, 0, tzinfo=CST),
        "text": "Seedance 2.0 的1080p 5秒视频售价3.6元。杯子有时凭空出现在桌上。",
        "summary": "AI 摘要：作者认为可灵2.1标准模式5秒只要15灵感值。",
        "claims": [
            (
                "price",
                "Seedance 2.0",
                None,
                "1080p 5秒视频售价3.6元",
                {"price_cny": 3.6, "resolution": "1080p", "duration_s": 5},
            ),
            ("bug", "Seedance 2.0", None, "杯子有时凭空出现在桌上", {}),
            (
                "price",
                "Kling 2.1",
                "standard",
                "可灵2.1标准模式5秒只要15灵感值",
                {
                    "credits": 15,
                    "credit_unit": "灵感值",
                    "resolution": "720p",
                    "duration_s": 5,
                    "section": "summary",
                },
            ),
        ],
    },
    {
        "source": "weibo-kling",
        "platform": "weibo",
        "id": "5170000000005",
        "url": "https://weibo.com/1000000002/PaVeo3Old",
        "title": "Veo 3 价格",
        "published_at": dt.datetime(2025, 5, 1, 8, 0, tzinfo=CST),
        "text": "Veo 3 生成一条8秒1080p视频要6美元，声音同步很好。",
        "claims": [
            (
                "price",
                "Veo 3",
                None,
                "8秒1080p视频要6美元",
                {"price_usd": 6.0, "resolution": "1080p", "duration_s": 8},
            ),
            ("strength", "Veo 3", None, "声音同步很好", {}),
        ],
    },
    {
        "source": "clips",
        "platform": "file",
        "id": None,
        "url": None,
        "title": "Veo 3 降价笔记",
        "published_at": dt.datetime(2025, 7, 1, 8, 0, tzinfo=CST),
        "text": "降价后 Veo 3 的8秒1080p视频只要4美元。",
        "claims": [
            (
                "price",
                "Veo 3",
                None,
                "8秒1080p视频只要4美元",
                {"price_usd": 4.0, "resolution": "1080p", "duration_s": 8},
            ),
        ],
    },
]


def _claim(
    doc: Document, kind: str, model: str, tier: str | None, quote: str, extra: dict[str, Any]
) -> Claim:
    fields = dict(extra)
    section = fields.pop("section", "body")
    text = doc.section_text(section)
    start = text.index(quote)
    return Claim(
        document=doc.url or doc.key(),
        kind=kind,
        model=model,
        tier=tier,
        quote=quote,
        start=start,
        end=start + len(quote),
        section=section,
        confidence=0.9,
        method="test/1",
        **fields,
    )


def build_sample_db(path: Path) -> Path:
    """Write the invented corpus to ``path`` through the project's own writers."""
    db = open_db(path)
    save_models(db, MODELS)
    for spec in DOCS:
        save_source(db, spec["source"], "test", {})
        doc = Document(
            platform=spec["platform"],
            id=spec["id"],
            url=spec["url"],
            title=spec["title"],
            published_at=spec["published_at"],
            text=spec["text"],
            summary=spec.get("summary"),
        )
        claims = [_claim(doc, *c) for c in spec["claims"]]
        save_document(db, doc, spec["source"], raw_sha=None, claims=claims, version=1)
    db.conn.commit()
    db.execute("pragma wal_checkpoint(truncate)")
    db.conn.close()
    return path


# ---------------------------------------------------------------- a real `pingce serve`
def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServedDatasette:
    """`python -m ingest serve --db PATH` on a free loopback port, stopped on exit."""

    def __init__(self, db_path: Path, *extra: str, timeout: float = 90.0) -> None:
        self.db_path, self.extra, self.timeout = db_path, extra, timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: Any = None
        self.log_path = db_path.with_suffix(".serve.log")

    def __enter__(self) -> ServedDatasette:
        import subprocess
        import sys
        import time

        import httpx

        self._log = self.log_path.open("wb")
        cmd = [
            sys.executable,
            "-m",
            "ingest",
            "serve",
            "--db",
            str(self.db_path),
            "--port",
            str(self.port),
            *self.extra,
        ]
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.__exit__(None, None, None)
                raise RuntimeError(f"pingce serve exited {self.proc.returncode}: {self.log()}")
            try:
                if httpx.get(self.base + "/-/versions.json", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise TimeoutError(f"pingce serve not ready after {self.timeout}s: {self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-3000:]

    def __exit__(self, *exc: object) -> None:
        import subprocess

        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()
