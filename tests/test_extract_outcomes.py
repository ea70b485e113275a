"""Verdicts and limits told as outcomes, without a stock quality word, and what they must not read.

Every example is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _claims(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text))]


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        # praise said as what the reviewer got or felt
        ("海螺02里演员的哭戏实在太好了。", "strength", "Hailuo 02"),
        ("可灵2.1的光影和质感都让我极度震惊。", "strength", "Kling 2.1"),
        ("Vidu Q1生成的弹球遵循物理定律，落地会反弹。", "strength", "Vidu Q1"),
        ("跟上个版本比，即梦3.0有进步。", "strength", "Jimeng 3.0"),
        ("Veo 3这条广告一次就过，可以直接用。", "strength", "Veo 3"),
        ("海螺02的人物打斗动作也很猛。", "strength", "Hailuo 02"),
        ("可灵2.1的运镜稳的没话说。", "strength", "Kling 2.1"),
        ("The Veo 3 footage felt real rather than synthetic.", "strength", "Veo 3"),
        # flaws told as what happened
        ("The Pika 1.0 smoke looked rough and distracting.", "bug", "Pika 1.0"),
        ("Luma never managed to recreate the opening shot on a second run.", "bug", "Luma"),
        ("可灵2.1的跳水镜头，牛顿的棺材板都要压不住了。", "bug", "Kling 2.1"),
        # limits told as what it cannot do, or does not have yet
        ("海螺02暂时不太能驾驭水墨风格。", "limitation", "Hailuo 02"),
        ("Vidu Q1不能并行生成，只能一条一条排。", "limitation", "Vidu Q1"),
        ("即梦3.0的首尾帧不太行，过渡很生硬。", "limitation", "Jimeng 3.0"),
        ("Runway Gen-4的运动笔刷也没有。", "limitation", "Runway Gen-4"),
        ("Runway Gen-4的多镜头还是期货。", "limitation", "Runway Gen-4"),
        ("可灵2.1的对口型很快会推出。", "limitation", "Kling 2.1"),
        ("For Veo 3, the storyboard is coming soon.", "limitation", "Veo 3"),
    ],
)
def test_outcomes_read_without_a_stock_word(text: str, kind: str, model: str) -> None:
    assert (kind, model) in _claims(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the interjection praises nothing
        ("太好了，可灵2.1的新版本明天发布。", "strength"),
        # no progress is no praise; room to improve is none either
        ("海螺02这一版没有进步。", "strength"),
        ("即梦3.0的画质还有提升空间。", "strength"),
        # an ability to use it directly is no verdict on the output
        ("Vidu Q1可以直接用参考图生成视频。", "strength"),
        # a feature without a flaw is no limitation
        ("可灵2.1的首尾帧没有问题。", "limitation"),
        ("Runway Gen-4的多镜头没有穿模。", "limitation"),
        # a recreated shot is no flaw
        ("Luma managed to recreate the opening shot perfectly.", "bug"),
    ],
)
def test_no_outcome_where_none_is_told(text: str, kind: str) -> None:
    assert kind not in {k for k, _ in _claims(text)}


def test_items_denied_in_a_clause_of_their_own_are_limitations_quoting_it() -> None:
    text = "别的功能，首尾帧、运动笔刷，这两个Pika 2.0一个都没有。"
    got = [(c.kind, c.model, c.quote) for c in scored(claims_of(text))]
    assert len(got) == 2
    assert {k for k, _, _ in got} == {"limitation"}
    assert all(q.endswith("一个都没有") for _, _, q in got)


def test_a_clause_about_the_reviewer_after_the_items_denies_nothing() -> None:
    text = "Pika 2.0的首尾帧和运动笔刷，我们都没有测。"
    assert "limitation" not in {c.kind for c in scored(claims_of(text))}


def test_examples_after_a_colloquial_marker_are_items() -> None:
    text = "Pika 2.0还有一些别的功能，什么lipsync、restyle等等，大家可以自己试试。"
    feats = {c.feature for c in scored(claims_of(text)) if c.kind == "capability"}
    assert {"lipsync", "restyle"} <= feats


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        # an English inability to make what is asked
        ("Hailuo 02 still can't render readable signs.", "limitation", "Hailuo 02"),
        # a cap said as a ceiling, a watermark before the output, what must be uploaded first
        ("Vidu Q1 tops out at 1080p.", "limitation", "Vidu Q1"),
        ("Free users of Pika 1.0 get watermarked 720p output.", "limitation", "Pika 1.0"),
        ("Pika 1.0 only supports English prompts for now.", "limitation", "Pika 1.0"),
        # an operation the user runs on a clip, a clip turned into another style
        ("With Pika 1.0 you can restyle a street clip into claymation.", "capability", "Pika 1.0"),
        ("Vidu Q1可以把一段实拍视频转成水彩风格。", "capability", "Vidu Q1"),
    ],
)
def test_limits_and_abilities_said_plainly(text: str, kind: str, model: str) -> None:
    assert (kind, model) in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hailuo 02 cannot render hands properly.",  # a negated manner adverb praises nothing
        "Hailuo 02 doesn't make you wait.",
        "In Pika 1.0 you can see the hands melt.",
    ],
)
def test_no_praise_or_ability_read_into_these(text: str) -> None:
    kinds = {k for k, _ in _claims(text)}
    assert "strength" not in kinds and "capability" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1的积分消耗很快。",
        "Runway Gen-4积分消耗很快。",
        "Vidu Q2的积分不太够用。",
    ],
)
def test_a_version_before_a_credit_unit_is_no_price(text: str) -> None:
    assert not [c for c in claims_of(text) if c.kind in ("price", "credit_rate")]


def test_credits_after_a_model_name_are_still_a_price() -> None:
    got = [
        (c.model, c.credits)
        for c in claims_of("Runway Gen-4 costs 12 credits per second.")
        if c.kind == "price"
    ]
    assert got == [("Runway Gen-4", 12.0)]
