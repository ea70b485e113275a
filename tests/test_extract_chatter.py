"""Long review prose: prompts set out in blocks, flaws not seen, and chatter are no claims."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _claims(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text))]


@pytest.mark.parametrize(
    "text",
    [
        # the label alone on its line, the prompt on the next
        "可灵2.1测试。\n\n2.\n提示词：\n一只纸船在暴雨里扭曲变形，闪烁着诡异的光。\n",
        "Kling 2.1 test.\n\nPrompt:\nA glass robot melts and flickers, its limbs warping in the rain.\n",
        "可灵2.1测试。\n\n3. 提示词：\n时间在镜头里崩坏，城市像液体一样扭曲。\n",
    ],
)
def test_a_prompt_under_its_label_line_gives_no_claim(text: str) -> None:
    assert _claims(text) == []


def test_the_line_after_a_prompt_block_is_read_again() -> None:
    text = "可灵2.1测试。\n\n提示词：\n一只猫在雨里扭曲变形。\n\n生成的画面很稳定。\n"
    assert [(k, m) for k, m, _ in _claims(text)] == [("strength", "Kling 2.1")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("可灵2.1的镜头推进平稳，也没有出现不协调的抖动。", ["strength"]),
        ("可灵2.1的画面没有出现明显的闪烁。", []),
        ("Kling 2.1: I didn't see any obvious flickering.", []),
        # seen: still flaws
        ("可灵2.1的动作不自然。", ["bug"]),
        ("可灵2.1出现了明显的闪烁。", ["bug"]),
    ],
)
def test_a_flaw_not_seen_is_no_bug(text: str, kinds: list[str]) -> None:
    assert [k for k, _, _ in _claims(text)] == kinds


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a field or a group of products heads the clause: about no one model
        ("可灵2.1的画面很稳定。\n产品们越来越卷，效果也越来越好。", [("strength", "Kling 2.1")]),
        ("可灵2.1很稳定，其他模型都很卡。", [("strength", "Kling 2.1")]),
        ("Kling 2.1 is stable, but most models still struggle with hands.", [("strength", "Kling 2.1")]),
        # the group as a yardstick: the model compared with it keeps the verdict
        ("可灵2.1的画面比其他模型更稳定。", [("strength", "Kling 2.1")]),
        ("Kling 2.1 beats other models on motion.", [("strength", "Kling 2.1")]),
    ],
)
def test_a_field_or_group_of_products_as_subject_is_no_model(
    text: str, claims: list[tuple[str, str]]
) -> None:
    assert [(k, m) for k, m, _ in _claims(text)] == claims


@pytest.mark.parametrize(
    "heading",
    ["A Remarkable First Draft", "Where the Motion Falls Short", "### An Impressive Second Take"],
)
def test_an_english_heading_in_title_case_states_no_verdict(heading: str) -> None:
    text = f"Kling 2.1 review\n\n{heading}\n\nThe motion looked natural and smooth.\n"
    assert [(k, m) for k, m, _ in _claims(text)] == [("strength", "Kling 2.1")]


def test_runway_gen_1_is_its_own_model() -> None:
    text = "回顾一下：Gen1只能做视频风格的转绘，没法文生视频。"
    assert {(k, m) for k, m, _ in _claims(text)} == {("limitation", "Runway Gen-1")}


@pytest.mark.parametrize("intro", ["还有一个我超级喜欢的case：", "Here is one test case:"])
def test_the_paragraph_after_a_test_case_label_is_a_prompt(intro: str) -> None:
    prompt = "星系边缘，宇宙战舰引爆反物质引擎。能量涟漪以光速扩散，撕裂周围星体。"
    text = f"混元的效果很好。\n\n{intro}\n\n{prompt}\n"
    assert [c.quote for c in claims_of(text)] == ["混元的效果很好"]


@pytest.mark.parametrize(
    ("text", "bug"),
    [
        ("Wan 2.2 的画面精致得不像AI。", False),  # as if no machine made it
        ("混元的视频像拍的，不像生成的。", False),
        ("可灵2.1生成的人物长得不像参考图。", True),  # unlike the reference: a flaw
    ],
)
def test_not_like_ai_is_no_flaw_but_not_like_the_reference_is(text: str, bug: bool) -> None:
    assert ("bug" in [c.kind for c in claims_of(text)]) is bug
