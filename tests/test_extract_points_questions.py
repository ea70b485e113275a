"""A pros label before a list of points is none of the points; a clause that wonders whether
states nothing; a quality that went down is a flaw; speed, ease and first place said as praise;
English quality words before stability, dialogue or text rendering; flaws named in one word
(像素化, nightmarish); a clip length fixed (固定为8秒) is a limit."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def _kinds(text: str, kind: str) -> list[tuple[str | None, str]]:
    return [(c.model, str(c.model_dump().get("feature") or "")) for c in claims_of(text) if c.kind == kind]


def test_one_verdict_clause_stays_one_claim() -> None:
    bugs = [c for c in claims_of("海螺02的人物会在中途换脸。") if c.kind == "bug"]
    assert len(bugs) == 1
    assert bugs[0].model_dump().get("feature") is None


def test_a_pros_label_before_the_points_is_no_point() -> None:
    got = _kinds("Vidu 2.0 的优点：画面稳定、动作流畅。", "strength")
    assert sorted(f for _, f in got) == ["动作流畅", "画面稳定"]


def test_a_verdict_before_a_colon_that_is_no_label_is_a_point() -> None:
    got = _kinds("而 Vidu 2.0 则是全面升级：更好的一致性、更强的运动表现。", "strength")
    assert any("全面升级" in f for _, f in got)
    assert len(got) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "The choice hinges on price, and whether Veo 3.1 generates synchronized audio you can rely on.",
        "关键要看可灵2.1是否支持原生音频。",
        "我们想知道海螺02能否生成稳定的画面。",
    ],
)
def test_a_clause_that_wonders_whether_states_nothing(text: str) -> None:
    assert [c.kind for c in claims_of(text) if c.kind != "price"] == []


def test_a_feature_said_before_the_whether_clause_stays() -> None:
    text = "Veo 3.1 generates synchronized audio, but it is unclear whether it supports 4K."
    got = [(c.kind, c.quote) for c in claims_of(text) if c.kind == "capability"]
    assert got and all("whether" not in q for _, q in got)


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3.1 的工具有所改进，但稳定性有所下降。",
        "新版可灵2.1的画质明显下滑。",
        "Veo 3.1's stability got worse.",
        "In Veo 3.1 the consistency regressed.",
    ],
)
def test_a_quality_that_went_down_is_a_flaw(text: str) -> None:
    assert [c.kind for c in claims_of(text) if c.kind in ("bug", "strength")][-1] == "bug"


def test_a_cost_that_went_down_is_no_flaw() -> None:
    assert [c for c in claims_of("可灵2.1的成本有所下降。") if c.kind == "bug"] == []


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1生成速度较快。",
        "Vidu 2.0 操作便捷，容易上手。",
        "Midjourney V1 is pretty damn fast.",
        "Runway Gen-3 generates fast.",
        "Kling 3.0 wins the overall benchmark.",
        "Kling 3.0 takes the overall by a two-point margin.",
        "Luma Ray 2 has strong stability.",
        "Veo 3 has great dialogue.",
    ],
)
def test_praise_without_a_stock_adjective(text: str) -> None:
    assert "strength" in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize("text", ["Runway 的生成速度慢。", "Pika is fast becoming popular in schools."])
def test_speed_words_that_are_no_praise(text: str) -> None:
    assert "strength" not in [c.kind for c in claims_of(text)]


def test_poor_text_rendering_is_a_flaw() -> None:
    assert "bug" in [c.kind for c in claims_of("Luma Ray 2 has poor text rendering.")]


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3.1 的静态帧会像素化。",
        "The Kling 1.0 breakdancing was nightmarish.",
        "Vidu 2.0 garbles text past ~4 chars.",
        "Midjourney V1 motion is all over the show.",
        "Sora made people with heads on backward.",
    ],
)
def test_flaws_named_in_one_word(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["bug"]


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3.1 固定 8 秒。",
        "Veo 3.1 的时长固定为8秒，分辨率为720p。",
        "Veo 3.1 clips are fixed at 8 seconds.",
    ],
)
def test_a_fixed_clip_length_is_a_limitation(text: str) -> None:
    got = [c.kind for c in claims_of(text) if c.kind in ("capability", "limitation")]
    assert got[0] == "limitation"


def test_a_fixed_camera_is_no_length_limit() -> None:
    assert [c for c in claims_of("可灵2.1固定机位拍摄了一个10秒的镜头。") if c.kind == "limitation"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Veo3.1之前一直被传，会比Sora2更强，有原生分镜能力。",
        "Veo 3.1 was rumored to support 60-second clips.",
        "Veo 3.1 comes from Google with a hefty promise of cinematic quality and native audio.",
        "I had the impression that Veo 3 would generate videos in 4K.",
    ],
)
def test_hearsay_states_nothing(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == []


def test_what_was_seen_after_hearsay_stays() -> None:
    text = "Veo 3.1 was rumored to support 60-second clips, but it only makes 8-second clips."
    assert [c.kind for c in claims_of(text)] == ["limitation"]
