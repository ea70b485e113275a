"""Prices, credit rates and price changes as vendors and resellers write them."""

from __future__ import annotations

from tests.extract_helpers import claims_of, prices_of


def test_a_credit_range_is_twoprices_of() -> None:
    text = "With Pika 2.2 a 10-second clip costs 20-60 credits depending on resolution."
    assert prices_of(text) == [("Pika 2.2", 20, None, None, 10), ("Pika 2.2", 60, None, None, 10)]


def test_money_per_credit_is_a_credit_rate_that_prices_credits() -> None:
    text = "Luma Ray2: 8 credits/s @ $0.02/credit."
    claims = claims_of(text)
    rates = [(c.model, c.credits_per_usd) for c in claims if c.kind == "credit_rate"]
    assert rates == [("Luma", 50.0)]
    assert prices_of(text) == [("Luma Ray2", 8, 0.16, None, 1)]


def test_money_and_credits_for_the_same_second_are_one_price() -> None:
    assert prices_of("Pika 2.2 (API)$0.04/s 4 credits/s") == [("Pika 2.2", 4, 0.04, None, 1)]


def test_two_sums_of_one_currency_are_twoprices_of() -> None:
    text = "Per second: Veo 3 $0.40/s, Pika 2.2 ~$0.04/s."
    assert prices_of(text) == [("Veo 3", None, 0.4, None, 1), ("Pika 2.2", None, 0.04, None, 1)]


def test_a_separator_ends_a_price_and_extra_seconds_are_per_second() -> None:
    text = "Hailuo 02 on a reseller: $0.30 for 6s + $0.05/extra s."
    assert prices_of(text) == [("Hailuo 02", None, 0.3, None, 6), ("Hailuo 02", None, 0.05, None, 1)]


def test_a_price_change_follows_from_twoprices_of() -> None:
    claims = claims_of("Pika 2.2 is now $0.20 per clip (down from $0.25).")
    changes = [(c.model, c.percent, c.direction) for c in claims if c.kind == "price_change"]
    assert changes == [("Pika 2.2", 20.0, "down")]
    assert prices_of("Pika 2.2 is now $0.20 per clip (down from $0.25).") == [
        ("Pika 2.2", None, 0.2, None, None)
    ]
    zh = claims_of("海螺02每条的价格从5元降到4元。")
    assert [(c.percent, c.direction) for c in zh if c.kind == "price_change"] == [(20.0, "down")]


def test_a_bare_brand_price_is_the_named_model_it_restates_or_none() -> None:
    text = "Veo $0.40/s is steep.\nVeo 3 costs $0.40/s; Veo 3 Fast costs $0.15/s."
    # the restatement becomes Veo 3's price, one claim with the one it restates
    assert prices_of(text) == [("Veo 3", None, 0.4, None, 1), ("Veo 3 Fast", None, 0.15, None, 1)]
    text = "Veo $0.30/s on a reseller.\nVeo 3 costs $0.40/s; Veo 3 Fast costs $0.15/s."
    assert ("Veo 3", None, 0.3, None, 1) not in prices_of(text)
    assert all(p[2] != 0.3 for p in prices_of(text))


def test_a_bare_version_belongs_to_the_main_brand_only() -> None:
    text = "Wan 2.2 runs on one GPU; it is released under Apache 2.0.\nGeneration takes about 9 minutes."
    got = [(c.model, c.generation_s) for c in claims_of(text, title="Sora or Wan?") if c.kind == "speed"]
    assert got == [("Wan 2.2", 540.0)]


def test_plans_are_no_price_of_a_clip() -> None:
    text = "即梦3.0包年只要659元。海螺02的会员199元/年，生成一条6秒视频25积分。Hailuo 02 is $9.99 a month."
    assert prices_of(text) == [("Hailuo 02", 25, None, None, 6)]
    assert sum(c.kind == "plan_price" for c in claims_of(text)) == 3


def test_an_amount_after_a_brand_is_no_version() -> None:
    assert prices_of("Pika 1.5 credits per clip on the free tier.") == [("Pika", 1.5, None, None, None)]
    assert prices_of("可灵 3.5 元一条。") == [("Kling", None, None, 3.5, None)]
