"""Models named only in a bracketed aside after a verdict, and determiners before "model"."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, kinds_models, price_rows, scored

SECTION = (
    "## WAN 2.1: The Open-Source Powerhouse\n\n"
    "Wan 2.1 runs locally.\n\n"
    "**Limitations:**\n"
    "- 720p max resolution (Kling and Sora both offer 1080p)\n"
    "- Clip length capped at ~5-6 seconds per generation\n"
)


def test_a_verdict_before_an_aside_naming_other_models_is_the_sections() -> None:
    got = {(c.kind, c.model, c.quote) for c in scored(claims_of(SECTION))}
    assert ("limitation", "Wan 2.1", "720p max resolution") in got
    assert not [g for g in got if g[0] == "limitation" and g[1] != "Wan 2.1"], got


def test_a_determiner_before_model_names_no_model() -> None:
    text = (
        "Wan 2.1 review. Each model handles this differently: Wan 2.1 runs locally or via API and supports "
        "both text-to-video and image-to-video generation."
    )
    assert {c.model for c in claims_of(text)} == {"Wan 2.1"}
    # (said of "it" after "Each model…:", the features are each model's, no one model's: no claim,
    # and none for a model called "Each")
    vague = text.replace(": Wan 2.1 runs", ": it runs")
    assert {c.model for c in claims_of(vague)} <= {"Wan 2.1"}


def test_a_bracket_holding_a_statement_does_not_move_the_topic() -> None:
    got = {(c.kind, c.model, c.quote) for c in scored(claims_of(SECTION))}
    assert ("limitation", "Wan 2.1", "Clip length capped at ~5-6 seconds per generation") in got


def test_a_bracket_holding_only_a_name_still_says_who_the_heading_is() -> None:
    text = "## Standard Version (sora-2) Pricing\n\nIt costs $0.10 per second."
    assert [(c.kind, c.model) for c in claims_of(text)] == [("price", "Sora 2")]


# ----- review of v151-v154: what the new rules must leave alone -----
@pytest.mark.parametrize(
    ("text", "amounts"),
    [("可灵2.1 每条视频2-5元，非常便宜。", [2.0, 5.0]), ("可灵2.1 每秒0.5-1元。", [0.5, 1.0])],
)
def test_a_range_after_its_unit_is_still_a_price(text: str, amounts: list[float]) -> None:
    assert [p[1] for p in price_rows(text)] == amounts


def test_a_prompt_opening_a_sentence_leaves_a_video_models_feature() -> None:
    assert kinds_models("我的提示词很简单，可灵2.1 却能自动加入环境音效。") == [("capability", "Kling 2.1")]


@pytest.mark.parametrize(
    "sentence", ["GPT-4写的提示词，画面非常稳定。", "SDXL 出的图有点糊，但视频里人物动作很流畅。"]
)
def test_a_tool_named_in_its_own_clause_leaves_the_verdict_to_the_video_model(sentence: str) -> None:
    assert kinds_models(f"## 可灵2.1 实测\n\n{sentence}") == [("strength", "Kling 2.1")]
