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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the company heads the clause: its one brand the document names
        (
            "这次主要测了快手的可灵2.1和海螺02。\n\n海螺02的画面偏暗。\n\n快手这次支持了首尾帧。",
            {("capability", "Kling 2.1")},
        ),
        (
            "We compared Sora 2 with Veo 3.\n\nVeo 3 looked sharper.\n\nOpenAI lets you add your own cameo.",
            {("capability", "Sora 2")},
        ),
    ],
)
def test_a_vendor_heading_its_clause_stands_for_its_model(text: str, expected: set[tuple[str, str]]) -> None:
    assert _about(text, "capability") == expected


@pytest.mark.parametrize(
    "text",
    [
        # ByteDance sells two brands the document names: which one is unclear, and it is not Kling
        "即梦3.0和Seedance 2.0我都试了。\n\n可灵2.1的画面偏暗。\n\n字节这次支持了首尾帧。",
        # a company none of whose models the document names
        "可灵2.1的画面偏暗。\n\nGoogle这次也支持了首尾帧。",
        # a vendor in brackets glosses the model before it; the table holds no verdict
        "| 功能 | Sora 2 (OpenAI) | Kling 2.1 (快手) |\n| --- | --- | --- |\n| 画面 | 偏暗 | 偏亮 |",
    ],
)
def test_a_vendor_whose_model_is_unclear_names_no_model(text: str) -> None:
    assert _about(text, "capability") == set()
