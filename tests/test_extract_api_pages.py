"""Pricing and API pages as scraped (examples written here): a version named by its prefix alone
(Ray3.14), table cells run together (720Pper second$0.09), a shop's or a course's time that is no
generation time, and a model compared as "not as good as" another."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Ray3.14 renders 4x faster than before and costs $0.50 per clip.", "Luma Ray3.14"),
        ("Ray 3.14 renders 4x faster than before and costs $0.50 per clip.", "Luma Ray3.14"),
        ("Ray2 costs $0.50 per clip.", "Luma Ray2"),  # a listed alias still names its model
    ],
)
def test_a_version_prefix_with_a_version_the_registry_lacks_names_the_brand(text: str, model: str) -> None:
    assert [p[0] for p in prices_of(text)] == [model]


@pytest.mark.parametrize(
    "text",
    [
        "A ray of light crosses the frame, and the clip costs $0.50.",  # ray alone is a word
        "The ray 5 seconds later hits the wall for $0.50.",  # a number with a unit after it is no version
    ],
)
def test_the_version_prefix_alone_names_no_model(text: str) -> None:
    assert all(c.model is None or not c.model.startswith("Luma") for c in claims_of(text))


def test_a_resolution_cell_run_into_per_second_still_prices_one_second_at_that_resolution() -> None:
    text = (
        "Wan 2.6\n\nPricing\n\nChargeSpecRate\nStandard 720Pper second$0.09\nStandard 1080Pper second$0.138\n"
    )
    prices = [
        (c.model, c.price_usd, c.duration_s, c.resolution) for c in claims_of(text) if c.kind == "price"
    ]
    assert prices == [("Wan 2.6", 0.09, 1.0, "720p"), ("Wan 2.6", 0.138, 1.0, "1080p")]


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("可灵会员代充 · 5分钟极速开通。可灵2.1的效果很好。", False),  # how fast a shop sets up an account
        ("可灵2.1教程：3分钟学会运镜。", False),  # how long a lesson takes
        ("可灵2.1生成一条视频要5分钟。", True),
    ],
)
def test_a_time_a_shop_or_a_lesson_takes_is_no_generation_time(text: str, speed: bool) -> None:
    assert any(c.kind == "speed" for c in claims_of(text)) is speed


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Sora 2 is not as good as Veo 3 at lip sync.", "Sora 2"),
        ("Runway Gen-4 is noticeably worse than Kling 2.1 at hands.", "Runway Gen-4"),
    ],
)
def test_not_as_good_as_another_model_is_the_subjects_flaw(text: str, model: str) -> None:
    got = [(c.kind, c.model) for c in claims_of(text)]
    assert got == [("bug", model)]


def test_as_good_as_another_model_is_praise_of_the_subject_only() -> None:
    got = [(c.kind, c.model) for c in claims_of("Kling 2.1 is as good as Veo 3 at motion.")]
    assert got == [("strength", "Kling 2.1")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sora 2 caps at 1080p.", "limitation"),  # a cap on the resolution it makes
        ("Sora 2 supports 1080p.", "capability"),
    ],
)
def test_a_resolution_a_model_caps_at_is_its_limit(text: str, kind: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [(kind, "Sora 2")]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.6 1080p (no audio): $0.07/s",
        "Veo 3 pricing: $0.75 per second with audio, $0.50 per second without audio.",
        "可灵2.6 不含音频 0.5元/秒，含音频 1元/秒。",
    ],
)
def test_audio_naming_the_variant_a_price_is_for_is_no_capability_or_limitation(text: str) -> None:
    kinds = {c.kind for c in claims_of(text)}
    assert kinds == {"price"}


def test_a_model_said_to_lack_audio_on_a_price_line_still_has_that_limitation() -> None:
    kinds = sorted(c.kind for c in claims_of("Veo 3 has no audio and costs $0.50 per second."))
    assert kinds == ["limitation", "price"]


_SHEET = (
    "| Feature | Details |\n|---|---|\n| Max video duration | {length} |\n| Max resolution | {res} |\n"
    "| Aspect ratios | 16:9, 9:16 |\n"
)


def test_a_two_column_spec_sheet_under_a_model_states_what_it_offers() -> None:
    text = "PixVerse V4\n" + _SHEET.format(length="16 seconds per clip", res="1080p")
    got = {(c.kind, c.model, c.feature) for c in claims_of(text)}
    assert got == {
        ("capability", "PixVerse V4", "16 seconds per clip"),
        ("capability", "PixVerse V4", "1080p"),
        ("capability", "PixVerse V4", "16:9"),
        ("capability", "PixVerse V4", "9:16"),
    }


def test_the_same_sheet_under_a_free_plan_states_that_tiers_caps() -> None:
    text = "PixVerse has three plans.\nFree Plan\n" + _SHEET.format(length="8 seconds per clip", res="540p")
    got = {(c.kind, c.feature) for c in claims_of(text)}
    assert got == {
        ("limitation", "8 seconds per clip"),
        ("limitation", "540p"),
        ("capability", "16:9"),  # no cap word on the row: what the tier offers
        ("capability", "9:16"),
    }


def test_like_amounts_told_apart_by_a_note_are_each_the_models_price() -> None:
    text = "Kling O3 Standard\n- Price: $0.084/s (no audio), $0.112/s (with audio)\n"
    assert [(p[0], p[2]) for p in prices_of(text)] == [("Kling O3", 0.084), ("Kling O3", 0.112)]


def test_a_pros_word_inside_a_path_opens_no_list_of_strengths() -> None:
    text = (
        "Kling 2.5 Turbo\n- Model:\nfal-ai/kling-video/v2.5-turbo/pro/image-to-video - Docs:\n"
        "- Price: $0.07/s\n- Duration: 5 or 10\n"
    )
    assert "strength" not in [c.kind for c in claims_of(text)]


def test_the_total_of_a_worked_example_adding_parts_is_no_price() -> None:
    text = "Seedance 2.0 示例：720p，5s 输入视频 + 10s 输出 → 费用 = (5+10)×$0.20 = $3.00"
    assert prices_of(text) == []  # neither the factor nor the total of input and output seconds


def test_a_credit_rate_before_a_comparison_is_the_topics_not_the_compared_models() -> None:
    text = (
        "Stable Video向所有人开放。\n\n你要是买的话也行，10刀500积分，但是相比于Runway啥的，就有点不划算了，"
        "Runway你开了会员以后，是10刀买1000积分。"
    )
    rates = [(c.model, c.credits_per_usd) for c in claims_of(text) if c.kind == "credit_rate"]
    assert rates[0] == ("Stable Video Diffusion", 50.0)
    # and no price of Runway's is derived from Stable Video's rate
    assert all(c.price_usd in (None, 10.0) for c in claims_of(text) if c.kind == "price")


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("seedance-2.0-pro-fast costs $0.10 per second.", "Seedance 2.0 Fast"),  # 2.0 has Fast, no Pro Fast
        ("Seedance 1.0 Pro Fast costs $0.10 per second.", "Seedance 1.0 Pro Fast"),  # listed as it is
    ],
)
def test_a_resellers_edition_the_version_lacks_is_the_part_it_has(text: str, model: str) -> None:
    assert [p[0] for p in prices_of(text)] == [model]


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 costs $0.10 per second. Generation is async; expect 30-90 seconds of wall-clock time"
        " per clip.",
        "Luma Ray 2 highlights:\n\n- Fast generation: typically 30-60 seconds for a 5-second clip\n",
        "Luma Ray 2 highlights:\n\n  • Fast generation — Typically 30-60 seconds for a 5-second clip\n",
    ],
)
def test_a_generation_time_told_as_wall_clock_or_under_a_speed_label_is_a_speed(text: str) -> None:
    speeds = [(c.generation_s_min, c.generation_s_max) for c in claims_of(text) if c.kind == "speed"]
    assert len(speeds) == 1 and speeds[0][0] == 30.0


@pytest.mark.parametrize(
    "text",
    [
        "Wan2.2视频生成实测：5种风格对比，2小时花费不到10元",
        "Three hours of testing Veo 3 cost me $12 in total.",
    ],
)
def test_what_hours_of_use_cost_is_no_clips_price(text: str) -> None:
    assert prices_of(text) == []


def test_a_clips_cost_given_only_as_a_bound_is_no_price() -> None:
    # "less than 1 yuan" states no amount: a price row of 1.0 would be a wrong number
    assert prices_of("Wan 2.2 一条5秒视频花费不到1元。") == []
    assert prices_of("Veo 3.1 runs for under 5 cents per 8-second clip.") == []
    assert prices_of("Kling 2.1 costs up to $2 per clip. Hailuo 02 costs $0.28 per clip.") == [
        ("Hailuo 02", None, 0.28, None, None)
    ]
