"""Extraction behaviour on short reviews: rates, summaries, comparisons, cues, negation."""

from __future__ import annotations

import pytest

from ingest.extract import EXTRACTOR_VERSION
from tests.extract_helpers import claims_of, scored


def _prices(claims: list) -> list[tuple]:
    return [
        (c.model, c.tier, c.credits, c.price_cny, c.duration_s, c.resolution)
        for c in claims
        if c.kind == "price"
    ]


def test_credit_rate_is_claimed_and_prices_every_amount() -> None:
    text = (
        "可灵2.1上线了。\n\n在可灵的定价里，10灵感值，等于1块钱。\n\n"
        "标准版720P，一条20灵感值。\n\n高品质版1080P，一条35灵感值。\n\n大师版1080P，一条100灵感值。"
    )
    claims = claims_of(text)
    rate = [c for c in claims if c.kind == "credit_rate"]
    assert [(c.model, c.credits_per_cny) for c in rate] == [("Kling", 10)]
    assert _prices(claims) == [
        ("Kling 2.1", "standard", 20, 2.0, None, "720p"),
        ("Kling 2.1", "high-quality", 35, 3.5, None, "1080p"),
        ("Kling 2.1 Master", "master", 100, 10.0, None, "1080p"),
    ]


def test_rate_implied_by_a_priced_amount_is_used_but_not_claimed() -> None:
    text = (
        "可灵2.1的价格：\n\n- 普通版标准模式（720P），5秒20灵感值，相当于人民币两块；\n\n"
        "- 普通版高品质模式（1080P），5秒35灵感值；"
    )
    claims = claims_of(text)
    assert not [c for c in claims if c.kind == "credit_rate"]
    assert _prices(claims) == [
        ("Kling 2.1", "standard", 20, 2.0, 5, "720p"),
        ("Kling 2.1", "high-quality", 35, 3.5, 5, "1080p"),
    ]


def test_summary_price_that_contradicts_the_body_is_dropped() -> None:
    body = "可灵2.1实测。\n\n普通版高品质模式（1080P），5秒35灵感值，相当于人民币3.5元。"
    summary = "普通版1080P视频5秒35灵感值（约2元）。"
    claims = claims_of(body, summary=summary)
    assert all(c.section == "body" for c in claims if c.kind == "price")
    assert all(c.price_cny != 2 for c in claims)


def test_summary_fills_gaps_only_and_is_marked() -> None:
    body = "可灵2.1上线了，动作更自然。"
    summary = "可灵2.1的动作更自然；可灵2.1生成速度很快，1分钟以内。"
    claims = claims_of(body, summary=summary)
    summary_claims = [c for c in claims if c.section == "summary"]
    assert [(c.kind, c.generation_s_max) for c in summary_claims] == [("speed", 60)]
    body_strength = next(c for c in claims if c.kind == "strength")
    assert summary_claims[0].confidence < body_strength.confidence + 0.2
    assert summary_claims[0].method.startswith(f"rules/{EXTRACTOR_VERSION}:summary")


def test_summary_rate_used_only_when_body_has_none() -> None:
    claims = claims_of("可灵2.1大师版，一条100灵感值。", summary="计费标准为10灵感值=1元人民币。")
    price = next(c for c in claims if c.kind == "price")
    assert price.price_cny == 10
    assert [c.section for c in claims if c.kind == "credit_rate"] == ["summary"]


def test_purchase_is_not_a_price_or_a_rate() -> None:
    claims = claims_of("可灵2.1实测。我氪了1000块，买了12000的灵感值。")
    assert not [c for c in claims if c.kind in ("price", "credit_rate")]
    assert {c.kind for c in claims} == {"plan_price"}


def test_two_prices_in_one_sentence_keep_their_own_lengths() -> None:
    claims = claims_of("可灵2.0大师版收费偏高。5s一条，收150灵感值，10s，收300灵感值。")
    assert [(c.credits, c.duration_s) for c in claims if c.kind == "price"] == [(150, 5), (300, 10)]


def test_english_prices_and_rate() -> None:
    text = "Runway Gen-4 costs 12 credits per second. On the Standard plan, 1 credit = $0.01."
    claims = claims_of(text)
    price = next(c for c in claims if c.kind == "price")
    assert (price.model, price.credits, price.duration_s, price.price_usd) == ("Runway Gen-4", 12, 1, 0.12)
    rate = next(c for c in claims if c.kind == "credit_rate")
    assert rate.credits_per_usd == 100


