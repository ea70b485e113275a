"""Model resolution: Chinese, Traditional and English names, versions, editions and tiers."""

from __future__ import annotations

import pytest

from ingest.extract import iter_models
from ingest.extract.registry import load_registry, version_key
from tests.extract_helpers import claims_of

REG = load_registry()


@pytest.mark.parametrize(
    ("brand", "version", "words", "expected"),
    [
        ("Kling", "2.1", ["大师版"], ("Kling 2.1 Master", "master")),
        ("Kling", "2.1", ["高品质"], ("Kling 2.1", "high-quality")),
        ("Kling", "2.1", ["标准模式"], ("Kling 2.1", "standard")),
        ("Kling", "2.1", ["普通版"], ("Kling 2.1", None)),
        ("Kling", "2.0", [], ("Kling 2.0 Master", "master")),
        ("Kling", "2", [], ("Kling 2.0 Master", "master")),
        ("Kling", "v2-1", ["master"], ("Kling 2.1 Master", "master")),
        ("Kling", "2.5", [], ("Kling 2.5 Turbo", None)),
        ("Kling", "3.0", [], ("Kling 3.0", None)),
        ("Hailuo", "02", [], ("Hailuo 02", None)),
        ("Vidu", "q1", [], ("Vidu Q1", None)),
        ("Runway", "4", ["turbo"], ("Runway Gen-4 Turbo", None)),
        ("PixVerse", "4.5", [], ("PixVerse V4.5", None)),
        ("Seedance", "1.0", [], ("Seedance 1.0", None)),  # as written: the Pro edition is a model of its own
        ("Qingying", "1.5", [], ("Qingying", None)),
        ("Kling", None, [], ("Kling", None)),
    ],
)
def test_resolve(brand: str, version: str | None, words: list[str], expected: tuple[str, str | None]) -> None:
    assert REG.resolve(brand, version, words) == expected


@pytest.mark.parametrize(
    ("model", "tier", "expected"),
    [
        ("Kling 2.1", "master", ("Kling 2.1 Master", "master")),
        ("Kling 2.1 Master", "standard", ("Kling 2.1", "standard")),
        ("Kling 2.1", "high-quality", ("Kling 2.1", "high-quality")),
    ],
)
def test_tier_sold_as_its_own_model(model: str, tier: str, expected: tuple[str, str]) -> None:
    assert REG.apply_tier(model, tier) == expected


def test_hailuo_is_sold_by_resolution_not_in_named_tiers() -> None:
    assert REG.brands["Hailuo"].tier_words == {}
    assert REG.models["Hailuo 02"].resolutions == ("512p", "768p", "1080p")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a resolution alone names no tier, whatever the vendor
        (
            "海螺02的768P，6秒一条25积分；1080P，6秒一条50积分。",
            [("Hailuo 02", None, "768p", 25), ("Hailuo 02", None, "1080p", 50)],
        ),
        ("可灵2.1的1080P视频，5秒35灵感值。", [("Kling 2.1", None, "1080p", 35)]),
        # the vendor's own tier words do, normalised
        (
            "可灵2.1高品质模式（1080P）每5秒收45灵感值，标准模式（720P）每5秒收25灵感值。",
            [("Kling 2.1", "high-quality", "1080p", 45), ("Kling 2.1", "standard", "720p", 25)],
        ),
        (
            "Kling 2.1 in Professional mode costs 35 credits per 5-second clip.",
            [("Kling 2.1", "high-quality", None, 35)],
        ),
        # a model sold as its own tier keeps it
        ("可灵2.1大师版（1080P）做一条5秒要150灵感值。", [("Kling 2.1 Master", "master", "1080p", 150)]),
        # a further clip length keeps the resolution named once for the tier
        (
            "可灵2.1大师版（1080P）做一条5秒要150灵感值，10秒要300灵感值。",
            [("Kling 2.1 Master", "master", "1080p", 150), ("Kling 2.1 Master", "master", "1080p", 300)],
        ),
        (
            "可灵2.1高品质模式（1080P）每5秒收45灵感值，标准模式每5秒收25灵感值。",
            [("Kling 2.1", "high-quality", "1080p", 45), ("Kling 2.1", "standard", None, 25)],
        ),
    ],
)
def test_price_tier_is_the_vendors_named_tier_only(text: str, expected: list[tuple]) -> None:
    got = [(c.model, c.tier, c.resolution, c.credits) for c in claims_of(text) if c.kind == "price"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "key"), [("2.0", "2"), ("02", "2"), ("V4.5", "4.5"), ("Gen-4", "4"), ("Q1", "q1")]
)
def test_version_key(text: str, key: str) -> None:
    assert version_key(text) == key


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("可灵2.1大师版的运镜非常丝滑。", "Kling 2.1 Master"),
        ("可靈2.1大師版的運鏡非常絲滑。", "Kling 2.1 Master"),
        ("Kling 2.1 Master looks very cinematic.", "Kling 2.1 Master"),
        ("kling-v2-1-master looks very cinematic.", "Kling 2.1 Master"),
        ("海螺02的物理模拟非常逼真。", "Hailuo 02"),
        ("MiniMax Hailuo 02 is remarkably consistent.", "Hailuo 02"),
        ("Runway Gen-4 Turbo looks blurry at times.", "Runway Gen-4 Turbo"),
        ("Veo 3 sounds very natural.", "Veo 3"),
        ("通義萬相2.1的畫面非常穩定。", "Wan 2.1"),
        ("Wan2.1的画面非常稳定。", "Wan 2.1"),
        ("拍我AI V4.5的特效很稳定。", "PixVerse V4.5"),
        ("清影的画面很清晰。", "Qingying"),
    ],
)
def test_model_named_in_text(text: str, model: str) -> None:
    claims = claims_of(text)
    assert claims and {c.model for c in claims} == {model}


