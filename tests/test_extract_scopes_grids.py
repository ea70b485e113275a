"""Scopes and grids read from real layouts: a pros/cons label under a model's heading stays in that
model's section; a section number in a heading is no version; a price grid with clip lengths down
the side and resolutions across the top; a poor quality said with 差; models given as examples
(比如 A、B) are who a sentence is about; the clip length of a timed test is no capability."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize("label", ["缺点：", "**缺点**：", "Cons:"])
def test_a_pros_cons_label_under_a_model_heading_keeps_the_heading_model(label: str) -> None:
    text = f"### Vidu\n\n优点：\n- 运镜非常流畅\n\n### Hailuo\n\n{label}\n- 画面质量一般\n- 生成速度很慢\n"
    got = {(c.kind, c.model) for c in claims_of(text) if c.kind in ("strength", "bug")}
    assert ("strength", "Vidu") in got
    assert ("bug", "Hailuo") in got
    assert ("bug", "Vidu") not in got


@pytest.mark.parametrize("number", ["2.3", "02"])
def test_a_section_number_in_a_heading_is_no_version(number: str) -> None:
    text = f"## 二、海螺AI简介\n\n### {number} 功能\n\n- 支持生成6秒视频\n- 画面质量一般\n"
    models = {c.model for c in claims_of(text) if c.kind in ("capability", "bug")}
    assert models == {"Hailuo"}


def test_a_version_heading_still_names_the_version() -> None:
    text = "## 海螺AI\n\n### 海螺 2.3 版本\n\n- 画面质量一般\n"
    assert [c.model for c in claims_of(text) if c.kind == "bug"] == ["Hailuo 2.3"]


def test_a_price_grid_gives_each_cell_its_row_length_and_column_resolution() -> None:
    text = (
        "### Vidu Q2 价格\n\n"
        "| 时长 | 720p | 1080p |\n"
        "| --- | --- | --- |\n"
        "| 4s | $0.20 | $0.40 |\n"
        "| 8 秒 | $0.35 | $0.70 |\n"
    )
    got = sorted((c.duration_s, c.resolution, c.price_usd) for c in claims_of(text) if c.kind == "price")
    assert got == [(4.0, "1080p", 0.4), (4.0, "720p", 0.2), (8.0, "1080p", 0.7), (8.0, "720p", 0.35)]
    assert {c.model for c in claims_of(text) if c.kind == "price"} == {"Vidu Q2"}


@pytest.mark.parametrize(
    "text",
    ["Pika的画面质量很差。", "即梦的画质比较差。", "可灵在细节上表现差。"],
)
def test_a_poor_quality_said_with_cha_is_a_flaw(text: str) -> None:
    assert "bug" in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize("text", ["两者的画质差不多。", "Pika和Vidu的画质差距不小。"])
def test_cha_in_a_comparison_word_is_no_flaw(text: str) -> None:
    assert "bug" not in [c.kind for c in claims_of(text)]


def test_models_given_as_examples_are_who_the_sentence_is_about() -> None:
    text = "Wan2.2是这次的主角。早期的视频模型，比如Vidu、Pika，生成一段4秒视频要等好几分钟。"
    got = sorted(c.model or "" for c in claims_of(text) if c.kind == "speed")
    assert got == ["Pika", "Vidu"]


@pytest.mark.parametrize(
    "text",
    [
        "在4090上，Wan2.2生成一段5秒视频要等8分钟。",
        "Hunyuan 在 A100 上生成 720p 的 5 秒视频耗时约 6 分钟。",
    ],
)
def test_the_clip_of_a_timed_test_is_no_capability(text: str) -> None:
    kinds = [c.kind for c in claims_of(text)]
    assert "speed" in kinds
    assert "capability" not in kinds


def test_a_price_and_its_alternative_each_take_the_edition_said_with_them() -> None:
    text = (
        "Veo 3.1 comes in two modes. An 8-second 1080P clip costs 400 credits ($3.20) with Pro, "
        "or 150 credits ($1.20) with Fast."
    )
    got = sorted(
        (c.model, c.credits, c.price_usd, c.duration_s, c.resolution)
        for c in claims_of(text)
        if c.kind == "price"
    )
    assert got == [
        ("Veo 3.1", 400.0, 3.2, 8.0, "1080p"),
        ("Veo 3.1 Fast", 150.0, 1.2, 8.0, "1080p"),
    ]
    assert "credit_rate" not in [c.kind for c in claims_of(text)]


def test_the_required_column_of_a_parameter_table_is_no_verdict() -> None:
    text = (
        "### Vidu Q2 API\n\n"
        "| Parameter | Type | Required | Description |\n"
        "|---|---|---|---|\n"
        "| prompt | string | Yes | What the video shows. |\n"
        "| duration | string | No | Clip length in seconds. |\n"
    )
    assert [c.kind for c in claims_of(text) if c.kind in ("capability", "limitation")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Let's take a look at what Vidu Q2 is good at and where it disappoints.",
        "This review tells you when Hailuo 02 shines and when it falls short.",
        "We'll see what Pika does well and where it struggles.",
        "本文将告诉你可灵2.1哪里出色、哪里翻车。",
    ],
)
def test_a_sentence_announcing_what_the_piece_will_show_gives_no_verdict(text: str) -> None:
    assert [c.kind for c in claims_of(text) if c.kind in ("strength", "bug")] == []


def test_a_verdict_before_an_announcement_in_the_sentence_stays() -> None:
    text = "Vidu Q2 is great at faces, but we will see how it handles hands."
    assert [c.kind for c in claims_of(text) if c.kind in ("strength", "bug")] == ["strength"]


@pytest.mark.parametrize("label", ["**优点**：", "**Pros**:", "优点："])
def test_items_under_a_bold_pros_label_are_strengths(label: str) -> None:
    text = f"### Vidu\n\n{label}\n- 生成速度最快\n- 运镜自然\n"
    got = [(c.kind, c.model) for c in claims_of(text) if c.kind in ("strength", "bug")]
    assert got == [("strength", "Vidu"), ("strength", "Vidu")]


def test_a_spec_cell_under_model_columns_is_quoted_from_its_row_label() -> None:
    text = "## 对比\n\n| | Vidu 2.0 | Hailuo 02 |\n| --- | --- | --- |\n| **最大时长** | 8秒 | 10秒 |\n"
    got = {c.model: c.quote for c in claims_of(text) if c.kind in ("capability", "limitation")}
    assert set(got) == {"Vidu 2.0", "Hailuo 02"}
    assert all(q.startswith("最大时长") for q in got.values())
    assert got["Hailuo 02"].endswith("10秒")


def test_praise_in_a_highlights_column_is_a_strength_a_feature_stays_a_capability() -> None:
    text = (
        "## 工具一览\n\n"
        "| 工具 | 公司 | 特色 |\n"
        "|---|---|---|\n"
        "| **Vidu** | 生数科技 | 长视频、运镜流畅 |\n"
        "| **Hailuo** | MiniMax | 上手快速 |\n"
    )
    got = sorted((c.kind, c.model) for c in claims_of(text) if c.kind in ("capability", "strength"))
    assert got == [("capability", "Vidu"), ("strength", "Hailuo"), ("strength", "Vidu")]


@pytest.mark.parametrize(
    "text",
    [
        "Sora 1 只能输出无声短片。",
        "Wan 2.1 需要高端 GPU 才能跑。",
        "Kling 高峰期排队时间很久。",
        "Runway gets long queue times in the evening.",
    ],
)
def test_silent_output_costly_hardware_and_long_queues_are_limitations(text: str) -> None:
    assert "limitation" in [c.kind for c in claims_of(text)]


def test_a_limitation_asked_about_is_not_stated() -> None:
    kinds = [c.kind for c in claims_of("Veo 3 的视频没有声音吗？")]
    assert "limitation" not in kinds


def test_a_puzzled_question_about_the_output_is_still_a_flaw() -> None:
    assert "bug" in [c.kind for c in claims_of("Vidu 生成的画面里，电风扇为什么会有两个？")]


def test_a_time_after_the_clip_a_generation_made_is_how_long_it_took() -> None:
    text = "HunyuanVideo 在A100上生成720×1280的49帧视频约4分25秒。"
    got = [(c.kind, c.generation_s) for c in claims_of(text) if c.kind in ("speed", "capability")]
    assert got == [("speed", 265.0)]


@pytest.mark.parametrize("text", ["Kling 2.1 生成的视频约2分钟长。", "Vidu 生成的视频10秒，画面很稳。"])
def test_the_length_of_a_made_clip_is_no_generation_time(text: str) -> None:
    assert "speed" not in [c.kind for c in claims_of(text)]


def test_an_alternative_that_states_what_credits_are_worth_is_a_credit_rate() -> None:
    claims = claims_of("可灵2.1生成一条5秒视频要20灵感值，而100灵感值等于10元。")
    assert [(c.credits, c.price_cny) for c in claims if c.kind == "price"] == [(20.0, 2.0)]
    assert [c.credits_per_cny for c in claims if c.kind == "credit_rate"] == [10.0]


def test_a_bare_version_on_a_list_item_is_the_model_s() -> None:
    text = "## 可灵\n\n- 1.6 只支持5秒视频\n"
    assert [c.model for c in claims_of(text) if c.kind == "limitation"] == ["Kling 1.6"]


def test_a_body_sentence_naming_another_model_does_not_keep_a_later_heading_from_the_document_model() -> None:
    text = "# Sora 2 评测\n\nVeo 3 的画面更稳定。\n\n## 缺点\n\n手指经常变形。\n"
    assert [c.model for c in claims_of(text) if c.kind == "bug"] == ["Sora 2"]


@pytest.mark.parametrize("item", ["画质增强", "快速模式", "强化学习运镜"])
def test_a_feature_named_with_a_praise_syllable_stays_a_feature(item: str) -> None:
    text = f"## 工具\n\n| 工具 | 公司 | 特色 |\n|---|---|---|\n| **Vidu** | 生数 | {item} |\n"
    assert [c.kind for c in claims_of(text) if c.kind in ("capability", "strength")] == ["capability"]
