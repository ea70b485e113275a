"""Enumerations: one capability or limitation per listed item, whether or not the lexicon knows it.

Every example is written for the rule it tests (Simplified, Traditional and English).
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def _items(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.model, c.feature) for c in claims_of(text) if c.kind in ("capability", "limitation")]


@pytest.mark.parametrize(
    ("text", "model", "features"),
    [
        # a grant then items the lexicon does not know, a trailing count cut off
        ("可灵3.0支持文字、图片、视频和音频四种输入。", "Kling 3.0", ["文字", "图片", "视频", "音频"]),
        # a header with a count and a colon
        ("即梦3.0提供四种输入模态：文字、图片、视频、音频。", "Jimeng 3.0", ["文字", "图片", "视频", "音频"]),
        # Traditional, the list goes on after 還有
        ("海螺02新版不僅有運鏡模板、角色庫，還有一鍵成片。", "Hailuo 02", ["運鏡模板", "角色庫", "一鍵成片"]),
        # English: commas and "and" separate items
        (
            "Runway Gen-4 supports text, image and video inputs.",
            "Runway Gen-4",
            ["text", "image", "video inputs"],
        ),
        # the list runs past the clause its grant is in
        (
            "Kling 2.1 supports first and last frame control, multi-shot and camera control.",
            "Kling 2.1",
            ["first and last frame", "multi-shot", "camera control"],
        ),
        (
            "Pika 2.2 offers 16:9, 9:16 and 1:1 aspect ratios.",
            "Pika 2.2",
            ["16:9", "9:16", "1:1", "aspect ratios"],
        ),
        ("Veo 3 is available in 720p and 1080p.", "Veo 3", ["720p", "1080p"]),
        # one item alone: a model's own grant, or a function named by its head noun
        ("Runway Gen-4 supports image uploading.", "Runway Gen-4", ["image uploading"]),
        ("海螺02新增了运动笔刷功能。", "Hailuo 02", ["运动笔刷"]),
    ],
)
def test_every_listed_item_is_a_capability_of_the_model(text: str, model: str, features: list[str]) -> None:
    assert _items(text) == [("capability", model, f) for f in features]


def test_items_of_one_list_share_the_quote_of_the_whole_enumeration() -> None:
    claims = [c for c in claims_of("可灵3.0支持文字、图片、视频和音频四种输入。") if c.kind == "capability"]
    assert {c.quote for c in claims} == {"可灵3.0支持文字、图片、视频和音频四种输入"}
    first = [c for c in claims_of("Kling 2.1 supports lip sync, multi-shot and camera control.")]
    assert {c.quote for c in first} == {"Kling 2.1 supports lip sync, multi-shot and camera control"}


def test_a_list_after_a_limit_is_a_list_of_limitations_and_not_only_is_no_limit() -> None:
    assert _items("可灵只支持文生视频和图生视频，不支持首尾帧。") == [
        ("limitation", "Kling", "文生视频"),
        ("limitation", "Kling", "图生视频"),
        ("limitation", "Kling", "首尾帧"),
    ]
    assert {k for k, _, _ in _items("海螺02不仅支持文生视频，还支持图生视频。")} == {"capability"}


@pytest.mark.parametrize(
    "text",
    [
        "我们这次测试了三种场景：人物、动物、风景。",  # what was tested, not what a model offers
        "这次测试包括人物、动物和风景三类。",
        "可灵2.1除了画质，速度也很快。",
        "海螺02支持一下国产，大家多多支持。",  # 支持 as cheering
        "Sora 2 專注於為專業人士提供真實的物理效果和複雜的敘事。",  # qualities are opinions, not items
        "If you like this, support the creators by watching, liking and subscribing.",
        "可灵 2.1 的时长可选5或10s，一次只能生成一个。",  # a bare number or count is no item
        "海螺02支持文生视频，效果不错。",  # a Chinese comma ends the list
        "海螺02之外，NotebookLM支持网页链接、网盘文件和文字。",  # a product the registry does not know
    ],
)
def test_what_is_no_list_of_features(text: str) -> None:
    listed = [c for c in claims_of(text) if c.kind in ("capability", "limitation")]
    # items the lexicon knows may still be claims (the lengths offered: 5 of "5或10s", 10s); nothing else is
    known = {"文生视频", "10s", "5"}
    assert [c.feature for c in listed if c.feature not in known] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Luma Ray2 requires a reference image.", [("limitation", "Luma Ray2", "reference image")]),
        ("海螺02必须上传一张参考图。", [("limitation", "Hailuo 02", "参考图")]),
        ("Veo 3 prompts are limited to 1000 characters.", [("limitation", "Veo 3", "1000 characters")]),
        ("可灵2.1的提示词最多500字。", [("limitation", "Kling 2.1", "500字")]),
        ("我给可灵2.1写了一段130字的提示词。", []),  # a prompt's length with no cap is no limit
        ("This workflow requires a lot of patience.", []),
        ("With Veo 3 this workflow requires a lot of patience.", []),
    ],
)
def test_what_a_model_must_be_given_and_caps_on_the_prompt_are_limitations(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _items(text) == expected


def test_a_second_list_in_a_sentence_is_quoted_from_its_own_verb() -> None:
    claims = claims_of("Pika 2.2 supports keyframes and offers 16:9 and 9:16 aspect ratios.")
    quotes = {c.feature: c.quote for c in claims if c.kind == "capability"}
    assert quotes["keyframes"].startswith("Pika 2.2 supports keyframes")
    assert quotes["9:16"] == "offers 16:9 and 9:16 aspect ratios"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a model makes its video from: before a Chinese verb of making, after an English one
        ("這款能通過語音和照片生成動畫影片的模型就是Vidu Q2。", ["語音", "照片"]),
        ("Wan 2.2 generates video from text prompts or images.", ["text prompts", "images"]),
        ("通过对比发现，可灵2.1的画面更稳定。", []),
        ("When prompted to animate a person from an uploaded image, Veo 3 did well.", []),
        # an ability said with its manner, and what a model takes as input
        ("Seedance 2.0可以同时上传9张图片、3段视频和3段音频。", ["9张图片", "3段视频", "音频"]),
        ("在可灵3.0里，你可以自由选择5秒或10秒。", ["5秒", "10秒"]),
    ],
)
def test_inputs_and_abilities_said_with_their_manner(text: str, expected: list[str]) -> None:
    assert [f for k, _, f in _items(text) if k == "capability"] == expected


def test_questions_and_timed_clips_state_no_specification() -> None:
    assert _items("海螺02能否支持4K和60帧？") == []
    assert _items("Vidu Q1在30秒生成4秒视频。") == []


SHEET = """Pika spec sheet

  Pika 2.2 Pika 1.5
