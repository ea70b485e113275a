"""Cases from session 37's reading of real pages: a kind of model is no model's name, slow generation
said as a noun, "30+ minutes", labelled lists run on with full stops, an enumeration after "with",
allowances and image prices, pros and cons leads of product reviews, quoted questions, a brand's
rival, controls that do not work, and Seedance 1.0 named as written."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of, scored


def _kinds(text: str, title: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text, title=title))]


def _of(kind: str, text: str) -> list[tuple[str | None, str]]:
    return [(m, q) for k, m, q in _kinds(text) if k == kind]


# ----- a kind of model, or a part of a run, names no model -------------------------------------------

_OVERVIEW = (
    "OpenAI Sora\n"
    "Approach: Diffusion-based model trained on a massive video dataset.\n"
    "Strengths: Highest quality output. Physics understanding. Cinema-quality results.\n"
    "Google Veo\n"
    "Approach: Diffusion-based model. Similar approach but optimized for speed.\n"
    "Strengths: Faster generation than Sora. Good photorealism.\n"
)


def test_a_diffusion_based_model_is_a_kind_not_a_name() -> None:
    models = {m for _, m, _ in _kinds(_OVERVIEW)}
    assert "Diffusion-based" not in models
    assert ("strength", "Sora", "Physics understanding") in _kinds(_OVERVIEW)
    assert ("strength", "Veo", "Good photorealism") in _kinds(_OVERVIEW)


def test_an_attention_kernel_with_a_version_is_no_model() -> None:
    text = (
        "Wan 2.2 renders a 5-second clip in about 60 seconds on an RTX 5090 using torch.compile and "
        "SageAttention2, down from 36 minutes."
    )
    assert {m for k, m, _ in _kinds(text) if k == "speed"} == {"Wan 2.2"}


# ----- slow generation as a noun, and "30+ minutes" -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sora has very slow generation.",
        "Sora suffers from sluggish rendering on busy days.",
    ],
)
def test_slow_generation_said_as_a_noun_is_a_limitation(text: str) -> None:
    assert {k for k, _, _ in _kinds(text)} == {"limitation"}


def test_slow_motion_stays_a_flaw() -> None:
    assert {k for k, _, _ in _kinds("Sora adds slow motion to every clip, which I never asked for.")} != {
        "limitation"
    }


def test_a_time_with_a_plus_is_at_least_that_long() -> None:
    claims = [c for c in claims_of("Sora takes 30+ minutes to generate a clip.") if c.kind == "speed"]
    assert len(claims) == 1
    assert claims[0].generation_s_min == 1800
    assert claims[0].generation_s is None
    assert claims[0].generation_s_max is None  # at least 30 minutes, no bound above


def test_a_count_with_a_plus_is_no_price() -> None:
    assert prices_of("Kling costs 100+ credits per clip on a busy day.") == []


# ----- lists after a label, run on with full stops --------------------------------------------------------


def test_limitations_run_on_with_full_stops_are_one_claim_each() -> None:
    text = (
        "OpenAI Sora\n"
        "Limitations: Limited availability (research preview only). Very slow generation (30+ minutes). "
        "No API access yet. High cost.\n"
    )
    quotes = [q for m, q in _of("limitation", text) if m == "Sora"]
    assert any(q.startswith("Limitations: Limited availability") and "Very slow" not in q for q in quotes)
    assert "No API access yet" in quotes
    assert any(q.startswith("Very slow generation") for q in quotes)


def test_strengths_run_on_with_full_stops_are_one_claim_each() -> None:
    text = "Pika 1.0\nStrengths: Excellent motion quality. Good photorealism. Reasonable generation speed.\n"
    assert [q for _, q in _of("strength", text)] == [
        "Strengths: Excellent motion quality",
        "Good photorealism",
        "Reasonable generation speed",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1\nPros: Great motion. Then I moved on to the next test.\n",
        "Kling 2.1\nPros: Great motion. I tested it for a whole week across forty prompts and it never "
        "failed me.\n",
    ],
)
def test_a_sentence_that_tells_is_no_item_of_the_list_before_it(text: str) -> None:
    assert [q for _, q in _of("strength", text)] == ["Pros: Great motion"]


def test_cons_run_on_with_full_stops_are_flaws() -> None:
    text = "Kling 2.1\nCons: Faces drift. Hands morph in fast scenes.\n"
    assert [q for _, q in _of("bug", text)] == ["Cons: Faces drift", "Hands morph in fast scenes"]


# ----- an enumeration after "with" ----------------------------------------------------------------


def test_an_enumeration_after_with_goes_on_over_its_commas() -> None:
    text = (
        "Veo 3 is served via Vertex, with native audio, 9:16 vertical for social, and image-to-video "
        "with first/last-frame control."
    )
    quotes = [q for _, q in _of("capability", text)]
    assert "with native audio" in quotes
    assert "9:16 vertical for social" in quotes
    assert any("image-to-video" in q for q in quotes)


# ----- what an allowance buys, what an image costs ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "可灵很好用。掐指一算，66灵感值大概能兑换6个免费视频（单个限5秒）。",
        "可灵很好用：66灵感值≈视频6个（且每次只能生成单个5秒视频）",
        "Kling: 100 credits = 5 videos.",
    ],
)
def test_an_allowance_said_to_buy_several_videos_is_no_price(text: str) -> None:
    assert prices_of(text) == []


def test_what_one_image_costs_is_no_price_of_a_video() -> None:
    assert prices_of("可灵一张图才消耗0.2灵感值，每个视频10灵感值。") == [("Kling", 10.0, None, None, None)]


def test_the_price_of_one_video_stays_a_price() -> None:
    assert prices_of("可灵每个视频消耗10灵感值，约等于1元。")[0][:2] == ("Kling", 10.0)


# ----- the leads of a product review's pros and cons --------------------------------------------------

_REVIEW = (
    "### HailuoAI (MiniMax)\n\n"
    "**What impressed us:**\n"
    "- Output quality punches above its weight class\n"
    "- Fast iteration speed\n\n"
    "**What didn't:**\n"
    "- API access is limited compared to competitors\n"
    "- The web UI can be laggy during peak hours\n"
    "- Some outputs have a slight smoothness that trained eyes can spot\n"
)


def test_what_impressed_us_lists_strengths() -> None:
    assert ("strength", "Hailuo", "Fast iteration speed") in _kinds(_REVIEW)


def test_a_con_of_the_product_is_a_limitation_and_a_con_of_the_clip_a_flaw() -> None:
    got = _kinds(_REVIEW)
    assert ("limitation", "Hailuo", "API access is limited compared to competitors") in got
    assert ("limitation", "Hailuo", "The web UI can be laggy during peak hours") in got
    assert ("bug", "Hailuo", "Some outputs have a slight smoothness that trained eyes can spot") in got


def test_a_question_quoted_inside_an_item_does_not_end_it() -> None:
    text = 'Runway Gen-3\nPros:\n- Professional-grade output that often passes the "is this AI?" test\n'
    assert _of("strength", text) == [
        ("Runway Gen-3 Alpha", 'Professional-grade output that often passes the "is this AI?" test')
    ]


# ----- a brand's rival is another model ---------------------------------------------------------------


def test_a_rival_of_a_brand_is_not_that_brand() -> None:
    text = (
        "英伟达投的Sora竞品推出了1.5代。\n\n据Luma创始成员介绍，此次升级主要围绕文生视频。\n\n"
        "看了下网友试玩，目前的效果雀食不错。"
    )
    models = {m for _, m, _ in _kinds(text)}
    assert "Sora" not in models
    assert models and all(m is not None and m.startswith("Luma") for m in models)


# ----- a control that has no effect ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 1.0 Lite is fine for drafts. Negative prompts in Lite don't work at all.",
        "可灵2.1的反向提示词完全不起作用。",
    ],
)
def test_a_control_that_does_not_work_is_a_limitation(text: str) -> None:
    assert {k for k, _, _ in _kinds(text)} == {"limitation"}


# ----- Seedance 1.0 as written ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Seedance 1.0 is currently outperforming Veo 3 on the leaderboard.", "Seedance 1.0"),
        ("Seedance 1.0 Pro gave me the cleanest motion of the bunch.", "Seedance 1.0 Pro"),
        ("Seedance 1.0 Lite gave me the cleanest motion of the bunch.", "Seedance 1.0 Lite"),
    ],
)
def test_seedance_1_0_is_named_as_written(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


# ----- outpacing a rival, and crossing the uncanny valley ----------------------------------------------


def test_outpacing_a_rival_is_the_subjects_strength() -> None:
    text = "Seedance 1.0 is highlighted by users for its performance, outpacing Veo 3 on the leaderboard."
    assert {(k, m) for k, m, _ in _kinds(text)} == {("strength", "Seedance 1.0")}


def test_outpacing_the_debuts_of_other_apps_is_business_not_quality() -> None:
    text = "Sora 2 saw 164,000 downloads in 48 hours, outpacing the debuts of other AI apps."
    assert [k for k, _, _ in _kinds(text) if k == "strength"] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pika 2.2 review: the uncanny valley has been crossed.", "strength"),
        ("Pika 2.2 still sits deep in the uncanny valley.", "bug"),
    ],
)
def test_the_uncanny_valley_crossed_is_praise(text: str, kind: str) -> None:
    assert {k for k, _, _ in _kinds(text)} == {kind}


# ----- guards found by a fresh reader ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kling 2.1\nCons: Occasional artifacts. Great value for money though.\n",
            {("bug", "Kling 2.1"), ("strength", "Kling 2.1")},
        ),
        (
            "Kling 2.1\nCons: Sometimes ignores prompts. Sora 2 follows them better.\n",
            {("bug", "Kling 2.1"), ("strength", "Sora 2")},
        ),
        (
            "可灵2.1\n缺点：偶尔手指变形。可灵2.1整体表现最好。\n",
            {("bug", "Kling 2.1"), ("strength", "Kling 2.1")},
        ),
        ("Kling 2.1\nPros: Cheap. Veo 3 costs far more.\n", {("strength", "Kling 2.1")}),
    ],
)
def test_prose_after_a_label_on_its_line_keeps_its_own_reading(text: str, expected: set) -> None:
    assert {(k, m) for k, m, _ in _kinds(text)} == expected


def test_a_label_inside_the_run_ends_the_list_before_it() -> None:
    text = "Kling 2.1\nWhat worked: Smooth motion. What didn't: Hands morph.\n"
    assert ("strength", "Kling 2.1", "What didn't: Hands morph") not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1\nLimitations: No 4K output. Hailuo 02 and Veo 3 both offer 1080p or better.\n",
        "Kling 2.1\nCaveats: Audio costs extra. Veo 3 includes audio by default.\n",
    ],
)
def test_a_limit_list_gives_no_limit_to_a_model_named_after_a_full_stop(text: str) -> None:
    assert {m for k, m, _ in _kinds(text) if k == "limitation"} == {"Kling 2.1"}


def test_a_limit_list_followed_by_advice_is_not_cut_into_items() -> None:
    text = "Kling 2.1\nLimitations: 720p only on Standard. Audio is an add-on. I still recommend it.\n"
    assert "I still recommend it." not in [q for _, q in _of("limitation", text)]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 fixes the slow generation times of the previous version.",
        "Veo 3 Fast avoids the slow render times that plague Veo 3.",
        "Kling 2.1: the slow rendering of water looked beautiful.",
    ],
)
def test_slow_generation_that_is_fixed_or_filmed_is_no_limitation(text: str) -> None:
    assert "limitation" not in {k for k, _, _ in _kinds(text)}


def test_a_chinese_answer_after_a_quoted_question_stays_its_own_sentence() -> None:
    text = "“可灵2.1能生成音频吗？”目前只有Veo 3支持原生音频。"
    assert ("capability", "Veo 3") in {(k, m) for k, m, _ in _kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 is fine. Many users assume negative prompts don't work, but in Kling 2.1 they do.",
        "有人说负面提示词无效，但在可灵2.1里实测是有效的。",
        "可灵2.1很好。参考图无效的情况很少见。",
    ],
)
def test_a_control_said_not_to_work_by_others_or_rarely_is_no_limitation(text: str) -> None:
    assert "limitation" not in {k for k, _, _ in _kinds(text)}


def test_a_restriction_after_an_enumeration_stays_a_limitation() -> None:
    text = "Kling 2.1 generates 1080p video with smooth motion, lip sync requires a paid plan."
    assert ("limitation", "Kling 2.1", "lip sync requires a paid plan") in _kinds(text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Veo 3: a 5-second clip costs $0.35 ≈ 3 videos per dollar.", 0.35),
        ("可灵图生视频：一张图 10积分，生成5秒视频。", 10.0),
    ],
)
def test_a_rate_or_an_image_to_video_price_stays_a_price(text: str, amount: float) -> None:
    assert [p[1] or p[2] for p in prices_of(text)] == [amount]


def test_a_flaw_in_the_clip_named_with_the_app_stays_a_flaw() -> None:
    text = "Kling 2.1\nCons:\n- Characters ignore the camera moves you set in the app\n"
    assert {k for k, _, _ in _kinds(text)} == {"bug"}
