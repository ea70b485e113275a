"""A version written after an alias that ends in a digit keeps its decimals (LTX2.3 is not LTX 2);
what a timed generation made is no offer; "designed for" opens a list of two items or more; a
predecessor a model is built on is a yardstick; cheaper by a factor and a share gained are praise;
a flaw solved outright is praise; clothes changing colour are a flaw."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("LTX2.3 still shows ghosting around hands.", "LTX 2.3"),
        ("LTX-2.3 still shows ghosting around hands.", "LTX 2.3"),
        ("LTX 2 still shows ghosting around hands.", "LTX 2"),
        ("Sora 2.0 still shows ghosting around hands.", "Sora 2"),
    ],
)
def test_decimals_after_an_alias_ending_in_a_digit_are_the_version(text: str, model: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [("bug", model)]


@pytest.mark.parametrize(
    "text",
    [
        "Luma Ray2: a 5-second clip at 1080p renders in 40-70 seconds.",
        "On an A100, Wan 2.2 generates an 8-second 720P video in about 6 minutes.",
    ],
)
def test_what_a_timed_generation_made_is_no_offer(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["speed"]


def test_a_spec_without_a_time_is_still_offered() -> None:
    got = claims_of("Luma Ray2 generates 5-second clips at 1080p.")
    assert {(c.kind, c.feature) for c in got} == {("capability", "5-second"), ("capability", "1080p")}


def test_designed_for_opens_a_list_of_two_or_more() -> None:
    got = claims_of("Vidu Q2 is designed for text-to-video, image-to-video and video extension.")
    assert [c.feature for c in got if c.kind == "capability"] == [
        "text-to-video",
        "image-to-video",
        "video extension",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vidu Q2 is designed for agencies.",
        "Vidu Q2 will be capable of representing a wide range of scenes, moods and styles.",
    ],
)
def test_designed_for_one_purpose_is_no_offer(text: str) -> None:
    assert claims_of(text) == []


def test_a_predecessor_it_is_built_on_is_a_yardstick() -> None:
    got = claims_of(
        "Vidu Q2 建立在前代模型（Vidu 1.5 和 Vidu 2.0）的基础之上，在表情细节方面实现了大幅提升。"
    )
    assert [(c.kind, c.model, c.feature) for c in got] == [("strength", "Vidu Q2", None)]


@pytest.mark.parametrize(
    "text",
    [
        "海螺02 的成本比 Veo 3 低 5 至 20 倍。",
        "Veo 3 Fast 对比标准版：速度 +40%。",
        "PixVerse V5 同样实力强劲。",
        "Kling 2.1 彻底解决了手指粘连的问题。",
    ],
)
def test_gains_and_fixes_are_praise(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["strength"]


def test_a_company_doing_well_is_no_verdict_on_a_model() -> None:
    assert claims_of("财报显示，可灵上季度收入表现强劲。") == []


def test_clothes_changing_colour_is_a_flaw() -> None:
    assert [c.kind for c in claims_of("Sora 2 里主角的外套在两个镜头之间无缝变色。")] == ["bug"]
