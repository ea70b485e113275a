"""Cases a fresh reader found in v160-v162: prices kept or not invented, models not moved, and the
new cue words held to what they mean."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of, scored


def test_a_member_price_in_a_plain_table_is_still_a_clip_price() -> None:
    text = "| 模型 | 规格 | 价格 |\n|---|---|---|\n| 可灵2.1 | 高品质 5秒 | 会员 ¥0.8/条 |\n"
    assert [(m, cny) for m, _, _, cny, _ in prices_of(text)] == [("Kling 2.1", 0.8)]


def test_a_total_then_a_rate_is_no_rate_twice() -> None:
    text = "| 模型 | 时长 | 价格 |\n|---|---|---|\n| Veo 3 | 8s | $6.00 / $0.75/s |\n"
    per_second = [usd for _, _, usd, _, seconds in prices_of(text) if seconds == 1]
    assert 6.0 not in per_second


def test_version_cells_under_a_header_naming_no_models_are_no_models() -> None:
    text = (
        "可灵2.1 提示词迭代\n\n| 轮次 | 提示词 | 结果 |\n|---|---|---|\n"
        "| V1 | 一只猫 | 动作僵硬 |\n| V2 | 猫在跑 | 运镜流畅 |\n"
    )
    assert {c.model for c in scored(claims_of(text))} == {"Kling 2.1"}


def test_a_title_comparing_an_edition_with_its_model_names_neither_the_page() -> None:
    got = prices_of("The full model costs $0.75 per second.", title="Veo 3 Fast vs Veo 3: which to pick")
    assert [m for m, *_ in got] == ["Veo 3"]


def test_a_row_naming_an_unregistered_edition_keeps_the_model() -> None:
    text = "Hailuo 02 API prices\n\n| Tier | Price |\n|---|---|\n| Fast | $0.19 |\n"
    assert {m for m, *_ in prices_of(text)} <= {"Hailuo 02"}


@pytest.mark.parametrize(
    "text", ["可灵H1的更新让画面稳定了很多。", "Kling H2 roadmap aside, the motion is much smoother."]
)
def test_a_half_year_is_no_version(text: str) -> None:
    assert all(not (c.model or "").endswith(("H1", "H2")) for c in claims_of(text))


def test_a_graded_cell_leaves_the_other_columns_praise() -> None:
    text = (
        "| Aspect | Kling 2.1 | Hailuo 02 |\n|---|---|---|\n"
        "| Motion quality | ✅ Excellent | Stunning, very fluid motion |\n"
    )
    assert ("strength", "Hailuo 02") in {(c.kind, c.model) for c in scored(claims_of(text))}


def test_a_header_without_its_opening_pipe_keeps_its_first_column() -> None:
    text = "Model | Price per second | Audio |\n|---|---|---|\n| Veo 3 | $0.75 |\n| Veo 3 Fast | $0.40 |\n"
    assert {(m, usd) for m, _, usd, _, _ in prices_of(text)} == {("Veo 3", 0.75), ("Veo 3 Fast", 0.4)}


def test_a_long_note_after_an_amount_can_still_state_a_limit() -> None:
    text = "Hailuo 02 costs $0.27 per clip (no audio, and it cannot do lip sync at all)."
    assert "limitation" in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices crashed again last month; Kling 2.1 is cheap now.",
        "可灵2.1的客服无响应，我心态崩溃了。",
        "My refund request for Runway was refused.",
        "可灵2.1的优惠券7天后失效。",
        "我用可灵2.1生成了多达20段视频。",
        "Is Hunyuan's prompt box free of any length limit on prompts?",
    ],
)
def test_new_cue_words_hold_to_their_meaning(text: str) -> None:
    kinds = [c.kind for c in scored(claims_of(text))]
    assert not {"bug", "limitation", "capability"} & set(kinds), kinds
