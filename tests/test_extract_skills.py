"""What a model is good or bad at, said with a verb of skill, and the list it names.

Every example is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _features(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.model, c.feature) for c in scored(claims_of(text))]


@pytest.mark.parametrize(
    ("text", "kind", "model", "items"),
    [
        (
            "海螺02擅长物理模拟、复杂运镜和多人互动。",
            "strength",
            "Hailuo 02",
            ["物理模拟", "复杂运镜", "多人互动"],
        ),
        (
            "可灵2.1善于表现布料、水流和烟雾，但是文字还是不行。",
            "strength",
            "Kling 2.1",
            ["布料", "水流", "烟雾"],
        ),
        (
            "Runway Gen-4 is particularly strong at camera control, lighting consistency, "
            "and character identity.",
            "strength",
            "Runway Gen-4",
            ["camera control", "lighting consistency", "character identity"],
        ),
        (
            "Luma Ray 2 excels in handheld motion and smooth transitions, but not in text.",
            "strength",
            "Luma Ray2",
            ["handheld motion", "smooth transitions"],
        ),
        (
            "We saw clear advantages of Vidu Q2 in facial expressions and pacing.",
            "strength",
            "Vidu Q2",
            ["facial expressions", "pacing"],
        ),
        ("可灵2.1不擅长处理文字和小物体。", "bug", "Kling 2.1", ["文字", "小物体"]),
        ("Sora 2 is not good at handwriting or crowds.", "bug", "Sora 2", ["handwriting", "crowds"]),
        # the list's "etc." is not part of its last item
        ("即梦3.0在色彩、构图和节奏等方面显著提升。", "strength", "Jimeng 3.0", ["色彩", "构图", "节奏"]),
    ],
)
def test_a_skill_list_gives_one_claim_per_item(text: str, kind: str, model: str, items: list[str]) -> None:
    got = [f for k, m, f in _features(text) if k == kind and m == model]
    assert sorted(f or "" for f in got) == sorted(items)


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("Sora 2's biggest advantage is its physics simulation.", "strength", "Sora 2"),
        ("Hailuo 02 has a natural advantage in fast action.", "strength", "Hailuo 02"),
        ("做电商短片的话，可灵2.1是我的首选。", "strength", "Kling 2.1"),
        ("For product ads Veo 3 is the go-to.", "strength", "Veo 3"),
        ("Of the three, PixVerse V5 gave the most coherent dance.", "strength", "PixVerse V5"),
        ("Veo 3的价格偏贵，一条视频要好几块钱。", "limitation", "Veo 3"),
        ("Sora 2 is free, with usage caps that reset daily.", "limitation", "Sora 2"),
        ("Vidu Q2的运镜能力全面升级。", "strength", "Vidu Q2"),
    ],
)
def test_new_cues_read(text: str, kind: str, model: str) -> None:
    assert (kind, model) in [(k, m) for k, m, _ in _features(text)]


@pytest.mark.parametrize(
    "text",
    [
        "You can take advantage of the free credits on Hailuo 02.",
        "Let's look at the advantages and disadvantages of Veo 3 next.",
        "每个模型都有各自擅长的领域，可灵2.1也不例外。",
    ],
)
def test_advantage_and_skill_words_that_praise_nothing(text: str) -> None:
    assert [k for k, _, _ in _features(text) if k == "strength"] == []


def test_a_list_word_inside_a_word_does_not_split_an_item() -> None:
    got = [
        f
        for k, _, f in _features("Kling 2.1 is great at hand gestures, brand logos and orbit shots.")
        if k == "strength"
    ]
    assert sorted(f or "" for f in got) == ["brand logos", "hand gestures", "orbit shots"]


@pytest.mark.parametrize(
    ("text", "praised"),
    [
        ("可灵2.1在运动幅度上具有明显优势。", True),
        ("Vidu Q2的优势很明显，表情非常细腻。", True),
        ("Veo 3.1核心优势", False),  # a heading naming the topic
        ("Sora 2 技术优势全面解析", False),
        ("在深入分析海螺02每项技术优势之前，先看整体对比。", False),
    ],
)
def test_an_advantage_held_praises_the_topic_word_does_not(text: str, praised: bool) -> None:
    assert any(k == "strength" for k, _, _ in _features(text)) is praised


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("可灵2.1的运动一致性提升了30%。", "strength", "Kling 2.1"),
        ("海螺02的出片效率直接翻倍。", "strength", "Hailuo 02"),
        ("Vidu Q2 renders 3x faster than before.", "strength", "Vidu Q2"),
        ("Veo 3 leads on lip sync, while others lag.", "strength", "Veo 3"),
        ("Kling 2.1 wins on camera moves.", "strength", "Kling 2.1"),
        ("即梦3.0人物手部的变形问题得到有效改善。", "strength", "Jimeng 3.0"),
        ("Sora 2的API账户需要完成组织验证。", "limitation", "Sora 2"),
    ],
)
def test_measured_gains_leads_and_access_checks(text: str, kind: str, model: str) -> None:
    assert (kind, model) in [(k, m) for k, m, _ in _features(text)]


def test_a_price_raised_by_a_percent_is_no_strength() -> None:
    assert all(k != "strength" for k, _, _ in _features("可灵2.1的价格提升了30%。"))


@pytest.mark.parametrize(
    "text",
    [
        "Sora在镜头运动角度和更精细内容调控方面仍存在不足。",
        "Sora难以准确模拟复杂场景的物理原理。",
        "Sora 2无法理解因果关系。",
    ],
)
def test_what_a_model_cannot_grasp_is_a_limitation(text: str) -> None:
    kinds = {k for k, _, _ in _features(text)}
    assert "limitation" in kinds and "bug" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "用Vidu Q2时，上传一张照片即可锁定人物特征。",
        "海螺02能根据一句话自动完成推拉摇移。",
        "即梦3.0只需一句提示词就能生成三个连贯的镜头。",
    ],
)
def test_a_result_from_little_input_is_a_capability(text: str) -> None:
    assert "capability" in {k for k, _, _ in _features(text)}


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("Runway Gen-4 adds the ability to keep a character consistent across shots.", True),
        ("Hailuo 02 is able to follow camera directions.", True),
        ("Sora 2 still lacks the ability to edit a clip.", False),
    ],
)
def test_an_ability_named_is_a_capability(text: str, has: bool) -> None:
    assert ("capability" in {k for k, _, _ in _features(text)}) is has


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Runway Gen-4 keeps maintaining consistency of faces across shots.", "strength"),
        ("Luma Ray2 produces realistic water splashes.", "strength"),
        ("Veo 3 gets closer than anything else we tried.", "strength"),
        ("Hailuo 02 is the fastest and cheapest of the three.", "strength"),
        ("Sora 2 occasionally shows strain maintaining consistency.", "bug"),
    ],
)
def test_english_praise_without_a_degree_word(text: str, kind: str) -> None:
    assert kind in {k for k, _, _ in _features(text)}


def test_a_superlative_heading_about_prices_praises_no_model() -> None:
    assert [
        k for k, _, _ in _features("Cheapest AI video API 2026: Runway Gen-4 and others") if k == "strength"
    ] == []
