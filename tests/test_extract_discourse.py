"""Discourse in long prose: who a verdict is about when the sentence compares, distributes or
speaks of part of a group (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _about(text: str, kind: str | None = None, title: str | None = None) -> set[tuple[str, str | None]]:
    return {(c.kind, c.model) for c in scored(claims_of(text, title=title)) if kind in (None, c.kind)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the yardstick described by a 的-phrase between 跟 and its name is still the yardstick
        (
            "海螺02的运动幅度更大了。\n\n不过跟大家心目中运动最好的模型可灵2.1比，画面明显还差了一截。",
            {("bug", "Hailuo 02"), ("strength", "Kling 2.1")},
        ),
        # the subject names itself: the verdict stays its own
        ("可灵2.1跟Vidu Q1比，画面更稳定。", {("strength", "Kling 2.1")}),
    ],
)
def test_a_described_yardstick_is_compared_with_not_judged(text: str, expected: set[tuple[str, str]]) -> None:
    assert _about(text) == expected


@pytest.mark.parametrize(
    ("text", "models"),
    [
        (
            "无论是Vidu、海螺，还是可灵、即梦，在拍水下镜头时都会出现穿模。",
            {"Vidu", "Hailuo", "Kling", "Jimeng"},
        ),
        ("不管是Runway，还是Pika，遇到多人打斗都会崩坏。", {"Runway", "Pika"}),
    ],
)
def test_a_distributed_verdict_goes_to_every_model_of_the_coordination(text: str, models: set[str]) -> None:
    assert _about(text, "bug") == {("bug", m) for m in models}


@pytest.mark.parametrize(
    "text",
    [
        "我试了可灵、海螺和Vidu。\n\n有的翻车翻得不明显，有的人物直接扭曲变形。",
        "We tried Kling, Hailuo and Vidu.\n\nSome of them warped the hands badly.",
    ],
)
def test_part_of_a_group_is_no_one_model(text: str) -> None:
    assert _about(text, "bug") == set()


def test_a_clause_opening_with_sometimes_keeps_the_topic() -> None:
    text = "这次测的是海螺02。\n\n有的时候人物会突然扭曲变形。"
    assert _about(text, "bug") == {("bug", "Hailuo 02")}
