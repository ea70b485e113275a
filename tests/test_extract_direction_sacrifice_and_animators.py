"""Scenes and directions not held, quality given up for speed, clips that cannot be extended, the
prompt as a sentence's subject, words of knowing, and character animators the registry now names."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, kinds_models


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("It will not take direction.", "bug"),
        ("It can't keep track of a scene over several seconds.", "bug"),
        ("It loses track of the characters after a cut.", "bug"),
        ("It never loses track of the scene.", "strength"),
        ("Veo 3 Fast sacrifices some quality for speed.", "limitation"),
        ("But you can't just extend a clip you've already made beyond 8 seconds.", "limitation"),
    ],
)
def test_english_direction_tracking_and_trade_offs(sentence: str, kind: str) -> None:
    assert kinds_models(f"Veo 3 review. {sentence}") == [
        (kind, "Veo 3 Fast" if "Fast" in sentence else "Veo 3")
    ]


@pytest.mark.parametrize("sentence", ["混元牺牲了部分画质，换来更快的速度。", "它牺牲部分细节换取实时性。"])
def test_quality_given_up_is_a_limitation(sentence: str) -> None:
    assert kinds_models(f"混元视频评测。{sentence}") == [("limitation", "Hunyuan")]


def test_speed_without_sacrificing_quality_is_no_limitation() -> None:
    assert "limitation" not in {
        k for k, _ in kinds_models("Veo 3 Fast renders quickly without sacrificing quality.")
    }


def test_what_the_prompt_adds_is_no_feature() -> None:
    text = "可灵2.1评测。这次的Prompt会比第一个更复杂了一点，加入了叹气还有部分的表演动作，还有情绪。"
    assert kinds_models(text) == []
    assert kinds_models("可灵2.1评测。可灵2.1 加入了首尾帧功能。") == [("capability", "Kling 2.1")]


def test_a_quality_word_before_a_question_word_is_knowing() -> None:
    text = "可灵2.1评测。说实话我从一开始并不清楚什么是骄傲地说。生成的画面不清楚。"
    assert [c.quote for c in claims_of(text)] == ["生成的画面不清楚"]


def test_character_animators_take_their_own_claims() -> None:
    text = (
        "Runway Act-One 评测。\n\nViggle比较屌的点是可以迁移更多的头部和身体动作，但是会有一些闪烁。\n\n"
        "LivePortrait的问题就是画面不稳。"
    )
    got = kinds_models(text)
    assert ("bug", "Viggle") in got and ("bug", "LivePortrait") in got
    assert all(m != "Runway Act-One" for _, m in got)


@pytest.mark.parametrize(
    "sentence",
    [
        "Veo 3.1: flagship model, highest fidelity.",
        "Luma Ray2: Fastest generation.",
        "Runway Gen-4 Turbo is optimized for speed.",
        "Kling 2.1: cinematic look.",
    ],
)
def test_the_top_of_a_quality_is_praise(sentence: str) -> None:
    assert [k for k, _ in kinds_models(sentence)] == ["strength"]


def test_a_quality_denied_its_top_is_no_praise() -> None:
    assert kinds_models("Kling 2.1 is not optimized for speed.") == []
