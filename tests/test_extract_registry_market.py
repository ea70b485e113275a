"""The model registry against the AI video market 2024-2026: every family's versions, editions,
tiers and API ids, in Chinese, Traditional and English, and the ordinary words that must stay words."""

from __future__ import annotations

import pytest

from ingest.extract.registry import load_registry
from tests.extract_helpers import claims_of

REG = load_registry()


def _models(text: str) -> set[tuple[str | None, str | None]]:
    return {(c.model, c.tier) for c in claims_of(text)}


@pytest.mark.parametrize(
    ("text", "model", "tier"),
    [
        # Kling: tiers per version, Turbo, Omni
        ("可灵2.5 Turbo的运动幅度很大，画面非常惊艳。", "Kling 2.5 Turbo", None),
        ("Kling 2.5 Turbo Pro looks stunning and very cinematic.", "Kling 2.5 Turbo", "high-quality"),
        ("可灵2.6标准模式的画面非常惊艳。", "Kling 2.6", "standard"),
        ("可靈O1的畫面非常驚艷。", "Kling O1", None),
        ("Kling 3.0 Turbo looks stunning and very cinematic.", "Kling 3.0 Turbo", None),
        # Hailuo: 01 and its Live / Director variants, 02, 2.3 and 2.3 Fast
        ("MiniMax video-01-live looks stunning and very cinematic.", "Hailuo 01 Live", None),
        ("Hailuo I2V-01-Director looks stunning and very cinematic.", "Hailuo 01 Director", None),
        ("海螺2.3 极速版的画面非常惊艳。", "Hailuo 2.3 Fast", None),
        # Seedance: 1.0 Lite / Pro / Pro Fast, 1.5 Pro, 2.0 and 2.0 Fast
        ("Seedance 1.5 Pro looks stunning and very cinematic.", "Seedance 1.5 Pro", None),
        ("Seedance 1.0 Pro Fast looks stunning and very cinematic.", "Seedance 1.0 Pro Fast", None),
        ("Seedance 2.0 Fast looks stunning and very cinematic.", "Seedance 2.0 Fast", None),
        ("豆包Seedance 2.0的画面非常惊艳。", "Seedance 2.0", None),
        # Vidu: Q2 / Q3 sold as Pro and Turbo models (each its own id and price)
        ("Vidu Q3 Turbo looks stunning and very cinematic.", "Vidu Q3 Turbo", "turbo"),
        ("生数Vidu 1.5的画面非常惊艳。", "Vidu 1.5", None),
        # Wan 2.6 / 2.7, PixVerse V5.5
        ("通義萬相2.6的畫面非常驚艷。", "Wan 2.6", None),
        ("Wan 2.7 looks stunning and very cinematic.", "Wan 2.7", None),
        ("PixVerse V5.5 looks stunning and very cinematic.", "PixVerse V5.5", None),
        # Hunyuan Video 1.5 and I2V
        ("HunyuanVideo 1.5 looks stunning and very cinematic.", "Hunyuan Video 1.5", None),
        ("HunyuanVideo-I2V looks stunning and very cinematic.", "Hunyuan Video I2V", None),
        # Veo 1 … 3.1 Fast, Sora 2 Pro
        ("Veo 3.1 Fast looks stunning and very cinematic.", "Veo 3.1 Fast", None),
        ("谷歌Veo 2的画面非常惊艳。", "Veo 2", None),
        # Runway Act-One, Luma Dream Machine 1.5 / Ray 1.6 / Ray2 Flash / Ray 3.2, Pika 2.5
        ("Runway Act-One looks stunning and very cinematic.", "Runway Act-One", None),
        ("Dream Machine 1.5 looks stunning and very cinematic.", "Luma Dream Machine 1.5", None),
        ("Dream Machine 1.6 looks stunning and very cinematic.", "Luma Ray1.6", None),
        ("Luma Ray2 Flash looks stunning and very cinematic.", "Luma Ray2 Flash", None),
        ("Ray 3.2 looks stunning and very cinematic.", "Luma Ray3.2", None),
        ("Pika 2.5 looks stunning and very cinematic.", "Pika 2.5", None),
        ("Pikaffects的特效非常惊艳。", "Pika", None),
        # the rest of the market
        ("Adobe Firefly Video looks stunning and very cinematic.", "Firefly", None),
        ("Midjourney Video looks stunning and very cinematic.", "Midjourney V1", None),
        ("Grok Imagine looks stunning and very cinematic.", "Grok Imagine", None),
        ("LTX-2 looks stunning and very cinematic.", "LTX 2", None),
        ("Mochi 1 looks stunning and very cinematic.", "Mochi 1", None),
        ("SkyReels V2 looks stunning and very cinematic.", "SkyReels V2", None),
        ("Haiper 2.0 looks stunning and very cinematic.", "Haiper 2.0", None),
        ("Stable Video Diffusion looks stunning and very cinematic.", "Stable Video Diffusion", None),
        ("Meta Movie Gen looks stunning and very cinematic.", "Movie Gen", None),
        ("MAGI-1 looks stunning and very cinematic.", "MAGI 1", None),
        ("Step-Video-T2V looks stunning and very cinematic.", "Step-Video T2V", None),
        ("智谱清影的画面非常惊艳。", "Qingying", None),
    ],
)
def test_every_family_and_version_is_named(text: str, model: str, tier: str | None) -> None:
    assert _models(text) == {(model, tier)}


