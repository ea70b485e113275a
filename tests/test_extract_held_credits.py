"""Credits a user holds or is given are no price; a rate for a day or a person is no clip's price.

Every example is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import prices_of


@pytest.mark.parametrize(
    "text",
    [
        "Runway Gen-4 gives new users 125 credits.",
        "Pika 2.2 free plan: 80 credits one-time (enough for a handful of videos).",
        "可灵2.1试用：66灵感值。",
        "海螺02注册即有500积分，够玩好几天。",
        "A freelance editor for a Veo 3 shoot runs $400-per-day.",
        "Kling 2.1 saves a $50 an hour motion designer a lot of work.",
        "The Kling 2.1 usage page shows 1,200 credits remaining.",
        "I still had 300 credits left on Kling 2.1.",
        "可灵2.1账户里还剩800灵感值。",
    ],
)
def test_held_credits_and_time_rates_are_no_price(text: str) -> None:
    assert prices_of(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kling 2.1 costs 35 credits per 5s clip.", ("Kling 2.1", 35.0, None, None, 5.0)),
        ("可灵2.1大师版每点一下就没了100灵感。", ("Kling 2.1 Master", 100.0, None, None, None)),
        ("Hailuo 02: 25 credits for a 6s 768p clip.", ("Hailuo 02", 25.0, None, None, 6.0)),
        ("Veo 3 costs $6 a clip, while an editor costs $30 an hour.", ("Veo 3", None, 6.0, None, None)),
    ],
)
def test_credits_spent_on_a_clip_stay_a_price(text: str, want: tuple) -> None:
    assert want in prices_of(text)
