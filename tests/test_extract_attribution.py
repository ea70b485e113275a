"""Which model a claim is about: subjects, yardsticks, epithets, paragraphs, headings, tables."""

from __future__ import annotations

import pytest

from ingest.extract.normalize import normalise
from ingest.extract.registry import load_registry
from tests.extract_helpers import claims_of, scored

REG = load_registry()


def _about(text: str, kind: str | None = None, title: str | None = None) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text, title=title)) if kind in (None, c.kind)]


def test_brand_as_epithet_names_no_model() -> None:
    text = "这才是国产Sora！海螺02的画面很自然。"
    assert {m for _, m in _about(text)} == {"Hailuo 02"}
    assert _about("The Chinese Sora, Vidu Q1, looks very natural.") == [("strength", "Vidu Q1")]


@pytest.mark.parametrize(
    "text",
    [
        "即梦3.0的光影跟Sora有一拼，而且能支持最长12秒。",
        "即梦3.0堪比Sora，还能支持最长10秒。",
        "Unlike Sora, Jimeng 3.0 supports clips up to 10 seconds.",
        # a short modifier between the marker and the yardstick (与前代X相比, 跟老版X比)
        "即梦3.0是新模型。与前代即梦2.1相比，它能支持最长10秒。",
        "即梦3.0是新模型。跟老版即梦2.1比，它能支持最长10秒。",
    ],
)
def test_the_yardstick_of_a_comparison_is_not_the_subject(text: str) -> None:
    got = _about(text, "capability")
    assert got and {m for _, m in got} == {"Jimeng 3.0"}


def test_a_model_named_in_passing_stays_in_its_paragraph() -> None:
    text = "我测了海螺02。\n从图片生成到Sora，什么没见过。\n生成速度很快，1分钟就出来了。"
    assert _about(text, "speed") == [("speed", "Hailuo 02")]


def test_the_subject_of_a_paragraph_carries_into_the_next() -> None:
    text = "上个月我一直在用可灵2.0大师版，收费偏高。\n\n10s一条，要收200灵感值。"
    assert [(c.model, c.credits) for c in claims_of(text) if c.kind == "price"] == [("Kling 2.0 Master", 200)]


def test_a_heading_scopes_the_paragraphs_under_it() -> None:
    text = (
        "## Vidu Q1\n\n一条视频生成速度很快，30秒就出来了。\n\n"
        "## Hailuo 02\n\n生成速度偏慢，等了3分钟。\n\n"
        "## 总结\n\n整体来看海螺02更稳。"
    )
    speeds = [(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"]
    assert speeds == [("Vidu Q1", 30.0), ("Hailuo 02", 180.0)]


def test_an_enumeration_does_not_become_the_topic_of_later_paragraphs() -> None:
    text = "本次测试覆盖可灵、海螺、即梦、Vidu四款产品。\n\n生成速度很快，1分钟就出来了。"
    assert {m for _, m in _about(text, "speed", title="可灵2.1实测")} == {"Kling 2.1"}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("可灵O1的画面很自然。", "Kling O1"),
        ("Runway Gen‑4.5 looks very natural.", "Runway Gen-4.5"),  # a non-breaking hyphen
        ("海艺AI的画面很自然。", "SeaArt"),
        ("Vidu Q3的画面很自然。", "Vidu Q3"),
    ],
)
def test_letter_versions_unicode_hyphens_and_new_brands(text: str, model: str) -> None:
    assert _about(text) == [("strength", model)]


def test_unicode_hyphens_fold_keeping_offsets() -> None:
    text = "Gen‑4.5 and 5–10 秒"
    assert normalise(text) == "gen-4.5 and 5-10 秒" and len(normalise(text)) == len(text)


