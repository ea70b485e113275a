"""English verdicts in forms the word lists lacked: a superlative before its aspect (the cleanest
motion, the worst hands), a quality kept (kept the face consistent), and flaw verbs in every
tense (fingers fuse, a cup teleported, an arm sprouts)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Seedance 1.0 Pro gave me the cleanest motion of the bunch.", "strength"),
        ("Veo 3 had the best lip sync of all five models.", "strength"),
        ("Kling 2.1 produced the smoothest camera moves.", "strength"),
        ("Hailuo 02 had the worst hands of the group.", "bug"),
        ("Runway Gen-4 showed the weakest physics in the test.", "bug"),
    ],
)
def test_a_superlative_before_its_aspect_is_a_verdict(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)] == [kind]


def test_a_superlative_before_no_aspect_is_nothing() -> None:
    assert claims_of("Veo 3 offers the best price for short clips.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 kept the character's face consistent across shots.",
        "Runway Gen-4 keeps faces stable from shot to shot.",
    ],
)
def test_a_quality_kept_is_praise(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["strength"]


def test_keeping_asked_of_the_user_is_no_praise() -> None:
    assert claims_of("You need to keep the prompt consistent when you test Sora 2.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In Hailuo 02 the fingers fuse into a blob.",
        "In Sora 2 a cup teleported between hands.",
        "In Kling 2.1 the dancer's arm sprouts from her hip.",
        "The lip sync of Seedance 1.0 Pro lagged behind the audio by a few frames.",
        "In Veo 3 background characters freeze mid-step.",
    ],
)
def test_flaw_verbs_in_every_tense(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["bug"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The full Veo 3 takes two to three minutes.", 120.0, 180.0),
        ("I waited half an hour in the queue for Sora 2.", 1800.0, 1800.0),
        ("Kling 2.1 took half a minute per clip.", 30.0, 30.0),
    ],
)
def test_english_number_words_give_the_generation_time(text: str, low: float, high: float) -> None:
    speeds = [c.model_dump() for c in claims_of(text) if c.kind == "speed"]
    assert len(speeds) == 1
    got = speeds[0]
    lo = got.get("generation_s_min") or got.get("generation_s")
    hi = got.get("generation_s_max") or got.get("generation_s")
    assert (lo, hi) == (low, high)


def test_generates_in_a_time_is_a_generation_time() -> None:
    got = {
        (c.model, c.model_dump().get("generation_s_max"))
        for c in claims_of("Kling and Hailuo typically generate in 30-120 seconds.")
        if c.kind == "speed"
    }
    assert got == {("Kling", 120.0), ("Hailuo", 120.0)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Character consistency in Veo 3 clearly still needs a lot of work.", "bug"),
        ("Veo 3's capabilities are far and above what any other video model can do.", "strength"),
        ("Veo 3 is a huge step in the right direction.", "strength"),
    ],
)
def test_english_verdict_phrases(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)] == [kind]


def test_the_model_a_speed_is_a_multiple_of_is_a_yardstick() -> None:
    got = [
        (c.kind, c.model) for c in claims_of("Runway Gen-4 Turbo runs at about 7x the speed of Gen-3 Alpha.")
    ]
    assert ("strength", "Runway Gen-3 Alpha") not in got


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sora 2 rendered the dancers without any noticeable errors.", "strength"),
        ("Veo 3 rendered the scene with noticeable errors in the hands.", "bug"),
    ],
)
def test_words_that_grade_a_flaw_stay_out_of_the_negation_window(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("Veo 3.1 costs two hundred credits per shot.", 200.0),
        ("A Kling 2.1 clip costs fifty credits.", 50.0),
        ("A Kling 2.1 clip costs seventy-five credits.", 75.0),
    ],
)
def test_english_number_words_before_credits(text: str, credits: float) -> None:
    assert [c.credits for c in claims_of(text) if c.kind == "price"] == [credits]


def test_a_compound_number_word_before_seconds() -> None:
    got = claims_of("Kling 2.1 takes about twenty-five seconds.")
    assert [(c.kind, c.generation_s) for c in got] == [("speed", 25.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 Pro users get around 3 videos per day.",
        "Veo 3 is limited to 5 clips a day.",
        "Veo 3 每日上限3段。",
        "Veo 3 每天最多生成5个视频。",
    ],
)
def test_a_daily_quota_is_a_limitation(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["limitation"]


def test_a_daily_habit_is_no_quota() -> None:
    got = claims_of("We posted 3 videos per day with Kling 2.1 and it looked great.")
    assert [c.kind for c in got] == ["strength"]


@pytest.mark.parametrize(
    "text",
    [
        "In Veo 3 I removed several clips: from one shot to the next they were wearing different clothes.",
        "可灵2.1 里主角下一个镜头就换了衣服。",
    ],
)
def test_clothes_that_change_between_shots_are_a_flaw(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["bug"]


def test_trying_outfits_on_purpose_is_no_flaw() -> None:
    got = claims_of("Kling 2.1 lets you try different outfits on the same character.")
    assert "bug" not in [c.kind for c in got]


@pytest.mark.parametrize(
    "text",
    ["Seedance 1.5 Pro produces what I'd call a metallic voice.", "Seedance 1.5 Pro 的配音有一股金属音。"],
)
def test_a_metallic_voice_is_a_flaw(text: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [("bug", "Seedance 1.5 Pro")]
