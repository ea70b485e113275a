""" "Have an edge" and "right up there" are praise; a yardstick described in English words
(outperforming OpenAI's recently launched Sora) is still the yardstick; a latency item under a
spec heading is a speed, not a feature."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def test_two_models_having_an_edge_are_each_praised() -> None:
    text = "Veo 3 vs Runway\n\nI think Google Veo 3 and Runway have an edge in terms of overall quality."
    assert [(c.kind, c.model) for c in claims_of(text)] == [("strength", "Veo 3"), ("strength", "Runway")]


def test_right_up_there_is_praise() -> None:
    text = "Midjourney V1\n\nMidjourney V1 is right up there in terms of subject matter movement."
    assert [(c.kind, c.model) for c in claims_of(text)] == [("strength", "Midjourney V1")]


@pytest.mark.parametrize(
    ("sentence", "model", "versus"),
    [
        (
            "Google has unveiled Veo 2, and early comparisons suggest it’s significantly outperforming "
            "OpenAI’s recently launched Sora video generator.",
            "Veo 2",
            "Sora",
        ),
        ("Kling 2.1 renders faces better than the older Kling 1.6 ever did.", "Kling 2.1", "Kling 1.6"),
    ],
)
def test_a_yardstick_described_in_words_stays_the_yardstick(sentence: str, model: str, versus: str) -> None:
    got = [(c.kind, c.model, c.versus) for c in claims_of(f"Review\n\n{sentence}")]
    assert got == [("strength", model, versus)]


def test_a_latency_item_under_a_spec_heading_is_a_speed_not_a_feature() -> None:
    text = "Veo 3\n\nTechnical Specifications\n- Latency: 3-5 minutes per video on average\n- Audio: native\n"
    got = [(c.kind, c.quote) for c in claims_of(text)]
    assert ("speed", "3-5 minutes per video on average") in got
    assert not [q for k, q in got if k == "capability" and "Latency" in q]


@pytest.mark.parametrize(
    "text",
    [
        "Luma Ray3\n\nIt offers improved fidelity, physics, and prompt adherence.",
        "清影\n\n这一创新增强了模型对文本的理解和对指令的遵循能力。",
    ],
)
def test_qualities_said_to_be_better_are_no_features(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "capability"] == []


def test_a_feature_after_a_better_quality_is_still_offered() -> None:
    got = claims_of("Kling 2.1\n\nKling 2.1 has better motion, and supports image-to-video.")
    assert [(c.kind, c.feature) for c in got if c.kind == "capability"] == [("capability", "image-to-video")]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Sora 2\n\nNo Android or global release just yet.", "Sora 2"),
        ("Runway Gen-4\n\nThe process relies on a mandatory input image.", "Runway Gen-4"),
        ("Veo 3\n\nYou can use a start image, but you can’t guide the end of the video.", "Veo 3"),
        ("Luma Ray2\n\nThe free plan is images-only on web and iOS.", "Luma Ray2"),
        ("Sora 2\n\nAccess requires a paid OpenAI account at usage tier 2 minimum.", "Sora 2"),
        ("Vidu\n\n| Commercial use | Not permitted |", "Vidu"),
        ("即梦\n\n它居然要求强制绑定抖音账号。", "Jimeng"),
        ("可灵\n\n用户得在快影App申请才能体验。", "Kling"),
        ("Hunyuan\n\nThe authors have only released the single-character mode.", "Hunyuan"),
    ],
)
def test_access_and_control_limits_are_limitations(text: str, model: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [("limitation", model)]


@pytest.mark.parametrize(
    "text",
    [
        "Kling\n\nKling is not only fast but also cheap.",
        "Sora 2\n\nSora 2 cannot keep up with the model arms race.",
    ],
)
def test_not_only_and_keeping_up_are_no_limits(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "limitation"] == []
