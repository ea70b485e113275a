"""Lists of lengths to choose from (4 / 8 / 12s) and versions glued to them in flattened tables."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _speeds(text: str) -> list[tuple[str | None, float | None]]:
    return [(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"]


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2速度很快，时长4 / 8 / 12s。",
        "Sora 2 OpenAI 4 / 8 / 12s 较快",  # a table row with its cells run together
        "海螺02：6 / 10秒，出片较快。",
        "可灵2.1出片快，5秒/10秒。",
    ],
)
def test_the_last_of_a_list_of_lengths_is_no_generation_time(text: str) -> None:
    assert _speeds(text) == []


def test_a_time_after_a_list_of_lengths_still_is_one() -> None:
    assert _speeds("可灵2.1的5 / 10s视频都要等2分钟才能出来。") == [("Kling 2.1", 120.0)]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # a table's cells run together: the model's name, then its lengths
        ("Veo 3.14 / 6 / 8s的视频都要等2分钟才能出来。", "Veo 3.1"),
        ("Kling 2.15 / 10s的视频都要等2分钟才能出来。", "Kling 2.1"),
    ],
)
def test_a_version_glued_to_a_list_of_lengths_is_the_known_one(text: str, model: str) -> None:
    assert _speeds(text) == [(model, 120.0)]


def test_a_known_version_before_a_list_is_kept_whole() -> None:
    # Kling 2.1 is known: it is not cut to Kling 2 although 1 / 2 could start a list
    got = {c.model for c in scored(claims_of("Kling 2.1 / 2.0的画面都很稳定。"))}
    assert "Kling 2.1" in got


def test_an_amount_named_by_a_length_word_after_it_is_a_length() -> None:
    assert _speeds("Vidu 2.0的8秒生成时长需要付费订阅。") == []


def test_a_time_before_a_length_with_its_own_amount_stays_a_speed() -> None:
    assert _speeds("海螺02只需30秒即可生成时长6秒的视频。") == [("Hailuo 02", 30.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Pika 2.2 can now extend clips beyond a minute, and it renders quickly.",
        "With Luma Ray2 you generate videos up to 20 seconds long.",
    ],
)
def test_what_a_clip_is_extended_to_is_its_length_not_a_generation_time(text: str) -> None:
    assert _speeds(text) == []


def test_a_generation_time_beside_an_extended_length_is_still_read() -> None:
    text = "Pika 2.2 can extend clips to 30 seconds; each generation takes about 2 minutes."
    assert _speeds(text) == [("Pika 2.2", 120.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3.1 Fast finishes most clips in 40-60 seconds.",
        "A 10-second Gen-4 Turbo clip came back in under 30 seconds.",
        "Veo 3 was fast, returning clips in about 40 seconds.",
        "Kling 2.1 is slow: about 5 minutes per clip.",
    ],
)
def test_finishing_or_coming_back_in_a_time_is_a_speed(text: str) -> None:
    assert "speed" in {c.kind for c in scored(claims_of(text))}


def test_a_time_a_model_needs_is_no_required_input() -> None:
    kinds = {c.kind for c in scored(claims_of("Veo 3.1 usually needs two minutes or more."))}
    assert "speed" in kinds and "limitation" not in kinds


def test_a_time_after_a_generation_label_with_a_colon_is_a_speed() -> None:
    text = "Pika 2.2 is cheap. Generation is quick: usually around 50 seconds for a 6-second clip."
    assert [g for m, g in _speeds(text)] == [50.0]


def test_a_scene_lasting_a_time_is_its_length() -> None:
    text = "Veo 3 handled a fast car chase lasting 10 seconds without warping."
    assert _speeds(text) == []


def test_a_length_with_its_resolution_is_the_clip_not_the_time_taken() -> None:
    assert _speeds("实测可灵2.5 Turbo，5秒1080P大概一分钟就出来了。") == [("Kling 2.5 Turbo", 60.0)]


def test_the_reviewers_own_hours_are_no_generation_time() -> None:
    assert _speeds("Veo 3 review. In ten hours I went from nothing to a finished video.") == []
    assert _speeds("Veo 3 took about 30 seconds I think.") == [("Veo 3", 30.0)]


def test_a_time_then_a_verb_of_making_a_video_is_the_time_taken() -> None:
    assert _speeds("Seedance 2.0很强。20分钟就生成了5秒流畅视频。") == [("Seedance 2.0", 1200.0)]
    assert _speeds("可灵2.1生成一段10秒的视频。") == []


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Runway Gen-4 Turbo takes only 30 seconds to generate a 10-second video.", 30.0),
        ("With Runway Gen-4 Turbo it took only 45 seconds to get a clip.", 45.0),
        (
            "Runway Gen-4 Turbo costs 5 credits a second. Taking only 30 seconds to generate a clip, it is"
            " quick.",
            30.0,
        ),
    ],
)
def test_a_time_taken_with_only_is_a_speed_not_a_cap(text: str, seconds: float) -> None:
    claims = claims_of(text)
    assert _speeds(text) == [("Runway Gen-4 Turbo", seconds)]
    assert not [c for c in claims if c.kind in ("limitation", "capability")]


def test_only_before_a_length_still_caps_it() -> None:
    assert [c.kind for c in claims_of("Runway Gen-4 Turbo makes only 10-second clips.")] == ["limitation"]


def test_hours_up_to_which_a_generation_waited_are_a_speed_not_a_clip_length() -> None:
    text = "Pika 1.5 was so popular that it was taking some people up to 12 hours to get a video to generate."
    assert [(c.kind, c.generation_s_max) for c in claims_of(text)] == [("speed", 43200.0)]
