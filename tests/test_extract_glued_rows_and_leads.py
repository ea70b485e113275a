"""Price rows run together under their header, a model that leads another, problems solved, and
times that are nobody's generation."""

from __future__ import annotations

import pytest

from ingest.parsers.clip import parse_clip_note
from tests.extract_helpers import claims_of, prices_of, scored


def _claims(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text))]


# ----- a flattened table whose header names its price columns -----
_GLUED = (
    "Pick a model\n\n"
    "ModelBest forCost / secDefault 5s clipInput\n"
    "hailuo-02Budget clips, b-roll$0.045$0.225text + image\n"
    "seedance-2-fastSocial shorts, quick drafts$0.30$1.50text + image\n"
)


def test_each_amount_of_a_glued_row_is_the_price_its_column_names() -> None:
    assert prices_of(_GLUED) == [
        ("Hailuo 02", None, 0.045, None, 1.0),
        ("Hailuo 02", None, 0.225, None, 5.0),
        ("Seedance 2.0 Fast", None, 0.30, None, 1.0),
        ("Seedance 2.0 Fast", None, 1.50, None, 5.0),
    ]


def test_a_glued_row_with_an_amount_too_many_prices_nothing() -> None:
    rows = _GLUED.replace("$0.30$1.50", "$0.30$1.50$9.99")
    assert [p for p in prices_of(rows) if p[0] == "Seedance 2.0 Fast"] == []


def test_an_edition_run_into_the_next_cells_capital_is_still_the_names() -> None:
    text = "seedance-2-fastSocial shorts cost $0.30/sec.\nseedance-2-fastest options cost $0.50/sec."
    assert [p[0] for p in prices_of(text)] == ["Seedance 2.0 Fast", "Seedance 2.0"]


@pytest.mark.parametrize(
    ("text", "usd"),
    [
        ("Kling 2.1 API. For every second of video you generated, you will be charged **$0.42** flat.", 0.42),
        ("Veo 3 API. For each second of output, it costs $0.50.", 0.50),
        ("可灵2.1接口，每生成一秒视频，收费0.5元。", None),
    ],
)
def test_a_second_said_before_the_amount_prices_one_second(text: str, usd: float | None) -> None:
    prices = prices_of(text)
    assert len(prices) == 1 and prices[0][4] == 1.0
    if usd is not None:
        assert prices[0][2] == usd


# ----- names in brackets side by side -----
def test_bracketed_names_side_by_side_share_the_price() -> None:
    text = "* \\[MiniMax-Hailuo-02] \\[MiniMax-Hailuo-2.3]，生成单条768p，6s视频，扣减1积分\n"
    assert [(m, c) for m, c, *_ in prices_of(text)] == [("Hailuo 02", 1.0), ("Hailuo 2.3", 1.0)]


@pytest.mark.parametrize(
    "text",
    ["海螺02 生成失败的视频不会扣减积分。", "可灵2.1 生成失败会返还灵感值。"],
)
def test_a_failed_generation_not_billed_is_no_bug(text: str) -> None:
    assert _claims(text) == []


def test_failing_often_is_still_a_bug() -> None:
    assert _claims("可灵2.1经常生成失败。") == [("bug", "Kling 2.1")]


# ----- the model a sentence says leads another -----
def test_what_follows_a_lead_over_a_rival_stays_the_leaders() -> None:
    text = "但是Seedance 2.0，在镜头的美感上，领先了Sora一个世代，而且能直出声音和BGM。"
    got = _claims(text)
    assert ("strength", "Seedance 2.0") in got and ("capability", "Seedance 2.0") in got
    assert all(m == "Seedance 2.0" for _, m in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seedance 2.0几乎解决了分镜的问题。", [("strength", "Seedance 2.0")]),
        ("Veo 3 finally solved the consistency problem.", [("strength", "Veo 3")]),
        ("海螺02没有解决这个问题。", []),
    ],
)
def test_a_problem_solved_is_a_strength(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


# ----- minutes and hours with no word of making or waiting -----
@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 发布了。我在朋友圈感慨了一句。几个小时后，整个圈子都炸锅了。",
        "PixVerse R1 很好玩。我就一直看着它演，演着演着2分钟过去了。",
    ],
)
def test_minutes_of_a_story_are_no_generation_time(text: str) -> None:
    assert [k for k, _ in _claims(text) if k == "speed"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2: the video is ready for download after about 3 minutes.",
        "Generation Speed 2-5 min for Kling 3.0.",
        "可灵2.1这次等了5分钟。",
    ],
)
def test_minutes_of_making_or_waiting_stay_speeds(text: str) -> None:
    assert "speed" in [k for k, _ in _claims(text)]


