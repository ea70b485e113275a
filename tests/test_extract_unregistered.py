"""Models the registry does not know: they take scope, and speak when the document dwells on them."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _about(text: str, title: str | None = None) -> set[tuple[str, str | None]]:
    return {(c.kind, c.model) for c in scored(claims_of(text, title=title))}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # a vendor's new model, named twice, ranked above registered ones named in passing
        (
            "榜单上，新出的Lumora-V3排在Veo 3和Sora 2之前。\nLumora-V3支持首尾帧和原生音频，画面非常稳定。",
            "Lumora-V3",
        ),
        # the brand alone after the text named it with its version keeps that version
        ("今天测了FilmCraft2。\nFilmCraft的画面很自然，人物动作流畅。", "FilmCraft2"),
        # a Latin word before a model noun, once, in an English review
        ("We tried the Quillon video model this week. It renders hands very well.", "Quillon"),
        # named in the title only, then by its brand
        ("VidNova的光影很细腻，对比可灵也不输。", "VidNova 2"),
    ],
)
def test_an_unregistered_model_takes_its_own_claims(text: str, model: str) -> None:
    title = "VidNova 2 上手体验" if "VidNova" in text else None
    got = _about(text, title)
    assert got, text
    assert {m for _, m in got} == {model}


@pytest.mark.parametrize(
    "text",
    [
        # named once in passing: it takes scope, so its sentence's verdict goes to nobody
        "可灵2.1测完了。\n前几天HoloMotion-2刚出，画面很稳定。",
        "可灵2.1测完了。\n另外看了下PixelDrift-5，动作非常自然。",
    ],
)
def test_an_unregistered_model_named_once_takes_scope_but_gives_no_claim(text: str) -> None:
    assert _about(text) == set()


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # ordinals and other products with numbers are no models
        ("可灵2.1测试。\nStep 2：画面很稳定。\nStep 3：画面很自然。\nStep 4：动作流畅。", "Kling 2.1"),
        ("可灵2.1测试。\nCase 1里画面很稳定。", "Kling 2.1"),
        ("可灵2.1测试，提示词用GPT-4写的，画面很稳定。", "Kling 2.1"),
        ("Tested on iOS 18: Kling 2.1 renders faces very well.", "Kling 2.1"),
        # a numbered list of one word (Take1, Take2, Take3) is no model either
        ("可灵2.1测试。\nTake1画面很稳定。Take2动作流畅。Take3画面很自然。", "Kling 2.1"),
        # a membership level with its number is a plan, not a model
        ("可灵2.1的价格：\nSVIP2：每条35灵感值\nVIP1：每条40灵感值\n非VIP：每条50灵感值", "Kling 2.1"),
        (
            "Kling 2.1 pricing. Premium 2 members pay 35 credits a clip; Member 1 pays 40 credits.",
            "Kling 2.1",
        ),
    ],
)
def test_ordinals_and_other_products_are_no_models(text: str, model: str) -> None:
    got = _about(text)
    assert got and {m for _, m in got} == {model}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("RunwayGen4的光影很细腻。", "Runway Gen-4"),
        ("KlingV2.1的画面很稳定。", "Kling 2.1"),
    ],
)
def test_a_registered_brand_with_its_version_run_on_is_the_registered_model(text: str, model: str) -> None:
    got = _about(text)
    assert got and {m for _, m in got} == {model}
