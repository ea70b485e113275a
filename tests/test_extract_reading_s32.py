"""Cases from session 32's reading of real pages: an edition word vendors give many brands (Flash,
Turbo, Pro) after a version the registry does not list, a list of prices one per line (a range never
runs over a line break), a bold label holding the clip length and resolution, a header cell giving
the frame size beside the resolution, a yardstick's own price in the bracket after its name, a list
of yardsticks broken by such a bracket, and the lines after a comparison going on about its subject."""

from __future__ import annotations

import pytest

from ingest.extract.lexicon import load_lexicon
from ingest.extract.quantities import scanner
from ingest.extract.registry import load_registry
from tests.extract_helpers import claims_of, prices_of

# ----- an edition any brand may take -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Seedance 2.5 Flash costs $0.18 per second.", "Seedance 2.5 Flash"),
        ("Kling 4.0 Flash costs $0.19 per second.", "Kling 4.0 Flash"),
        ("Wan 2.7 Lite costs $0.19 per second.", "Wan 2.7 Lite"),
        # words that are ordinary after a name: no edition
        ("Wan 2.7 Pro costs $0.19 per second.", "Wan 2.7"),
        ("Sora 2 fast generation costs $0.10 per second.", "Sora 2"),
        # a listed version with an edition it lacks: named as its plain model is
        ("Hailuo 02 Flash costs $0.19 per second.", "Hailuo 02 Flash"),
        # a reseller's label the brand's vendor does not sell as a model
        ("Hailuo 02 Pro costs $0.19 per second.", "Hailuo 02"),
        # the registry's own editions and tiers are unchanged
        ("Kling 2.5 Turbo costs $0.19 per second.", "Kling 2.5 Turbo"),
        ("Seedance 2.0 Fast costs $0.19 per second.", "Seedance 2.0 Fast"),
        ("Seedance 2.5 costs $0.18 per second.", "Seedance 2.5"),
    ],
)
def test_a_generic_edition_after_a_version_names_a_model_of_its_own(text: str, model: str) -> None:
    assert [p[0] for p in prices_of(text)] == [model]


def test_a_brands_tier_word_stays_a_tier_not_a_generic_edition() -> None:
    (c,) = [c for c in claims_of("Kling 2.1 Pro costs $0.19 per second.") if c.kind == "price"]
    assert (c.model, c.tier) == ("Kling 2.1", "high-quality")


def test_generic_editions_are_read_from_the_registry() -> None:
    reg = load_registry()
    assert reg.words_of("Seedance", ["flash"]) == ("flash", None)
    assert reg.words_of("Kling", ["pro"]) == (None, "high-quality")


# ----- a list of prices, one a line ---------------------------------------------------------------


def _amounts(text: str) -> list[tuple[str, float, str]]:
    sc = scanner(load_lexicon())
    return [(q.kind, q.value, text[q.start : q.end]) for q in sc.scan(text)]


def test_a_range_never_runs_over_a_line_break() -> None:
    got = _amounts("- 5s: $0.0943\n- 8s: $0.1856\n- 5s: ¥0.5\n- 8s: ¥1\n")
    assert [(k, v) for k, v, _ in got if k in ("usd", "cny")] == [
        ("usd", 0.0943),
        ("usd", 0.1856),
        ("cny", 0.5),
        ("cny", 1.0),
    ]
    assert [v for k, v, _ in got if k == "time"] == [5.0, 8.0, 5.0, 8.0]


@pytest.mark.parametrize("text", ["each clip costs 10-35 credits", "each clip costs 10 -\n35 credits"])
def test_a_range_on_one_line_or_broken_after_its_dash_is_still_a_range(text: str) -> None:
    (q,) = [q for q in scanner(load_lexicon()).scan(text) if q.kind == "credits"]
    assert (q.value, q.high) == (10.0, 35.0)


def test_prices_listed_one_a_line_under_the_models_heading_are_each_its_own() -> None:
    text = "# PixVerse V5 Fast\n\n## Pricing\n\n- 360p 5s: $0.0943\n- 360p 8s: $0.1856\n"
    assert prices_of(text) == [
        ("PixVerse V5 Fast", None, 0.0943, None, 5.0),
        ("PixVerse V5 Fast", None, 0.1856, None, 8.0),
    ]