def test_price_change_names_both_sides() -> None:
    text = "可灵2.1上线。\n\n可灵2.1的高品质版，画面比肩可灵2.0大师版，而且价格相比大师版下调了40%。"
    change = [c for c in claims_of(text) if c.kind == "price_change"]
    assert [(c.model, c.percent, c.direction, c.versus) for c in change] == [
        ("Kling 2.1", 40, "down", "Kling 2.1 Master")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三个模型同时开跑，最先完成的是可灵1.6，大概1分钟不到。", [("Kling 1.6", None, None, 60)]),
        (
            "出片快慢相差不小。\n\n可灵2.0大师版和可灵2.1大师版，3分多。",
            [("Kling 2.0 Master", None, 180, 240), ("Kling 2.1 Master", None, 180, 240)],
        ),
        ("Runway Gen-4 takes around two minutes to generate.", [("Runway Gen-4", 120, None, None)]),
        ("可灵2.1生成一条5秒的视频，10灵感值。", []),
    ],
)
def test_speed(text: str, expected: list[tuple]) -> None:
    got = [
        (c.model, c.generation_s, c.generation_s_min, c.generation_s_max)
        for c in claims_of(text)
        if c.kind == "speed"
    ]
    assert got == expected


def test_coordinated_and_plural_subjects_give_one_claim_per_model() -> None:
    text = (
        "可灵2.1上线。\n\n2.0大师版和可灵2.1都不错，很符合惯性的逻辑。"
        "\n\n换个角度看，两个2.1版本做的翻滚更逼真一些。"
    )
    got = [(c.model, c.quote) for c in claims_of(text) if c.kind == "strength"]
    assert [m for m, _ in got] == ["Kling 2.0 Master", "Kling 2.1", "Kling 2.1", "Kling 2.1 Master"]
    assert all("惯性的逻辑" in q for _, q in got[:2])


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("可灵1.6在跳舞，但是脚踝一直在抽抽。", "bug", "脚踝一直在抽抽"),
        ("可灵1.6的动作不太自然。", "bug", "不太自然"),
        ("可灵2.1在光线这块没有太大缺点，转身动作更自然。", "strength", "转身动作更自然"),
        ("可灵2.1的效果没啥问题。", "strength", "没啥问题"),
        ("海螺02只支持文生视频，不支持图生视频。", "limitation", "不支持图生视频"),
        ("可灵2.1大师版文生图生都可以。", "capability", "文生图生都可以"),
        ("Gen-4 does not support text-to-video.", "limitation", "does not support"),
        ("Veo 3 generates native audio.", "capability", "native audio"),
        ("Kling 1.6 looks stiff and the hands morph.", "bug", "stiff"),
        ("可灵1.6，眼镜摘了个寂寞。", "bug", "个寂寞"),
    ],
)
def test_cue_kinds(text: str, kind: str, key: str) -> None:
    claims = scored(claims_of(text))
    assert {c.kind for c in claims} == {kind}  # one claim per feature: 只支持A，不支持B is two
    assert any(key in c.quote for c in claims)


def test_exception_gets_the_opposite_of_the_others() -> None:
    claims = scored(claims_of("可灵2.1上线。\n\n粗看下来，除了1.6像木偶在挥手，其他三个都合格。"))
    assert [(c.kind, c.model) for c in claims] == [("bug", "Kling 1.6")]
    assert "木偶在挥手" in claims[0].quote and "合格" not in claims[0].quote


def test_relative_negation_is_not_a_claim() -> None:
    assert not scored(claims_of("可灵2.1上线。\n\n2.1的光影没有大师版那么强。"))


def test_contrast_splits_clauses_between_models() -> None:
    claims = scored(claims_of("可灵2.1上线。两个版本的画面都不错，但1.6版本中风筝有一会儿像是浮在空中。"))
    bug = [c for c in claims if c.kind == "bug"]
    assert [(c.model, c.quote) for c in bug] == [("Kling 1.6", "但1.6版本中风筝有一会儿像是浮在空中")]


def test_prompt_text_and_hashtags_give_no_claims() -> None:
    text = (
        "#可灵2.1表现力拉满#\n\n图生视频的配套提示词则是这样：\n\n"
        "非常真实的猫轻快地追逐蝴蝶，画面非常流畅。\n\nPrompt：一个机器人非常自然地弹钢琴。"
    )
    assert not scored(claims_of(text))


def test_traditional_quote_is_verbatim() -> None:
    claims = claims_of("可靈2.1高品質模式在人物奔跑的時候，腳步偶爾會打滑。")
    assert [(c.kind, c.model) for c in claims] == [("bug", "Kling 2.1")]
    assert claims[0].quote == "可靈2.1高品質模式在人物奔跑的時候，腳步偶爾會打滑"


def test_method_and_confidence_by_rule() -> None:
    claims = claims_of(
        "可灵2.1大师版，一条100灵感值，动作更自然。", summary="可灵2.1生成速度很快，1分钟以内。"
    )
    for c in claims:
        assert c.method.startswith(f"rules/{EXTRACTOR_VERSION}:")
        assert 0 < c.confidence <= 1
    by_kind = {c.kind: c for c in claims}
    assert by_kind["price"].confidence > by_kind["strength"].confidence
    assert by_kind["speed"].section == "summary" and by_kind["speed"].confidence < 0.5
