"""Numbers, durations, money and credits as reviewers write them (table-driven)."""

from __future__ import annotations

import pytest

from ingest.extract.lexicon import load_lexicon
from ingest.extract.numbers import Quantity, numerals, parse_number
from ingest.extract.quantities import scanner

LEX = load_lexicon()
NUMS = numerals(LEX)
SCAN = scanner(LEX)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5", (5, 5)),
        ("12,000", (12000, 12000)),
        ("1.5万", (15000, 15000)),
        ("两", (2, 2)),
        ("五", (5, 5)),
        ("十五", (15, 15)),
        ("二十", (20, 20)),
        ("一千二百", (1200, 1200)),
        ("三点五", (3.5, 3.5)),
        ("十几", (12, 19)),
        ("一两", (1, 2)),
        ("半", (0.5, 0.5)),
        ("two", (2, 2)),
        ("a", (1, 1)),
    ],
)
def test_parse_number(text: str, expected: tuple[float, float]) -> None:
    assert parse_number(text, NUMS) == expected


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("灵感", NUMS) is None
    assert parse_number("", NUMS) is None


def _only(text: str, kind: str) -> Quantity:
    hits = [q for q in SCAN.scan(text) if q.kind == kind]
    assert len(hits) == 1, f"{text!r}: {hits}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "per", "per_seconds"),
    [
        ("5秒20灵感值", 20, "灵感值", None, None),
        ("每点一下就没了100灵感", 100, "灵感值", None, None),
        ("买了12000的灵感值", 12000, "灵感值", None, None),
        ("20灵感值/条", 20, "灵感值", "item", None),
        ("Gen-4 costs 12 credits per second", 12, "credits", "second", 1.0),
        ("一条25积分", 25, "积分", None, None),
        ("消耗20積分", 20, "积分", None, None),
    ],
)
def test_credits(text: str, value: float, unit: str, per: str | None, per_seconds: float | None) -> None:
    from ingest.extract.normalize import normalise

    q = _only(normalise(text), "credits")
    assert (q.value, q.unit, q.per, q.per_seconds) == (value, unit, per, per_seconds)


@pytest.mark.parametrize(
    ("text", "kind", "value", "plus"),
    [
        ("相当于人民币两块；", "cny", 2, False),
        ("一条10块钱", "cny", 10, False),
        ("一块多钱", "cny", 1, True),
        ("1块5一条", "cny", 1.5, False),
        ("约2元", "cny", 2, False),
        ("$0.50 per 5-second clip", "usd", 0.5, False),
        ("0.6美元", "usd", 0.6, False),
        ("50 cents", "usd", 0.5, False),
        ("BasicStandard$0.30 / 5s clip", "usd", 0.3, False),  # a flattened table's cells run together
        ("720p$0.30", "usd", 0.3, False),
    ],
)
def test_money(text: str, kind: str, value: float, plus: bool) -> None:
    q = _only(text.lower(), kind)
    assert q.value == pytest.approx(value) and q.plus == plus


@pytest.mark.parametrize(
    ("text", "usd"), [("每月20刀", [20.0]), ("一刀切", []), ("砍了两刀", []), ("第3刀", [])]
)
def test_dao_after_a_figure_is_dollars(text: str, usd: list[float]) -> None:
    assert [q.value for q in SCAN.scan(text) if q.kind == "usd"] == usd


@pytest.mark.parametrize("text", ["A$20", "price: hk$12", "R$ 5", "nt$300"])
def test_dollars_of_another_country_are_no_usd(text: str) -> None:
    assert [q for q in SCAN.scan(text.lower()) if q.kind == "usd"] == []


def test_money_per_clip_carries_clip_length() -> None:
    q = _only("$0.50 per 5-second clip", "usd")
    assert (q.per, q.per_seconds) == ("item", 5.0)


def test_measure_word_kuai_is_not_money() -> None:
    assert not [q for q in SCAN.scan("这一块屏幕很亮，放在一块") if q.kind == "cny"]


@pytest.mark.parametrize(
    ("text", "value", "high", "qual", "plus"),
    [
        ("5s", 5, 5, None, False),
        ("5秒", 5, 5, None, False),
        ("五秒", 5, 5, None, False),
        ("1分钟以内", 60, 60, "max", False),
        ("1分钟不到", 60, 60, "max", False),
        ("不到1分钟", 60, 60, "max", False),
        ("3分多", 180, 180, "min", True),
        ("3分钟以上", 180, 180, "min", False),
        ("两分钟左右", 120, 120, "about", False),
        ("4到5分钟", 240, 300, None, False),
        ("一分半", 90, 90, None, False),
        ("about 2 minutes", 120, 120, "about", False),
        ("under a minute", 60, 60, "max", False),
        ("十几秒", 12, 19, None, False),
    ],
)
def test_durations(text: str, value: float, high: float, qual: str | None, plus: bool) -> None:
    q = _only(text, "time")
    assert (q.value, q.high, q.qual, q.plus) == (value, high, qual, plus)


@pytest.mark.parametrize(
    ("text", "percent"), [("降低65%", 65), ("百分之三十", 30), ("打七折", 30), ("5折优惠", 50)]
)
def test_percent_and_discount(text: str, percent: float) -> None:
    assert _only(text, "percent").value == pytest.approx(percent)


@pytest.mark.parametrize(
    ("text", "label"), [("720p", "720p"), ("1080p", "1080p"), ("4k", "4k"), ("2160p", "4k")]
)
def test_resolution(text: str, label: str) -> None:
    assert _only(text, "resolution").unit == label


def test_revenue_figures_are_large() -> None:
    q = _only("超过了人民币1.5亿元", "cny")
    assert q.value == pytest.approx(1.5e8)


def test_a_falling_pair_is_the_new_amount() -> None:
    s = scanner(load_lexicon())
    got = [(q.kind, q.value, q.high) for q in s.scan("from 35 to 20 credits")]
    assert got == [("credits", 20.0, 20.0)]
    assert [(q.value, q.high) for q in s.scan("10-35 credits")] == [(10.0, 35.0)]


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("一支6秒影片扣 25 点。", [25.0]),
        ("消耗100点", [100.0]),
        ("下午3点出发", []),
        ("好一点", []),
        ("扣了3点多", []),
    ],
)
def test_a_bare_point_is_a_credit_only_after_spending_or_giving(text: str, credits: list[float]) -> None:
    assert [q.value for q in scanner(load_lexicon()).scan(text) if q.kind == "credits"] == credits
