"""Model ids written as API paths (fal-ai/minimax/hailuo-2.3-fast/…) name one model, not the brand
and the model; an alias that carries an edition keeps it when a tier word follows (Kling v3 Turbo
Standard); flaws listed after a colon are claims of their own; fused and merged fingers are
flaws; 眼前一亮 is praise; "limits total duration to" is a length limit; praise items in a
highlights cell quote the whole cell; in "features Veo doesn't have" Veo is a yardstick; an upscale's
price (720p -> 2160p) and the price of a billing unit are no clip prices; a time spent each day is
no generation time; 异常 before a quality word is a degree (異常逼真); 不难看出 is no praise;
a person's own task timed (拍摄：2 小时) is no generation time."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of

_TABLE = (
    "| 模型 ID | 功能 | 分辨率 | 价格 |\n"
    "|---|---|---|---|\n"
    "| fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video | 图生视频 | 768p | 76 积分/6s |\n"
    "| fal-ai/minimax/hailuo-2.3/pro/text-to-video | 文生视频 | 1080p | 196 积分/次 |\n"
)


def test_an_api_path_names_the_model_of_its_row() -> None:
    prices = [(c.model, c.credits, c.resolution) for c in claims_of(_TABLE) if c.kind == "price"]
    assert prices == [("Hailuo 2.3 Fast", 76, "768p"), ("Hailuo 2.3", 196, "1080p")]


def test_a_brand_and_a_model_with_a_space_between_stay_two_mentions() -> None:
    text = "MiniMax / 海螺2.3 都支持图生视频。"
    assert "Hailuo 2.3" in {c.model for c in claims_of(text)}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Kling v3 Turbo Standard 生成速度很快。", "Kling 3.0 Turbo"),
        ("Kling 3.0 Turbo 生成速度很快。", "Kling 3.0 Turbo"),
        ("Kling 2.1 Master 生成速度很快。", "Kling 2.1 Master"),
    ],
)
def test_an_alias_keeps_its_edition_before_a_tier_word(text: str, model: str) -> None:
    assert [c.model for c in claims_of(text) if c.kind == "strength"] == [model]


def test_flaws_listed_after_a_colon_are_claims_of_their_own() -> None:
    text = (
        "Hailuo 02 gets hands wrong: 6 fingers, fingers fusing during motion, a thumb merged into the palm."
    )
    quotes = [c.quote for c in claims_of(text) if c.kind == "bug"]
    assert any("fusing" in q for q in quotes)
    assert any("merged into" in q and "fusing" not in q for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Hailuo 02: right hand fingers fused during the gesture.",
        "Hailuo 02: the thumb merged into the index finger.",
    ],
)
def test_fused_and_merged_fingers_are_flaws(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["bug"]


def test_an_eye_catching_result_is_praise() -> None:
    assert [c.kind for c in claims_of("可灵2.1让人眼前一亮。")] == ["strength"]


def test_limits_total_duration_is_a_length_limit() -> None:
    got = [(c.kind, c.model) for c in claims_of("Kling 3.0 limits total duration to 15 seconds.")]
    assert got == [("limitation", "Kling 3.0")]


def test_praise_items_in_a_highlights_cell_quote_the_whole_cell() -> None:
    text = "## 工具一览\n\n| 工具 | 特色 |\n|---|---|\n| **Pika** | 易用、快速 |\n"
    got = sorted(
        (c.quote, str(c.model_dump().get("feature"))) for c in claims_of(text) if c.kind == "strength"
    )
    assert got == [("易用、快速", "快速"), ("易用、快速", "易用")]


def test_the_model_that_lacks_the_features_is_a_yardstick() -> None:
    text = "Kling 3.0 offers features Veo simply doesn't have: native 4K at 60fps, and Motion Control."
    assert {c.model for c in claims_of(text) if c.kind == "capability"} == {"Kling 3.0"}
    assert [c.model for c in claims_of("Veo doesn't have native 4K.")] == ["Veo"]


def test_an_upscale_price_is_no_generation_price() -> None:
    text = "Luma Ray 2 upscaling: 720p -> 1080p 5s = 10 credits, 720p → 2160p 5s = 20 credits."
    assert [c for c in claims_of(text) if c.kind == "price"] == []
    kept = [c.credits for c in claims_of("Luma Ray 2: 720p 5s = 10 credits.") if c.kind == "price"]
    assert kept == [10]


def test_the_price_of_a_billing_unit_is_no_clip_price() -> None:
    text = "PixVerse v3.5 pricing. Each unit costs $0.01. A 5s 360p clip is 45 units ($0.45)."
    prices = [c.price_usd for c in claims_of(text) if c.kind == "price"]
    assert 0.01 not in prices and 0.45 in prices


@pytest.mark.parametrize(
    "text", ["用 Seedance 2.0 之前，总计 3 小时/天。", "With Seedance 2.0 I used to spend two hours a day."]
)
def test_a_time_spent_each_day_is_no_generation_time(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "speed"] == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Sora 生成的影片中，光影變化都顯得異常逼真。", ["strength"]),
        ("Sora 的动作异常僵硬。", ["bug"]),
        ("Sora 的画面出现了异常。", ["bug"]),
    ],
)
def test_yichang_before_a_quality_word_is_a_degree(text: str, kinds: list[str]) -> None:
    assert [c.kind for c in claims_of(text)] == kinds


def test_not_hard_to_see_is_no_praise() -> None:
    got = [c.kind for c in claims_of("从 Luma 的样片中不难看出，人物会变形。")]
    assert "strength" not in got and "bug" in got


def test_a_persons_own_task_timed_is_no_generation_time() -> None:
    text = "用 Seedance 2.0 之前：\n- 拍摄：2 小时（准备食材）\n- 剪辑：1 小时\n"
    assert [c for c in claims_of(text) if c.kind == "speed"] == []
    kept = [c.generation_s for c in claims_of("Kling 2.1 took 3 minutes to render.") if c.kind == "speed"]
    assert kept == [180]
