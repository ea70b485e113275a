"""Whose a claim is and what a number is, in shapes seen in real reviews: misspelt names, a
brand bare in its row, the original model, lists with commas, and table columns of time and of
monthly sums.

Every example is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of, scored


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text))]


def test_a_misspelt_name_with_a_named_models_version_is_that_model() -> None:
    text = "We compared Hailuo 2.3 and Sora 2. Hialo 2.3 Result: the skateboard looked natural and smooth."
    assert ("strength", "Hailuo 2.3") in _kinds(text)
    assert all(m != "Hialo 2.3" for _, m in _kinds(text))


def test_an_unknown_model_with_another_brands_version_stays_its_own() -> None:
    text = "Hunyuan 1.0 was fine. HappyHorse 1.0 showed great motion. HappyHorse 1.0 is good."
    assert ("strength", "HappyHorse 1.0") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 came first. Kling 2.6 is the first Kling with native audio generation.",
        "| Model | Released | Audio | Note |\n|---|---|---|---|\n| kling-2.1 | May 2025 | No | end frames |\n"
        "| kling-2.6 | Dec 2025 | Yes | First Kling with native synchronized audio |\n",
    ],
)
def test_a_bare_brand_is_the_version_its_sentence_or_row_names(text: str) -> None:
    caps = {m for k, m in _kinds(text) if k == "capability"}
    assert "Kling 2.6" in caps and "Kling 2.1" not in caps


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Sora 2的人脸很稳定。旧版Sora的人脸经常崩坏。", "Sora"),
        ("Sora 2 faces hold up. The original Sora often warped faces.", "Sora"),
    ],
)
def test_the_original_model_is_the_bare_brand(text: str, model: str) -> None:
    assert ("bug", model) in _kinds(text)
    assert ("bug", "Sora 2") not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Runway, Pika, and Luma all struggle with hands.",
        "早期的 Runway、Pika、或 Luma,对人脸结构的理解还不稳定。",
    ],
)
def test_a_list_of_models_with_a_comma_before_its_last_item_shares_the_claim(text: str) -> None:
    bugs = {m for k, m in _kinds(text) if k == "bug"}
    assert bugs == {"Runway", "Pika", "Luma"}


def test_a_comma_between_two_clauses_is_no_list() -> None:
    assert ("strength", "Kling 2.1") not in _kinds("Veo 3 is stunning, Kling 2.1 is next on the list.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("可灵2.1的动作几乎没有AI视频常见的肢体扭曲问题。", "strength"),
        ("可灵2.1没有解决肢体扭曲问题。", "bug"),
        ("Veo 3能大幅降低脸部崩坏的机率。", "strength"),
    ],
)
def test_a_flaw_denied_as_an_issue_or_reduced(text: str, kind: str) -> None:
    kinds = {k for k, _ in _kinds(text)}
    assert kind in kinds and ({"strength", "bug"} - {kind}).isdisjoint(kinds)


def test_an_average_completion_column_holds_speeds() -> None:
    text = (
        "| Model | Duration | Avg. completion |\n|---|---|---|\n"
        "| Vidu Q2 | 5s | ~70s |\n| Hailuo 02 | 6s | ~110s |\n"
    )
    speeds = {(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"}
    assert speeds == {("Vidu Q2", 70.0), ("Hailuo 02", 110.0)}


def test_a_monthly_cost_column_and_factors_are_no_clip_price() -> None:
    text = (
        "| 版本 | 单价 | 计算 | 月度成本(100条) |\n|---|---|---|---|\n"
        "| Veo 3 | $0.40/秒 | 8秒×$0.40=$3.2 | $320 |\n"
    )
    got = prices_of(text)
    assert ("Veo 3", None, 3.2, None, 8.0) in got
    assert all(p[2] != 320.0 for p in got)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Pika top-ups cost $10 for every 1,000 credits.", ("credits_per_usd", 100.0)),
        ("可灵充值10元/1000灵感值。", ("credits_per_cny", 100.0)),
    ],
)
def test_money_per_a_block_of_credits_is_a_rate_not_a_price(text: str, rate: tuple[str, float]) -> None:
    claims = claims_of(text)
    assert [getattr(c, rate[0]) for c in claims if c.kind == "credit_rate"] == [rate[1]]
    assert prices_of(text) == []


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Sora 2 supports generating videos of 4, 8, and 12 seconds.", 3),
        ("Veo 3.1的视频时长可在4、6 或 8 秒中选择。", 3),
    ],
)
def test_options_of_a_length_are_one_capability_each(text: str, n: int) -> None:
    caps = [c for c in claims_of(text) if c.kind == "capability"]
    assert len(caps) == n and all("4" in c.quote and "8" in c.quote for c in caps)


def test_options_of_a_length_are_no_speed() -> None:
    assert [c for c in claims_of("Runway Gen-3 的生成时长可选5或10s。") if c.kind == "speed"] == []


def test_a_verdict_on_listed_features_is_a_strength_per_feature() -> None:
    text = "Sora 2特别是在物理模拟、音频生成和多镜头连贯性方面具有明显优势。"
    got = {c.feature for c in claims_of(text) if c.kind == "strength"}
    assert got == {"物理模拟", "音频生成", "多镜头连贯性"}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Veo 3.1 Fast生成速度：1 分 13 秒。", 73.0),
        ("Veo 3 took 2 min 41 s to render.", 161.0),
        ("Sora 2的响应时间约45秒。", 45.0),
        (
            "| 指标 | Vidu Q2 | Hailuo 02 |\n|---|---|---|\n"
            "| 生成速度 | 1分5秒 (5秒视频) | 2分 (6秒视频) |\n",
            65.0,
        ),
    ],
)
def test_times_in_two_units_labels_and_rows_are_speeds(text: str, seconds: float) -> None:
    assert seconds in [c.generation_s for c in claims_of(text) if c.kind == "speed"]


def test_a_bound_on_something_else_is_no_speed() -> None:
    text = "本文对比速度和质量，帮你在5分钟内找到适合自己的Veo 3版本。"
    assert [c for c in claims_of(text) if c.kind == "speed"] == []


def test_a_score_in_points_is_no_time() -> None:
    assert [c for c in claims_of("我给可灵2.1的画面打了8分，生成速度还行。") if c.kind == "speed"] == []


def test_a_brand_naming_where_a_picture_came_from_is_no_subject() -> None:
    text = "We tried Runway Gen-4 on a Midjourney image, but the dancer ended up floating in mid-air."
    assert ("bug", "Runway Gen-4") in _kinds(text)
    assert all(m != "Midjourney" for _, m in _kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0上线不足24小时便被紧急叫停了一个功能。",
        "可灵3.0发布不到48小时就登上了榜首。",
        "在Sora的演示中，一分钟的街头漫步场景很惊艳。",
    ],
)
def test_time_since_launch_and_a_scenes_length_are_no_speed(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "speed"] == []


def test_minutes_of_waiting_stay_a_speed() -> None:
    assert [c.generation_s for c in claims_of("可灵2.1要5分钟的等待才能出片。") if c.kind == "speed"] == [
        300.0
    ]


def test_minutes_or_so_stay_a_speed() -> None:
    got = [c.generation_s for c in claims_of("可灵2.1生成一条视频花了10分钟的样子。") if c.kind == "speed"]
    assert got == [600.0]
