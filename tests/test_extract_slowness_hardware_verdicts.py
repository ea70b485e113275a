"""Slow generation and heavy hardware are limits of a model; plain verdicts on a quality noun and
English verdicts without a degree word are praise; a time after "generated … in" is how long it
took; a spec noun stated with its value is offered; a relative clause hangs on its compared model;
advice after a limit label and a feature-less restatement of a limit's item are no claims."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in claims_of(text)]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("海螺02的出片速度实在太慢了。", "Hailuo 02"),
        ("Wan 2.2 rendering is painfully slow on a 3090.", "Wan 2.2"),
        ("Runway Gen-4 generation times are quite sluggish today.", "Runway Gen-4"),
    ],
)
def test_slow_generation_is_a_limitation(text: str, model: str) -> None:
    assert _kinds(text) == [("limitation", model)]


def test_slow_motion_in_a_clip_stays_a_flaw() -> None:
    assert _kinds("Veo 3 的人物动作很慢，像慢镜头。")[0][0] == "bug"


@pytest.mark.parametrize(
    "text",
    [
        "HunyuanVideo needs more than 45GB of VRAM for 720p.",
        "Wan 2.1 14B wants >40GB of VRAM at full precision.",
    ],
)
def test_memory_beyond_a_bound_is_a_limitation(text: str) -> None:
    assert [k for k, _ in _kinds(text)] == ["limitation"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pika 2.2 is still not publicly available in Europe.", "limitation"),
        ("Vidu Q2 remains unavailable to the general public.", "limitation"),
        ("PixVerse V5 can't understand prompts mixing two languages.", "limitation"),
    ],
)
def test_closed_or_not_understood_is_a_limitation(text: str, kind: str) -> None:
    assert [k for k, _ in _kinds(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1的布料材质表现优异。",
        "Vidu Q2 整体效果好，值得一试。",
        "海螺02有更高的还原度。",
        "Seedance 2.0 口型和台词精准同步。",
        "Runway Gen-4 在镜头语言上是业界第一。",
        "在我们的盲测里，可灵2.1得分最高。",
        "For anime styles Veo 3 is the strongest of the lot.",
        "Kling 2.1 clips hold up well in long takes.",
        "Hailuo 02 performs impressively on dance prompts.",
        "On the hands test, Sora 2 wins.",
        "Wan 2.1 不那么脆弱，改几个词也不崩。",
        "清影的画面蛮符合描述的。",
    ],
)
def test_plain_verdicts_are_praise(text: str) -> None:
    assert [k for k, _ in _kinds(text)][:1] == ["strength"]


@pytest.mark.parametrize(
    "text",
    ["可灵2.1效果好不好，要看提示词。", "我们需要更高的稳定性。", "Kling 2.1 clips hold the first frame."],
)
def test_no_verdict_without_one(text: str) -> None:
    assert "strength" not in [k for k, _ in _kinds(text)]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("Kling 2.1 generated the whole scene in 95 seconds.", {"generation_s": 95.0}),
        ("Hailuo 02 rendered a 6-second 768p shot in about 2 minutes.", {"generation_s": 120.0}),
        ("HappyHorse 1.0 produced each clip in under 30 seconds.", {"generation_s_max": 30.0}),
    ],
)
def test_a_time_after_generated_in_is_the_time_taken(text: str, bounds: dict[str, float]) -> None:
    got = claims_of(text)
    assert [c.kind for c in got] == ["speed"]
    for key, value in bounds.items():
        assert getattr(got[0], key) == value


def test_the_reviewers_own_hours_are_no_speed() -> None:
    assert claims_of("We spent the past 36 hours comparing Kling 2.1 with Veo 3.") == []


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Vidu Q1 的清晰度为1080p。", "1080p"),
        ("Luma Ray2 outputs at a resolution of 720p.", "720p"),
        ("PixVerse V4 可生成多达20秒的视频。", "20秒"),
    ],
)
def test_a_spec_noun_with_its_value_is_offered(text: str, feature: str) -> None:
    got = claims_of(text)
    assert [(c.kind, c.feature) for c in got] == [("capability", feature)]


@pytest.mark.parametrize(
    ("text", "kind", "feature"),
    [
        ("Veo 3 目前仅限于文本转视频。", "limitation", "文本转视频"),
        ("For Luma Ray2, image to video is not released yet.", "limitation", "image to video"),
    ],
)
def test_missing_modes_are_limitations(text: str, kind: str, feature: str) -> None:
    assert [(c.kind, c.feature) for c in claims_of(text)] == [(kind, feature)]


def test_a_relative_clause_is_about_the_compared_model() -> None:
    text = "Kling 2.1 opened in June. Unlike Veo 3, which stays unavailable to the public, it is open to all."
    got = [(c.kind, c.model) for c in claims_of(text) if c.kind == "limitation"]
    assert got == [("limitation", "Veo 3")]


def test_a_clause_after_the_relative_clause_is_the_subjects() -> None:
    text = "Kling 2.1 is great. Compared to Veo 3, which costs more, it is stable."
    assert {c.model for c in claims_of(text) if c.kind == "strength"} == {"Kling 2.1"}


def test_advice_after_a_limit_label_is_no_limit() -> None:
    got = claims_of("可灵2.1\n\n免费版的限制：输出带水印；高峰期排队很久，建议错峰使用。")
    assert got and all(c.kind == "limitation" for c in got)
    assert not any("建议" in c.quote and c.feature and "建议" in c.feature for c in got)
    assert not any(c.quote.startswith("建议") for c in got)


def test_a_limit_item_is_not_restated_without_its_feature() -> None:
    got = claims_of("可灵2.1\n\n免费版的两个限制：输出有水印，最高只有720p。")
    spans = [(c.start, c.end) for c in got if c.kind == "limitation" and not c.feature]
    featured = [(c.start, c.end) for c in got if c.kind == "limitation" and c.feature]
    assert featured
    assert not any(a <= s and e <= b for a, b in spans for s, e in featured)