def test_bare_version_and_tier_words_take_the_document_brand_and_version() -> None:
    text = "可灵2.1正式上线。\n\n2.1版本（上）的动作更自然。\n\n大师版的光影更细腻。\n\n1.6版本有点慢动作。"
    got = [(c.model, c.kind) for c in claims_of(text)]
    assert got == [("Kling 2.1", "strength"), ("Kling 2.1 Master", "strength"), ("Kling 1.6", "bug")]


def test_sentence_version_beats_document_version_for_a_tier_word() -> None:
    text = "可灵2.1上线了。\n\n可灵2.0的收费偏高：大师版一条5秒要150灵感值。"
    prices = [c for c in claims_of(text) if c.kind == "price"]
    assert [(c.model, c.tier, c.credits) for c in prices] == [("Kling 2.0 Master", "master", 150)]


def test_iter_models_rows() -> None:
    rows = iter_models()
    names = {r["name"] for r in rows}
    for needed in (
        "Kling 2.1",
        "Kling 2.1 Master",
        "Kling 2.0 Master",
        "Hailuo 02",
        "Wan 2.1",
        "Veo 3",
        "Sora",
        "Runway Gen-4",
        "Luma",
        "Pika",
        "Vidu",
        "Qingying",
        "Hunyuan",
        "Jimeng",
    ):
        assert needed in names or any(n.startswith(needed) for n in names), needed
    kling = next(r for r in rows if r["name"] == "Kling 2.1 Master")
    assert kling["vendor"].startswith("Kuaishou") and kling["brand"] == "Kling"
    assert all(set(r) == {"name", "vendor", "brand", "aliases"} for r in rows)


@pytest.mark.parametrize(
    ("model_id", "expected"),
    [
        ("kling-v2-1-master", ("Kling 2.1 Master", "master")),
        ("kling-v1-6-pro", ("Kling 1.6", "high-quality")),
        ("wan2.2-i2v-flash", ("Wan 2.2", None)),
        ("veo-3.0-fast-generate-001", ("Veo 3 Fast", None)),
        ("MiniMax-Hailuo-02", ("Hailuo 02", None)),
        ("seedance-1-0-lite-t2v", ("Seedance 1.0 Lite", None)),
        ("vidu_q1", ("Vidu Q1", None)),
        ("gen4_turbo", ("Runway Gen-4 Turbo", None)),
        ("gen3a_turbo", ("Runway Gen-3 Alpha Turbo", None)),
        ("sora-2-pro", ("Sora 2 Pro", None)),
        ("kling-v2-5-turbo-pro", ("Kling 2.5 Turbo", "high-quality")),
        ("kling-v2-6-std", ("Kling 2.6", "standard")),
        ("kling-v1-5", ("Kling 1.5", None)),
        ("MiniMax-Hailuo-2.3-Fast", ("Hailuo 2.3 Fast", None)),
        ("T2V-01-Director", ("Hailuo 01 Director", None)),
        ("doubao-seedance-1-0-pro-fast", ("Seedance 1.0 Pro Fast", None)),
        ("doubao-seedance-1-5-pro", ("Seedance 1.5 Pro", None)),
        ("viduq2-turbo", ("Vidu Q2 Turbo", "turbo")),
        ("wan2.6-t2v", ("Wan 2.6", None)),
        ("veo-3.1-fast-generate-preview", ("Veo 3.1 Fast", None)),
        ("veo-3.0-generate-preview", ("Veo 3", None)),
        ("ray-flash-2", ("Luma Ray2 Flash", None)),
        ("ray-3.2", ("Luma Ray3.2", None)),
    ],
)
def test_api_model_ids_resolve_through_the_registry(model_id: str, expected: tuple[str, str | None]) -> None:
    prices = [
        (c.model, c.tier) for c in claims_of(f"{model_id} costs $0.30 per 5s clip.") if c.kind == "price"
    ]
    assert prices == [expected]
