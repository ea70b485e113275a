"""Scopes of attribution: label lines over values, letter versions in scope, coordinated owners,
versions as the text spells them, and models the registry learnt from API ids."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, prices_of, scored


def _priced(text: str, *fields: str) -> set[tuple[object, ...]]:
    """(model, *fields) of every price claim of ``text``."""
    return {(c.model, *(getattr(c, f) for f in fields)) for c in claims_of(text) if c.kind == "price"}


def _about(text: str, kind: str | None = None) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text)) if kind in (None, c.kind)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a column header over rows of values is no heading: the model heading above still scopes them
        (
            "Kling 2.6 and O1 rates\n\nKling O1 (fixed length)\n\nLength Price Per second\n"
            "5 sec $0.50 $0.10/sec\n10 sec $1.00 $0.10/sec\n",
            {
                ("Kling O1", None, 0.5, None, 5.0),
                ("Kling O1", None, 1.0, None, 10.0),
                ("Kling O1", None, 0.1, None, 1.0),
            },
        ),
        # a field label (Video) over an amount, in a catalogue listing two versions of one brand
        (
            "Hailuo 2.3 and 02 endpoints\n\nMiniMax Hailuo 2.3 Pro I2V\n\nAn endpoint for image-to-video.\n\n"
            "Video\n$0.50/request\n\nMiniMax Hailuo 02 Standard I2V\n\nAn endpoint for image-to-video.\n\n"
            "Video\n$0.20/request\n",
            {("Hailuo 2.3", None, 0.5, None, None), ("Hailuo 02", None, 0.2, None, None)},
        ),
    ],
)
def test_a_label_over_values_keeps_the_heading_that_scopes_them(text: str, want: set[tuple]) -> None:
    assert set(prices_of(text)) == want


def test_a_heading_naming_no_model_still_returns_to_the_document_model() -> None:
    text = (
        "## 可灵2.1\n\n生成很快，30秒就好。\n\n## 海螺02\n\n等了3分钟。\n\n"
        "## 小结\n\n整体很快，1分钟就出来了。"
    )
    speeds = [(c.model, c.generation_s) for c in claims_of(text, title="可灵2.1实测") if c.kind == "speed"]
    assert speeds[-1][0] == "Kling 2.1"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Kling O3 and Kling 2.6 rates.\n\nAt 1080p: O3 = $0.20/sec, 2.6 = $0.25/sec.",
            {"Kling O3", "Kling 2.6"},
        ),
        ("Vidu Q2 测评。\n\n换成 Q2 之后，价格是 0.3元/秒。", {"Vidu Q2"}),
    ],
)
def test_a_letter_version_alone_names_a_model_the_text_named_in_full(text: str, want: set[str]) -> None:
    assert {m for _, m in _about(text, "price")} == want


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.6 发布会在 2025年Q2 举行，价格是 0.3元/秒。",  # a quarter, not a version
        "Kling 2.6 rates: o3 = $0.20/sec.",  # never named in full: nobody's O3
    ],
)
def test_a_letter_version_never_named_in_full_or_a_quarter_names_nothing(text: str) -> None:
    assert "Kling O3" not in {m for _, m in _about(text)} and "Kling Q2" not in {m for _, m in _about(text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("阿里的 Wan 2.5 和腾讯的混元都做到了画面很稳定。", {"Wan 2.5", "Hunyuan"}),
        ("Google's Veo 3 and OpenAI's Sora 2 both move smoothly.", {"Veo 3", "Sora 2"}),
        ("Veo 3 and Sora 2 both move smoothly.", {"Veo 3", "Sora 2"}),
    ],
)
def test_coordinated_models_with_their_owners_share_the_verdict(text: str, want: set[str]) -> None:
    assert {m for _, m in _about(text, "strength")} == want


def test_a_bare_brand_takes_the_version_as_the_text_spells_it() -> None:
    text = "Pika 1.0 上线时画面很自然。\n\nPika非常好上手。"
    assert {m for _, m in _about(text)} == {"Pika 1.0"}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("gen4_aleph costs 15 credits per second.", "Runway Aleph"),
        ("Aleph 2.0 costs $0.15 per second.", "Runway Aleph 2"),
        ("act_two costs $0.05 per second.", "Runway Act-Two"),
        ("kling-video-o1 costs $0.10 per second.", "Kling O1"),
        ("kling-v3-omni costs $0.10 per second.", "Kling 3.0 Omni"),
        ("viduq2-pro costs $0.10 per second.", "Vidu Q2 Pro"),
    ],
)
def test_api_ids_of_newer_models_resolve_through_the_registry(text: str, model: str) -> None:
    assert [p[0] for p in prices_of(text)] == [model]


def test_an_amount_of_money_is_never_a_bare_version() -> None:
    text = "Kling 2.6 rates\n\nLength Price\n5 sec $1.50\n10 sec ¥2.10\n"
    assert {p[0] for p in prices_of(text)} == {"Kling 2.6"}


def _items(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.model, c.feature) for c in claims_of(text) if c.kind in ("capability", "limitation")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # labelled list lines of a spec sheet, a label naming a maximum makes a cap, a value fixed
        # at one setting is a limit
        (
            "Vidu Q2 specs\n- Output resolution: fixed at 720p\n- Maximum video length per task: 8 seconds\n"
            "- Duration options: 4 s or 8 s\n",
            [
                ("limitation", "Vidu Q2", "720p"),
                ("limitation", "Vidu Q2", "8 seconds"),
                ("capability", "Vidu Q2", "4 s"),
                ("capability", "Vidu Q2", "8 s"),
            ],
        ),
        # a heading naming a model and its mode, and a length in parentheses on it
        (
            "Pika 2.2 Image-to-Video (2–8 sec)\n\nIt animates a still.",
            [("capability", "Pika 2.2", "Image-to-Video"), ("capability", "Pika 2.2", "2–8 sec")],
        ),
        # a bare brand and a feature word is a product's name, no capability
        ("Pika Sound\n\nA sound effects tool.", []),
    ],
)
def test_spec_sheet_lines_and_headings(text: str, want: list[tuple[str, str, str]]) -> None:
    assert _items(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # examples after a header (参数设置（如…等）): one item each; 清晰度 is an aspect, not an opinion
        ("海螺02的参数设置(如画质、清晰度、时长等)都能调。", ["画质", "清晰度", "时长"]),
        # an ability to adjust, then a list
        ("即梦3.0的用户可以调整镜头类型、运动幅度、画面比例。", ["镜头类型", "运动幅度", "画面比例"]),
        # a newly introduced list of abilities
        ("Wan 2.5同时还引入了对口型、多镜头叙事等能力。", ["对口型", "多镜头叙事"]),
    ],
)
def test_lists_after_examples_adjustments_and_introductions(text: str, want: list[str]) -> None:
    assert [f for k, _, f in _items(text) if k == "capability"] == want


def test_models_listed_after_what_they_offer_own_it_and_are_no_features() -> None:
    text = "目前唯二支持口型驱动的产品：Vidu Q2和海螺02。"
    assert _items(text) == [("capability", "Vidu Q2", "口型驱动"), ("capability", "Hailuo 02", "口型驱动")]


def test_failure_modes_like_is_no_list_of_features() -> None:
    text = "Veo 3 still shows failure modes like hand drift and object clipping."
    assert [k for k, _, _ in _items(text)] == []


def test_a_two_model_sheet_prices_each_column_from_lengths_and_their_totals() -> None:
    text = (
        "Pika 2.1 Pika 2.2\nCost 8 credits per second 4 credits per second\n"
        "Supported durations 5 seconds (40 total credits)\n10 seconds (80 total credits)\n\n"
        "5 seconds (20 total credits)\n10 seconds (40 total credits)\n"
    )
    assert _priced(text, "credits", "duration_s") == {
        ("Pika 2.1", 8.0, 1.0),
        ("Pika 2.2", 4.0, 1.0),
        ("Pika 2.1", 40.0, 5.0),
        ("Pika 2.1", 80.0, 10.0),
        ("Pika 2.2", 20.0, 5.0),
        ("Pika 2.2", 40.0, 10.0),
    }


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("海螺02生成一条6秒视频要消耗30个“积分”。", 30.0),  # a quoted unit
        ("Hailuo 02: one 6-second clip, 30 total credits.", 30.0),
    ],
)
def test_quoted_and_total_credit_units_are_amounts(text: str, credits: float) -> None:
    assert [c.credits for c in claims_of(text) if c.kind == "price"] == [credits]


def test_total_before_a_time_is_no_amount() -> None:
    assert not [c for c in claims_of("Vidu Q1 took 40 total seconds to render.") if c.kind == "price"]


def test_a_value_line_keeps_the_heading_and_a_brand_product_heading_leaves_the_version() -> None:
    text = (
        "Hailuo 02\n$0.30/6s /generation\n- 10s $0.50\n\n"
        "Hailuo Voice Studio\n$0.05/gen /generation\n\n"
        "Hailuo 2.3 Fast\n$0.20/6s /generation\n"
    )
    got = _priced(text, "price_usd", "duration_s")
    assert ("Hailuo 02", 0.5, 10.0) in got  # the list item under the value line is still Hailuo 02's
    assert not any(p == 0.05 and m == "Hailuo 02" for m, p, _ in got)  # the product's price is not 02's


def test_a_heading_with_a_parenthesis_naming_no_model_ends_the_section_above() -> None:
    text = (
        "Kling O1 and Kling 2.6 rates\n\nKling O1 Image-to-Video (fixed)\n\n5 sec $0.50\n\n"
        "Lip Sync Add-on (any length)\n\nResolution Rate\n720p $0.02/sec\n"
    )
    got = {(c.model, c.price_usd) for c in claims_of(text) if c.kind == "price"}
    assert ("Kling O1", 0.5) in got and ("Kling O1", 0.02) not in got


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("即梦3.0稳居行业第一。", "Jimeng 3.0"),
        ("海螺02依然是当今的No.1。", "Hailuo 02"),
        ("万相2.5是开源视频模型里的一哥。", "Wan 2.5"),
        ("Veo 3 remains the clear number one for audio.", "Veo 3"),
        ("Vidu Q2号称全网最强。", "Vidu Q2"),  # a letter version before 号 is no date
    ],
)
def test_first_place_and_number_one_are_strengths(text: str, model: str) -> None:
    assert _about(text, "strength") == [("strength", model)]


def test_the_object_of_ba_is_not_the_subject_of_the_sentence() -> None:
    text = "Vidu Q1在动作上能把海螺和即梦拉开一截。确实是目前的No.1。\n\n我把海螺02的视频放大后发现很清晰。"
    assert _about(text, "strength") == [
        ("strength", "Vidu Q1"),
        ("strength", "Vidu Q1"),
        ("strength", "Hailuo 02"),  # 把 with no subject named before it: the model is the topic
    ]


def test_costs_a_percent_more_is_a_price_rise() -> None:
    text = "Vidu Q2 and Vidu Q3 rates.\n\nAt 1080p: Q2 = $0.10/sec, Q3 = $0.12/sec. Q3 costs 20% more."
    changes = [(c.model, c.percent, c.direction) for c in claims_of(text) if c.kind == "price_change"]
    assert changes == [("Vidu Q3", 20.0, "up")]


@pytest.mark.parametrize(
    "text",
    [
        "即梦3.0还有更详细的参数调整。",
        "海螺02提供了更高的自由度。",
        "Runway Gen-4 gives finer control over camera moves.",
    ],
)
def test_more_room_to_control_is_a_strength(text: str) -> None:
    assert [k for k, _ in _about(text, "strength")] == ["strength"]
