"""An unregistered model's own version, resolutions paired "respectively", and a raised clip length."""

from __future__ import annotations

from tests.extract_helpers import claims_of


def _prices(text: str) -> list[tuple[str | None, float | None, str | None]]:
    return [(c.model, c.price_cny, c.resolution) for c in claims_of(text) if c.kind == "price"]


def test_the_version_of_an_unregistered_model_is_its_own_not_a_registered_brand_s() -> None:
    text = (
        "MoonRider 2.0 is new. It ranked just below Seedance 2.0 in the arena. "
        "MoonRider 2.0 costs 0.9 yuan/s for 720P videos. We tried MoonRider 2.0 for a week."
    )
    assert _prices(text) == [("MoonRider 2.0", 0.9, "720p")]


def test_resolutions_said_respectively_pair_with_the_prices_in_order() -> None:
    assert _prices("可灵2.1的720P和1080P分别为每秒0.5元和每秒1元。") == [
        ("Kling 2.1", 0.5, "720p"),
        ("Kling 2.1", 1.0, "1080p"),
    ]


def test_without_respectively_the_nearest_resolution_still_holds() -> None:
    assert _prices("可灵2.1的1080P每秒1元。") == [("Kling 2.1", 1.0, "1080p")]


def test_a_clip_length_raised_to_a_value_is_no_generation_time() -> None:
    assert [c for c in claims_of("海螺02这次将可生成时长拉长至10秒。") if c.kind == "speed"] == []


def _changes(text: str) -> list[tuple[str | None, float | None, str | None]]:
    return [(c.model, c.percent, c.direction) for c in claims_of(text) if c.kind == "price_change"]


def test_a_price_at_only_a_share_of_the_cost_is_a_cut_by_the_rest() -> None:
    assert [c[1:] for c in _changes("海螺02极速版以仅 30% 的成本生成视频。")] == [(70.0, "down")]
    assert [c[1:] for c in _changes("Kling 2.1 costs only 40% of the price of Kling 2.1 Master.")] == [
        (60.0, "down")
    ]


def test_a_share_without_a_price_word_is_no_price_change() -> None:
    assert _changes("海螺02仅 30% 的用户会用到这个功能。") == []


def test_a_sentence_opening_on_an_unregistered_name_and_version_is_not_about_the_last_model() -> None:
    text = "We tested Sora 2 first.\n\nNova 2.3 showed better detail in every dance shot."
    assert [c for c in claims_of(text) if c.model == "Sora 2" and c.kind == "strength"] == []


def test_a_number_after_a_word_inside_a_sentence_is_still_no_model() -> None:
    kinds = {(c.kind, c.model) for c in claims_of("Sora 2 looks great, as Chapter 2.3 shows in detail.")}
    assert ("strength", "Sora 2") in kinds
