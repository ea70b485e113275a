"""A fix word's scope over an "or" list; verdict verbs and linking verbs before an English quality
word; "handles X well"; a spaced dash ends a clause; a model's type noun grants a feature only after
a copula; a per-day or per-month generation quota is a limit."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def test_no_flaw_or_flaw_is_praise_not_a_flaw() -> None:
    got = claims_of(
        "Hailuo 2.3 review.\n\nEnvironments stay put, no rubber-banding limbs or morphing backgrounds."
    )
    assert [c.kind for c in got] == ["strength"]


def test_a_flaw_after_or_without_a_fix_word_stays_a_flaw() -> None:
    got = claims_of("Veo 3 test.\n\nThere was no audio, or the clips had flicker.")
    assert ("bug", "or the clips had flicker") in [(c.kind, c.quote) for c in got]


@pytest.mark.parametrize(
    "sentence",
    [
        "I found the results impressive.",
        "I’d call the results impressive.",
        "The lighting seemed realistic.",
        "Motion stays smooth.",
    ],
)
def test_a_quality_word_after_a_verdict_or_linking_verb_is_praise(sentence: str) -> None:
    got = claims_of(f"Veo 3 test.\n\n{sentence}")
    assert [(c.kind, c.model, c.quote) for c in got] == [("strength", "Veo 3", sentence.rstrip("."))]


def test_a_verdict_verb_with_no_object_before_the_word_governs_nothing() -> None:
    assert claims_of("Veo 3 test.\n\nWe found that impressive demos sell subscriptions.") == []


def test_found_the_faces_blurry_is_a_flaw() -> None:
    got = claims_of("Veo 3 test.\n\nWe found the faces blurry in most runs.")
    assert [(c.kind, c.model) for c in got] == [("bug", "Veo 3")]


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("It handles complex visuals better.", "It handles complex visuals better"),
        ("Luma Ray3 understands prompts well.", "Luma Ray3 understands prompts well"),
    ],
)
def test_handled_well_is_praise(sentence: str, quote: str) -> None:
    got = claims_of(f"Luma Ray3 notes.\n\n{sentence}")
    assert [(c.kind, c.quote) for c in got] == [("strength", quote)]


def test_handled_better_than_stays_a_comparison() -> None:
    got = claims_of("Luma Ray3 notes.\n\nLuma Ray3 handles physics better than Pika.")
    assert [(c.kind, c.model) for c in got] == [("strength", "Luma Ray3")]


def test_a_spaced_dash_ends_a_clause() -> None:
    text = (
        "Sora test.\n\n"
        "Sora understands spatial coherence well — creating consistent frames — "
        "but it lacks temporal coherence."
    )
    got = [(c.kind, c.quote) for c in claims_of(text)]
    assert got == [
        ("strength", "Sora understands spatial coherence well — creating consistent frames"),
        ("bug", "but it lacks temporal coherence"),
    ]


def test_a_hyphenated_word_is_no_dash() -> None:
    got = claims_of("Kling 2.1 test.\n\nThe motion is smooth-ish and well-lit in every clip.")
    assert [c.quote for c in got] == ["The motion is smooth-ish and well-lit in every clip"]


@pytest.mark.parametrize(
    "text",
    [
        "文生视频模型Sora正式发布。",
        "记者将同样的提示词输入Pika文生视频模型进行了实测。",
        "Wan 2.1, the latest text-to-video model from Alibaba Cloud, was tested on one GPU.",
    ],
)
def test_a_type_noun_naming_the_model_grants_nothing(text: str) -> None:
    assert [c for c in claims_of(text) if c.kind == "capability"] == []


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Veo 3.1 is Google's flagship text-to-video model.", "Veo 3.1"),
        ("可灵2.1是一款图生视频模型。", "Kling 2.1"),
    ],
)
def test_is_a_type_noun_grants_the_feature(text: str, model: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text)] == [("capability", model)]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Veo 3 in Gemini.\n\n- Daily Quota: AI Pro users get 3 videos/day.",
            "Daily Quota: AI Pro users get 3 videos/day",
        ),
        ("Sora 方案\n\n- 每月可生成 最多 50 部影片。", "每月可生成 最多 50 部影片"),
        ("Sora 方案\n\n- 每月最多生成 **50个视频**", "每月最多生成 **50个视频"),
        ("Sora 2 近況\n\n原先每日可免費生成 30 條影片。", "原先每日可免費生成 30 條影片"),
    ],
)
def test_a_generation_quota_per_day_or_month_is_a_limit(text: str, quote: str) -> None:
    assert [(c.kind, c.quote) for c in claims_of(text)] == [("limitation", quote)]


def test_a_generation_rate_per_day_without_a_quota_is_none() -> None:
    assert [
        c
        for c in claims_of("Kling 2.1 test.\n\nWe rendered 40 clips over two days.")
        if c.kind == "limitation"
    ] == []
