"""A model named in brackets after the subject is an aside, unless the brackets join it to the
subject; a GFM table may leave out its opening pipes; a bracketed model after words naming none is
what a table's caption is about; a price repeated for another item of a list is kept; a time per
clip of a length is a generation time; caps in a free plan's table are limits; English flaws told
with a frequency, a case it fails on or a field it is weaker in; sensitivity to wording, no free
trial, a withdrawn feature and errors that showed up."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of


def test_a_model_in_an_aside_is_not_the_subject() -> None:
    got = claims_of('Vidu (much like its rival Pika) offers an "Extend" feature.')
    assert {(c.kind, c.model) for c in got} == {("capability", "Vidu")}


def test_brackets_that_join_a_model_give_the_claim_to_both() -> None:
    got = claims_of("Veo 3.1 (and its cheaper sibling, Veo 3.1 Fast) now supports 1080p output.")
    assert {(c.kind, c.model) for c in got} == {("capability", "Veo 3.1"), ("capability", "Veo 3.1 Fast")}


def test_a_table_without_opening_pipes_is_read() -> None:
    text = (
        "Per-clip cost\n"
        "Model | Resolution | Price/Sec |\n"
        "---|---|---|\n"
        "kling-v2-1 | 1080p | $0.09 |\n"
        "veo-3-fast | 720p | $0.15 |\n"
    )
    assert prices_of(text) == [("Kling 2.1", None, 0.09, None, 1.0), ("Veo 3 Fast", None, 0.15, None, 1.0)]


def test_a_bracketed_model_in_a_caption_scopes_the_table_under_it() -> None:
    text = (
        "Kling is the cheapest of the lot.\n"
        "Premium Version (hailuo-02) Pricing\n"
        "| Resolution | Price/Second |\n"
        "|---|---|\n"
        "| Landscape 1920×1080 | $0.08 |\n"
    )
    assert prices_of(text) == [("Hailuo 02", None, 0.08, None, 1.0)]


def test_a_price_repeated_for_another_item_of_a_list_is_kept() -> None:
    text = (
        "Vidu Q1 - Text to Video\n"
        "- Gen Time: 40s\n"
        "- Cost: 20 credits\n"
        "Vidu Q1 - Image to Video\n"
        "- Gen Time: 55s\n"
        "- Cost: 20 credits\n"
    )
    assert [(m, c) for m, c, *_ in prices_of(text)] == [("Vidu Q1", 20.0), ("Vidu Q1", 20.0)]


def test_a_price_restated_with_nothing_between_is_one_claim() -> None:
    text = "Vidu Q1 costs 20 credits a clip. That is, Vidu Q1 costs 20 credits a clip."
    assert [(m, c) for m, c, *_ in prices_of(text)] == [("Vidu Q1", 20.0)]


def test_a_time_per_clip_of_a_length_is_a_generation_time() -> None:
    got = [c for c in claims_of("Wan 2.1 在3090上生成时间约12分钟/5秒片段。") if c.kind == "speed"]
    assert [(c.model, c.generation_s) for c in got] == [("Wan 2.1", 720.0)]


def test_caps_in_a_free_plans_table_are_limits() -> None:
    text = (
        "PixVerse has three plans.\nFree Plan\n| Feature | Details |\n|---|---|\n| Max resolution | 540p |\n"
    )
    got = [c for c in claims_of(text) if c.feature == "540p"]
    assert [(c.kind, c.model, c.quote) for c in got] == [("limitation", "PixVerse", "Max resolution | 540p")]


def test_caps_in_a_table_under_no_tier_stay_offers() -> None:
    text = "PixVerse V4\n| Feature | Details |\n|---|---|\n| Max resolution | 1080p |\n"
    assert "limitation" not in [c.kind for c in claims_of(text)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("When it comes to camera moves Pika fails quite a lot.", "bug"),
        ("Runway Gen-3 fails on wide shots with crowds.", "bug"),
        ("Luma Ray2 is weaker on long clips.", "bug"),
        ("Kling 1.6 shows physics violations on water.", "bug"),
        ("Vidu Q1 looked strange in the dance test.", "bug"),
        ("Vidu Q1 在细节方面出现了一些错误。", "bug"),
        ("Runway Gen-3 is more sensitive to prompt phrasing.", "limitation"),
        ("可灵对提示词非常敏感。", "limitation"),
        ("Sora 2 has no free trial.", "limitation"),
        ("可灵2.1 没有免费试用。", "limitation"),
        ("The free tier of Veo 3 was discontinued.", "limitation"),
        ("即梦的真人参考功能突然下架。", "limitation"),
        ("Veo 3 Fast 的分辨率锁定在720p。", "limitation"),
        ("Veo 3 Fast is locked at 720p.", "limitation"),
    ],
)
def test_flaws_and_limits_told_plainly(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Pika never fails quite a lot, in my experience.",
        "Runway Gen-3 rarely fails on the first try.",
        "Luma Ray2 is not weaker on long clips.",
    ],
)
def test_denied_or_first_try_failures_are_no_flaw(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "bug"] == []
