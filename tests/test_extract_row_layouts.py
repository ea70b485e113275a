"""Rows and fields as price guides lay them out: a model line over `Label: value` fields, verdict rows
under model columns, a cell with one amount per plan, a row's model in its first cell, and amounts
each followed by the model they are for."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def _prices(text: str) -> list[tuple[str | None, str | None, float | None, float | None]]:
    return [(c.model, c.tier, c.credits, c.price_usd) for c in claims_of(text) if c.kind == "price"]


def test_fields_under_a_model_line_are_that_models_and_a_time_field_is_no_heading() -> None:
    text = (
        "Hailuo 02 - Standard\n- Render time: 75s\n- Cost: 25 credits\n- Queue: shared\n"
        "Kling 2.1 - Master\n- Render time: 240s\n- Cost: 100 credits\n"
    )
    prices = [(m, c) for m, _, c, _ in _prices(text)]
    assert prices == [("Hailuo 02", 25.0), ("Kling 2.1 Master", 100.0)]
    speeds = [(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"]
    assert speeds == [("Hailuo 02", 75.0), ("Kling 2.1 Master", 240.0)]


def test_a_gen_time_field_is_a_generation_time() -> None:
    speeds = [(c.model, c.generation_s) for c in claims_of("Vidu Q1\n- Gen Time: 45s\n") if c.kind == "speed"]
    assert speeds == [("Vidu Q1", 45.0)]


@pytest.mark.parametrize(
    ("label", "kind"),
    [("Best at", "strength"), ("Strengths", "strength"), ("Worst at", "limitation"), ("短板", "bug")],
)
def test_a_verdict_row_under_model_columns_gives_each_model_its_cell(label: str, kind: str) -> None:
    text = (
        "| | Kling 2.1 | Hailuo 02 |\n|---|---|---|\n"
        "| Max length | 10s | 6s |\n"
        f"| {label} | Camera moves, lip sync | Crowd scenes |\n"
    )
    verdicts = [(c.model, c.quote.rsplit("|", 1)[-1].strip()) for c in claims_of(text) if c.kind == kind]
    assert verdicts == [("Kling 2.1", "Camera moves, lip sync"), ("Hailuo 02", "Crowd scenes")]
    # the features a verdict names are its subject, not offers of their own
    assert not [c for c in claims_of(text) if c.kind == "capability" and "lip sync" in c.quote.lower()]


def test_a_cell_with_one_amount_per_plan_gives_one_price_per_plan() -> None:
    text = (
        "| Model | Credits per clip |\n|---|---|\n"
        "| Vidu Q1 | 30 (Standard plan) · 20 (Pro plan) |\n| Vidu 2.0 | 15 |\n"
    )
    assert _prices(text) == [
        ("Vidu Q1", "standard plan", 30.0, None),
        ("Vidu Q1", "pro plan", 20.0, None),
        ("Vidu 2.0", None, 15.0, None),
    ]


def test_money_in_a_credits_column_and_a_zero_cost_are_no_prices() -> None:
    text = (
        "| Model | Credits per clip |\n|---|---|\n"
        "| Vidu Q1 | 0 (Max subscribers, $249/month) |\n| Vidu 2.0 | 15 |\n"
        "On the Max plan Vidu Q1 costs 0 credits.\n"
    )
    assert _prices(text) == [("Vidu 2.0", None, 15.0, None)]


def test_a_rows_model_is_the_one_its_first_cell_names_not_a_brand_a_later_cell_mentions() -> None:
    text = (
        "| Model id | Note | Credits |\n|---|---|---|\n"
        "| `kling-v2-1-master` | The priciest Kling | 100 |\n| `hailuo-02` | Cheap Hailuo | 25 |\n"
    )
    assert [(m, c) for m, _, c, _ in _prices(text)] == [("Kling 2.1 Master", 100.0), ("Hailuo 02", 25.0)]


def test_each_amount_goes_to_the_model_it_is_said_to_be_for() -> None:
    text = "Per second, it is about $0.12/sec for Veo 3 Fast and $0.40/sec for Veo 3 at 1080p."
    assert _prices(text) == [("Veo 3 Fast", None, None, 0.12), ("Veo 3", None, None, 0.4)]


def test_a_main_strength_row_under_model_columns_is_each_models_strength() -> None:
    text = (
        "| Aspect | Vidu Q1 | Hailuo 02 |\n|---|---|---|\n"
        "| Main strength | Anime linework | Physics of water |\n"
        "| Biggest weakness | Hands in motion | Text on signs |\n"
    )
    got = [(c.kind, c.model) for c in claims_of(text) if c.kind in ("strength", "bug")]
    assert got == [
        ("strength", "Vidu Q1"),
        ("strength", "Hailuo 02"),
        ("bug", "Vidu Q1"),
        ("bug", "Hailuo 02"),
    ]


def test_a_best_for_row_names_an_audience_not_a_strength() -> None:
    text = "| Aspect | Vidu Q1 | Hailuo 02 |\n|---|---|---|\n| Best for | Anime studios | Ad agencies |\n"
    assert not [c for c in claims_of(text) if c.kind == "strength"]
