"""Reviewer phrasings the rules must read the same way whatever the vendor or wording.

Credit rates in any phrasing, bug vocabulary (incl. things passing through each
other), denied flaws as strengths, quality words that end a clause, separate
points joined by 而且/同时, length limits, and tiers named by the vendor only.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text))]


# ----- credit rates ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("海螺02实测。\n\n官方的充值比例是100积分等于10元，所以1080P一条大约5块钱。", "credits_per_cny", 10),
        ("海螺02实测。\n\n充值的话，1元=10积分。", "credits_per_cny", 10),
        ("即梦3.0实测。\n\n在即梦上，1元可以买10积分。", "credits_per_cny", 10),
        ("可灵2.1实测。\n\n10块钱能换100灵感值。", "credits_per_cny", 10),
        ("可灵2.1实测。\n\n兑换比例：50灵感值相当于5元。", "credits_per_cny", 10),
        ("可靈2.1實測。\n\n200靈感值相當於20元。", "credits_per_cny", 10),
        ("Runway Gen-4 review.\n\nRunway sells credits at $1 = 100 credits.", "credits_per_usd", 100),
        ("Runway Gen-4 review.\n\nOn Runway, $10 gets you 1,000 credits.", "credits_per_usd", 100),
    ],
)
def test_credits_equal_to_money_without_a_clip_is_a_rate(text: str, field: str, value: float) -> None:
    claims = claims_of(text)
    rates = [c for c in claims if c.kind == "credit_rate"]
    assert [getattr(c, field) for c in rates] == [value]
    assert not [c for c in claims if c.kind == "price" and c.credits is not None and c.credits >= 50]


@pytest.mark.parametrize(
    "text",
    [
        "海螺02的1080P，一条50积分，相当于5元。",
        "可灵2.1生成视频要100灵感值，相当于10元。",
        "可灵2.1大师版5秒100灵感值，约合10元。",
        "Runway Gen-4: a 10-second clip costs 120 credits, which is $1.20.",
    ],
)
def test_credits_and_money_for_one_clip_are_a_price(text: str) -> None:
    claims = claims_of(text)
    assert not [c for c in claims if c.kind == "credit_rate"]
    prices = [c for c in claims if c.kind == "price"]
    assert prices and (prices[0].price_cny or prices[0].price_usd)


def test_rate_words_do_not_leak_into_the_price_after_them() -> None:
    claims = claims_of("海螺02实测。\n\n官方的充值比例是100积分等于10元，所以1080P一条大约5块钱。")
    price = next(c for c in claims if c.kind == "price")
    assert price.credits is None and price.price_cny == 5 and price.resolution == "1080p"
    assert "充值比例" not in price.quote


# ----- bugs ------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "可灵1.6在同样的提示词下，人物的腿会穿过桌子。",
        "可灵1.6里女孩的手臂直接插进了墙里。",
        "可灵1.6的人物转身时经常穿模。",
        "可灵1.6的人脸到后半段完全崩坏了。",
        "可灵1.6生成的手有点畸形。",
        "可灵1.6的背景里突然多出一只手。",
        "可灵1.6的灯光一直在闪烁。",
        "可灵1.6的手指在不停抽搐。",
        "可灵1.6的动作有点鬼畜。",
        "可灵1.6到了第三秒脸就糊了。",
        "可灵1.6中间跳帧很明显。",
        "可灵1.6生成到一半卡住了。",
        "可灵1.6的镜头完全不听话。",
        "可灵1.6会忽略提示词里的第二个动作。",
        "可灵1.6的人物漂浮在地面上方。",
        "可灵1.6的手指粘连在一起。",
        "可灵1.6的招牌文字全是乱码。",
        "可灵1.6的口型对不上台词。",
        "可灵1.6的画面有重影。",
        "Kling 1.6 shows heavy morphing on faces.",
        "Kling 1.6 has a constant flicker in the sky.",
        "Kling 1.6 gave the dancer extra limbs.",
        "Kling 1.6 makes the ice cream look like it is melting into the table.",
        "Kling 1.6 keeps warping the background.",
        "Kling 1.6 ignores the prompt half of the time.",
        "In Kling 1.6 the hand passes right through the cup.",
        "In Kling 1.6 the runner's legs clip through each other.",
    ],
)
def test_reviewer_bug_vocabulary(sentence: str) -> None:
    assert _kinds(sentence) == [("bug", "Kling 1.6")]


# ----- a flaw denied is a strength -------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("可灵2.1大师版的环绕运镜终于听话了，镜头绕人物一圈也不会跳轴。", "不会跳轴"),
        ("可灵2.1这次终于不穿模了。", "不穿模"),
        ("可灵2.1的灯光再也没有闪烁。", "没有闪烁"),
        ("可灵2.1修复了手指粘连。", "手指粘连"),
        ("可灵2.1的画面总算稳了。", "总算稳了"),
        ("Kling 2.1 no longer flickers in low light.", "no longer flickers"),
        ("In Kling 2.1 the hands never clip through the table.", "never clip through"),
        ("Veo 3's lip sync is impressively accurate.", "impressively accurate"),
    ],
)
def test_denied_flaw_or_won_quality_is_a_strength(sentence: str, key: str) -> None:
    claims = scored(claims_of(sentence))
    assert {c.kind for c in claims} == {"strength"}  # parallel verdicts may each be a claim
    assert any(key in c.quote for c in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "为了避免可灵2.1穿模，我加了负面提示词。",
        "很多人担心可灵2.1会不会穿模。",
        "负面提示词：不要变形，不要闪烁。",
    ],
)
def test_flaw_only_feared_or_avoided_is_no_claim(sentence: str) -> None:
    assert not scored(claims_of(sentence))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("可灵2.1的运镜丝滑。", "strength"),
        ("可灵2.1的人物动作流畅，光影自然。", "strength"),
        ("可灵1.6的背景模糊。", "bug"),
        ("可灵1.6的背景不模糊。", "strength"),
    ],
)
def test_quality_word_ending_its_clause_is_a_cue(sentence: str, kind: str) -> None:
    assert {c.kind for c in scored(claims_of(sentence))} == {kind}


@pytest.mark.parametrize(
    "sentence",
    [
        "好，接下来看可灵2.1。",
        "Prompt：一只猫在花丛中自然地奔跑。",
        "Kling 2.1 Turbo is noticeably less detailed.",
    ],
)
def test_quality_word_not_said_of_the_model_is_no_strength(sentence: str) -> None:
    assert not [c for c in claims_of(sentence) if c.kind == "strength"]


# ----- separate points in one sentence ---------------------------------------
def test_additive_clauses_with_their_own_cue_are_separate_claims() -> None:
    claims = scored(claims_of("海螺02目前最长只能生成10秒，而且1080P只支持6秒。"))
    assert [(c.kind, c.quote) for c in claims] == [
        ("limitation", "海螺02目前最长只能生成10秒"),
        ("limitation", "而且1080P只支持6秒"),
    ]
    claims = scored(claims_of("Vidu Q1只支持图生视频，同时不支持尾帧。"))
    assert [c.kind for c in claims] == ["limitation", "limitation"]
    claims = scored(claims_of("可灵1.6的手经常变形，并且背景一直在闪烁。"))
    assert [c.kind for c in claims] == ["bug", "bug"]


def test_not_only_but_also_is_one_point() -> None:
    claims = scored(claims_of("可灵2.1大师版不仅画面更真实，而且动作也更自然。"))
    assert [c.kind for c in claims] == ["strength"]


# ----- length limits ---------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "model"),
    [
        ("目前 Vidu Q1 不支援超過8秒的單段影片。", "Vidu Q1"),
        ("Vidu Q1 无法生成10秒以上的视频。", "Vidu Q1"),
        ("Vidu Q1 10秒以上的视频暂不支持。", "Vidu Q1"),
        ("海螺02的1080P只支持6秒。", "Hailuo 02"),
        ("Veo 3 cannot generate clips longer than 8 seconds.", "Veo 3"),
        ("Sora 2 only supports clips up to 10 seconds.", "Sora 2"),
        ("Veo 3 clips are capped at 8 seconds.", "Veo 3"),
    ],
)
def test_length_limits(sentence: str, model: str) -> None:
    assert _kinds(sentence) == [("limitation", model)]


def test_a_fast_generation_is_no_length_limit() -> None:
    claims = scored(claims_of("可灵2.1速度很快，只30秒就出来了。"))
    assert [(c.kind, c.generation_s) for c in claims if c.kind != "strength"] == [("speed", 30)]
