"""Headless Chromium against a real `pingce serve`: claims table, a facet, evidence and the price chart,
and a screenshot walk of every page the README lists, on the demo data.

Screenshots go to test-artifacts/. Skipped when Chromium is not installed
(Debian: `apt-get install chromium`).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import ingest.web
from tests.dbfixtures import ServedDatasette, build_sample_db
from tests.readme_pages import build_demo_db, readme_pages

METADATA = yaml.safe_load((Path(ingest.web.__file__).parent / "metadata.yml").read_text("utf-8"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = next(
    (
        p
        for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
        if p and Path(p).exists()
    ),
    None,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedDatasette]:
    db = build_sample_db(tmp_path_factory.mktemp("browser") / "pingce.db")
    with ServedDatasette(db) as served:
        yield served


#: Off: background networking, component updates, sync and the other calls home. Debian's
#: Chromium still asks update.googleapis.com and accounts.google.com with all of them, so
#: every non-loopback request also goes to a proxy on loopback that answers nothing.
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--no-pings",
    "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate",
)
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, nothing is forwarded


def chromium_command(url: str, profile: Path, *args: str, proxy: str = DEAD_PROXY) -> list[str]:
    assert CHROMIUM is not None
    return [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        *QUIET_FLAGS,
        f"--proxy-server={proxy}",  # loopback itself bypasses a proxy: the served pages load directly
        f"--user-data-dir={profile}",
        "--window-size=1280,1400",
        "--virtual-time-budget=3000",
        *args,
        url,
    ]


def chromium(url: str, profile: Path, *args: str) -> str:
    done = subprocess.run(chromium_command(url, profile, *args), capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class ProxyRecorder:
    """A loopback 'proxy' that records the first line of every request and answers nothing."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.seen: list[str] = []
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            try:
                conn.settimeout(2)
                self.seen.append(conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1"))
            except OSError:
                pass
            finally:
                conn.close()

    def close(self) -> None:
        self.sock.close()


def test_chromium_reaches_nothing_beyond_loopback(server: ServedDatasette, tmp_path: Path) -> None:
    """The tests' own command line: the served page loads, every other request meets the proxy."""
    recorder = ProxyRecorder()
    try:
        cmd = chromium_command(
            f"{server.base}/pingce", tmp_path / "profile", "--dump-dom", proxy=recorder.url
        )
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
        time.sleep(0.5)
    finally:
        recorder.close()
    assert done.returncode == 0 and "claims" in done.stdout, "the loopback page loaded directly"
    assert all(f"127.0.0.1:{server.port}" not in line for line in recorder.seen), "loopback is not proxied"
    hosts = {line.split()[1] for line in recorder.seen if len(line.split()) > 1}
    assert not any(h.startswith(("http://127.", "127.", "localhost")) for h in hosts)
    for flag in ("--disable-background-networking", "--disable-component-update", "--disable-sync"):
        assert flag in cmd


def dom_and_screenshot(url: str, name: str, tmp_path: Path) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    dom = chromium(url, tmp_path / "profile", "--dump-dom")
    chromium(url, tmp_path / "profile", f"--screenshot={shot}")
    assert shot.exists() and shot.stat().st_size > 5000, f"no screenshot at {shot}"
    return dom


def test_claims_table_with_a_facet(server: ServedDatasette, tmp_path: Path) -> None:
    dom = dom_and_screenshot(
        f"{server.base}/pingce/claims?_facet=kind&kind=bug", "claims_facet_kind", tmp_path
    )
    assert "手指抽搐的问题仍然存在" in dom and "杯子有时凭空出现在桌上" in dom
    assert "运镜非常流畅" not in dom  # filtered out by the kind=bug facet
    assert 'class="facet-info' in dom and "facet-kind" in dom
    assert "[in context]" in dom and "/pingce/documents/weibo~3A5170000000001" in dom
    described = len(METADATA["databases"]["pingce"]["tables"]["claims"]["columns"])
    assert f"<summary>Column descriptions ({described})</summary>" in dom  # folded by the plugin's script


def test_claim_evidence_marks_the_quote(server: ServedDatasette, tmp_path: Path) -> None:
    dom = dom_and_screenshot(f"{server.base}/pingce/claim_evidence?kind=bug", "claim_evidence", tmp_path)
    assert '<mark class="evidence">手指抽搐的问题仍然存在</mark>' in dom
    assert 'href="https://weibo.com/1000000001/PaAbCdEf1"' in dom


def test_price_chart_renders(server: ServedDatasette, tmp_path: Path) -> None:
    dom = dom_and_screenshot(f"{server.base}/pingce/-/charts", "charts", tmp_path)
    assert dom.count('class="marks"') == 2
    assert "Price per second across vendors" in dom and "CNY per second" in dom
    assert "Kling 2.1 Master" in dom and "role-mark" in dom


# ---------------------------------------------------------------- the README's pages, on the demo data
@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedDatasette]:
    db = build_demo_db(tmp_path_factory.mktemp("demo") / "pingce.db")
    with ServedDatasette(db) as served:
        yield served


#: What each page must show beyond rows (the demo notes are examples/notes).
EXPECT = {
    "price_table": ["[history]", "[changes]", ">doc 1</a>", "true: see conflicts", "Kling 2.1 Master"],
    "price_history": ["5秒35灵感值", "/pingce/documents/"],
    "price_conflicts": ["40 灵感值", "35 灵感值"],
    "price_changes": ["conflict", "35 灵感值", ">doc 1</a>", "price-changes.atom"],
    "price-changes.atom": ["urn:uuid:", "conflicting 35 灵感值", "https://mp.weixin.qq.com/s/"],
    "model_bugs_strengths": ["Hailuo 02", "pingce-model-pick"],
    "compare_models": ["Kling 2.1", "Hailuo 02"],
    "search": ["手指"],
    "claim_evidence": ['<mark class="evidence">'],
    "charts": ['class="marks"', "CNY per second", "USD per second", "7.18 CNY/USD (2025-07-01)"],
    # by path where a page is listed twice: search across scripts finds the Traditional note
    "/pingce/search?q=变形": ["變形"],
    "/pingce/documents?_search=变形": ["實測"],
    "claims": ["facet-vendor", "[in context]"],
    "documents": ["↗"],
}


def _name(path: str) -> str:
    return path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].strip("-") or "index"


@pytest.mark.parametrize("path", readme_pages())
def test_screenshot_walk_of_the_readme_pages(demo_server: ServedDatasette, tmp_path: Path, path: str) -> None:
    import re

    import httpx

    name = _name(path)
    shot = f"walk-{readme_pages().index(path):02d}-{name}"  # a page listed twice keeps both screenshots
    dom = dom_and_screenshot(f"{demo_server.base}{path}", shot, tmp_path)
    for text in EXPECT.get(path, EXPECT[name]):
        assert text in dom, (path, text)
    if name not in ("charts", "price-changes.atom"):  # a table with rows, not an empty state
        body = dom.split('<table class="rows-and-columns">', 1)[1].split("</table>", 1)[0]
        assert body.count("<tr") >= 2, path
    assert "0 rows" not in dom and "Error 500" not in dom
    links = sorted(
        {h for h in re.findall(r'href="(/pingce/[^"#]*)"', dom) if "/-/" not in h or "charts" in h}
    )
    for href in links[:25]:  # the evidence and navigation links of the page resolve
        resp = httpx.get(demo_server.base + href.replace("&amp;", "&"), timeout=30)
        assert resp.status_code in (200, 302), (path, href, resp.status_code)