# ----- models the registry now knows -----
@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("而这一次\n豆包PixelDance\n，做到了。\n\n人物动作几乎毫无瑕疵。", "PixelDance"),
        ("FramePack只需6GB显存就能跑。", "FramePack"),
    ],
)
def test_bytedance_and_open_models_are_named(text: str, model: str) -> None:
    assert model in {m for _, m in _claims(text)}


# ----- a clipped note with a line break inside a table cell stays Markdown -----
def test_a_break_in_a_table_cell_keeps_the_note_markdown() -> None:
    note = (
        "---\ntitle: 资源包\n---\n\n## 正文\n\n"
        "| 类型 | 基础包<br />（节省 5%） |\n| :-- | :-- |\n| 折扣价 | ¥7,000 |\n\n"
        "<Info>\n  说明：\n\n  * 第一条\n  * 第二条\n</Info>\n"
    )
    text = parse_clip_note(note.encode(), "n.md").text
    assert "| 类型 | 基础包 （节省 5%） |" in text
    assert "\n* 第一条\n* 第二条" in text
    assert "<Info>" not in text and "</Info>" not in text


# ----- a quality found short, a summary label, a number on the next line -----
@pytest.mark.parametrize(
    "text",
    ["海螺的整体美感略显不足。", "即梦的真实感略显不足。", "Vidu的画质稍显不足。"],
)
def test_a_quality_found_short_is_a_flaw(text: str) -> None:
    assert [k for k, _ in _claims(text)] == ["bug"]


def test_a_summary_label_is_no_feature_and_its_verdict_is_read() -> None:
    text = "### 海螺 AI\n- **简介**: 在写实能力上较强，生成的视频画面真实感较高。\n"
    assert {k for k, _ in _claims(text)} == {"strength"}


def test_a_feature_label_still_makes_a_feature_item() -> None:
    text = "### 可灵AI\n- **运动笔刷**: 支持用画笔指定运动轨迹。\n"
    assert _claims(text) == [("capability", "Kling")]


def test_a_list_number_on_the_next_line_is_no_version() -> None:
    text = (
        "1. **可灵AI**\n   - 支持文本生成视频。\n   - 详情: [可灵AI](https://example.com/p/1)\n\n"
        "2. **Pika**\n"
    )
    assert {m for _, m in _claims(text)} == {"Kling"}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("2024年12月，PixVerseV3.5上线，画质很好。", "PixVerse V3.5"),
        ("KlingV2.1很稳。", "Kling 2.1"),
        # a type name in code is no version: KlingV3MultiPromptElement
        ("可灵很稳。`list<KlingV3MultiPromptElement>`", "Kling"),
        ("可灵BUG也是个很有意思的事，经常崩。", "Kling"),
    ],
)
def test_a_version_run_into_the_name(text: str, model: str) -> None:
    assert {m for _, m in _claims(text)} == {model}


def test_an_inference_time_column_beside_a_way_of_running_it_times_each_row() -> None:
    text = (
        "可灵2.1 本地部署的测试如下\n"
        "| GPU型号 | 推荐精度 | 推理时间 | 优化方案 |\n|---|---|---|---|\n"
        "| RTX 3090 | INT8 | 75秒 | CPU卸载 |\n| RTX 4090 | BF16 | 45秒 | 模型分片 |\n"
    )
    speeds = [(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"]
    assert speeds == [("Kling 2.1", 75.0), ("Kling 2.1", 45.0)]