Max length 10 seconds 5 seconds
Supported durations
5 seconds
10 seconds

4 seconds

Frame rate (FPS) 24fps
Prompt character limit 500 characters

Pick the model in the menu.
"""


def test_a_flattened_spec_sheet_of_two_columns() -> None:
    found = {(c.kind, c.model, c.feature) for c in claims_of(SHEET) if c.kind in ("capability", "limitation")}
    # a row that splits in two: each value to its column
    assert ("capability", "Pika 2.2", "10 seconds") in found
    # values after a blank line, with no label, are the second column of the row above
    assert ("capability", "Pika 1.5", "4 seconds") in found
    assert ("capability", "Pika 2.2", "4 seconds") not in found
    # a labelled row with one value: its first column's; a label then a value is a spec row
    assert ("capability", "Pika 2.2", "24fps") in found
    assert ("limitation", "Pika 2.2", "500 characters") in found
    assert not [f for f in found if f[1] == "Pika 1.5" and f[2] in ("24fps", "500 characters")]


def test_a_value_line_of_a_spec_sheet_quotes_its_row_from_the_label() -> None:
    text = "Pika spec sheet\n\n  Pika 2.2 Pika 1.5\nAspect ratios 16:9 — 1280x720\n9:16 — 720x1280\n"
    quotes = {c.feature: c.quote for c in claims_of(text) if c.kind == "capability"}
    assert quotes["720x1280"] == "Aspect ratios 16:9 — 1280x720\n9:16 — 720x1280"


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("Runway Gen-4 lets you restyle an existing clip.", "capability", "Runway Gen-4"),
        ("Kling 2.1 allows users to extend clips.", "capability", "Kling 2.1"),
        ("可灵O1能对已有视频进行编辑。", "capability", "Kling O1"),
        ("Seedance 2.0能把多个角色在不同镜头里保持一致。", "capability", "Seedance 2.0"),
        ("Sora 2目前仅对美国和加拿大用户开放。", "limitation", "Sora 2"),
        ("Veo 3 is only open to testers in the US for now.", "limitation", "Veo 3"),
    ],
)
def test_abilities_and_limits_told_without_a_feature_word(text: str, kind: str, model: str) -> None:
    assert [(c.kind, c.model) for c in claims_of(text) if c.kind in ("capability", "limitation")] == [
        (kind, model)
    ]


def test_a_feature_stated_twice_in_a_document_is_one_claim() -> None:
    text = "海螺02 1080p 24fps 6秒\n\n总之，海螺02支持1080p，画质够用。"
    found = [(c.kind, c.model, c.feature) for c in claims_of(text) if c.kind == "capability"]
    assert found.count(("capability", "Hailuo 02", "1080p")) == 1


def test_a_batch_count_with_a_cap_is_a_capability() -> None:
    assert [f for _, _, f in _items("可灵3.0一次最多可生成6个镜头。")] == ["一次最多可生成6个"]
