"""HTML tables become Markdown pipe tables in parsed text; layout tables stay flattened."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract import extract_document
from ingest.parsers.html_text import html_to_text
from ingest.parsers.wechat import parse_wechat_article

_ROWS = (
    "<tr><td><strong>模型</strong></td><td>单条价格</td><td>生成耗时</td></tr>"
    "<tr><td><span>可灵2.1</span></td><td>35灵感值</td><td>约3分钟</td></tr>"
    "<tr><td>海螺02</td><td>25积分</td><td>90秒</td></tr>"
)


@pytest.fixture
def wechat_page() -> bytes:
    """An article page of the project's own fixtures with a comparison table in its body."""
    page = (Path(__file__).parent / "fixtures/replay/wechat/article_vidu.html").read_text("utf-8")
    para = '<p style="margin:0 8px;"><span>本文不谈价格。</span></p>'
    assert para in page
    return page.replace(para, f"<p>同一段提示词：</p><table><tbody>{_ROWS}</tbody></table>").encode()


def test_a_data_table_is_written_as_a_pipe_table() -> None:
    text = html_to_text(f"<p>对比如下：</p><table><tbody>{_ROWS}</tbody></table><p>完。</p>")
    assert text.split("\n") == [
        "对比如下：",
        "",
        "| 模型 | 单条价格 | 生成耗时 |",
        "| --- | --- | --- |",
        "| 可灵2.1 | 35灵感值 | 约3分钟 |",
        "| 海螺02 | 25积分 | 90秒 |",
        "",
        "完。",
    ]


def test_short_rows_are_padded_and_pipes_in_cells_kept_apart() -> None:
    html = "<table><tr><th>a|b</th><th>c</th></tr><tr><td>1</td></tr></table>"
    assert html_to_text(html).split("\n") == ["| a/b | c |", "| --- | --- |", "| 1 | |"]


def test_a_layout_table_keeps_the_plain_flattening() -> None:
    long_cell = "可灵2.1" + "画面很稳定，" * 30
    html = (
        f"<table><tr><td><p>{long_cell}</p><p>第二段</p></td><td>x</td></tr>"
        "<tr><td>y</td><td>z</td></tr></table>"
    )
    text = html_to_text(html)
    assert "|" not in text and "第二段" in text
    one_row = html_to_text("<table><tr><td>只有</td><td>一行</td></tr></table>")
    assert one_row == "只有 一行"


def test_the_tree_is_left_as_it_was() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from ingest.parsers.html_text import node_text

    tree = LexborHTMLParser(f"<div id='a'><table>{_ROWS}</table><p>后记</p></div>")
    before = tree.body.html if tree.body is not None else ""
    first = node_text(tree.css_first("#a"))
    assert tree.body is not None and tree.body.html == before
    assert node_text(tree.css_first("#a")) == first


def test_a_wechat_comparison_table_gives_each_row_its_price_and_time(wechat_page: bytes) -> None:
    doc = parse_wechat_article(wechat_page, "https://mp.weixin.qq.com/s/table")
    claims = extract_document(doc, "table")
    got = {(c.kind, c.model, c.credits or c.generation_s) for c in claims if c.kind in ("price", "speed")}
    assert got == {
        ("price", "Kling 2.1", 35.0),
        ("speed", "Kling 2.1", 180.0),
        ("price", "Hailuo 02", 25.0),
        ("speed", "Hailuo 02", 90.0),
    }


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=4), min_size=1, max_size=4))
def test_any_table_parses_and_keeps_every_cell_word(rows: list[list[str]]) -> None:
    import html as html_mod

    body = "".join("<tr>" + "".join(f"<td>{html_mod.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    text = html_to_text(f"<table>{body}</table>")
    for row in rows:
        for cell in row:
            for word in cell.replace("|", "/").split():
                if word.isprintable() and word.isascii() and word.isalnum():
                    assert word in text
