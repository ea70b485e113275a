"""Markdown lists flattened onto one line, image models as subjects, an edition named after
another (Gen-3 Alpha Turbo), wide money ranges, listed resolutions and spared chores."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, kinds_models, price_rows

# ----- a list flattened onto one line -----
FLAT = (
    "Cost notes for a short film: **Tools:** - Hailuo 02: cheapest for drafts - Runway Gen-4: more "
    "cinematic - Veo 3 (4K): best detail **Per-second costs:** - Kling 2.1: $0.07/sec - Veo 3 in 4K: "
    "$0.50/sec - Hailuo 02: $0.045/sec"
)


def test_each_item_of_a_flattened_list_is_its_own_sentence() -> None:
    prices = price_rows(FLAT)
    assert ("Kling 2.1", 0.07, 1.0, None) in prices  # not the 4K named two items before
    assert ("Veo 3", 0.5, 1.0, "4k") in prices
    assert ("Hailuo 02", 0.045, 1.0, None) in prices
    quotes = [c.quote for c in claims_of(FLAT) if c.kind == "price"]
    assert all(" - " not in q for q in quotes), quotes


def test_a_dash_or_two_in_prose_cuts_no_sentence() -> None:
    text = "Kling 2.1 - the cheap one - costs $0.28 per 5-second clip, and the motion is smooth."
    quotes = [c.quote for c in claims_of(text)]
    assert any(q.startswith("Kling 2.1 - the cheap one - costs $0.28") for q in quotes), quotes


# ----- image models -----
@pytest.mark.parametrize(
    "sentence",
    [
        "可图1.5，应该是我玩过的，做亚洲人最好看的一个。",
        "A 512×512 image with SDXL generates in 3–5 seconds on an H100.",
        "FLUX.1 Dev renders hands very well.",
    ],
)
def test_what_is_said_of_an_image_model_is_no_video_models(sentence: str) -> None:
    assert kinds_models(f"可灵1.6评测。可灵1.6的运动很流畅。\n\n{sentence}") == [("strength", "Kling 1.6")]


def test_an_image_models_version_is_not_the_video_models() -> None:
    text = "可灵AI上线了新功能。可图1.5也更新了。可灵本身就有效果最好的AI换装功能。"
    assert ("strength", "Kling") in kinds_models(text)
    assert all(m != "Kling 1.5" for _, m in kinds_models(text))


def test_an_image_model_beside_a_video_model_moves_nothing() -> None:
    text = "可灵1.6评测。首帧用 Midjourney V7 画的，可灵1.6 让它动起来以后画面非常稳定。"
    assert kinds_models(text) == [("strength", "Kling 1.6")]


# ----- two editions -----
def test_the_edition_after_the_default_one_names_the_model() -> None:
    text = "Runway Gen-3 Alpha Turbo costs approximately $0.25 for a 5-second clip; Gen-3 Alpha costs $0.50."
    assert price_rows(text) == [
        ("Runway Gen-3 Alpha Turbo", 0.25, 5.0, None),
        ("Runway Gen-3 Alpha", 0.5, None, None),
    ]


# ----- money ranges -----
@pytest.mark.parametrize(
    "text",
    ["Kling 2.1 review. A 15-minute AI film costs $200-1,000.", "可灵2.1评测。做一部短片的成本在50-200元。"],
)
def test_a_wide_range_is_an_estimate_not_a_price(text: str) -> None:
    assert price_rows(text) == []


def test_a_narrow_range_or_a_range_per_clip_still_prices_at_both_ends() -> None:
    assert price_rows("Kling 2.1 costs $5-10 per clip.") == [
        ("Kling 2.1", 5.0, None, None),
        ("Kling 2.1", 10.0, None, None),
    ]
    assert [p[1] for p in price_rows("Kling 2.1 costs $0.25-0.30 for a 5-second clip.")] == [0.25, 0.3]


# ----- listed resolutions, chores spared -----
def test_a_comma_between_listed_resolutions_ends_no_clause() -> None:
    text = "Veo 3.1 can produce 8-second videos in 720p, 1080p, or 4K resolution with native audio."
    quotes = {c.quote for c in claims_of(text) if c.kind == "capability"}
    assert quotes == {
        "Veo 3.1 can produce 8-second videos in 720p, 1080p, or 4K resolution with native audio"
    }


def test_a_chore_spared_is_no_feature_denied() -> None:
    text = (
        "Veo 3.1 review. Its spatial audio generates sound environments without requiring a separate "
        "audio workflow."
    )
    assert {k for k, _ in kinds_models(text)} == {"capability"}
    assert kinds_models("Veo 3.1 review. It outputs video without audio.") == [("limitation", "Veo 3.1")]
