"""Times named by their label, the clip a time is for, lists that describe a noun, features not yet
out or only supposed, the field as a sentence's subject, and flaws said to be fixed."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _claims(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text))]


def _features(text: str) -> list[str | None]:
    return [c.feature for c in claims_of(text) if c.kind in ("capability", "limitation")]


# ----- times -----
def test_a_speed_label_right_before_a_time_on_a_priced_line_times_it() -> None:
    text = "Model Hailuo 2.3 Standard Base Cost ($0.035/sec) Processing Time ~180 seconds"
    speeds = [(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"]
    assert speeds == [("Hailuo 2.3", 180.0)]


def test_a_client_timeout_is_no_generation_time() -> None:
    text = (
        "Sora 2 API.\n\n- Video generation: About 2-3 minutes\n\nSet request timeout to at least 5 minutes."
    )
    speeds = [(c.generation_s_min, c.generation_s_max) for c in claims_of(text) if c.kind == "speed"]
    assert speeds == [(120.0, 180.0)]


def test_the_length_of_the_clip_a_time_is_for_is_no_offer() -> None:
    text = "Sora 2 API.\n\n- Video generation: About 2-3 minutes (10-second video)\n"
    assert [k for k, _ in _claims(text)] == ["speed"]


def test_a_length_offered_on_its_own_stays_a_capability() -> None:
    assert _claims("可灵2.1支持生成10秒视频。") == [("capability", "Kling 2.1")]


# ----- lists that describe a noun -----
@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("豆包PixelDance：一张图，就能生成风格、场景、人物一致的多镜头视频。", "多镜头"),
        ("可灵2.1：找一张具备冷峻、浅景深、画面颗粒感等特征的图片让它续写。", "续写"),
    ],
)
def test_items_that_say_what_a_noun_is_like_are_no_features(text: str, feature: str) -> None:
    assert _features(text) == [feature]


def test_a_list_of_features_is_still_one_claim_each() -> None:
    assert len(_features("可灵2.1支持文生视频、图生视频、首尾帧等功能。")) == 3


# ----- not yet out, or only supposed -----
def test_a_feature_not_yet_launched_is_a_limitation() -> None:
    assert _claims("甚至可灵的图生视频都还没上线。") == [("limitation", "Kling")]


def test_a_feature_in_a_condition_is_not_offered() -> None:
    assert "capability" not in [k for k, _ in _claims("可灵用图生视频的方式生成AI视频的话，效果更好。")]


# ----- who a sentence is about -----
@pytest.mark.parametrize(
    "text",
    [
        "豆包PixelDance 发布了。但现在，依然没有任何一个AI视频，能做到单视频多镜头，"
        "而且还能保证完美的一致性。",
        "Seedance 2.0 发布了。放在一年前，那时候的AI虽然也挺牛逼的，但是还是做不出来这种级别的运镜。",
    ],
)
def test_the_field_heading_a_sentence_is_no_model(text: str) -> None:
    assert _claims(text) == []


# ----- flaws fixed -----
@pytest.mark.parametrize(
    "text",
    ["Vidu Q1 的手部穿模、画面抖动等问题显著改善。", "Vidu Q1 精准解决画面崩坏。"],
)
def test_flaws_said_to_be_fixed_are_a_strength(text: str) -> None:
    assert _claims(text) == [("strength", "Vidu Q1")]


def test_a_flaw_still_there_is_a_bug() -> None:
    assert _claims("Vidu Q1 还是有手部穿模。") == [("bug", "Vidu Q1")]


# ----- a flattened comparison whose header names the models run together -----
_GLUED_COMPARISON = (
    "Side-by-side comparison\n\n"
    "DimensionKlingRunwayWinner\n"
    "Motion realismIndustry-leading physics priorsAdequate; physics violations on fluidA wins\n"
    "Character consistency (single shot)Drifts > 4s on portraitsStrong; multi-cut via Scenes modeB wins\n"
    "Hand anatomyHand-Anatomy Topology fails on close-upsSame failure mode, equivalent rateTie\n"
)


def test_each_cell_of_a_glued_comparison_is_its_columns_model() -> None:
    got = _claims(_GLUED_COMPARISON)
    assert ("bug", "Runway") in got and ("bug", "Kling") in got
    # every claim is one of the two models', none the row label's or the winner column's
    assert {m for _, m in got} <= {"Kling", "Runway"}
    bugs = [(c.model, c.quote) for c in claims_of(_GLUED_COMPARISON) if c.kind == "bug"]
    assert any(m == "Kling" and "Drifts > 4s on portraits" in q for m, q in bugs)
    assert any(m == "Runway" and "physics violations on fluid" in q for m, q in bugs)


def test_a_glued_row_that_splits_unlike_its_header_is_nobodys() -> None:
    text = _GLUED_COMPARISON.replace("Drifts > 4s on portraitsStrong", "drifts > 4s on portraits, strong")
    assert all("portraits" not in c.quote for c in claims_of(text))


# ----- English verdicts -----
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sora 2 test. It has what the prompt requested.", [("strength", "Sora 2")]),
        ("Veo 3 followed my prompt closely.", [("strength", "Veo 3")]),
        (
            "Sora 2 on the phone app will lock the output to vertical and square formats.",
            [("limitation", "Sora 2")],
        ),
        ("Veo 3 is too expensive for a hobbyist.", [("limitation", "Veo 3")]),
    ],
)
def test_english_verdicts_on_prompts_formats_and_cost(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


# ----- lead-ins, set-asides and verdicts told with a complement -----
@pytest.mark.parametrize(
    "text",
    [
        "Wan 2.2 很强。但也有个问题，就是画面。",
        "Wan 2.2 很强。但问题是，就是画面。",
        "Wan 2.2 很强。除了这两问题之外，其他都很好。",
        "Wan 2.2：一张照片加上一条视频，就能生成一张极其自然的换脸视频。",
    ],
)
def test_announced_or_set_aside_flaws_are_no_bug(text: str) -> None:
    assert "bug" not in [k for k, _ in _claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("海螺02：这段视频我roll了3次，才得到一个OK的效果。", [("bug", "Hailuo 02")]),
        ("可灵的运镜稳得没话说。", [("strength", "Kling")]),
        ("Vidu 2D、3D的动漫画风强的没得说。", [("strength", "Vidu")]),
    ],
)
def test_retries_and_complement_verdicts(text: str, expected: list[tuple[str, str]]) -> None:
    assert _claims(text) == expected


def test_an_earlier_model_after_a_comparison_and_its_description_is_the_yardstick() -> None:
    text = "OpenAI正式推出了 Sora 2。相比2024年2月发布的初代 Sora，本次升级带来了断层级的真实感。"
    assert _claims(text) == [("strength", "Sora 2")]


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 发布了。回头看这一年半，认识了很多很好的伙伴。",
        "Seedance 2.0 发布了。既然可以参考视频了，那自然，还有一个很特别的地方，就是编辑现实。",
    ],
)
def test_chatter_and_a_point_announced_are_no_verdict(text: str) -> None:
    assert "strength" not in [k for k, _ in _claims(text)]


def test_natural_motion_is_still_a_strength() -> None:
    assert _claims("可灵的动作很自然。") == [("strength", "Kling")]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("PixVerse generated the clip in seventeen seconds.", 17.0),
        ("Hailuo 02 rendered it in thirteen seconds.", 13.0),
    ],
)
def test_teen_number_words_time_a_generation(text: str, seconds: float) -> None:
    assert [c.generation_s for c in claims_of(text) if c.kind == "speed"] == [seconds]
