"""Cases from session 37's second reading (P49, Q49, R49): praise inside a line of limits, features
not yet shipped, a product named with "AI" run onto it, what works and what does not work yet as
list headings, improved aspects, a problem said to be small, and hand flaws told as motion."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text))]


def test_praise_inside_a_line_of_limits_is_no_strength() -> None:
    text = "Veo 3.1\nLimitations: Lower overall visual fidelity compared to Sora 2's best outputs.\n"
    assert {k for k, _, _ in _kinds(text)} == {"limitation"}


def test_a_flaw_inside_a_line_of_limits_keeps_its_flaw() -> None:
    text = "Runway Gen-4.5\nKnown limitations: Causal reasoning errors, object permanence issues.\n"
    assert "bug" in {k for k, _, _ in _kinds(text)}


def test_features_not_yet_shipped_are_a_limitation() -> None:
    text = "可灵AI的APP仍有部分实用的功能，如运镜、创意想象力参数等并未实装。"
    assert "limitation" in {k for k, _, _ in _kinds(text)}


def test_a_product_named_with_ai_run_on_takes_its_own_claims() -> None:
    text = (
        "可灵的图生视频很强。\n\n这次我们试了DomoAI。DomoAI 提供 34 种风格，等待大约三分钟就能生成一段视频，"
        "口型同步效果还行。"
    )
    got = _kinds(text)
    assert {m for _, m, q in got if "DomoAI" in q or "口型" in q or "三分钟" in q} == {"DomoAI"}
    assert ("strength", "Kling") in {(k, m) for k, m, _ in got}


@pytest.mark.parametrize("text", ["OpenAI released Sora. OpenAI says Sora makes 20-second clips."])
def test_a_lab_named_with_ai_is_no_model(text: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {"Sora"}


def test_what_works_and_what_does_not_work_yet_head_their_lists() -> None:
    text = (
        "Wan 2.1 I2V\n"
        "Works great\n"
        "- Subtle body motion: breathing, swaying, shifting weight\n"
        "Doesn't work (yet)\n"
        "- Complex actions: picking up objects, walking across a room\n"
    )
    got = {(k, q) for k, _, q in _kinds(text)}
    assert ("strength", "Subtle body motion: breathing, swaying, shifting weight") in got
    assert ("limitation", "Complex actions: picking up objects, walking across a room") in got


def test_an_improved_aspect_is_a_strength() -> None:
    text = "Kling 2.5 Turbo brings significantly improved emotional expression."
    assert ("strength", "Kling 2.5 Turbo") in {(k, m) for k, m, _ in _kinds(text)}


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("PixVerse V3 偶尔会糊，不过问题不大。", ["PixVerse V3 偶尔会糊"]),
        ("PixVerse V3 的问题不大，但是手会变形。", ["但是手会变形"]),
    ],
)
def test_a_problem_said_to_be_small_is_no_flaw(text: str, quotes: list[str]) -> None:
    assert [q for k, _, q in _kinds(text) if k == "bug"] == quotes


def test_hands_collapsing_or_flipping_are_flaws() -> None:
    text = (
        "Kling 1.6 hand failures:\n"
        "- ✕Finger count changing between frames in the same clip\n"
        "- ✕Hand orientation flipping between palm and back\n"
        "- ✕Hand geometry collapsing during rapid motion\n"
    )
    assert [k for k, _, _ in _kinds(text)] == ["bug", "bug", "bug"]


# ----- guards found by a fresh reader ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1\nLimitations: only 5 seconds, but the motion is great.\n",
        "Kling 2.1\nLimitations: max 10 seconds. The motion quality is excellent and the lighting is "
        "beautiful.\n",
        "可灵2.1\n限制：单次最多10秒，但画面质感非常好。\n",
    ],
)
def test_praise_after_a_turn_or_a_full_stop_in_a_line_of_limits_stands(text: str) -> None:
    assert "strength" in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            "PixVerse V2 is smooth. PixVerseAI charges 30 credits a clip; PixVerseAI renders in 40 seconds.",
            "PixVerse V2",
        ),
        (
            "Kling 2.1 is great. Our friends at MeshyAI and MeshyAI's team helped; the result was excellent.",
            "Kling 2.1",
        ),
    ],
)
def test_a_registered_brand_or_a_company_with_ai_run_on_makes_no_new_model(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


@pytest.mark.parametrize(
    "text",
    [
        "I kept flipping between Kling 2.1 and Hailuo 02 to compare results.",
        "Kling 2.1 editing tutorial: after changing between frames in the timeline, press Export.",
        "Kling 2.1 arrives amid improved market dynamics for Kuaishou.",
        "Kling 2.1 troubleshooting\n\nDoesn't work\n- Clear your browser cache and log in again.\n",
    ],
)
def test_ordinary_prose_gives_no_claim(text: str) -> None:
    assert _kinds(text) == []


def test_a_problem_not_easy_to_fix_stays_a_flaw() -> None:
    assert {k for k, _, _ in _kinds("可灵2.1的口型问题不大好解决。")} == {"bug"}


# ----- S50 and T50: a GPU is no model, a monthly fee in a price cell is no price -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "HunyuanVideo is out. Hi, the released model has acceleration tricks. The largest resolution "
        "supported is 720x1280, which takes ~17min with 30 diffusion steps on the H800 GPU model.",
        "Wan 2.1 tips.\n\nCFG 1.0 for speed\nUsing CFG 1.0 skips uncond and can make generation faster - ~20 "
        "seconds with the 1.3B model.",
    ],
)
def test_a_gpu_or_a_sampler_setting_is_no_model(text: str) -> None:
    assert {m for _, m, _ in _kinds(text)} <= {"Hunyuan", "Wan 2.1"}


def test_a_monthly_fee_in_a_price_cell_is_no_price() -> None:
    text = (
        "| 名称 | 价格 | 备注 |\n|---|---|---|\n| Luma | 9.9美元月 | 5 秒视频约为 0.4 美元 |\n"
        "| 海螺 AI | 一个月 73 元， 9.99$ , 有 API | 国内3元一个 |\n"
    )
    prices = [c for c in claims_of(text) if c.kind == "price"]
    assert [(c.model, c.price_usd, c.price_cny) for c in prices] == [("Luma", 0.4, None)]


# ----- amounts and clip lengths listed as alternatives, paired in order ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 costs 20 or 40 credits for a 5 or 10 second clip.",
        "可灵2.1生成5秒或10秒的视频分别消耗20和40灵感值。",
        "Kling 2.1: 5s and 10s clips cost 20 and 40 credits respectively.",
    ],
)
def test_amounts_and_lengths_listed_as_alternatives_pair_in_order(text: str) -> None:
    prices = [(c.credits, c.duration_s) for c in claims_of(text) if c.kind == "price"]
    assert prices == [(20.0, 5.0), (40.0, 10.0)]


def test_one_amount_keeps_its_own_reading() -> None:
    prices = [
        (c.credits, c.duration_s)
        for c in claims_of("Kling 2.1 costs 20 credits per clip.")
        if c.kind == "price"
    ]
    assert prices == [(20.0, None)]
