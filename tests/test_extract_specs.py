"""Capabilities and limitations from specifications, and the general cues that replaced seed phrases.

Every example is written for the rule it tests (Simplified, Traditional and English).
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _specs(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (c.kind, c.model, c.feature)
        for c in scored(claims_of(text))
        if c.kind in ("capability", "limitation")
    ]


# ----- one claim per feature ------------------------------------------------
def test_a_list_of_features_is_one_claim_per_feature_each_quoting_the_clause() -> None:
    claims = [
        c for c in claims_of("海螺02这次更新后支持首尾帧、视频延长和多镜头。") if c.kind == "capability"
    ]
    assert [c.feature for c in claims] == ["首尾帧", "视频延长", "多镜头"]
    assert {c.model for c in claims} == {"Hailuo 02"}
    assert {c.quote for c in claims} == {"海螺02这次更新后支持首尾帧、视频延长和多镜头"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vidu Q1支持生成8秒、1080P、30帧的视频。",
            [("8秒", "capability"), ("1080P", "capability"), ("30帧", "capability")],
        ),
        ("可靈2.1支援 4K 輸出和原生音訊同步。", [("4K", "capability"), ("原生音訊同步", "capability")]),
        (
            "Veo 3 now generates vertical 9:16 clips at 60fps.",
            [("9:16", "capability"), ("60fps", "capability")],
        ),
        ("Pika 1.0 can only make 720p videos.", [("720p", "limitation")]),
        (
            "海螺02目前不支持自定义比例，只能输出16:9。",
            [("自定义比例", "limitation"), ("16:9", "limitation")],
        ),
        ("Runway Gen-4 doesn't offer lip sync yet.", [("lip sync", "limitation")]),
    ],
)
def test_items_and_their_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f, k) for k, _, f in _specs(text)] == expected


def test_clip_lengths_are_specifications_and_caps_after_them_are_limits() -> None:
    assert _specs("Vidu Q1单次支持 12 秒直出。") == [("capability", "Vidu Q1", "12 秒")]
    assert _specs("Luma's 9-second cap makes long shots hard.") == [("limitation", "Luma", "9-second")]
    assert _specs("Pika 1.0 clips are only four seconds long.") == [
        ("limitation", "Pika 1.0", "four seconds")
    ]


def test_a_labelled_spec_line_and_a_spec_row_quote_the_whole_line() -> None:
    claims = [c for c in claims_of("清影新版参数：\n- 画质：4K，60帧\n") if c.kind == "capability"]
    assert [c.feature for c in claims] == ["4K", "60帧"] and {c.quote for c in claims} == {"画质：4K，60帧"}
    row = [c for c in claims_of("对比如下。\n\n海螺02 1080p 24fps 6秒 MP4\n") if c.kind == "capability"]
    assert [c.feature for c in row] == ["1080p", "24fps"] and row[0].quote == "海螺02 1080p 24fps 6秒 MP4"


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1的1080P视频，一条要35灵感值。",  # what a price buys
        "海螺02生成一条10秒1080P视频耗时约3分钟。",  # what was timed
        "可灵2.1给我生成了一个4:3的视频，挺好玩。",  # what one test made
        "海螺02把那张风景图生成了动图。",  # 图生 inside 图生成
        "相较于以前的720p，Veo 3好多了。",  # the other side of a comparison
        "海螺02只需30秒就能出片。",  # 只需 is no limit
    ],
)
def test_specs_that_are_not_claims(text: str) -> None:
    assert _specs(text) == []


def test_an_item_that_conditions_a_limit_is_not_a_capability() -> None:
    assert _specs("Vidu Q1的开源版本只支持文生视频。") == [("limitation", "Vidu Q1", "文生视频")]


# ----- general cues in place of phrases found only in a seed -------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("海螺02的画面又上了一个台阶。", "strength"),
        ("海螺02准确地还原了原图的光影。", "strength"),
        ("海螺02里的人物悬浮在空中走路。", "bug"),
        ("海螺02让她转身，转了个寂寞。", "bug"),
        ("海螺02里猫的步态透着一股怪异。", "bug"),
        ("海螺02标准版只支持5秒，大师版没有这个限制。", "capability"),
    ],
)
def test_general_cues(text: str, kind: str) -> None:
    assert kind in {c.kind for c in scored(claims_of(text))}


def test_a_model_named_right_before_an_item_owns_it_even_when_compared() -> None:
    text = "Kling 2.1 review.\n\nKling 2.1 runs longer than Runway Gen-4 (20s max) or Sora 2's 25-second cap."
    claims = scored(claims_of(text))
    assert {(c.kind, c.model) for c in claims if c.kind == "limitation"} == {
        ("limitation", "Runway Gen-4"),
        ("limitation", "Sora 2"),
    }


def test_cannot_go_beyond_a_length_is_a_limit() -> None:
    assert _specs("Pika 1.0 doesn’t go beyond 4 seconds in one clip.") == [
        ("limitation", "Pika 1.0", "4 seconds")
    ]


def test_an_owned_item_quotes_its_owner_and_survives_the_comparison() -> None:
    text = (
        "Kling 2.1 review.\n\nTip: Kling 2.1 clips run longer than Luma's 9-second cap and Pika 1.0 (4s max)."
    )
    got = {(c.model, c.quote) for c in scored(claims_of(text)) if c.kind == "limitation"}
    assert {m for m, _ in got} == {"Luma", "Pika 1.0"}
    assert any("Pika 1.0 (4s max)" in q for _, q in got)


@pytest.mark.parametrize(
    "text",
    [
        "Wan 2.2 引入了混合专家架构与全新的训练框架。",  # how it is built
        "Vidu Q2 能够同时服务于广告和教育领域。",  # whom it serves
        "Veo 3 is built on a new diffusion architecture and a larger training dataset.",
    ],
)
def test_an_enumeration_of_how_a_model_is_built_offers_no_feature(text: str) -> None:
    assert _specs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 has the best lip sync we have tested.",  # a verdict on the feature
        "Kling 2.1 is #1 on the arena for image-to-video.",  # a rank
        "海螺02 两个小时就能生成10秒视频。",  # the clip a long wait made
    ],
)
def test_a_superlative_a_rank_or_a_timed_clip_is_no_capability(text: str) -> None:
    assert [k for k, _, _ in _specs(text) if k == "capability"] == []


def test_a_length_in_length_and_a_limit_label_over_an_item() -> None:
    assert ("capability", "Veo 3", "8 seconds") in _specs("Veo 3 generates clips 8 seconds in length.")
    found = _specs("Veo 3 not ideal for: 4K masters, long single takes")
    assert {k for k, _, _ in found} == {"limitation"}


@pytest.mark.parametrize(
    ("text", "features"),
    [
        ("Vidu Q2大部分镜头可以直接用。", []),
        ("Vidu Q2支持智能分镜。", ["智能分镜"]),
        ("Vidu Q2可以分镜。", ["分镜"]),
    ],
)
def test_a_feature_word_starting_inside_another_word_is_none(text: str, features: list[str]) -> None:
    assert [f for k, _m, f in _specs(text) if k == "capability"] == features


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Pika 2.2 accepts a start frame and an end frame.",
            [("capability", "start frame"), ("capability", "end frame")],
        ),
        ("Pika 2.2 has no end-frame option yet.", [("limitation", "end-frame")]),
        ("Pika 2.2 doesn't support end frames.", [("limitation", "end frames")]),
    ],
)
def test_start_and_end_frames(text: str, want: list[tuple[str, str]]) -> None:
    assert [(k, f) for k, _m, f in _specs(text)] == want


def test_a_daily_quota_in_traditional_script_is_a_limitation() -> None:
    text = "可靈2.1很穩。不過免費帳號每天只能生成兩支影片。"
    assert ("limitation", "Kling 2.1") in {(c.kind, c.model) for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Pika 2.2 is now available in the app for Plus subscribers.", []),
        ("Pika 2.2 is available in 720p and 1080p.", [("capability", "720p"), ("capability", "1080p")]),
        (
            "Luma Ray3 brings HDR output and a draft mode.",
            [("capability", "hdr output"), ("capability", "draft mode")],
        ),
    ],
)
def test_what_a_release_brings_and_where_it_is_available(text: str, want: list[tuple[str, str]]) -> None:
    assert [(k, (f or "").lower()) for k, _m, f in _specs(text)] == want


def test_a_length_a_tier_can_go_up_to_is_a_capability() -> None:
    claims = [
        c
        for c in scored(claims_of("With Vidu Q2, paying users can go up to 16 seconds."))
        if c.kind == "capability"
    ]
    assert [c.model for c in claims] == ["Vidu Q2"]


def test_capping_clips_at_a_length_is_a_limitation() -> None:
    assert ("limitation", "Pika 2.2") in {
        (k, m) for k, m, _f in _specs("Both Pika 2.2 plans cap clips at 10 seconds.")
    }


def test_a_feature_not_offered_is_a_limitation() -> None:
    assert ("limitation", "Pika 2.2") in {
        (k, m) for k, m, _f in _specs("Lip sync is not offered at all in Pika 2.2.")
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("三家里只有可灵2.1支持首尾帧。", "capability"),
        ("Only Veo 3.1 supports native audio.", "capability"),
        ("可灵2.1只支持首尾帧。", "limitation"),
    ],
)
def test_only_before_a_model_is_exclusive_not_a_limit(text: str, kind: str) -> None:
    assert {k for k, _m, _f in _specs(text)} == {kind}


def test_neither_of_two_models_offering_a_feature_is_a_limit_of_both() -> None:
    claims = scored(claims_of("Neither Veo 3 nor Sora 2 supports audio."))
    assert {(c.kind, c.model) for c in claims} == {("limitation", "Veo 3"), ("limitation", "Sora 2")}


def test_only_one_model_offering_a_feature_is_still_its_capability() -> None:
    claims = scored(claims_of("Only Veo 3 supports audio."))
    assert ("capability", "Veo 3") in {(c.kind, c.model) for c in claims}


def test_a_list_of_plans_or_tiers_is_no_list_of_features() -> None:
    assert scored(claims_of("Vidu offers four tiers: Free, Standard, Pro, and Enterprise.")) == []
    modes = claims_of("Vidu offers three modes: text-to-video, image-to-video and reference-to-video.")
    assert len([c for c in scored(modes) if c.kind == "capability"]) == 3


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            "Veo 3 maxes out at eight seconds. Compare that to MidJourney, which now lets you feed it both a"
            " start and end image.",
            "Midjourney",
        ),
        (
            "Veo 3 is slow. Unlike Kling 2.1, which supports first and last frames, Veo 3 only takes a start"
            " image.",
            "Kling 2.1",
        ),
    ],
)
def test_a_relative_clause_is_about_the_model_it_hangs_on(text: str, model: str) -> None:
    caps = [c for c in scored(claims_of(text)) if c.kind == "capability"]
    assert caps and {c.model for c in caps} == {model}


def test_a_feature_named_with_its_flaw_is_the_flaw_not_a_capability() -> None:
    kinds = {
        c.kind for c in scored(claims_of("Maybe 25% of the time I used it, Veo 3 added gibberish captions."))
    }
    assert kinds == {"bug"}
    kept = scored(claims_of("Veo 3 supports captions, but they are often gibberish."))
    assert ("capability", "captions") in {(c.kind, c.feature) for c in kept}


def test_a_clause_going_on_with_a_preposition_keeps_the_grant_before_it() -> None:
    got = _specs("Runway Gen-4 generates 10-second videos, at 24 frames per second, in 1080p.")
    assert [f for _, _, f in got] == ["10-second", "24 frames per second", "1080p"]
    assert {k for k, _, _ in got} == {"capability"}
    # a verdict after a comma is no feature granted
    assert _specs("Runway Gen-4 is slow, at 24 fps it is choppy.") == []


@pytest.mark.parametrize(
    "text",
    [
        "第一回合：人物对话与口型同步\n\nWan 2.6 表现很好。",
        "Round 1: Image to video\n\nWan 2.6 did well.",
        "## Test 2 — native audio\n\nWan 2.6 did well.",
    ],
)
def test_the_topic_of_a_test_round_is_no_capability(text: str) -> None:
    assert [c.kind for c in scored(claims_of(text))] == ["strength"]


def test_a_parenthesis_after_a_grant_lists_what_it_grants() -> None:
    got = _specs("Runway Gen-4 generates videos (16:9, 9:16, 1:1).")
    assert got == [("capability", "Runway Gen-4", f) for f in ("16:9", "9:16", "1:1")]


@pytest.mark.parametrize(
    "text",
    [
        "混元视频模型最小显存要45G，很难在本地部署。",
        "混元目前只能限次数使用。",
        "可灵2.1每天只能生成3次。",
        "混元视频新用户仅有三次体验机会。",
        "Veo 3 gives a limited number of generations per day.",
    ],
)
def test_hardware_needs_and_quotas_are_limitations(text: str) -> None:
    assert [c.kind for c in scored(claims_of(text))] == ["limitation"]


@pytest.mark.parametrize(
    "text",
    [
        "With Veo 3, what makes this drop interesting isn't just the 9:16 aspect ratio support.",
        "Veo 3 not only supports 9:16 but also landscape.",
    ],
)
def test_not_just_and_not_only_are_no_limits(text: str) -> None:
    assert [k for k, _, _ in _specs(text)] == ["capability"]