def test_a_later_bare_brand_moves_the_topic_from_an_earlier_versioned_model() -> None:
    text = "可灵2.1的配色普通，不过海螺这回的表现出乎意料！动作非常流畅。"
    assert ("strength", "Hailuo") in _about(text) or ("strength", "Hailuo 02") in _about(text)
    assert ("strength", "Kling 2.1") not in _about(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("海螺02生成时长可选6或10秒，画面很稳。", []),  # lengths offered, not a time taken
        ("Pika 2.2 extends a clip to 25 seconds maximum.", []),
        ("Pika 2.2 clips are 10 seconds long, and rendering is quick.", []),
        ("在我测了三个小时以后，海螺02给我的感觉是很稳。", []),  # the reviewer's own time
        # a measure word before the amount: the clip's length, whatever follows it
        ("海螺02快速生成一段6秒、画质为768p的短片，画面很稳。", []),
        ("Vidu Q1能生成一个8秒、带音频、分辨率1080p的视频，速度很快。", []),
        ("海螺02生成一段6秒的视频，生成时间30秒左右。", [("Hailuo 02", 30.0, None)]),
        ("Vidu Q1可在40秒内生成一段带音频的视频。", [("Vidu Q1", None, 40.0)]),
        ("Vidu Q1 renders in under 40 seconds.", [("Vidu Q1", None, 40.0)]),
        ("海螺02排队等了3分钟后才出来。", [("Hailuo 02", 180.0, None)]),
    ],
)
def test_speed_is_the_time_a_generation_takes(text: str, expected: list[tuple]) -> None:
    got = [(c.model, c.generation_s, c.generation_s_max) for c in claims_of(text) if c.kind == "speed"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vidu Q1平均每条耗时2分30秒。", [(150.0, None, None)]),
        ("海螺02排队等了20多分钟才轮到我。", [(None, 1200.0, 1800.0)]),
        ("海螺02生成一条要一个半小时。", [(5400.0, None, None)]),
        ("Hailuo 02 generations took roughly a minute and a half each.", [(90.0, None, None)]),
        ("Veo 3 takes around 2-3 minutes per clip.", [(None, 120.0, 180.0)]),
        ("我用海螺02跑了3个小时，一共生成了40条视频。", []),
    ],
)
def test_speed_phrasings(text: str, expected: list[tuple]) -> None:
    got = [
        (c.generation_s, c.generation_s_min, c.generation_s_max) for c in claims_of(text) if c.kind == "speed"
    ]
    assert got == expected


def test_a_vague_amount_is_no_price() -> None:
    assert [c for c in claims_of("海螺02一条要20多积分。") if c.kind == "price"] == []


def test_a_book_or_course_title_states_nothing() -> None:
    assert _about("海螺02实测。目前群里有《从零开始学剪辑》、《六小时快速入门AI绘画》等课程内容。") == []


@pytest.mark.parametrize(
    "text",
    [
        # the subject named in the sentence before: the yardstick must not take the price
        "可灵2.1的价格偏高。以1080p为例，定价为每秒0.8元，比不带音频的海螺02贵0.2元。",
        "可灵2.1的价格偏高。以1080p为例，每秒0.8元，比上一代的 海螺02 还贵。",
    ],
)
def test_a_yardstick_after_bi_with_a_de_phrase_is_not_the_subject(text: str) -> None:
    assert {m for k, m in _about(text) if k == "price"} == {"Kling 2.1"}


def test_an_unnumbered_heading_inside_a_numbered_section_keeps_its_model() -> None:
    text = (
        "一、海螺02：动作自然\n\n海螺02的画面很稳。\n\n"
        "二、可灵2.1：国产的标杆\n\n可灵2.1上线半年了。\n\n主要功能\n\n多任务支持：文生视频、图生视频都有\n"
    )
    assert {m for k, m in _about(text) if k == "capability"} == {"Kling 2.1"}


def test_a_numbered_heading_naming_no_model_goes_back_to_the_document_s_model() -> None:
    text = (
        "海螺02测评\n\n海螺02的画面很稳。\n\n一、可灵2.1：国产的标杆\n\n可灵2.1上线半年了。\n\n"
        "二、功能\n\n多任务支持：文生视频、图生视频都有\n"
    )
    assert {m for k, m in _about(text, title="海螺02测评") if k == "capability"} == {"Hailuo 02"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "我先后试了Vidu Q2和PixVerse V5。前者的镜头很稳，后者的画面更清晰。",
            {("strength", "Vidu Q2"), ("strength", "PixVerse V5")},
        ),
        (
            "I ran Pika 2.2 against Hailuo 02. "
            "The former blurs faces badly, while the latter has excellent motion.",
            {("bug", "Pika 2.2"), ("strength", "Hailuo 02")},
        ),
        # the pair is the one named last: a third model earlier in the text changes nothing
        (
            "Sora 2的画面很稳定。\n\n海螺02和可灵2.1都测了。後者的人物表情非常细腻。",
            {("strength", "Sora 2"), ("strength", "Kling 2.1")},
        ),
    ],
)
def test_the_former_and_the_latter_are_the_two_models_named_last(text: str, expected: set) -> None:
    assert {(c.kind, c.model) for c in scored(claims_of(text))} == expected


def test_former_with_no_pair_named_before_takes_nobody_new() -> None:
    text = "Vidu Q2的画面很稳定。前者的说法不对，画面其实很稳定。"
    assert {c.model for c in scored(claims_of(text))} == {"Vidu Q2"}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # a tier word alone after another brand's model in the sentence: that model's mode
        ("可灵2.1依然是首选；海螺02的性价比更高，标准模式一条6秒视频只要25积分。", "Hailuo 02"),
        # after a yardstick it is still the tier of the brand that sells it
        ("可灵2.1比海螺02贵，标准模式一条5秒视频要20灵感值。", "Kling 2.1"),
    ],
)
def test_a_bare_tier_word_takes_the_model_the_sentence_is_about(text: str, model: str) -> None:
    prices = [c for c in scored(claims_of(text)) if c.kind == "price"]
    assert [c.model for c in prices] == [model]


