"""Tables as resellers and reviewers write them: API ids with run-together versions, speed rows and
a bare "Time" column beside the clip's length."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def _of(text: str, kind: str) -> list[tuple[str | None, float | None, float | None, float | None]]:
    return [
        (c.model, c.price_usd, c.generation_s, c.generation_s_min) for c in claims_of(text) if c.kind == kind
    ]


@pytest.mark.parametrize(
    ("cell", "model"),
    [
        ("hailuo_02_std", "Hailuo 02"),
        ("kling_21_std", "Kling 2.1"),
        ("kling_v16_pro", "Kling 1.6"),
        ("kling_api_16_std", "Kling 1.6"),  # a reseller's infix between brand and version
        ("wan_22_plus", "Wan 2.2"),
    ],
)
def test_an_api_id_with_its_version_digits_run_together_names_the_model(cell: str, model: str) -> None:
    text = f"| Model | Price |\n|---|---|\n| {cell} | $0.30 |\n"
    assert [m for m, *_ in _of(text, "price")] == [model]


def test_a_number_in_prose_after_a_brand_is_not_cut_into_a_version() -> None:
    assert all(m != "Kling 1.6" for m, *_ in _of("Kling 16 credits per clip is cheap: $0.30 each.", "price"))


def test_a_speed_row_under_model_columns_gives_each_model_its_time() -> None:
    text = (
        "| Feature | Kling 2.1 | Hailuo 02 |\n|---|---|---|\n"
        "| Generation Speed | 60-120 sec | 30-45 sec |\n| Price (5 sec) | $0.30 | $0.25 |\n"
    )
    got = sorted((m, lo) for m, _, _, lo in _of(text, "speed"))
    assert got == [("Hailuo 02", 30.0), ("Kling 2.1", 60.0)]


def test_a_row_labelled_otherwise_gives_no_speed() -> None:
    text = "| Feature | Kling 2.1 | Hailuo 02 |\n|---|---|---|\n| Max length | 10 sec | 6 sec |\n"
    assert _of(text, "speed") == []


def test_a_bare_time_column_beside_a_duration_column_is_the_generation_time() -> None:
    text = (
        "| Backend | Cost | Time | Duration |\n|---|---|---|---|\n"
        "| kling_21_std | $0.28 | 149s | 5s |\n| hailuo_02_std | $0.25 | 83s | 6s |\n"
    )
    assert sorted((m, s) for m, _, s, _ in _of(text, "speed")) == [("Hailuo 02", 83.0), ("Kling 2.1", 149.0)]


def test_a_bare_time_column_alone_is_not_read_as_speed() -> None:
    text = "| Backend | Cost | Time |\n|---|---|---|\n| kling_21_std | $0.28 | 5s |\n"
    assert _of(text, "speed") == []
