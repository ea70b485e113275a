"""What makes an amount the price of one generation, and whose price it is (examples written here)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of, scored


def test_a_range_of_money_is_two_prices_for_what_its_high_end_is_for() -> None:
    assert prices_of("Pika 2.2 runs $0.04-$0.09/s depending on resolution.") == [
        ("Pika 2.2", None, 0.04, None, 1),
        ("Pika 2.2", None, 0.09, None, 1),
    ]
    assert prices_of("海螺02一条视频20-30元。") == [
        ("Hailuo 02", None, None, 20, None),
        ("Hailuo 02", None, None, 30, None),
    ]


def test_a_table_of_plans_or_packs_holds_no_price_of_a_clip() -> None:
    text = (
        "Vidu Q2 on the API:\n| 资源包 | 价格 | 积分 |\n|---|---|---|\n"
        "| 入门 | $12 | 300 积分 |\n| 进阶 | $50 | 1,500 积分 |"
    )
    claims = claims_of(text)
    assert [c for c in claims if c.kind == "price"] == []
    assert sum(c.kind == "plan_price" for c in claims) >= 2


def test_an_image_price_or_what_a_sum_buys_is_no_video_price() -> None:
    assert prices_of("Seedance 2.0 also makes stills at 3 credits/image.") == []
    assert prices_of("With Wan 2.5, for $2 you can run about 40 seconds of 480p video.") == []
    assert prices_of("Vidu Q2 needs a minimum top-up of $5 before the first clip.") == []


def test_a_length_after_an_amount_is_its_length_only_when_a_word_ties_them() -> None:
    # a row run into text: "8 s" is the next column (the longest clip), not what $3.20 buys
    assert prices_of("Veo 3 $0.40 $3.20 8 s with sound") == [
        ("Veo 3", None, 0.4, None, None),
        ("Veo 3", None, 3.2, None, None),
    ]
    assert prices_of("Veo 3 costs $3.20 for 8 s with sound.") == [("Veo 3", None, 3.2, None, 8)]


def test_the_document_version_prices_a_bare_brand_only_once_it_was_named() -> None:
    text = (
        "Kling credit costs:\n| Length | Credits |\n|---|---|\n| 5 s | 20 credits |\n\n"
        "The new Kling 2.6 adds sound to every clip."
    )
    assert prices_of(text) == [("Kling", 20, None, None, 5)]
    assert prices_of(text, title="Kling 2.6: a pricing guide") == [("Kling 2.6", 20, None, None, 5)]


def test_an_edition_the_registry_does_not_list_is_a_model_of_its_own() -> None:
    assert prices_of("Kling 3.0 Omni costs $0.12/s on one reseller.") == [
        ("Kling 3.0 Omni", None, 0.12, None, 1)
    ]
    assert prices_of("Veo 3.1 Lite is billed $0.05 per second.") == [("Veo 3.1 Lite", None, 0.05, None, 1)]


def test_an_api_path_names_the_model() -> None:
    assert prices_of("The pixverse/v5 endpoint bills $0.04 per second.") == [
        ("PixVerse V5", None, 0.04, None, 1)
    ]


def test_a_flattened_header_of_two_models_gives_each_amount_its_column() -> None:
    text = "Costs compared\n\nGen-4 Gen-4 Turbo\nPrice 10 credits per second 4 credits per second\n"
    assert prices_of(text) == [("Runway Gen-4", 10, None, None, 1), ("Runway Gen-4 Turbo", 4, None, None, 1)]


def test_per_request_and_per_use_billing_is_per_generation() -> None:
    assert prices_of("Hailuo 02 Pro: $0.50/request.") == [("Hailuo 02", None, 0.5, None, None)]
    assert prices_of("Veo 3.1 影片按次計費 $0.4。") == [("Veo 3.1", None, 0.4, None, None)]


def test_a_discount_on_pricing_is_a_price_change_and_what_is_left_is_not() -> None:
    claims = claims_of("Luma pricing is now 70% of the old prices, equivalent to a 30% discount.")
    assert [(c.model, c.percent, c.direction) for c in claims if c.kind == "price_change"] == [
        ("Luma", 30, "down")
    ]


def _changes(text: str) -> list[tuple]:
    return [(c.model, c.percent, c.direction) for c in claims_of(text) if c.kind == "price_change"]


def test_a_price_cut_or_difference_needs_no_other_price_word() -> None:
    assert _changes("海螺02降价40%，新用户更划算。") == [("Hailuo 02", 40, "down")]
    assert _changes("Vidu Q2 比 Vidu Q1 便宜 25%。") == [("Vidu Q2", 25, "down")]
    assert _changes("Seedance 2.0 costs 15% more than Seedance 1.0 Pro per clip.") == [
        ("Seedance 2.0", 15, "up")
    ]
    # what a percent qualifies is no price when the sentence is not about price
    assert _changes("Kling 2.1 costs 35 credits and renders 20% more frames.") == []


def test_a_promotion_of_a_plan_is_no_change_of_a_models_price() -> None:
    assert _changes("首月6折，即梦会员只要39元。") == []


def test_money_that_gets_credits_is_a_credit_rate() -> None:
    claims = claims_of("海螺充值30元可以得到300积分，生成一条6秒视频要25积分。")
    assert [(c.model, c.credits_per_cny) for c in claims if c.kind == "credit_rate"] == [("Hailuo", 10.0)]
    assert prices_of("海螺充值30元可以得到300积分，生成一条6秒视频要25积分。") == [
        ("Hailuo", 25, None, 2.5, 6)
    ]


def test_a_difference_or_a_sum_over_several_clips_is_no_price() -> None:
    assert prices_of("Vidu Q2 的 4 秒视频 30 积分，比 Vidu Q1 多了 10 积分。") == [
        ("Vidu Q2", 30, None, None, 4)
    ]
    assert prices_of("Pika 2.2 costs $0.10 more than Pika 2.1 per clip.") == []
    assert prices_of("我用即梦3.0做了12条视频，消耗了300积分。") == []
    assert prices_of("Seedance 2.0 drafts: 15 clips, $9.00 in total.") == []
    assert prices_of("海螺02一条6秒视频25积分，四条合计100积分。") == [("Hailuo 02", 25, None, None, 6)]


def test_a_per_second_word_before_the_amount_makes_it_one_seconds_price() -> None:
    assert prices_of("Runway Gen-4.5 每秒 15 credits。") == [("Runway Gen-4.5", 15, None, None, 1)]


def test_a_currency_that_is_neither_yuan_nor_dollar_gives_no_amount() -> None:
    assert prices_of("Vidu Q1 在台湾每支影片约NT$15。") == []
    assert prices_of("Sora 2 單支影片成本約新台幣 40 元。") == []
    assert prices_of("Veo 3 每條影片 HK$9。") == []


def test_what_one_credit_costs_said_before_the_money_is_a_credit_rate() -> None:
    text = "Hailuo 02 的积分单价 0.1 元，一条 6 秒视频 30 积分。"
    claims = claims_of(text)
    assert [(c.model, c.credits_per_cny) for c in claims if c.kind == "credit_rate"] == [("Hailuo", 10.0)]
    assert prices_of(text) == [("Hailuo 02", 30, None, 3.0, 6)]


def test_yuan_and_jiao_as_people_say_them() -> None:
    assert prices_of("Vidu Q1 每条 3 块 5。") == [("Vidu Q1", None, None, 3.5, None)]
    assert prices_of("即梦3.0做一条视频三毛钱。") == [("Jimeng 3.0", None, None, 0.3, None)]


def test_one_price_told_in_two_currencies_keeps_both() -> None:
    assert prices_of("Pika 2.2 一条视频 ¥0.7，折合 $0.10。") == [("Pika 2.2", None, 0.1, 0.7, None)]


def test_per_second_before_a_sum_of_money_is_a_price() -> None:
    assert prices_of("Luma Ray2 每秒 0.6 元。") == [("Luma Ray2", None, None, 0.6, 1)]


def test_how_long_a_generation_took_is_no_clip_length() -> None:
    assert prices_of("海螺02生成一条视频等了50秒，扣了25积分。") == [("Hailuo 02", 25, None, None, None)]
    assert prices_of("Vidu Q1 took 40 seconds and cost 8 credits for a 4-second clip.") == [
        ("Vidu Q1", 8, None, None, 4)
    ]
    assert prices_of("Veo 3 生成 8 秒视频要 2 分钟，费用 $3.2。") == [("Veo 3", None, 3.2, None, 8)]


def test_a_table_header_gives_its_column_a_tier_or_a_unit_and_a_row_label_its_length() -> None:
    tiers = "| Length | Standard | Pro |\n|---|---|---|\n| 5 s | 15 credits | 30 credits |"
    got = [(c.model, c.tier, c.credits, c.duration_s) for c in claims_of(tiers, title="Kling 2.1 costs")]
    assert got == [("Kling 2.1", "standard", 15, 5), ("Kling 2.1", "high-quality", 30, 5)]
    bare = "| Model | Price (USD/s) |\n|---|---|\n| Veo 3 | 0.35 |\n| Pika 2.2 | 0.05 |"
    assert prices_of(bare) == [("Veo 3", None, 0.35, None, 1), ("Pika 2.2", None, 0.05, None, 1)]
    images = "| Feature | Credits |\n|---|---|\n| Kling 2.1 image | 2 credits/image |"
    assert prices_of(images) == []


def test_an_amount_right_after_a_compared_model_is_that_models_price() -> None:
    assert prices_of("Vidu Q1 is cheaper at $0.20 per clip than Pika 2.2 at $0.30.") == [
        ("Vidu Q1", None, 0.2, None, None),
        ("Pika 2.2", None, 0.3, None, None),
    ]
    # the compared model's own clause names the amount, the subject comes after it: unclear, none
    assert prices_of("Unlike Veo 3, which charges $0.40/s, Wan 2.2 runs free on your own GPU.") == []


def test_the_former_and_the_latter_pick_from_the_two_models_named() -> None:
    assert prices_of("即梦3.0比Vidu Q1贵，前者一条30积分，后者一条8积分。") == [
        ("Jimeng 3.0", 30, None, None, None),
        ("Vidu Q1", 8, None, None, None),
    ]


def test_an_amount_after_two_models_with_none_in_its_own_clause_has_no_owner() -> None:
    assert prices_of("Vidu Q1 的价格只有即梦 3.0（40 积分）的五分之一，一条 8 积分。") == [
        ("Jimeng 3.0", 40, None, None, None)
    ]


def test_credits_that_money_paid_or_a_plan_bought_are_no_price() -> None:
    assert prices_of("I paid $20 for 2,000 credits; each Pika 2.2 clip took 12 of them.") == []
    assert prices_of("The Standard plan ($10/month) gets you 660 credits for Kling 2.1.") == []


def test_one_yuan_of_a_membership_is_still_a_credit_rate() -> None:
    claims = claims_of("可灵会员的灵感值按1元10灵感值算，标准模式一条5秒视频20灵感值。")
    assert [(c.model, c.credits_per_cny) for c in claims if c.kind == "credit_rate"] == [("Kling", 10.0)]


def test_an_amount_with_a_plus_sign_is_a_surcharge_not_a_price() -> None:
    text = "PixVerse V5 costs $0.06/sec at 720p. Sound adds +$0.02/sec, and 1080p +$0.03–$0.04/sec more."
    assert prices_of(text) == [("PixVerse V5", None, 0.06, None, 1)]
    assert [p[4] for p in prices_of("海螺02一条6秒视频25积分，高清＋10积分。")] == [6]


def test_a_price_named_with_the_yardstick_is_the_yardsticks_own_version() -> None:
    # the document is about Pika 2.2; the older version it is compared with keeps its version
    text = "Pika 2.2定价每秒$0.05，相比Pika 2.1的$0.09/秒便宜了不少。Pika 2.2的画面也更稳。"
    assert prices_of(text) == [("Pika 2.2", None, 0.05, None, 1), ("Pika 2.1", None, 0.09, None, 1)]
    text = "Kling 2.6 costs $0.07 per second, compared with Kling 2.1 at $0.14/s. Kling 2.6 adds audio."
    assert prices_of(text) == [("Kling 2.6", None, 0.07, None, 1), ("Kling 2.1", None, 0.14, None, 1)]


def test_an_amount_multiplied_by_a_number_is_a_factor_and_the_sum_is_the_price() -> None:
    text = "Pika 2.2 bills $0.05 per second. A ten second clip costs 10 x $0.05 = $0.50 in total."
    assert prices_of(text) == [("Pika 2.2", None, 0.05, None, 1), ("Pika 2.2", None, 0.5, None, 10)]
    assert prices_of("海螺02每秒0.4元，一条6秒的视频就是0.4元×6=2.4元。") == [
        ("Hailuo 02", None, None, 0.4, 1),
        ("Hailuo 02", None, None, 2.4, 6),
    ]


def test_an_old_price_in_credits_gives_a_change_and_no_price() -> None:
    for text, percent in (
        ("可灵2.1 5秒从70灵感值降到35灵感值。", 50.0),
        ("A 5-second Pika 2.2 clip now costs 20 credits, down from 35 credits.", 42.86),
        ("A 5-second Pika 2.2 clip now costs 20 credits, down from 35.", 42.86),
    ):
        claims = claims_of(text)
        assert [c.credits for c in claims if c.kind == "price"] == [35.0 if "灵感值" in text else 20.0]
        assert [(c.percent, c.direction) for c in claims if c.kind == "price_change"] == [(percent, "down")]


def test_a_falling_pair_of_amounts_is_the_new_one_not_a_range() -> None:
    claims = claims_of("Pika 2.2 cut the price of a 5-second clip from 35 to 20 credits.")
    assert [c.credits for c in claims if c.kind == "price"] == [20.0]


def test_a_credit_sold_at_an_amount_each_is_a_credit_rate() -> None:
    claims = claims_of("Credits for Pika 2.2 cost $0.01 each.")
    assert [c.credits_per_usd for c in claims if c.kind == "credit_rate"] == [100.0]


def test_a_plan_allowance_pairs_with_no_later_amount() -> None:
    text = (
        "A 5-second Pika 2.2 clip costs 20 credits on the Pro plan ($25 for 2,500 credits), "
        "so the clip works out to about 20 cents."
    )
    claims = claims_of(text)
    assert not [c for c in claims if c.kind == "credit_rate" and c.credits_per_usd != 100.0]


def test_a_resolution_an_amount_is_said_to_be_for_is_its_own() -> None:
    claims = claims_of("Wan 2.5 charges $0.05/s for 480p, $0.10/s for 720p and $0.15/s for 1080p.")
    assert [(c.price_usd, c.resolution) for c in claims if c.kind == "price"] == [
        (0.05, "480p"),
        (0.1, "720p"),
        (0.15, "1080p"),
    ]
    claims = claims_of("Pika 2.2: 720p $0.10, 1080p $0.15 per clip.")
    assert [(c.price_usd, c.resolution) for c in claims if c.kind == "price"] == [
        (0.1, "720p"),
        (0.15, "1080p"),
    ]


@pytest.mark.parametrize(
    ("text", "percent", "direction"),
    [
        ("Kling 2.1 dropped from 35 to 20 credits per clip.", 42.86, "down"),
        ("The price of a Kling 2.1 clip went from 35 credits to 20 credits.", 42.86, "down"),
        ("Veo 3 fell from $0.75 to $0.40 per second.", 46.67, "down"),
        ("A Hailuo 02 clip went up from 10 to 15 credits.", 50.0, "up"),
    ],
)
def test_a_change_told_from_old_to_new_in_english(text: str, percent: float, direction: str) -> None:
    claims = claims_of(text)
    assert [(c.percent, c.direction) for c in claims if c.kind == "price_change"] == [(percent, direction)]
    old = {"35": 35.0, "0.75": 0.75, "10": 10.0}
    assert not [c for c in claims if c.kind == "price" and (c.credits or c.price_usd) in old.values()]


def test_a_rising_pair_without_a_verb_of_change_is_a_range() -> None:
    claims = claims_of("A Kling 2.1 clip costs from 10 to 35 credits depending on resolution.")
    assert sorted(c.credits or 0.0 for c in claims if c.kind == "price") == [10.0, 35.0]
    assert not [c for c in claims if c.kind == "price_change"]


@pytest.mark.parametrize(
    "text",
    [
        "海螺标准会员每月68元，有1000积分，一条6秒768P视频25积分。",
        "The Kling Standard plan is $10 a month, includes 660 credits, and a 5-second Kling 2.1 clip"
        " costs 20 credits.",
    ],
)
def test_credits_a_plan_includes_after_its_fee_are_no_price(text: str) -> None:
    assert [p[1] for p in prices_of(text)] in ([25.0], [20.0])


def test_an_alternative_price_after_or_is_its_own_models_and_the_same_clip() -> None:
    text = "Veo 3.1 is polished. Each 8-second clip costs $3.20 at full quality, or $1.20 with Veo 3.1 Fast."
    assert prices_of(text) == [("Veo 3.1", None, 3.2, None, 8.0), ("Veo 3.1 Fast", None, 1.2, None, 8.0)]


def test_a_model_whose_price_is_the_yardstick_of_a_share_does_not_take_the_price() -> None:
    text = "Kling 2.5 Turbo is cheap. At 25 credits for a 5-second clip it is a third of the price of Veo."
    assert prices_of(text) == [("Kling 2.5 Turbo", 25.0, None, None, 5.0)]


def test_a_version_named_only_as_a_yardstick_leaves_a_bare_price_to_the_model_reviewed() -> None:
    text = "实测了一下可灵2.5 Turbo：\n1. 速度比2.1快了一倍多\n2. 价格没变，高品质还是35灵感值一条"
    assert [(m, c) for m, c, *_ in prices_of(text)] == [("Kling 2.5 Turbo", 35.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 的 Pro 方案每月 200 美元則可以做到 1080p、20 秒。",
        "Sora 2 Pro costs $200/month and renders 1080p clips of 20 seconds.",
    ],
)
def test_a_monthly_fee_is_no_clip_price_even_beside_what_it_unlocks(text: str) -> None:
    assert prices_of(text) == []


def test_the_model_an_amount_is_said_to_be_for_owns_it() -> None:
    text = "Google is charging $0.75 per second for Veo 3 with audio, or $0.50 without."
    assert prices_of(text) == [("Veo 3", None, 0.75, None, 1.0), ("Veo 3", None, 0.5, None, 1.0)]


def test_a_sum_per_video_is_a_clip_price() -> None:
    assert prices_of("Veo3 Fast版本更是低至$0.20/视频。") == [("Veo 3 Fast", None, 0.2, None, None)]


def test_an_off_peak_price_in_prose_is_the_off_peak_tier() -> None:
    claims = [c for c in claims_of("海螺02每条6秒视频2元，错峰时段每条只要1元。") if c.kind == "price"]
    assert [(c.model, c.tier, c.price_cny) for c in claims] == [
        ("Hailuo 02", None, 2.0),
        ("Hailuo 02", "off-peak", 1.0),
    ]


def test_one_dollar_equal_to_credits_is_a_rate_even_when_the_chain_goes_on_to_clips() -> None:
    claims = claims_of("PixVerse pricing: $1 = 100 Credits = 2.3 5s videos (Turbo, 540P).")
    assert [(c.kind, c.credits_per_usd) for c in claims if c.kind in ("price", "credit_rate")] == [
        ("credit_rate", 100.0)
    ]


def test_a_productions_cost_is_no_models_price() -> None:
    text = "用Seedance 2.0做短剧，单集成本可从人民币二万元降至三千元。"
    assert [c.kind for c in scored(claims_of(text)) if c.kind in ("price", "price_change")] == []


def test_prices_that_run_from_one_offer_to_another_are_no_change() -> None:
    text = "Veo 3.1 API prices run from $0.40/sec on Google direct to $0.046 per 8-second clip on a gateway."
    claims = claims_of(text)
    assert [c.kind for c in claims if c.kind == "price_change"] == []
    assert [(c.price_usd, c.duration_s) for c in claims if c.kind == "price"] == [(0.4, 1.0), (0.046, 8.0)]


def test_an_edition_naming_the_clip_an_amount_buys_is_the_model_priced() -> None:
    text = (
        "Veo 3.1 prices.\n- Replicate: Veo 3.1 Fast at $0.10/sec.\n"
        "- A gateway: $0.046 flat for an 8-second 1080p Lite clip, "
        "$0.092 flat for an 8-second 1080p Fast clip."
    )
    got = [(c.model, c.price_usd, c.duration_s) for c in claims_of(text) if c.kind == "price"]
    assert got == [("Veo 3.1 Fast", 0.1, 1.0), ("Veo 3.1 Lite", 0.046, 8.0), ("Veo 3.1 Fast", 0.092, 8.0)]


def test_a_steep_fall_from_the_old_price_is_a_change_and_the_old_amount_no_price() -> None:
    text = (
        "Veo 3 now costs around $0.40 per second—a steep fall from the $0.75 price tag of earlier versions."
    )
    claims = claims_of(text)
    assert [(c.kind, c.price_usd, c.percent) for c in claims if c.kind in ("price", "price_change")] == [
        ("price_change", None, 46.67),
        ("price", 0.4, None),
    ]


def test_a_price_under_a_topic_of_two_models_is_nobodys() -> None:
    text = "Luma Ray 2 and Pika 2.0, side by side.\n\nCost per clip: $0.40 for five seconds.\n"
    assert prices_of(text) == []
    # one model as the topic still owns it
    assert prices_of(text.replace(" and Pika 2.0", "")) == [("Luma Ray2", None, 0.4, None, 5.0)]


def test_two_like_amounts_in_a_sentence_naming_no_model_are_nobodys() -> None:
    text = "Luma Ray 2 leads this page.\n\nPer-second cost: $0.06/sec, then $0.08/sec.\n"
    assert prices_of(text) == []
    # told apart by resolution, each is the topic's price at its own resolution
    told = text.replace("then $0.08/sec.", "and $0.08/sec at 1080p.").replace(
        "$0.06/sec,", "$0.06/sec at 720p,"
    )
    assert [p[2] for p in prices_of(told)] == [0.06, 0.08]


def test_a_model_named_as_what_another_substitutes_for_is_no_topic() -> None:
    text = (
        "Pika 2.0 review.\n\nStyle (post-Sora) closest substitute to Sora's look\nPer-clip cost $0.04/sec\n"
    )
    assert [p[0] for p in prices_of(text)] == ["Pika 2.0"]


def test_a_model_named_only_in_a_later_reason_clause_does_not_own_the_amount() -> None:
    text = "Vidu Q1 上线了。\n\n一条视频只要0.5元，因为可灵还在打折，这个价格很低。\n"
    assert [p[0] for p in prices_of(text)] == ["Vidu Q1"]
    # named in a plain later clause, it does
    assert [p[0] for p in prices_of(text.replace("因为可灵还在打折", "这是可灵2.1的价格"))] == ["Kling 2.1"]


def test_a_price_said_to_equal_a_yardsticks_is_both_models() -> None:
    text = "Vidu Q2 上线了。\n\n价格没变，720P的视频跟Vidu Q1一样，是20积分一条。\n"
    assert sorted(p[0] for p in prices_of(text)) == ["Vidu Q1", "Vidu Q2"]
    # a yardstick said to be dearer is not given the price
    assert "Vidu Q1" not in [p[0] for p in prices_of(text.replace("跟Vidu Q1一样", "比Vidu Q1便宜"))]
