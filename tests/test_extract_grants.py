"""What a review says a model has without a verb of offering (examples written here): a feature
it stands out by, and a length the user sets."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize(
    ("text", "models"),
    [
        ("Wan 2.5 与 Sora 2 凭借音画同步能力的突破，成为九月的焦点。", {"Wan 2.5", "Sora 2"}),
        ("可灵2.1依靠首尾帧功能吸引了很多创作者。", {"Kling 2.1"}),
    ],
)
def test_a_feature_a_model_stands_out_by_is_its_capability(text: str, models: set[str]) -> None:
    assert {c.model for c in claims_of(text) if c.kind == "capability"} == models


@pytest.mark.parametrize(
    "text",
    [
        "Vidu Q2 还可随心自定义视频时长，适配多种场景。",
        "Vidu Q2 lets you set a custom duration for each clip.",
    ],
)
def test_a_length_the_user_sets_is_a_capability(text: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [("capability", "Vidu Q2")]


_FEATURES = (
    "### Sora 核心功能介紹\n\n* 圖像延伸與動畫化：將靜態圖像轉化為動畫。\n"
    "* 混合與重製：可替換或移除影片中的元素。\n* 時長：支持5秒和10秒。\n"
)


def test_plain_chinese_feature_items_under_a_features_heading_are_capabilities() -> None:
    got = [(c.kind, c.model, c.feature) for c in claims_of(_FEATURES) if c.method.endswith(":feature_item")]
    assert got == [("capability", "Sora", "圖像延伸與動畫化"), ("capability", "Sora", "混合與重製")]
    # the length line lists values: each its own claim, as before
    assert {c.feature for c in claims_of(_FEATURES) if c.method.endswith(":spec")} >= {"5秒", "10秒"}


def test_the_same_items_under_a_heading_of_verdicts_are_no_feature_items() -> None:
    text = _FEATURES.replace("核心功能介紹", "使用感受")
    assert not [c for c in claims_of(text) if c.method.endswith(":feature_item")]


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1如果支持4K就好了。",  # a wish
        "可灵2.1如有新增功能，会在此更新。",  # a condition
        "Kling 2.1: if it supported 4K, it would be perfect.",
    ],
)
def test_a_feature_under_a_condition_or_a_wish_is_not_offered(text: str) -> None:
    assert "capability" not in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize(
    "text",
    ["Seedance 2.0 提供美元计费和国际资料合规支援。", "Seedance 2.0（支持 GitHub / Google 登录）"],
)
def test_what_a_service_offers_its_account_holders_is_no_feature(text: str) -> None:
    assert claims_of(text) == []