def test_a_bold_label_gives_its_line_the_clip_length_and_resolution() -> None:
    text = "# PixVerse V5 Fast\n\n## Pricing\n\n- **360p · 5s**: `$0.0943`\n- **1080p · 8s**: `$0.4950`\n"
    got = [(c.model, c.price_usd, c.duration_s, c.resolution) for c in claims_of(text) if c.kind == "price"]
    assert got == [
        ("PixVerse V5 Fast", 0.0943, 5.0, "360p"),
        ("PixVerse V5 Fast", 0.495, 8.0, "1080p"),
    ]


@pytest.mark.parametrize("label", ["Step 3", "2024年12月", "Update 2025-06-18"])
def test_a_bold_label_with_a_number_but_no_length_or_resolution_stays_out_of_the_quote(label: str) -> None:
    (c,) = [c for c in claims_of(f"- **{label}**: Kling 2.1 charges $0.28 per clip.\n") if c.kind == "price"]
    assert c.quote == "Kling 2.1 charges $0.28 per clip"


def test_a_long_line_with_a_stray_bold_mark_stays_linear() -> None:
    import time

    line = "Kling 2.1 ** " + " ".join(str(i) for i in range(20000))
    t = time.process_time()
    claims_of(line)
    assert time.process_time() - t < 8.0


# ----- a header cell with the frame size beside the resolution ------------------------------------


def test_a_header_cell_with_the_frame_size_is_still_a_resolution_column() -> None:
    text = (
        "Wan 2.2 Image To Video\nPricing\n| Duration | 832×480 (480p) | 1280×720 (720p) |\n"
        "|---|---|---|\n| 5 s | $0.15 | $0.30 |\n| 8 s | $0.24 | $0.48 |"
    )
    got = sorted((c.price_usd, c.duration_s, c.resolution) for c in claims_of(text) if c.kind == "price")
    assert got == [(0.15, 5.0, "480p"), (0.24, 8.0, "480p"), (0.3, 5.0, "720p"), (0.48, 8.0, "720p")]


# ----- yardsticks ---------------------------------------------------------------------------------

_YARD = (
    "Runway Gen-4.5 API\n\nGen-4.5 costs roughly 25 credits per second of output, significantly more than "
    "Gen-4 (which costs ~14 credits/sec) or Gen-4 Turbo (~5 credits/sec).\n\n"
    "At $0.01 per credit on the Standard plan, that works out to:\n"
    "- 5-second clip: ~$1.25\n- 10-second clip: ~$2.50\n"
)


def test_a_yardsticks_price_in_the_bracket_after_its_name_is_its_own() -> None:
    got = [(p[0], p[1]) for p in prices_of(_YARD) if p[1] is not None]
    assert got == [("Runway Gen-4.5", 25.0), ("Runway Gen-4", 14.0), ("Runway Gen-4 Turbo", 5.0)]


def test_lines_after_a_comparison_go_on_about_its_subject_not_the_yardstick() -> None:
    got = [(p[0], p[2], p[4]) for p in prices_of(_YARD) if p[2] in (1.25, 2.5)]
    assert got == [("Runway Gen-4.5", 1.25, 5.0), ("Runway Gen-4.5", 2.5, 10.0)]


def test_a_list_of_yardsticks_goes_on_past_a_bracket() -> None:
    text = (
        "LTX-Video is 10-20× faster than Wan (30-60s) and Hunyuan (60-120s). "
        "Quality noticeably lower (more flickering, less detail)."
    )
    bugs = [c.model for c in claims_of(text) if c.kind == "bug"]
    assert bugs and set(bugs) == {"LTX-Video"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a bracket saying something else of the yardstick's price: the subject's
        ("Wan 2.2 is far cheaper than Veo 3 (only $0.05 per second on fal).", [("Wan 2.2", 0.05)]),
        # a clause of its own after the bracket: its model's, not a yardstick
        (
            "Veo 3 is slower than Sora 2 (which is free in the app), and Kling 2.1 costs $0.28 per 5s clip.",
            [("Kling 2.1", 0.28)],
        ),
    ],
)
def test_brackets_after_a_yardstick_that_hold_no_price_of_its_own(text: str, want: list) -> None:
    assert [(p[0], p[2]) for p in prices_of(text)] == want


def test_a_yardstick_list_stops_where_a_clause_of_its_own_begins() -> None:
    text = "Seedance 2.0 costs more than Kling 2.1 (which charges ¥0.5/s) and Hailuo 02 costs ¥0.3/s."
    assert [(p[0], p[3]) for p in prices_of(text)] == [("Kling 2.1", 0.5), ("Hailuo 02", 0.3)]


