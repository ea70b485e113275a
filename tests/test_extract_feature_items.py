"""Feature lists in announcements, tier words of brands a document never names, and limits of
availability told in long review prose."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _claims(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.model, c.feature) for c in scored(claims_of(text))]


_LIST = (
    "## NovaCut-V2\n\nNovaCut-V2这次带来了几项新能力：\n"
    "*   **区域重绘**：精准替换画面中的物体、修改颜色。\n"
    "*   **字幕擦除**：自动识别并去除字幕，背景保持自然连贯。\n"
    "*   **运镜控制**：推拉摇移都可以指定。\n"
    "*   **双塔结构**：图像和声音两条支路并行。\n"
    "*   **画面质感**：非常细腻，光影自然。\n"
    "*   **功能限制**：目前仅支持竖屏输出。\n"
)


def test_each_feature_item_is_one_capability_named_by_its_label() -> None:
    got = _claims(_LIST)
    caps = [(m, f) for k, m, f in got if k == "capability"]
    assert caps == [("NovaCut-V2", "区域重绘"), ("NovaCut-V2", "字幕擦除"), ("NovaCut-V2", "运镜控制")]
    # the quality words describing a feature are no verdicts; a verdict under its own label still is
    assert [k for k, _, _ in got if k == "strength"] == ["strength"]


def test_a_feature_item_quotes_its_label() -> None:
    claim = next(c for c in claims_of(_LIST) if c.kind == "capability")
    assert claim.quote.startswith("区域重绘")
    assert _LIST[claim.start : claim.end] == claim.quote


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("PixVerse V4测试。极速版5秒左右就能出来。", "PixVerse V4"),
        ("Vidu Q1测试：极速版30秒就出来了。", "Vidu Q1"),
    ],
)
def test_a_tier_word_alone_names_a_brand_the_document_names(text: str, model: str) -> None:
    got = [(k, m) for k, m, _ in _claims(text) if k == "speed"]
    assert got == [("speed", model)]


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1目前仅有 iOS 版本。",
        "可灵2.1首批只限日本用户试用。",
        "Kling 2.1 is iOS-only for now.",
        "可灵2.1暂时只有网页端。",
    ],
)
def test_one_platform_or_some_users_only_is_a_limitation(text: str) -> None:
    assert [(k, m) for k, m, _ in _claims(text)] == [("limitation", "Kling 2.1")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kling 2.1 delivered exceptional fabric detail.", "strength"),
        ("Where Kling 2.1 struggled was long takes.", "bug"),
        ("Kling 2.1 struggled with fast dance moves.", "bug"),
    ],
)
def test_english_praise_and_struggle(text: str, kind: str) -> None:
    assert [(k, m) for k, m, _ in _claims(text)] == [(kind, "Kling 2.1")]


def test_a_picture_held_at_a_spec_states_it() -> None:
    got = _claims("可灵2.1的画面稳定在1080p、30帧。")
    assert [(k, f) for k, _, f in got] == [("capability", "1080p"), ("capability", "30帧")]


def test_a_plain_title_case_label_on_a_bullet_is_a_feature_item() -> None:
    text = (
        "Hailuo 02 Pro key features:\n"
        "- Extreme Physics Simulation: Generates complex physical scenarios like acrobatics\n"
        "- Cinematic Camera Control: Professional camera movements including panning and tilting\n"
        "- Professional Color Grading: Enhanced color accuracy and depth\n"
    )
    caps = {c.feature for c in claims_of(text) if c.kind == "capability"}
    assert {"Extreme Physics Simulation", "Cinematic Camera Control"} <= caps
    assert "Professional Color Grading" not in caps
