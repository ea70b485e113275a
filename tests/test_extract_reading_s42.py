"""Session 42: fixes found by reading the misses of real reviews (each case written for its
mechanism, never copied from a set)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored
from tests.extract_helpers import quoted_of as _of


def _prices(text: str) -> list[tuple[str | None, float | None]]:
    return [(c.model, c.price_usd) for c in scored(claims_of(text)) if c.kind == "price"]


# ----- generation modes listed in a table cell -----

_MODES = """## 价格表

| 模型 | 生成方式 | 时长 | 价格 |
| --- | --- | --- | --- |
| Vidu Q2 | 文生视频、首尾帧生视频 | 4秒 | 10积分 |

| Model | Modes | Credits |
|---|---|---|
| Veo 3 Fast | text-to-video, image-to-video | 20 |
"""


def test_a_cell_of_modes_is_one_capability_per_mode() -> None:
    got = _of(_MODES, "capability")
    assert sorted(str(m) for m, _ in got) == ["Veo 3 Fast", "Veo 3 Fast", "Vidu Q2", "Vidu Q2"]
    assert {q for m, q in got if m == "Veo 3 Fast"} == {"Veo 3 Fast | text-to-video, image-to-video"}


def test_modes_cut_at_slashes_and_pluses_are_one_claim_each() -> None:
    text = "| 模型 | 模式 |\n|---|---|\n| 可灵2.1 | 文生视频/图生视频 + 首尾帧 |\n"
    assert [m for m, _ in _of(text, "capability")] == ["Kling 2.1"] * 3


def test_modes_in_a_row_without_outer_pipes() -> None:
    text = "| Model | Mode | Price |\n|---|\nwan2.2-i2v-plus | 图生视频 | ¥0.50 / 秒 |\n"
    assert _of(text, "capability") == [("Wan 2.2", "wan2.2-i2v-plus | 图生视频")]


def test_modes_in_a_row_opening_with_no_model_give_none() -> None:
    # (a day's task or a plan's modes: not what the heading's model offers)
    text = (
        "## Hailuo 2.3\n\n| Variant | Mode | Cost |\n|---|---|---|\n"
        "| Monday | T2V + I2V | $0.30 / 6s video |\n| Free plan | I2V only | $0 |\n"
    )
    assert _of(text, "capability") == [] and _of(text, "limitation") == []


@pytest.mark.parametrize(
    "text",
    [
        # a parameter table: the row opens with no model and prices nothing
        "## Veo 3\n\n| Parameter | Type | Values |\n|---|---|---|\n"
        "| mode | string | text-to-video / image-to-video |\n",
        # a use case that names a mode, not a list of modes
        "| 模型 | 价格 | 适用 |\n|---|---|---|\n| Vidu Q2 | ¥0.3 | 图生视频的批量测试 |\n",
        # a speed mode, not a generation mode
        "| Model | Mode | Time |\n|---|---|---|\n| Kling 2.1 | Relaxed | 5 min |\n",
        # modes under a header of what is missing, or of two kinds
        "| Model | Missing features | Price |\n|---|---|---|\n| Kling 2.1 | I2V | $0.3 |\n",
        "| Model | Pros and cons |\n|---|---|\n| Vidu Q2 | T2V, I2V |\n",
        "| Model | Not supported | Coming soon |\n|---|---|---|\n| Veo 3 | image-to-video | T2V |\n",
    ],
)
def test_no_modes_read_where_a_cell_lists_none(text: str) -> None:
    assert _of(text, "capability") == []


# ----- a row naming an edition and a tier prices the edition -----


def test_a_row_of_an_edition_and_a_tier_prices_the_edition() -> None:
    text = (
        "## Hailuo 2.3\n\n| Variant | Resolution | Cost |\n|---|---|---|\n"
        "| Pro | 1080p | $0.45 / video |\n| Fast Pro | 1080p | $0.30 / video |\n"
    )
    assert _prices(text) == [("Hailuo 2.3", 0.45), ("Hailuo 2.3 Fast", 0.3)]


def test_a_row_of_an_edition_and_another_word_stays_with_the_model() -> None:
    text = (
        "## Hailuo 2.3\n\n| Variant | Resolution | Cost |\n|---|---|---|\n"
        "| Fast preview | 768p | $0.20 / video |\n"
    )
    assert _prices(text) == [("Hailuo 2.3", 0.2)]


# ----- a part's or an episode's length is no generation time -----


@pytest.mark.parametrize(
    "text",
    [
        "用 Vidu Q2 做短剧，每集切成 6 段 × 约 10 秒。",
        "We cut the Kling 2.1 trailer into 3 clips x 8s each.",
        "用海螺做漫剧，一集三分钟，分镜要提前写好再生成。",
        "## Vidu Q2 快速档\n\n| 档位 | 每段 | 整集 |\n|---|---|---|\n| 快速 | 约 10 秒 | 约 60 秒 |\n",
        "## Kling 2.1 fast tier\n\n| Tier | Parts | Episode length |\n|---|---|---|\n"
        "| Fast | 4 | about 40 s |\n",
    ],
)
def test_a_parts_or_an_episodes_length_is_no_speed(text: str) -> None:
    assert _of(text, "speed") == []


def test_a_generation_time_column_beside_a_length_column_still_speaks() -> None:
    text = "| Model | Duration | Generation time |\n|---|---|---|\n| Kling 2.1 | 10 s | about 90 s |\n"
    assert [m for m, _ in _of(text, "speed")] == ["Kling 2.1"]


def test_minutes_for_each_of_several_clips_stay_a_speed() -> None:
    assert [m for m, _ in _of("Kling 2.1 rendered 3 clips x about 2 minutes each.", "speed")] == ["Kling 2.1"]


# ----- guards found by a fresh reader -----


def test_modes_under_a_verdict_column_stay_verdicts() -> None:
    text = "| Model | Best at | Worst at |\n|---|---|---|\n| Kling 2.1 | image-to-video | text-to-video |\n"
    assert _of(text, "capability") == []
    assert [m for m, _ in _of(text, "strength")] == ["Kling 2.1"]


def test_a_note_naming_another_models_price_keeps_it() -> None:
    text = (
        "## Hailuo 2.3 pricing\n\n| Variant | Cost | Note |\n|---|---|---|\n"
        "| Fast Pro | $0.19 | Kling 2.1 also costs $0.19 |\n"
    )
    assert ("Kling 2.1", 0.19) in _prices(text)


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("Kling 2.1 每段 3 分钟出片，整体还算能接受。", 180.0),
        ("Veo 3.1: 5 clips × 30 s render time, which is fast.", 30.0),
        ("Veo 3.1 took 3 x 40s to render my three clips.", 40.0),
        ("| Model | Duration |\n|---|---|\n| Veo 3.1 | 8s clip, rendered in 40s |\n", 40.0),
    ],
)
def test_a_time_said_to_be_waited_for_stays_a_speed(text: str, seconds: float) -> None:
    assert [c.generation_s for c in scored(claims_of(text)) if c.kind == "speed"] == [seconds]


def test_modes_under_a_header_that_names_no_offer_give_none() -> None:
    text = "| Model | Failed on | Score |\n|---|---|---|\n| Veo 3.1 | image-to-video | 6/10 |\n"
    assert _of(text, "capability") == []


def test_a_note_naming_the_same_models_price_keeps_it() -> None:
    text = (
        "## Veo 3.1 pricing\n\n| Tier | Price | Note |\n|---|---|---|\n"
        "| Fast | $0.15/s | Veo 3.1 was $0.15/s too |\n"
    )
    assert ("Veo 3.1", 0.15) in _prices(text)


def test_a_share_of_compute_is_no_price_change() -> None:
    for text in ("Hailuo 2.3 costs 50% less compute than Hailuo 02.", "Hailuo 2.3 consumes 40% less VRAM."):
        assert [c for c in scored(claims_of(text)) if c.kind == "price_change"] == []


# ----- vague times, and the time a clip did not take -----


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Rendering one clip on Kling 2.1 took a few minutes.", 120.0, 300.0),
        ("Veo 3 needed a couple of minutes to render each clip.", 120.0, 180.0),
        ("用可灵2.1等了数分钟才出片。", 120.0, 300.0),
        ("Sora 生成一段视频可能要数小时。", 7200.0, 18000.0),
    ],
)
def test_a_vague_count_of_minutes_or_hours_is_a_ranged_speed(text: str, low: float, high: float) -> None:
    got = [(c.generation_s_min, c.generation_s_max) for c in scored(claims_of(text)) if c.kind == "speed"]
    assert got == [(low, high)]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 costs a few credits per clip.",  # a vague count of credits is no price
        "参数秒杀 Kling 2.1。",
        "Hailuo 02 loads, after thrashing the disk for several minutes.",
    ],
)
def test_a_vague_count_elsewhere_is_no_claim(text: str) -> None:
    assert [c for c in scored(claims_of(text)) if c.kind in ("speed", "price")] == []


def test_the_time_set_against_the_real_one_is_none() -> None:
    text = "Kling 2.1 生成一段视频需要 3 分钟，而不是 10 分钟。"
    assert [c.generation_s for c in scored(claims_of(text)) if c.kind == "speed"] == [180.0]


def test_a_spec_under_model_columns_is_quoted_to_its_cells_end() -> None:
    text = (
        "| Feature | Luma Ray2 | Pika 2.2 |\n|---|---|---|\n"
        "| Max length | 10 sec (extendable, Pro) | 5 sec (single shot) |\n"
    )
    quotes = {(m, q) for m, q in _of(text, "capability")}
    assert ("Luma Ray2", "Max length | 10 sec (extendable, Pro)") in quotes
    assert ("Pika 2.2", "Max length | 10 sec (extendable, Pro) | 5 sec (single shot)") in quotes


@pytest.mark.parametrize(
    "text",
    [
        "A few minutes into the generated video, Sora 2 loses coherence.",
        "Veo 3 renders a few seconds of 1080p video per prompt.",
        "Veo 3 needs a few seconds per frame to render.",
        "Kling 2.1 renders in 2 minutes, rather than the usual 10 minutes.",
    ],
)
def test_no_vague_or_contrasted_time_read_as_a_wait(text: str) -> None:
    assert [c.generation_s for c in scored(claims_of(text)) if c.kind == "speed"] in ([], [120.0])


def test_items_of_one_cell_under_model_columns_keep_their_own_quotes() -> None:
    text = (
        "| Feature | Kling 2.1 | Veo 3 |\n|---|---|---|\n"
        "| Max length | 10 sec (Pro), 5 sec (free) | 8 sec |\n"
    )
    quotes = {q for m, q in _of(text, "capability") if m == "Kling 2.1"}
    assert "Max length | 10 sec (Pro)" in quotes
