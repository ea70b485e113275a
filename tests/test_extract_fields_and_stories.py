"""A field that belongs to a model (那就是Runway的天下, 动漫生成领域的强者) and a lead by a notch
(比可灵强一截) are praise; a cast that keeps changing, "bad looking" and "trips it up" are flaws."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("可灵\n\n实测欧美人种Runway还是比可灵强一截。", "Runway"),
        ("Runway\n\n一旦涉及到西方玄幻或者特效，那就是Runway的天下。", "Runway"),
        ("Vidu\n\nVidu 是动漫生成领域的强者,没有之一。", "Vidu"),
    ],
)
def test_a_field_won_or_a_notch_ahead_is_praise(text: str, model: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [("strength", model)]


def test_a_notch_behind_is_no_praise() -> None:
    assert [c for c in claims_of("可灵\n\n实测可灵比Runway差了一截。") if c.kind == "strength"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "But even a lot of the clips have bad looking stuff created by Veo3.",
        "It is like they were constantly changing the actors.",
        "Fine text still trips it up.",
    ],
)
def test_english_flaw_stories_are_flaws(sentence: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(f"Veo 3 test\n\n{sentence}")] == [("bug", "Veo 3")]


def test_letting_you_change_the_characters_is_a_feature_not_a_flaw() -> None:
    got = claims_of("Kling\n\nKling lets you change the characters in a scene with one prompt.")
    assert [c.kind for c in got] == ["capability"]


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("可灵 2.0\n\n可灵AI正式推出多模态编辑功能。", "多模态编辑功能"),
        ("可灵 2.0\n\n可灵正式推出了运动笔刷功能。", "运动笔刷"),
        ("Runway Gen-3\n\nRunway的新一代模型Gen-3将可生成时长拉长至10秒。", "10秒"),
    ],
)
def test_a_function_launched_or_a_length_stretched_is_offered(text: str, feature: str) -> None:
    assert [(c.kind, c.feature) for c in claims_of(text)] == [("capability", feature)]


def test_a_website_going_live_is_no_feature() -> None:
    assert [c for c in claims_of("可灵\n\n可灵AI正式上线网页端。") if c.kind == "capability"] == []


def test_revenue_brought_in_is_no_feature() -> None:
    assert [
        c for c in claims_of("可灵2.1\n\n可灵也切切实实地给快手带来了资金收入。") if c.kind == "capability"
    ] == []
