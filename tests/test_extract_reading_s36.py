"""Cases from session 36's reading of real pages: models named as their makers sell them (CogVideoX,
LTX Studio, Vidu Q3 Turbo), slow generation as a limit, flaws said to be over, the yardstick of 跟X同,
a free plan's maximum, an absent output, a lead of weaknesses in prose, and "the only model that"."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str, title: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text, title=title))]


def _of(kind: str, text: str, title: str | None = None) -> list[tuple[str | None, str]]:
    return [(m, q) for k, m, q in _kinds(text, title) if k == kind]


# ----- names as the makers sell them ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("CogVideoX-5B 在 RTX 4090 上生成一段视频大约需要 45 秒，效果很稳定。", "CogVideoX"),
        ("The open CogVideoX-2b model renders 6-second clips with stable motion.", "CogVideoX"),
        ("智谱清影的画面很稳定。", "Qingying"),
        ("LTX Studio 的分镜功能很好用，还能加音效。", "LTX Studio"),
        ("LTX-2 renders 4K clips with synchronized audio, and the motion is smooth.", "LTX 2"),
    ],
)
def test_open_weights_and_apps_are_named_apart_from_the_product_or_model(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Vidu Q3 Turbo supports 1080p output and native audio.", "Vidu Q3 Turbo"),
        ("Vidu Q2 Pro supports 1080p output.", "Vidu Q2 Pro"),
        ("Vidu Q3 supports 1080p output.", "Vidu Q3"),
        ("The viduq3-turbo model supports 1080p output.", "Vidu Q3 Turbo"),
    ],
)
def test_vidu_pro_and_turbo_are_models_of_their_own(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


# ----- slow generation is a limit; slow motion stays a flaw ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Luma Ray3的缺点是生成慢。",
        "Wan 2.1 subjectively feels unbearably slow for rapidly iterating on videos.",
        "With Wan 2.2 the setup is slow, fragile, and it locks your machine for the whole render.",
    ],
)
def test_slow_generation_is_a_limitation_not_a_bug(text: str) -> None:
    kinds = {k for k, _, _ in _kinds(text)}
    assert "limitation" in kinds
    assert "bug" not in kinds


@pytest.mark.parametrize(
    "text", ["可灵1.6生成慢动作的概率会有点大。", "In Sora 2 the movements were slow, lacking high action."]
)
def test_slow_motion_in_the_clip_is_still_a_bug(text: str) -> None:
    assert "bug" in {k for k, _, _ in _kinds(text)}


# ----- flaws said to be over ----------------------------------------------------------------------


def test_a_flaw_negated_and_ending_on_anymore_is_no_bug() -> None:
    text = "Sora 2 moves like real life: the animations aren't all stiff and uncanny anymore."
    kinds = {k for k, _, _ in _kinds(text)}
    assert "bug" not in kinds
    assert "strength" in kinds


def test_a_flaw_said_to_be_largely_gone_is_a_strength() -> None:
    text = 'With Kling 2.0 the "uncanny wobble" that plagued v1 is largely gone.'
    assert [k for k, _, _ in _kinds(text)] == ["strength"]


def test_anymore_before_the_flaw_negates_nothing_after_it() -> None:
    text = "I won't use Kling 2.1 anymore: the faces morph in every clip."
    assert "bug" in {k for k, _, _ in _kinds(text)}


# ----- the side compared by 跟X同 --------------------------------------------------------------------


def test_the_model_an_architecture_is_shared_with_is_a_yardstick() -> None:
    text = "这里我们用的都是快手可灵，因为他是国内唯一一个跟Sora同架构的DiT模型，效果最好，对亚洲人识别奇佳。"
    assert {m for k, m, _ in _kinds(text) if k == "strength"} == {"Kling"}


# ----- how cheap, not a limit ---------------------------------------------------------------------


def test_only_a_share_of_the_cost_is_no_limit_on_the_features_after_it() -> None:
    text = "其中 Veo 3 Fast 模式以仅 20% 的成本提供快速视频生成。"
    assert "limitation" not in {k for k, _, _ in _kinds(text)}


def test_only_before_a_feature_is_still_a_limit() -> None:
    assert _of("limitation", "Veo 3 Fast 仅支持720p。") == [("Veo 3 Fast", "Veo 3 Fast 仅支持720p")]


# ----- a free plan's maximum ---------------------------------------------------------------------


def test_the_maximum_of_a_free_plan_is_its_limit_quoted_with_its_label() -> None:
    text = (
        "Vidu 2.0 can generate videos up to 32 seconds.\n"
        "However, maximum duration varies by plan:\n"
        "- Free plan: Up to 8 seconds\n"
        "- Standard plan: Up to 16 seconds\n"
    )
    assert ("Vidu 2.0", "Free plan: Up to 8 seconds") in _of("limitation", text)
    assert ("Vidu 2.0", "Up to 16 seconds") in _of("capability", text)
    assert ("Vidu 2.0", "Vidu 2.0 can generate videos up to 32 seconds") in _of("capability", text)


# ----- an output that is not available -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vidu 2.0: 4K output is not currently available but has been mentioned in the roadmap.",
        "On Vidu 2.0 lip sync is not supported.",
    ],
)
def test_an_item_said_unavailable_is_a_limitation(text: str) -> None:
    assert [k for k, _, _ in _kinds(text)] == ["limitation"]


# ----- ahead of the whole market ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vidu 2.0 offers the longest single-generation duration available on any mainstream platform.",
        "可灵2.1是目前市面上生成时长最长的模型。",
    ],
)
def test_a_measure_ahead_of_the_whole_market_is_a_strength(text: str) -> None:
    assert "strength" in {k for k, _, _ in _kinds(text)}


def test_a_longest_clip_without_the_market_is_no_strength() -> None:
    assert "strength" not in {k for k, _, _ in _kinds("On Kling 2.1 the longest clip I made was 10 seconds.")}


# ----- a lead of weaknesses --------------------------------------------------------------------------


def test_praise_words_under_a_weaknesses_label_name_what_is_lacking() -> None:
    text = (
        "Wan 2.1 review.\n\nWeaknesses:\n- fine details such as hands\n"
        "- consistent lighting across a clip\n- precise prompt adherence\n"
    )
    assert {k for k, _, _ in _kinds(text)} == {"bug"}


def test_praise_words_after_a_weaknesses_lead_in_prose_name_what_is_lacking() -> None:
    text = (
        "Wan 2.1 is solid.\nWeaknesses show up in specific areas: fine details, consistent lighting "
        "across a clip, and anything requiring precise prompt adherence.\n"
    )
    kinds = [(k, q) for k, _, q in _kinds(text)]
    assert ("strength", "Wan 2.1 is solid") in kinds
    assert [k for k, q in kinds if "adherence" in q] == ["bug"]


def test_a_weaknesses_lead_going_on_with_prose_adds_no_claim_per_clause() -> None:
    text = (
        "即梦 2.0 的画面很稳。\n"
        "缺点也有：在多人物的场景里，偶尔会出现换脸，前一个镜头是A，后一个镜头脸就变成了B。\n"
    )
    bugs = _of("bug", text)
    assert len(bugs) == 1
    assert "换脸" in bugs[0][1]


def test_a_clause_turning_on_but_under_weaknesses_keeps_its_praise() -> None:
    text = "Kling 2.1 review.\n\nWeaknesses:\n- expensive, but the motion is smooth\n"
    assert "strength" in {k for k, _, _ in _kinds(text)}


# ----- the only model that ------------------------------------------------------------------------


def test_the_only_model_that_ships_a_feature_has_it() -> None:
    text = "LTX-2.3 is the only True Model that ships open weights with synchronized 4K video plus audio."
    kinds = {k for k, _, _ in _kinds(text)}
    assert "capability" in kinds
    assert "limitation" not in kinds


def test_only_before_a_feature_without_the_only_model_is_a_limit() -> None:
    assert _of("limitation", "Kling 2.1 only supports 1080p.") == [
        ("Kling 2.1", "Kling 2.1 only supports 1080p")
    ]


def test_a_free_plan_named_earlier_in_the_paragraph_does_not_cap_a_paid_maximum() -> None:
    text = (
        "Kling pricing.\n"
        "Free users get 5-10 seconds per generation. Paid subscribers can generate videos up to 2 minutes.\n"
    )
    assert ("Kling", "Paid subscribers can generate videos up to 2 minutes") in _of("capability", text)
    assert not [q for _, q in _of("limitation", text) if "2 minutes" in q]


def test_the_resolution_maximum_of_a_free_plan_line_is_its_limit() -> None:
    text = "Vidu 2.0 plans:\n- Free plan: Up to 1080p\n- Pro plan: Up to 4K\n"
    assert ("Vidu 2.0", "Free plan: Up to 1080p") in _of("limitation", text)
    assert ("Vidu 2.0", "Pro plan: Up to 4K") in _of("capability", text)


# ----- guards from a fresh reader's review of the first draft -------------------------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Vidu 2.0 Pro版画质很好。", "Vidu 2.0"),
        ("Vidu Q2 Pro plan subscribers get 1080p output.", "Vidu Q2"),
        ("Vidu Q3 Pro会员的画面很惊艳。", "Vidu Q3"),
    ],
)
def test_an_edition_word_names_a_vidu_model_only_where_one_is_sold(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


@pytest.mark.parametrize("text", ["即梦3.0生成慢镜效果很好。", "可灵2.1生成慢节奏的空镜非常有质感。"])
def test_a_slow_shot_asked_for_is_no_slow_generation(text: str) -> None:
    assert "limitation" not in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 has the highest price on the market right now.",
        "Hailuo 02 has the longest wait times of any generator I tested.",
        "可灵2.1是市面上价格最高的视频模型之一。",
    ],
)
def test_the_market_superlative_of_a_cost_or_a_wait_is_no_strength(text: str) -> None:
    assert "strength" not in {k for k, _, _ in _kinds(text)}


def test_anymore_after_a_negated_verb_of_the_writer_makes_no_fix() -> None:
    kinds = {k for k, _, _ in _kinds("After a week with Kling 2.1, I can't ignore the flicker anymore.")}
    assert "strength" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 review.\nDrawbacks aside, here's what I loved: smooth motion, stable faces.\n",
        "Kling 2.1 review.\nWeaknesses: none worth mentioning, the motion is smooth, the faces stable.\n",
    ],
)
def test_a_lead_setting_faults_aside_or_naming_none_keeps_the_praise(text: str) -> None:
    kinds = _kinds(text)
    assert "strength" in {k for k, _, _ in kinds}
    assert not [q for k, _, q in kinds if k == "bug" and "smooth" in q]


def test_a_line_naming_the_free_plan_beside_another_is_no_free_label() -> None:
    text = "Vidu 2.0 plans:\n- Free plan vs Pro: Pro renders up to 20 seconds\n"
    assert "limitation" not in {k for k, _, _ in _kinds(text)}


def test_what_no_other_offer_has_is_no_limitation() -> None:
    text = "With Veo 3, native audio in 1080p is not available anywhere else at this price."
    assert "limitation" not in {k for k, _, _ in _kinds(text)}


# ----- v187: a name glossing the one before it; a weaknesses label naming none ---------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("新清影（CogVideoX）的画面很稳定，运动很自然。", "Qingying"),
        ("Wan 2.1 (通义万相) 的画面很稳定。", "Wan 2.1"),
        ("Kling 2.1 (vs Veo 3) looks stunning.", "Kling 2.1"),
    ],
)
def test_a_name_alone_in_brackets_after_another_glosses_it(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


def test_a_weaknesses_label_naming_none_lists_no_fault() -> None:
    text = "Kling 2.1 review.\nWeaknesses: none worth mentioning, the motion is smooth, the faces stable.\n"
    kinds = {k for k, _, _ in _kinds(text)}
    assert "strength" in kinds
    assert "bug" not in kinds


# ----- v188: the model a product runs on; a Chinese cons label naming none -------------------------


def test_the_model_a_product_runs_on_leaves_the_verdict_to_the_product() -> None:
    assert {m for _, m, _ in _kinds("新清影底层用的是 CogVideoX 1.5，画质明显提升了。")} == {"Qingying"}


def test_the_model_powering_an_unregistered_product_still_takes_its_verdict() -> None:
    assert {m for _, m, _ in _kinds("Google Flow is powered by Veo 3, and the motion is smooth.")} == {
        "Veo 3"
    }


def test_a_chinese_cons_label_naming_none_gives_no_bug() -> None:
    kinds = {k for k, _, _ in _kinds("Kling 2.1 review.\n缺点：没有，画面很稳定。\n")}
    assert kinds == {"strength"}