def test_the_one_model_drawn_from_a_group_is_the_subject() -> None:
    text = "先用可灵2.1和海螺02各跑了一遍。两个模型里只有海螺02把招牌上的字都写出来了。"
    got = {(c.kind, c.model) for c in scored(claims_of(text)) if c.kind == "strength"}
    assert got == {("strength", "Hailuo 02")}


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("Veo 3.1 and Veo 3.1 Fast are both out. The Fast model is very sharp.", "strength", "Veo 3.1 Fast"),
        ("Veo 3.1 and Veo 3.1 Fast are both out. The standard one looks very sharp.", "strength", "Veo 3.1"),
        (
            "Veo 3.1 and Veo 3.1 Fast are both out. The Fast one tends to smear fine detail.",
            "bug",
            "Veo 3.1 Fast",
        ),
    ],
)
def test_the_fast_model_and_the_standard_one_name_variants_of_the_model_named(
    text: str, kind: str, model: str
) -> None:
    assert {(c.kind, c.model) for c in scored(claims_of(text)) if c.kind == kind} == {(kind, model)}


def test_the_standard_one_of_a_version_without_variants_names_nothing_new() -> None:
    text = "Pika 2.2 is out. The standard one looks very sharp."
    assert {c.model for c in scored(claims_of(text)) if c.kind == "strength"} <= {"Pika 2.2"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("这次对比可灵2.1和海螺02。画面上各有千秋。它们都支持图生视频。", "capability"),
        ("这次对比可灵2.1和海螺02。画面上各有千秋。它俩都没有出现穿模。", "strength"),
    ],
)
def test_a_pronoun_for_the_pair_stands_for_both_models_compared(text: str, kind: str) -> None:
    found = {(c.kind, c.model) for c in scored(claims_of(text))}
    assert {(kind, "Kling 2.1"), (kind, "Hailuo 02")} <= found


def test_three_models_named_then_all_three_of_them() -> None:
    text = "我测了可灵2.1、海螺02和Vidu Q1。三个模型都支持首尾帧。"
    found = {c.model for c in scored(claims_of(text)) if c.kind == "capability"}
    assert found == {"Kling 2.1", "Hailuo 02", "Vidu Q1"}


def test_a_pair_of_things_that_are_not_models_is_no_stand_in() -> None:
    text = "这次对比可灵2.1和海螺02。提示词里有两只猫。两只猫都跳得很自然。"
    assert len({c.model for c in scored(claims_of(text)) if "两只猫都" in c.quote}) <= 1


def test_both_before_a_plural_noun_is_no_pair_of_models() -> None:
    text = "I compared Veo 3 and Sora 2. Both hands of the dancer looked natural in Veo 3."
    assert {c.model for c in scored(claims_of(text))} == {"Veo 3"}
    text = "I compared Veo 3 and Sora 2. Both clips showed flicker."
    assert {c.model for c in scored(claims_of(text))} == {"Veo 3", "Sora 2"}


def test_a_comma_list_ending_in_and_is_one_group() -> None:
    claims = scored(claims_of("Veo 3.1, Sora 2 and Kling 2.5 Turbo all struggled with text on signs."))
    assert {c.model for c in claims if c.kind == "bug"} == {"Veo 3.1", "Sora 2", "Kling 2.5 Turbo"}


def test_the_model_an_upgrade_is_from_is_a_yardstick() -> None:
    text = (
        "Hailuo 02 Pro is a significant upgrade from Hailuo 01. Currently ranked #2 globally in benchmarks."
    )
    assert {c.model for c in scored(claims_of(text))} == {"Hailuo 02"}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("今天的主角是Vidu Q2。\n\n画面里的小狗突然多了一条腿。这段由Pika生成的视频很快就传开了。", "Pika"),
        (
            "Vidu Q2 is the headline.\n\nThe dog suddenly grows a fifth leg. This clip was made by Pika.",
            "Pika",
        ),
        # the next sentence names a model but not as the maker: the topic stays
        ("今天的主角是Vidu Q2。\n\n画面里的小狗突然多了一条腿。后来Pika也更新了。", "Vidu Q2"),
    ],
)
def test_the_next_sentence_naming_who_made_the_clip_gives_the_subject(text: str, model: str) -> None:
    assert [m for k, m in _about(text) if k == "bug"][:1] == [model]


def test_a_clause_naming_no_model_belongs_to_a_later_group_that_all_have_it() -> None:
    text = "今天聊聊Wan 2.2。\n\n说到运动笔刷功能，海螺02、Vidu Q1等国产模型都可以实现。"
    got = sorted(m or "" for k, m in _about(text, "capability"))
    assert got == ["Hailuo 02", "Vidu Q1"]
