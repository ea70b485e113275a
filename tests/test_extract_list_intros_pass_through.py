"""A line that grants what the list under it holds (可以直接在视频中：, Now you can:) or a highlights
heading makes each item a capability; one solid passing through another is a flaw; "terrifying" is
a flaw word."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of

_EDITOR = (
    "可灵2.0发布\n\n"
    "3. 这次发布的「多元素编辑器」，可以直接在图片和视频中：\n\n"
    "- 替换角色或服装；\n"
    "- 修改角色姿势、镜头运动轨迹；\n"
)


def test_items_under_a_granting_intro_are_capabilities() -> None:
    got = [(c.kind, c.model, c.quote) for c in claims_of(_EDITOR)]
    assert got == [
        ("capability", "Kling 2.0 Master", "替换角色或服装"),
        ("capability", "Kling 2.0 Master", "修改角色姿势、镜头运动轨迹"),
    ]


def test_items_under_a_highlights_heading_are_capabilities() -> None:
    text = (
        "Sora 2 deep dive\n\nQuick Highlights\n"
        "- Real-time video from text/images\n- Automatic audio & voice sync\n"
    )
    got = [(c.kind, c.quote) for c in claims_of(text)]
    assert got == [
        ("capability", "Real-time video from text/images"),
        ("capability", "Automatic audio & voice sync"),
    ]


def test_items_under_an_intro_naming_problems_stay_flaws() -> None:
    text = "可灵测试\n\n我测试的时候发现了这些问题：\n- 手部变形\n- 背景闪烁\n"
    assert [c.kind for c in claims_of(text)] == ["bug", "bug"]


def test_an_intro_that_grants_nothing_makes_no_capabilities() -> None:
    text = "Sora 2 deep dive\n\nHere is what I tried first:\n- A dog on a beach\n- A city at night\n"
    assert [c for c in claims_of(text) if c.kind == "capability"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Sora’s version disturbingly showed the knife cutting through the person’s hand.",
        "In Sora the spoon passed through the bowl.",
    ],
)
def test_a_solid_passing_through_another_is_a_flaw(sentence: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(f"Sora test\n\n{sentence}")] == [("bug", "Sora")]


def test_slicing_through_food_is_no_flaw() -> None:
    assert claims_of("Veo 2 test\n\nThe knife went through the tomato in one stroke.") == []


def test_never_passing_through_is_praise() -> None:
    got = claims_of("Kling test\n\nIn Kling the hand never passed through the table.")
    assert [c.kind for c in got] == ["strength"]


def test_a_terrifying_result_is_a_flaw() -> None:
    got = claims_of("Sora test\n\nThe soup prompt gave a terrifying result in Sora.")
    assert [(c.kind, c.model) for c in got] == [("bug", "Sora")]


def test_a_named_feature_beside_a_price_is_still_offered() -> None:
    text = (
        "Runway API notes\n\n"
        "The API offers Motion Brush for region-specific motion control, billed at $0.05 per second."
    )
    got = {(c.model, c.feature) for c in claims_of(text) if c.kind == "capability"}
    assert ("Runway", "Motion Brush") in got


def test_a_resolution_beside_a_price_says_what_the_price_buys() -> None:
    text = "Runway API notes\n\nA 720p clip is billed at $0.05 per second."
    assert [c for c in claims_of(text) if c.kind == "capability"] == []


_PRICE_PART = (
    "在经历了Vidu 1.5、Vidu Q1之后，新的Vidu Q2来了。\n\n"
    "相比之下Q1的演技就完全没开窍。\n\n"
    "最后，再来说说大家最关心的价格问题。\n\n"
    "以标准版月度会员为例，59元800积分，20积分就能生成一条8s视频，折合下来1.475元/条，约0.184元/s。\n"
)


def test_a_part_about_price_goes_to_the_version_the_title_names() -> None:
    got = [
        (c.model, c.price_cny)
        for c in claims_of(_PRICE_PART, title="Vidu Q2的参考生视频")
        if c.kind == "price"
    ]
    assert got == [("Vidu Q2", 1.475), ("Vidu Q2", 0.184)]


def test_with_no_version_in_the_title_a_price_names_no_guessed_version() -> None:
    got = [c.model for c in claims_of(_PRICE_PART, title="Vidu 的参考生视频") if c.kind == "price"]
    assert "Vidu Q1" not in got


def test_an_intro_that_can_show_problems_lists_no_features() -> None:
    text = "可灵测试\n\n测完你可以看到这些问题：\n- 手部变形\n- 背景闪烁\n"
    assert [c.kind for c in claims_of(text)] == ["bug", "bug"]