def test_models_listed_each_with_its_price_in_brackets_keep_their_own() -> None:
    text = "价格:seedance-2($0.10/秒起)、seedance-2-fast($0.048/秒起)。"
    assert [(p[0], p[2]) for p in prices_of(text)] == [("Seedance 2.0", 0.1), ("Seedance 2.0 Fast", 0.048)]


# ----- a sum no single clip costs -----------------------------------------------------------------


def test_a_volume_rows_sum_is_no_clips_price() -> None:
    text = (
        "Seedance 2.5 Flash pricing\n\nSeedance 2.5 Flash costs $0.143 per second.\n\n"
        "Monthly videos Avg length Cost\n100 5 s ~$72\n1,000 5 s ~$715\n"
    )
    assert [p[2] for p in prices_of(text)] == [0.143, 72.0]  # (a hundred clips at $0.72 each is possible)


def test_a_sum_dearer_per_second_than_any_model_is_no_price() -> None:
    assert prices_of("好莱坞顶级特效镜头每秒成本高达2万美元，Veo 3每秒0.75美元。") == [
        ("Veo 3", None, 0.75, None, 1.0)
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Veo 3 charges $6 for an 8-second clip.", 6.0),
        ("Sora 2 Pro 4K costs $3.50 per second.", 3.5),
        ("Veo 3 would charge $225 for a five-minute film.", 225.0),
    ],
)
def test_a_dear_but_possible_clip_price_stays(text: str, want: float) -> None:
    assert [p[2] for p in prices_of(text)] == [want]


# ----- more ways of telling a price per second or a time per clip ---------------------------------


def _speeds(text: str) -> list[tuple[str | None, float | None, float | None, float | None]]:
    return [
        (c.model, c.generation_s, c.generation_s_min, c.generation_s_max)
        for c in claims_of(text)
        if c.kind == "speed"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Veo 2 API 每秒是0.35美金,视频时长范围为 5 ~ 8 秒",
        "Veo 2 per second is $0.35.",
        "Veo 2 每秒要0.35美元",
    ],
)
def test_a_copula_between_per_second_and_the_sum_keeps_it_one_seconds(text: str) -> None:
    (p,) = prices_of(text)
    assert (p[0], p[4]) == ("Veo 2", 1.0)
    assert 0.35 in (p[2], p[3]) or p[3] is not None


def test_minutes_per_clip_with_no_verb_is_a_generation_time() -> None:
    text = "Wan 2.1 runs on an RTX 6000 Ada. On that hardware: ~3 minutes per 5-second clip."
    (s,) = _speeds(text)
    assert s[0] == "Wan 2.1" and 120 <= (s[1] or s[2] or 0) <= 240


def test_hours_per_video_edit_session_is_no_generation_time() -> None:
    assert _speeds("Our Kling 2.1 budget: 3 hours per video edit session.") == []


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        (
            "Sora Turbo improved this, producing four 10-second videos simultaneously in just 72 seconds.",
            72.0,
        ),
        ("Reports suggest that Sora could generate one second of video in 10 seconds.", 10.0),
    ],
)
def test_making_a_clip_in_a_time_with_the_verb_in_ing_or_bare_form(text: str, seconds: float) -> None:
    got = _speeds(text)
    assert len(got) == 1 and seconds in got[0][1:]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Kling 2.1 生成十一秒要2元。", 11.0),
        ("Kling 2.1 生成一段二十一秒需要10元。", 21.0),
        ("Veo 2 per second costs $0.35.", 1.0),
    ],
)
def test_the_second_of_a_longer_number_is_no_per_second_word(text: str, seconds: float) -> None:
    (p,) = prices_of(text)
    assert p[4] == seconds


@pytest.mark.parametrize(
    "text",
    [
        "With Kling 2.1 I spend 2 hours per video on prompt writing.",
        "Kling 2.1 saves me 3 hours per video compared to filming.",
        "Kling 2.1 lets you generate ideas in 10 seconds.",
        "With Kling 2.1 you can create an account in 30 seconds.",
        "Pika 2.2 can generate cinematic shots in 5 seconds of footage.",
    ],
)
def test_a_persons_time_or_a_time_for_something_else_is_no_generation_time(text: str) -> None:
    assert _speeds(text) == []
