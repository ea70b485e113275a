"""Specification layouts: lists under a spec or limit heading, limit labels and yes/no rows.

Every example is written for the rule it tests (Simplified, Traditional and English).
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _specs(text: str) -> set[tuple[str, str | None, str]]:
    return {
        (c.kind, c.model, c.quote) for c in scored(claims_of(text)) if c.kind in ("capability", "limitation")
    }


def test_a_spec_heading_makes_each_item_a_claim_of_its_own_polarity() -> None:
    text = (
        "Pika 2.2 Specs:\n\n  • Runs in the browser and on iOS\n\n  • Offers a turbo mode\n\n"
        "  • No lip sync\n"
    )
    assert _specs(text) == {
        ("capability", "Pika 2.2", "Runs in the browser and on iOS"),
        ("capability", "Pika 2.2", "Offers a turbo mode"),
        ("limitation", "Pika 2.2", "No lip sync"),
    }


def test_a_limit_heading_makes_every_item_a_limitation() -> None:
    text = "可灵2.1 目前的限制：\n- 单条最长 10 秒\n- 免费版带水印\n- 需要排队\n"
    found = _specs(text)
    assert {q for k, _, q in found if k == "limitation"} >= {"单条最长 10 秒", "免费版带水印", "需要排队"}
    assert not [q for k, _, q in found if k == "capability"]


def test_a_numbered_heading_after_a_bulleted_list_ends_the_list() -> None:
    text = "混元视频 技术参数:\n- 显存需求:48GB\n2. 训练细节讲解\n"
    found = _specs(text)
    assert ("limitation", "Hunyuan", "显存需求:48GB") in found
    assert not [q for _, _, q in found if "训练" in q]


def test_limits_and_something_else_leave_each_item_to_its_own_words() -> None:
    text = "Hailuo 02 Limits and Output\n- Output frame rate: 25 fps\n- Only 768p on the free plan\n"
    found = _specs(text)
    assert ("limitation", "Hailuo 02", "Only 768p on the free plan") in found
    assert not [q for k, _, q in found if k == "limitation" and "25 fps" in q]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "萬相 2.1 限制：免費版有浮水印，每天上限 5 支",
            [("limitation", "萬相 2.1 限制：免費版有浮水印"), ("limitation", "每天上限 5 支")],
        ),
        (
            "Veo 3 — not ideal for: long takes, or vertical ads",
            [("limitation", "not ideal for: long takes"), ("limitation", "vertical ads")],
        ),
    ],
)
def test_a_limit_label_gives_one_limitation_per_item(text: str, expected: list[tuple[str, str]]) -> None:
    found = _specs(text)
    for kind, key in expected:
        assert any(k == kind and key in q for k, _, q in found), found


def test_yes_no_cells_under_model_columns_belong_to_their_column() -> None:
    text = (
        "| 功能 | Vidu Q1 | Pika 2.2 |\n| --- | --- | --- |\n"
        "| 首尾帧 | ✅ | ❌ |\n| 口型同步 | 不支持 | 支持 |\n"
    )
    found = {(k, m) for k, m, q in _specs(text)}
    assert found == {
        ("capability", "Vidu Q1"),
        ("limitation", "Pika 2.2"),
        ("limitation", "Vidu Q1"),
        ("capability", "Pika 2.2"),
    }


def test_marks_in_a_flattened_table_follow_the_models_of_the_line_above() -> None:
    text = "对比项 Vidu 1.5 Vidu Q1 说明\n首尾帧 ❌ 不支持 ✅ 支持 新增\n"
    found = _specs(text)
    assert ("limitation", "Vidu 1.5", "首尾帧 ❌ 不支持") in found
    assert any(k == "capability" and m == "Vidu Q1" for k, m, _ in found)


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("可靈 2.1 規格\n| 項目 | 說明 |\n|---|---|\n| 豎屏 | ❌ |\n", "limitation", "豎屏 | ❌"),
        (
            "Veo 3 spec sheet\n| Item | Value |\n|---|---|\n| Native audio | Yes |\n",
            "capability",
            "Native audio | Yes",
        ),
        ("Sora 2 at a glance\n- Vertical video: No\n", "limitation", "Vertical video: No"),
    ],
)
def test_a_yes_or_no_answers_for_the_rows_model(text: str, kind: str, key: str) -> None:
    found = _specs(text)
    assert any(k == kind and key in q for k, _, q in found), found


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1 体验\n生成速度快 ✔\n",  # a verdict with a tick: no feature named
        "Kling 2.1 Specs:\n- Pro plan: $25 a month\n",  # a price, not a spec
    ],
)
def test_what_is_no_spec_row(text: str) -> None:
    assert not [q for k, _, q in _specs(text) if k in ("capability", "limitation") and ("✔" in q or "$" in q)]


def test_a_row_opening_with_a_model_under_feature_headers_gives_one_claim_per_answer() -> None:
    text = (
        "| 模型 | 最长时长 | 分辨率 | 原生音频 |\n|---|---|---|---|\n"
        "| 海螺02 | 6秒 | 768p | 无 |\n| Veo 3.1 | 8秒 | 1080p | ✅ |\n"
    )
    got = {(c.kind, c.model, c.feature) for c in scored(claims_of(text))}
    assert got == {
        ("capability", "Hailuo 02", "最长时长"),
        ("capability", "Hailuo 02", "分辨率"),
        ("limitation", "Hailuo 02", "原生音频"),
        ("capability", "Veo 3.1", "最长时长"),
        ("capability", "Veo 3.1", "分辨率"),
        ("capability", "Veo 3.1", "原生音频"),
    }


def test_in_a_price_row_a_length_is_what_the_price_buys_unless_its_header_is_a_maximum() -> None:
    text = (
        "| Model | Duration | Max length | Audio | Price |\n| --- | --- | --- | --- | --- |\n"
        "| Pika 2.2 | 5s | 10s | No | $0.20 per video |\n"
    )
    specs = {(c.kind, c.feature) for c in scored(claims_of(text)) if c.kind != "price"}
    assert specs == {("capability", "Max length"), ("limitation", "Audio")}


def test_header_cells_naming_no_feature_give_no_claims() -> None:
    text = "| Model | Votes | Rank |\n| --- | --- | --- |\n| Pika 2.2 | 120 | 3 |\n"
    assert not [c for c in scored(claims_of(text)) if c.kind in ("capability", "limitation")]


def test_a_pros_or_cons_column_gives_one_verdict_per_cell_quoting_the_cell() -> None:
    text = (
        "| 模型 | 生成时间 | 优点 | 缺点 |\n|---|---|---|---|\n"
        "| Vidu Q2 | 约40秒 | 表情细腻 | 背景偶尔闪烁 |\n| Pika 2.2 | 约2分钟 | 动作幅度大 | - |\n"
    )
    got = {(c.kind, c.model, c.quote) for c in scored(claims_of(text)) if c.kind in ("strength", "bug")}
    assert got == {
        ("strength", "Vidu Q2", "表情细腻"),
        ("bug", "Vidu Q2", "背景偶尔闪烁"),
        ("strength", "Pika 2.2", "动作幅度大"),
    }


def test_items_under_a_features_heading_are_capabilities_long_or_short() -> None:
    text = (
        "Veo 3.1 著重於實用的 內容創作 功能:\n\n"
        "  • 原生音訊生成(對話、環境音、SFX)整合於輸出。Veo 3.1 生成 原生音訊(對話 + 環境音 + SFX),"
        "與視覺時間軸對齊;模型旨在維持口型同步以及對話與場景提示的影音對齊。\n"
        "  • Scene Extension 與 First/Last Frame 模式,可在關鍵影格之間延展或插值畫面。\n"
        "  • 物件插入 與(即將推出的)物件移除,以及在 Flow 中的編輯基本操作。\n"
    )
    quotes = [c.quote for c in claims_of(text) if c.kind == "capability" and c.model == "Veo 3.1"]
    for word in ("原生音訊", "First/Last Frame", "物件插入"):
        assert any(word in q for q in quotes), word