@pytest.mark.parametrize(
    "text",
    [
        # brand aliases that are ordinary English words, in lower case in prose
        "She gave a wan smile and the clip looks stunning and very cinematic.",
        "The model walked down the runway and it looks stunning and very cinematic.",
        "A bowl of mochi on the table looks stunning and very cinematic.",
        "A firefly in the garden looks stunning and very cinematic.",
        "The luma channel of this clip looks stunning and very cinematic.",
        # edition words alone, and words near a model's name
        "The flash in this shot looks stunning and very cinematic.",
        "A ray of light through the window looks stunning and very cinematic.",
        "The live director cut looks stunning and very cinematic.",
        "In act one the hero looks stunning and very cinematic.",
        "It felt like a dream machine and looks stunning and very cinematic.",
        # a platform hosting other vendors' models is no model
        "Higgsfield looks stunning and very cinematic.",
    ],
)
def test_ordinary_words_name_no_model(text: str) -> None:
    assert _models(text) == set()


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Wan looks stunning and very cinematic.", "Wan"),  # capitalised: the name
        ("用wan生成的画面非常惊艳。", "Wan"),  # next to Chinese
        ("I ran wan2.2 all day; wan looks stunning and very cinematic.", "Wan 2.2"),  # named in full
        ("Runway looks stunning and very cinematic.", "Runway"),
        ("Kling 2.1 on Higgsfield looks stunning and very cinematic.", "Kling 2.1"),  # the hosted model
    ],
)
def test_common_word_brands_stay_names_where_they_are_names(text: str, model: str) -> None:
    assert {m for m, _ in _models(text)} == {model}


@pytest.mark.parametrize(
    "text",
    [
        "HunyuanVideo 13B looks stunning and very cinematic.",
        "混元8步出图，画面非常惊艳。",
        "HunyuanVideo 8 or 12 steps looks stunning and very cinematic.",
        "混元 8G显存就能跑，画面非常惊艳。",
    ],
)
def test_a_count_after_a_brand_is_no_version(text: str) -> None:
    assert _models(text) == {("Hunyuan", None)}


def test_a_product_running_another_vendors_model_keeps_its_own_name() -> None:
    """Bing Video Creator runs Sora, but its quotas and prices are Microsoft's: its claims are its own."""
    assert REG.brands["Bing Video Creator"].runs == "Sora"
    assert REG.brands["Bing Video Creator"].vendor == "Microsoft"
    assert _models("Bing Video Creator looks stunning and very cinematic.") == {("Bing Video Creator", None)}
    assert _models("Sora 2 looks stunning and very cinematic.") == {("Sora 2", None)}


def test_every_model_name_starts_with_its_brand() -> None:
    for name, info in REG.models.items():
        brand = REG.brands[info.brand]
        # the brand's name, or how it writes its versions (LTX-Video's versions are LTX 2, LTX 2.3)
        assert name.split(" ")[0] in (info.brand.split(" ")[0], brand.name_format.split(" ")[0]), name
        assert REG.brand_of(name) is brand, name
